import FormulaSyntax

/// A problem in a model file: where it is, what is wrong, and what might fix it.
public struct Diagnostic: Error, Hashable, Sendable {
  public enum Severity: String, Sendable {
    case error
    case warning
    case note
  }

  public var severity: Severity
  public var message: String
  /// Byte span in the model file; nil for problems of the file as a whole.
  public var span: SourceSpan?
  public var suggestion: String?

  public init(
    _ message: String, span: SourceSpan?, suggestion: String? = nil, severity: Severity = .error
  ) {
    self.severity = severity
    self.message = message
    self.span = span
    self.suggestion = suggestion
  }
}
