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
    let origin = context.origin
    guard !text.isEmpty, text.utf8.count <= 255 else { throw .reference }
    let (sheetName, local) = split(text)
    var sheet = context.sheet
    if let sheetName {
      guard let index = context.workbook.sheetIndex(named: sheetName) else { throw .reference }
      sheet = index
    }
    let area: GridArea
    if a1 {
      guard let resolved = a1Area(local, sheetGiven: sheetName != nil, context: context, sheet: &sheet) else {
        throw .reference
      }
      area = resolved
    } else {
      guard let resolved = r1c1Area(local, origin: origin) else { throw .reference }
      area = resolved
    }
    guard area.isOnGrid else { throw .reference }
    let result = RangeReference(sheet: sheet, area: area)
    try context.requireSettled(result)
    return .reference(result)
  }

  /// The sheet part (quotes removed, `''` read as `'`) and the rest of `Sheet!A1`.
  static func split(_ text: String) -> (sheet: String?, local: String) {
    guard let bang = text.lastIndex(of: "!") else { return (nil, text) }
    var sheet = String(text[..<bang])
    if sheet.count >= 2, sheet.hasPrefix("'"), sheet.hasSuffix("'") {
      sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    return (sheet, String(text[text.index(after: bang)...]))
  }

  /// An A1 reference or a defined name that is one (a name may carry its own sheet).
  private static func a1Area(
    _ text: String, sheetGiven: Bool, context: EvaluationContext, sheet: inout Int
  ) -> GridArea? {
    let origin = context.origin
    guard let expression = try? FormulaParser.parse(text, anchor: origin) else { return nil }
    switch expression.kind {
    case .cell(nil, let reference):
      return GridArea(reference.resolved(from: origin))
    case .area(nil, let reference):
      return normalized(reference.resolved(from: origin))
    case .name(let name) where !sheetGiven:
      guard let definition = context.workbook.definedNames[name.uppercased()] else { return nil }
      let nameOrigin = GridPoint(row: 0, column: 0)
      let target: (String?, GridArea)
      switch definition.expression.kind {
      case .cell(let sheetName, let reference):
        target = (sheetName, GridArea(reference.resolved(from: nameOrigin)))
      case .area(let sheetName, let reference):
        target = (sheetName, normalized(reference.resolved(from: nameOrigin)))
      default: return nil
      }
      if let sheetName = target.0 {
        guard let index = context.workbook.sheetIndex(named: sheetName) else { return nil }
        sheet = index
      }
      return target.1
    default:
      return nil
    }
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
