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
}
