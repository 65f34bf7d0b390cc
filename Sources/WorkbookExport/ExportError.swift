import ModelFormat
import XLSXWriter

/// Why an export did not produce a workbook. In every case the target file is left untouched.
public enum ExportError: Error, Sendable {
  /// The model breaks a rule of the file format (sheet names, text length, chart ranges…).
  case invalidModel([Diagnostic])
  /// The output path cannot be written (missing directory, permission, a directory in the way).
  case unwritable(path: String, reason: String)
  /// libxlsxwriter reported a failure.
  case writer(XLSXError)
  /// Interrupted by a signal before the file was complete.
  case interrupted

  public func rendered(source: SourceText) -> String {
    switch self {
    case .invalidModel(let diagnostics): DiagnosticRenderer.render(diagnostics, in: source)
    case .unwritable(let path, let reason): "\(path): error: cannot write the workbook: \(reason)"
    case .writer(let error): "error: writing the workbook failed: \(error.description)"
    case .interrupted: "error: interrupted; the previous output was left untouched"
    }
  }
}

extension ExportError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .invalidModel(let diagnostics): diagnostics.map(\.message).joined(separator: "; ")
    case .unwritable(let path, let reason): "\(path): \(reason)"
    case .writer(let error): error.description
    case .interrupted: "interrupted"
    }
  }
}
