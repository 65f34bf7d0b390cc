/// Prints a parsed formula back as Excel formula text for a particular cell.
///
/// Relative references are shifted to `cell`, which is how one shared formula is written into
/// every cell of a filled range. `futurePrefix` tells which functions the file format stores with
/// the `_xlfn.` prefix (IFS, XLOOKUP, …).
public struct FormulaPrinter {
  public var futurePrefix: (String) -> Bool
  /// When set, references written without a sheet are printed on this sheet: how a defined name
  /// whose references follow the sheet using it is exported as one sheet-level name per sheet.
  public var sheetForSheetlessReferences: String?

  public init(futurePrefix: @escaping (String) -> Bool = { _ in false }) {
    self.futurePrefix = futurePrefix
  }

  /// The formula text without the leading `=`.
  public func print(_ expression: FormulaExpression, at cell: GridPoint) -> String {
    var out = ""
    write(expression, at: cell, into: &out)
    return out
  }

  private func write(_ expression: FormulaExpression, at cell: GridPoint, into out: inout String) {
    switch expression.kind {
    case .number(let value): out += Self.number(value)
    case .text(let value): out += Self.text(value)
    case .boolean(let value): out += value ? "TRUE" : "FALSE"
    case .error(let value): out += value == .cycle ? ExcelError.number.rawValue : value.rawValue
    case .missing: break
    case .name(let name): out += name
    case .array(let rows):
      out += "{"
      for (r, row) in rows.enumerated() {
        if r > 0 { out += ";" }
        for (c, item) in row.enumerated() {
          if c > 0 { out += "," }
          write(item, at: cell, into: &out)
        }
      }
      out += "}"
    case .cell(let sheet, let reference):
      let point = reference.resolved(from: cell)
      // A reference shifted off the grid is the #REF! error, written without its sheet: the
      // error is the same, and `Sheet!#REF!` would tie the text to a sheet it no longer uses.
      guard point.isOnGrid else {
        out += ExcelError.reference.rawValue
        return
      }
      out += (sheet ?? sheetForSheetlessReferences).map { SheetNameQuoting.quoted($0) + "!" } ?? ""
      out += Self.cell(reference, point)
    case .area(let sheet, let reference):
      let text = Self.area(reference, at: cell)
      if text != ExcelError.reference.rawValue {
        out += (sheet ?? sheetForSheetlessReferences).map { SheetNameQuoting.quoted($0) + "!" } ?? ""
      }
      out += text
    case .prefix(let op, let operand):
      out += op.rawValue
      write(operand, at: cell, into: &out)
    case .postfix(let op, let operand):
      write(operand, at: cell, into: &out)
      out += op.rawValue
    case .infix(let op, let lhs, let rhs):
      write(lhs, at: cell, into: &out)
      out += op.rawValue
      write(rhs, at: cell, into: &out)
    case .parenthesized(let inner):
      out += "("
      write(inner, at: cell, into: &out)
      out += ")"
    case .intersection(let lhs, let rhs):
      // Excel stores the intersection operator as the space itself.
      write(lhs, at: cell, into: &out)
      out += " "
      write(rhs, at: cell, into: &out)
    case .union(let areas):
      out += "("
      for (index, area) in areas.enumerated() {
        if index > 0 { out += "," }
        write(area, at: cell, into: &out)
      }
      out += ")"
    case .call(let name, _, let arguments):
      out += (futurePrefix(name) ? "_xlfn." : "") + name + "("
      for (index, argument) in arguments.enumerated() {
        if index > 0 { out += "," }
        write(argument, at: cell, into: &out)
      }
      out += ")"
    }
  }

  /// A number as Excel writes it in formulas: shortest round-trip digits, `E` exponent.
  public static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)".uppercased()
  }

  static func text(_ value: String) -> String {
    var out = "\""
    for character in value { out += character == "\"" ? "\"\"" : String(character) }
    return out + "\""
  }

  static func cell(_ reference: CellReference, _ point: GridPoint) -> String {
    (reference.column.isAbsolute ? "$" : "") + A1Notation.columnName(point.column)
      + (reference.row.isAbsolute ? "$" : "") + String(point.row + 1)
  }

  static func area(_ reference: AreaReference, at cell: GridPoint) -> String {
    switch reference {
    case .cells(let a, let b):
      let p = a.resolved(from: cell)
      let q = b.resolved(from: cell)
      guard p.isOnGrid, q.isOnGrid else { return "#REF!" }
      return Self.cell(a, p) + ":" + Self.cell(b, q)
    case .columns(let a, let b):
      let first = a.resolved(from: cell.column)
      let last = b.resolved(from: cell.column)
      guard (0..<Grid.columnCount).contains(first), (0..<Grid.columnCount).contains(last) else {
        return "#REF!"
      }
      return (a.isAbsolute ? "$" : "") + A1Notation.columnName(first) + ":" + (b.isAbsolute ? "$" : "")
        + A1Notation.columnName(last)
    case .rows(let a, let b):
      let first = a.resolved(from: cell.row)
      let last = b.resolved(from: cell.row)
      guard (0..<Grid.rowCount).contains(first), (0..<Grid.rowCount).contains(last) else { return "#REF!" }
      return (a.isAbsolute ? "$" : "") + String(first + 1) + ":" + (b.isAbsolute ? "$" : "")
        + String(last + 1)
    }
  }
}
