import FormulaSyntax

/// One condition of COUNTIF, SUMIF(S), AVERAGEIF(S), MINIFS, MAXIFS: Excel's criteria language.
///
/// A criterion is a value (`5`, `TRUE`, `#N/A`: equal to it) or a text made of an optional
/// operator (`=`, `<>`, `<`, `<=`, `>`, `>=`) and an operand. The operand is read as a number
/// when it looks like one (`">5"`, `"10"`), then as TRUE/FALSE or an error literal, else as text,
/// compared without case and, for `=` and `<>`, with wildcards (`a*`, `?b`, `~*`). An empty
/// operand is about blank cells: `""` matches empty cells and empty text, `"="` only truly empty
/// cells, `"<>"` every non-empty cell. A reference to an empty cell means 0.
///
/// Cells of another type never satisfy `=` or an ordering (text is not `> 5`); `<>` is the exact
/// negation of `=`, so it also matches blanks, other types and errors.
public struct Criterion: Sendable {
  public enum Operator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
  }

  enum Operand: Sendable {
    /// `fromText`: the number was written as text, so numeric text in cells matches it too.
    case number(Double, fromText: Bool)
    /// Lower-cased text, with its wildcard pattern when `=`/`<>` and it holds wildcards.
    case text(String, WildcardPattern?)
    /// `fromText`: written as "TRUE"/"FALSE", so the text TRUE/FALSE in cells matches too.
    case boolean(Bool, fromText: Bool)
    case error(ExcelError)
    /// An empty operand written without operator (`""`): blank cells and empty text.
    case blankOrEmptyText
    /// `"="` and `"<>"` with nothing after them: truly empty cells.
    case blank
  }

  public let op: Operator
  let operand: Operand

  /// The criterion a COUNTIF-style argument value stands for.
  public init(_ value: CellValue) {
    switch value {
    case .empty: (op, operand) = (.equal, .number(0, fromText: false))
    case .number(let number): (op, operand) = (.equal, .number(number, fromText: false))
    case .boolean(let flag): (op, operand) = (.equal, .boolean(flag, fromText: false))
    case .error(let error): (op, operand) = (.equal, .error(error))
    case .text(let text): (op, operand) = Criterion.parse(text)
    }
  }

  private static func parse(_ text: String) -> (Operator, Operand) {
    let (op, explicit, rest) = splitOperator(text)
    if rest.isEmpty {
      if !explicit { return (.equal, .blankOrEmptyText) }
      if op == .equal || op == .notEqual { return (op, .blank) }
      return (op, .text("", nil))
    }
    if let number = NumberText.number(rest) { return (op, .number(number, fromText: true)) }
    switch rest.uppercased() {
    case "TRUE": return (op, .boolean(true, fromText: true))
    case "FALSE": return (op, .boolean(false, fromText: true))
    default: break
    }
    if let error = ExcelError(literal: rest), error != .cycle { return (op, .error(error)) }
    let usesPattern = (op == .equal || op == .notEqual) && WildcardPattern.hasWildcards(rest)
    let pattern = usesPattern ? WildcardPattern(rest) : nil
    return (op, .text(rest.lowercased(), pattern))
  }

  /// The leading operator (two-character ones first), whether one was written, and the rest.
  private static func splitOperator(_ text: String) -> (Operator, Bool, String) {
    let table: [(String, Operator)] = [
      ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("<>", .notEqual),
      ("<", .less), (">", .greater), ("=", .equal),
    ]
    for (symbol, op) in table where text.hasPrefix(symbol) {
      return (op, true, String(text.dropFirst(symbol.count)))
    }
    return (.equal, false, text)
  }

  /// Whether a cell value satisfies the criterion.
  public func matches(_ value: CellValue) -> Bool {
    switch op {
    case .equal: return equals(value)
    case .notEqual: return !equals(value)
    default:
      guard let order = order(of: value) else { return false }
      switch op {
      case .less: return order < 0
      case .lessOrEqual: return order <= 0
      case .greater: return order > 0
      default: return order >= 0
      }
    }
  }

  /// Whether the criterion matches an empty cell (COUNTIF counts blanks past the used area).
  public var matchesEmpty: Bool { matches(.empty) }

  private func equals(_ value: CellValue) -> Bool {
    switch (operand, value) {
    case (.blankOrEmptyText, .empty): return true
    case (.blankOrEmptyText, .text(let text)): return text.isEmpty
    case (.blank, .empty): return true
    case (.number(let number, _), .number(let cell)):
      return ApproximateArithmetic.equal(number, cell)
    case (.number(let number, true), .text(let text)):
      guard let cell = NumberText.number(text) else { return false }
      return ApproximateArithmetic.equal(number, cell)
    case (.text(let text, let pattern), .text(let cell)):
      if let pattern { return pattern.matches(cell) }
      return text == cell.lowercased()
    case (.boolean(let flag, _), .boolean(let cell)): return flag == cell
    case (.boolean(let flag, true), .text(let text)): return text.uppercased() == (flag ? "TRUE" : "FALSE")
    case (.error(let error), .error(let cell)): return error == cell
    default: return false
    }
  }

  /// -1, 0 or 1 comparing the cell with the operand, nil when the types do not compare.
  private func order(of value: CellValue) -> Int? {
    switch (operand, value) {
    case (.number, .number), (.boolean, .boolean):
      return ValueComparison.compare(value, operandValue)
    case (.text(let text, _), .text(let cell)):
      return ValueComparison.compareText(cell, text)
    default: return nil
    }
  }

  private var operandValue: CellValue {
    switch operand {
    case .number(let number, _): .number(number)
    case .boolean(let flag, _): .boolean(flag)
    case .text(let text, _): .text(text)
    case .error(let error): .error(error)
    case .blankOrEmptyText, .blank: .empty
    }
  }
}
