/// Why a model could not be loaded.
public enum ModelLoadError: Error, Sendable {
  /// The path could not be read as a model file (missing, a directory, unreadable, binary).
  case unreadable(path: String, reason: String)
  /// The file was read but has errors; every one is listed.
  case invalid(source: SourceText, diagnostics: [Diagnostic])

  /// The message for the terminal, with every diagnostic rendered.
  public var rendered: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): error: \(reason)"
    case .invalid(let source, let diagnostics):
      DiagnosticRenderer.render(diagnostics, in: source) + "\n"
        + "\(diagnostics.filter { $0.severity == .error }.count) error(s) in \(source.path)"
    }
  }
}

extension ModelLoadError: CustomStringConvertible {
  public var description: String { rendered }
}
