import FormulaSyntax
import SpreadsheetEngine

/// The `--format json` contract: one object keyed by sheet name, each an object keyed by the A1
/// address of every non-empty cell; numbers are JSON numbers, text strings, booleans true/false,
/// errors `{"error": "#DIV/0!"}`. Sheets and cells appear in workbook and row-major order.
public enum JSONResultWriter {
  public static func render(_ model: Model, selection: ResultSelection) -> String {
    var out = "{"
    for (position, sheet) in selection.sheets.enumerated() {
      out += position == 0 ? "\n" : ",\n"
      out += "  " + quote(model.workbook.sheets[sheet].name) + ": {"
      let cells = selection.cells(of: model, sheet: sheet)
      for (index, cell) in cells.enumerated() {
        out += index == 0 ? "\n" : ",\n"
        out += "    " + quote(A1Notation.cellName(cell.point)) + ": " + value(cell.value)
      }
      out += cells.isEmpty ? "}" : "\n  }"
    }
    out += selection.sheets.isEmpty ? "}\n" : "\n}\n"
    return out
  }

  /// One value in the JSON encoding of the contract.
  public static func value(_ value: CellValue) -> String {
    switch value {
    case .empty: "null"
    case .number(let number): self.number(number)
    case .text(let text): quote(text)
    case .boolean(let flag): flag ? "true" : "false"
    case .error(let error): "{\"error\": \(quote(error.rawValue))}"
    }
  }

  /// Shortest text that reads back as the same double; integers without a fraction.
  public static func number(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number))
    }
    return "\(number)"
  }

  /// A JSON string literal.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
