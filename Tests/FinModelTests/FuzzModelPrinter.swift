import FormulaSyntax
import ModelFormat
import SpreadsheetEngine

/// Writes a loaded model back as model text: every constant as a literal and every formula
/// printed by `FormulaPrinter` for its own cell (the text the exporter puts in the workbook).
///
/// Loading that text and recalculating must give the same value in every cell: the fuzz run's
/// round-trip oracle for the printer, the parser and the binder.
enum FuzzModelPrinter {
  /// The model's text, or nil when a formula prints past Excel's limits (length, nesting), which
  /// printing may legitimately do (`1e14` prints as fifteen digits) and which the round trip
  /// would then reject for that reason alone.
  static func text(of model: Model) -> String? {
    let printer = FormulaPrinter()
    let engine = model.workbook
    var lines: [String] = []
    for key in engine.nameOrder {
      guard let name = engine.definedNames[key] else { continue }
      lines.append("name \(name.name) = " + printer.print(name.expression, at: GridPoint(row: 0, column: 0)))
    }
    for sheet in engine.sheets.indices {
      lines.append("[\(engine.sheets[sheet].name)]")
      for cell in engine.cells(onSheet: sheet) {
        let address = A1Notation.cellName(cell.point)
        switch cell.content {
        case .formula(let index):
          let text = printer.print(engine.formulas[Int(index)].syntax, at: cell.point)
          guard text.count <= FormulaLimits.maximumLength else { return nil }
          lines.append("\(address): =\(text)")
        case .constant(let value):
          guard let literal = literal(value) else { continue }
          lines.append("\(address): \(literal)")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A constant as a model literal; nil for a blank.
  static func literal(_ value: CellValue) -> String? {
    switch value {
    case .empty: nil
    case .number(let number): "\(number)"
    case .text(let text): "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    case .boolean(let flag): flag ? "TRUE" : "FALSE"
    case .error(let error): error.rawValue
    }
  }
}
