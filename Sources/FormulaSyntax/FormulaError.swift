/// A syntax error in a formula, with the span it concerns and an optional suggestion.
public struct FormulaSyntaxError: Error, Hashable, Sendable {
  public var message: String
  public var span: SourceSpan
  public var suggestion: String?

  public init(_ message: String, span: SourceSpan, suggestion: String? = nil) {
    self.message = message
    self.span = span
    self.suggestion = suggestion
  }
}

/// Limits that keep hostile formulas from exhausting the stack or memory.
public enum FormulaLimits {
  /// Excel's maximum formula length in characters.
  public static let maximumLength = 8_192
  /// Maximum nesting of parentheses, calls and operators (Excel allows 64 nested function levels;
  /// operator chains nest too, so this is set higher but still far below stack exhaustion).
  public static let maximumDepth = 256
  /// Maximum height of a formula's tree. Each operator of a chain such as `1+2+…` adds a level
  /// (the parser builds chains with a loop, so `maximumDepth` does not bound them); evaluation
  /// and binding recurse once per level, and 1,024 levels keep that well inside an 8 MB stack
  /// even in debug builds.
  public static let maximumHeight = 1_024
  /// Maximum number of nodes of a formula once its defined names are expanded (names are inlined
  /// at binding time, so names built from names could otherwise grow exponentially).
  public static let maximumExpandedSize = 100_000
}
