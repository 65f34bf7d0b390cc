import CXLSXWriter

/// One worksheet of an `XLSXWorkbook`; writes cells and sheet settings.
///
/// Rows and columns are 0-based `Int`s, range-checked before they are converted to libxlsxwriter's
/// UInt32/UInt16. Every method throws `XLSXError` (with sheet and cell in its context) instead of
/// letting a bad value reach the C library; after the workbook is closed every call throws
/// `.workbookClosed`.
public final class XLSXWorksheet {
  let core: WorkbookCore
  let record: SheetRecord

  init(core: WorkbookCore, record: SheetRecord) {
    self.core = core
    self.record = record
  }

  /// The sheet name as given to `addWorksheet(named:)`.
  public var name: String { record.name }

  /// Writes a finite number. NaN and infinities throw `.nonFiniteNumber`.
  public func writeNumber(
    _ value: Double, row: Int, column: Int, format: XLSXFormatHandle? = nil
  ) throws(XLSXError) {
    let call = "worksheet_write_number"
    let (cell, lxwFormat) = try prepare(call, row: row, column: column, format: format)
    guard value.isFinite else { throw failure(.nonFiniteNumber, call, cell) }
    try check(
      worksheet_write_number(record.pointer, cell.row, cell.column, value, lxwFormat),
      site(call, cell))
    cancelPendingResult(at: cell)
  }

  /// Writes text (shared string, or inline in constant-memory mode). An empty string with a format
  /// becomes a formatted blank, without a format nothing is written (libxlsxwriter's rule).
  public func writeString(
    _ value: String, row: Int, column: Int, format: XLSXFormatHandle? = nil
  ) throws(XLSXError) {
    let call = "worksheet_write_string"
    let (cell, lxwFormat) = try prepare(call, row: row, column: column, format: format)
    try requireNoNUL(value, call, cell)
    try check(
      worksheet_write_string(record.pointer, cell.row, cell.column, value, lxwFormat),
      site(call, cell))
    // An empty string without a format leaves the existing cell untouched, patch included.
    if !value.isEmpty || lxwFormat != nil { cancelPendingResult(at: cell) }
  }

  /// Writes a boolean constant (`t="b"`).
  public func writeBoolean(
    _ value: Bool, row: Int, column: Int, format: XLSXFormatHandle? = nil
  ) throws(XLSXError) {
    let call = "worksheet_write_boolean"
    let (cell, lxwFormat) = try prepare(call, row: row, column: column, format: format)
    try check(
      worksheet_write_boolean(record.pointer, cell.row, cell.column, value ? 1 : 0, lxwFormat),
      site(call, cell))
    cancelPendingResult(at: cell)
  }

  /// Writes an empty cell that carries a format (borders, fills on empty cells).
  public func writeBlank(row: Int, column: Int, format: XLSXFormatHandle) throws(XLSXError) {
    let call = "worksheet_write_blank"
    let (cell, lxwFormat) = try prepare(call, row: row, column: column, format: format)
    try check(
      worksheet_write_blank(record.pointer, cell.row, cell.column, lxwFormat), site(call, cell))
    cancelPendingResult(at: cell)
  }

  /// Writes a formula (with or without a leading `=`) and the result finmodel computed for it.
  ///
  /// Numbers and text use libxlsxwriter's `_num`/`_str` calls. Booleans and errors have no call in
  /// libxlsxwriter 1.1.4: they are written as text placeholders and turned into `t="b"`/`t="e"` cells
  /// by the package rewrite in `XLSXWorkbook.close()`.
  public func writeFormula(
    _ formula: String, cachedResult: XLSXCachedResult, row: Int, column: Int,
    format: XLSXFormatHandle? = nil
  ) throws(XLSXError) {
    let (cell, lxwFormat) = try prepare(
      "worksheet_write_formula", row: row, column: column, format: format)
    try requireNoNUL(formula, "worksheet_write_formula", cell)
    guard !formula.isEmpty, formula != "=" else {
      throw failure(.invalidArgument, "worksheet_write_formula", cell, "the formula is empty")
    }
    let pointer = record.pointer
    switch cachedResult {
    case .number(let value):
      guard value.isFinite else { throw failure(.nonFiniteNumber, "worksheet_write_formula_num", cell) }
      try check(
        worksheet_write_formula_num(pointer, cell.row, cell.column, formula, lxwFormat, value),
        site("worksheet_write_formula_num", cell))
      cancelPendingResult(at: cell)
    case .text(let text):
      try requireNoNUL(text, "worksheet_write_formula_str", cell)
      let escaped = OOXMLStringEscaping.escaped(text)
      try check(
        worksheet_write_formula_str(pointer, cell.row, cell.column, formula, lxwFormat, escaped),
        site("worksheet_write_formula_str", cell))
      cancelPendingResult(at: cell)
    case .boolean(let value):
      try writePending(.boolean(value), formula: formula, cell: cell, format: lxwFormat)
    case .error(let value):
      try writePending(.error(value), formula: formula, cell: cell, format: lxwFormat)
    }
  }

  private func writePending(
    _ pending: PendingCachedResult, formula: String, cell: CellAddress,
    format: UnsafeMutablePointer<lxw_format>?
  ) throws(XLSXError) {
    let call = "worksheet_write_formula_str"
    try check(
      worksheet_write_formula_str(
        record.pointer, cell.row, cell.column, formula, format, pending.placeholder),
      site(call, cell))
    record.pendingResults[cell.sortKey] = pending
  }

  // MARK: - Shared checks

  /// Checks the workbook is open, the cell is in range and the format belongs to this workbook.
  @inline(__always)
  func prepare(
    _ call: String, row: Int, column: Int, format: XLSXFormatHandle?
  ) throws(XLSXError) -> (CellAddress, UnsafeMutablePointer<lxw_format>?) {
    _ = try core.liveHandle(for: CallSite(call: call, sheet: record.name))
    let cell = try CellAddress(row: row, column: column, call: call, sheet: record.name)
    return (cell, try resolve(format, call: call))
  }

  /// The C pointer of a format handle, after checking it was made by this workbook.
  @inline(__always)
  func resolve(
    _ format: XLSXFormatHandle?, call: String
  ) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
    guard let format else { return nil }
    guard format.owner === core else {
      throw XLSXError(.foreignFormat, call: call, sheet: record.name)
    }
    return format.pointer
  }

  /// A later write to a cell replaces an earlier boolean/error formula, so its patch must go.
  @inline(__always)
  private func cancelPendingResult(at cell: CellAddress) {
    if !record.pendingResults.isEmpty {
      record.pendingResults[cell.sortKey] = nil
    }
  }

  /// C strings end at NUL, so a string containing one would be silently cut.
  @inline(__always)
  func requireNoNUL(_ text: String, _ call: String, _ cell: CellAddress?) throws(XLSXError) {
    if text.utf8.contains(0) {
      throw failure(.invalidArgument, call, cell, "text contains a NUL character")
    }
  }

  func site(_ call: String, _ cell: CellAddress?) -> CallSite {
    CallSite(call: call, sheet: record.name, cell: cell?.a1)
  }

  func failure(
    _ code: XLSXError.Code, _ call: String, _ cell: CellAddress?, _ message: String? = nil
  ) -> XLSXError {
    XLSXError(code, message: message, call: call, sheet: record.name, cell: cell?.a1)
  }
}
