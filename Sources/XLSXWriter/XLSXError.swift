import CXLSXWriter

/// A failure reported by libxlsxwriter, or detected by XLSXWriter before it would reach the C library.
///
/// One error type for the whole module so that callers can render every export problem as one
/// diagnostic: the machine-readable `code`, libxlsxwriter's own text (`lxw_strerror`) or ours, and the
/// context of the failing call (C function, sheet, cell) travel together across the C boundary.
public struct XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, in a form callers can switch over.
  public enum Code: Equatable, Sendable {
    /// libxlsxwriter returned this non-zero `lxw_error` raw value.
    case library(UInt32)
    /// A row index outside 0..<1,048,576.
    case rowOutOfRange(Int)
    /// A column index outside 0..<16,384.
    case columnOutOfRange(Int)
    /// NaN or an infinity: libxlsxwriter would write an invalid file, so callers must pass an error value.
    case nonFiniteNumber
    /// An argument that libxlsxwriter would reject, truncate or only warn about on stderr.
    case invalidArgument
    /// The workbook was already closed (or discarded); no further calls are possible.
    case workbookClosed
    /// A format handle created by a different workbook.
    case foreignFormat
    /// libxlsxwriter returned NULL from a constructor (out of memory or rejected input).
    case creationFailed
    /// The written package could not be post-processed (boolean/error cached results).
    case packageRewrite
    /// Reading or writing the output file failed outside libxlsxwriter.
    case io
  }

  /// The kind of failure.
  public let code: Code
  /// Human-readable reason: `lxw_strerror` text for library errors, otherwise our own.
  public let message: String
  /// The C function (or XLSXWriter operation) that failed, e.g. `worksheet_write_number`.
  public let call: String
  /// Worksheet name, when the failure concerns one sheet.
  public let sheet: String?
  /// Cell reference in A1 notation, when the failure concerns one cell.
  public let cell: String?

  /// Creates an error; `message` defaults to libxlsxwriter's text for library codes.
  public init(
    _ code: Code, message: String? = nil, call: String, sheet: String? = nil, cell: String? = nil
  ) {
    self.code = code
    self.message = message ?? XLSXError.defaultMessage(for: code)
    self.call = call
    self.sheet = sheet
    self.cell = cell
  }

  /// `call (sheet 'Name', cell B5): message` — one line, ready for a diagnostic.
  public var description: String {
    var location: [String] = []
    if let sheet { location.append("sheet '\(sheet)'") }
    if let cell { location.append("cell \(cell)") }
    let place = location.isEmpty ? "" : " (" + location.joined(separator: ", ") + ")"
    return "\(call)\(place): \(message)"
  }

  private static func defaultMessage(for code: Code) -> String {
    switch code {
    case .library(let raw): return String(cString: lxw_strerror(lxw_error(rawValue: raw)))
    case .rowOutOfRange(let row): return "row index \(row) is outside 0..<\(CellAddress.rowLimit)"
    case .columnOutOfRange(let column):
      return "column index \(column) is outside 0..<\(CellAddress.columnLimit)"
    case .nonFiniteNumber: return "NaN and infinities cannot be stored; write an error value instead"
    case .invalidArgument: return "invalid argument"
    case .workbookClosed: return "the workbook is already closed"
    case .foreignFormat: return "the format belongs to a different workbook"
    case .creationFailed: return "libxlsxwriter could not create the object"
    case .packageRewrite: return "the written package could not be post-processed"
    case .io: return "file input/output failed"
    }
  }
}

/// Where a C call happened; built lazily so the per-cell fast path allocates no strings.
struct CallSite {
  let call: String
  var sheet: String? = nil
  var cell: String? = nil
}

/// Turns an `lxw_error` into `XLSXError`; the single place where libxlsxwriter return codes are judged.
///
/// The context is an autoclosure because it is only needed on failure, and this runs once per cell.
@inline(__always)
func check(_ result: lxw_error, _ site: @autoclosure () -> CallSite) throws(XLSXError) {
  if result == LXW_NO_ERROR { return }
  let location = site()
  throw XLSXError(
    .library(result.rawValue), call: location.call, sheet: location.sheet, cell: location.cell)
}
