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
      DiagnosticRenderer.render(Array(diagnostics.prefix(Self.shownDiagnostics)), in: source) + "\n"
        + (diagnostics.count > Self.shownDiagnostics
          ? "... \(diagnostics.count - Self.shownDiagnostics) more not shown\n" : "")
        + "\(diagnostics.filter { $0.severity == .error }.count) error(s) in \(source.path)"
    }
  }

  /// At most this many diagnostics are printed: a binary or mangled file can have an error on
  /// every one of a million lines, and the first few say what is wrong.
  public static let shownDiagnostics = 50
}

extension ModelLoadError: CustomStringConvertible {
  public var description: String { rendered }
}
