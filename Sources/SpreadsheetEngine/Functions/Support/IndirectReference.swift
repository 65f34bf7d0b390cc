import FormulaSyntax

/// INDIRECT: the reference a text names, built at evaluation time.
///
/// The text is an A1 reference (`B2`, `$B$2:C9`, `'Cash Runway'!B2`, `B:B`), a defined name
/// that is a reference, or with `a1` FALSE an R1C1 reference (`R2C3`, `R[-1]C`, `R1C1:R3C2`,
/// relative parts counted from the formula's cell). Anything else is #REF!, as in Excel. Like
/// OFFSET it is volatile and asks the walk to settle the cells it names first.
enum IndirectReference {
  static func evaluate(_ args: Arguments) throws(ExcelError) -> Operand {
    let text = try args.text(0)
    let a1 = try args.boolean(1, default: true)
    let context = args.context
    guard !text.isEmpty, text.utf8.count <= 255 else { throw .reference }
    let target = a1 ? a1Target(text, context: context) : r1c1Target(text, origin: context.origin)
    guard let target, target.area.isOnGrid else { throw .reference }
    var sheet = context.sheet
    if let sheetName = target.sheet {
      guard let index = context.workbook.sheetIndex(named: sheetName) else { throw .reference }
      sheet = index
    }
    let result = RangeReference(sheet: sheet, area: target.area)
    try context.requireSettled(result)
    return .reference(result)
  }

  /// An A1 reference as the formula parser reads it (sheet, quotes and `$` included), or a
  /// defined name that is one (relative to A1, as names are).
  private static func a1Target(_ text: String, context: EvaluationContext) -> (
    sheet: String?, area: GridArea
  )? {
    guard let expression = try? FormulaParser.parse(text, anchor: context.origin) else { return nil }
    if case .name(let name) = expression.kind {
      guard let definition = context.workbook.definedNames[name.uppercased()] else { return nil }
      return target(of: definition.expression, origin: GridPoint(row: 0, column: 0))
    }
    return target(of: expression, origin: context.origin)
  }

  private static func target(of expression: FormulaExpression, origin: GridPoint) -> (
    sheet: String?, area: GridArea
  )? {
    switch expression.kind {
    case .cell(let sheet, let reference): (sheet, GridArea(reference.resolved(from: origin)))
    case .area(let sheet, let reference): (sheet, normalized(reference.resolved(from: origin)))
    default: nil
    }
  }

  /// `Sheet!R1C1` with the sheet's quotes removed (`''` read as `'`).
  private static func r1c1Target(_ text: String, origin: GridPoint) -> (sheet: String?, area: GridArea)? {
    var sheet: String?
    var local = Substring(text)
    if let bang = text.lastIndex(of: "!") {
      var name = String(text[..<bang])
      if name.count >= 2, name.hasPrefix("'"), name.hasSuffix("'") {
        name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
      }
      sheet = name
      local = text[text.index(after: bang)...]
    }
    return r1c1Area(String(local), origin: origin).map { (sheet, $0) }
  }

  /// `R2C3`, `R[-1]C[2]`, `RC`, and ranges of two such cells.
  private static func r1c1Area(_ text: String, origin: GridPoint) -> GridArea? {
    let parts = text.uppercased().split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return nil }
    var points: [GridPoint] = []
    for part in parts {
      guard let point = r1c1Cell(Substring(part), origin: origin) else { return nil }
      points.append(point)
    }
    return normalized(
      GridArea(
        top: points[0].row, left: points[0].column, bottom: points.last!.row, right: points.last!.column))
  }

  private static func r1c1Cell(_ text: Substring, origin: GridPoint) -> GridPoint? {
    var rest = text
    guard rest.first == "R" else { return nil }
    rest = rest.dropFirst()
    guard let row = axis(&rest, origin: origin.row), rest.first == "C" else { return nil }
    rest = rest.dropFirst()
    guard let column = axis(&rest, origin: origin.column), rest.isEmpty else { return nil }
    return GridPoint(row: row, column: column)
  }

  /// `5` (absolute, 1-based), `[-2]` (relative) or nothing (the origin's own row or column).
  private static func axis(_ text: inout Substring, origin: Int) -> Int? {
    if text.first == "[" {
      guard let close = text.firstIndex(of: "]"),
        let offset = Int(text[text.index(after: text.startIndex)..<close])
      else { return nil }
      text = text[text.index(after: close)...]
      return origin + offset
    }
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    text = text.dropFirst(digits.count)
    guard !digits.isEmpty else { return origin }
    guard digits.count <= 7, let number = Int(digits), number >= 1 else { return nil }
    return number - 1
  }

  private static func normalized(_ area: GridArea) -> GridArea {
    GridArea(
      top: min(area.top, area.bottom), left: min(area.left, area.right), bottom: max(area.top, area.bottom),
      right: max(area.left, area.right))
  }
}
