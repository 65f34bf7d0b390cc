import FormulaSyntax
import SpreadsheetEngine

/// `--format csv`: one row per non-empty cell, `sheet,cell,value`, RFC 4180 quoting.
///
/// A long format rather than a grid, so several sheets fit one stream and diffs stay line-based.
/// Numbers are written with full precision (shortest round-trip form), errors as their code.
public enum CSVResultWriter {
  public static func render(_ model: Model, selection: ResultSelection) -> String {
    var out = "sheet,cell,value\n"
    for sheet in selection.sheets {
      let name = model.workbook.sheets[sheet].name
      for cell in selection.cells(of: model, sheet: sheet) {
        out += field(name) + "," + A1Notation.cellName(cell.point) + "," + field(text(cell.value)) + "\n"
      }
    }
    return out
  }

  static func text(_ value: CellValue) -> String {
    switch value {
    case .number(let number): JSONResultWriter.number(number)
    default: value.description
    }
  }

  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
