import FormulaSyntax

/// A problem found while resolving a formula's sheets, names and functions.
public struct BindingIssue: Error, Hashable, Sendable {
  public var message: String
  public var span: SourceSpan
  public var suggestion: String?

  public init(_ message: String, span: SourceSpan, suggestion: String? = nil) {
    self.message = message
    self.span = span
    self.suggestion = suggestion
  }
}

/// All binding problems of one formula.
public struct BindingIssues: Error, Sendable {
  public var issues: [BindingIssue]
}
