import CXLSXWriter

/// Options fixed when the workbook is opened.
public struct XLSXWorkbookOptions: Equatable, Sendable {
  /// libxlsxwriter's `constant_memory` mode: each row is flushed to a temporary file when the next
  /// row starts, so memory stays at a few MB, but rows must be written in ascending order (a write to
  /// an earlier row fails with an error) and chart ranges get no cached data.
  public var constantMemory: Bool
  /// Directory for libxlsxwriter's temporary files; `nil` uses the system default.
  public var temporaryDirectory: String?

  public init(constantMemory: Bool = false, temporaryDirectory: String? = nil) {
    self.constantMemory = constantMemory
    self.temporaryDirectory = temporaryDirectory
  }
}

/// An .xlsx workbook being written through libxlsxwriter.
///
/// Lifecycle: `init` allocates the C workbook (no file is created yet); sheets, formats, names and
/// properties are added; `close()` writes the whole package to `path` and is where I/O failures
/// (an unwritable directory, a full disk) are reported. Closing again is a no-op. Dropping an
/// unclosed workbook frees the C objects and writes nothing.
///
/// Atomicity is the caller's job: this type writes directly to `path`, which may be any temporary
/// path; on a thrown `close()` the file at `path` may be missing or partial and must be discarded,
/// on success it is complete and can be renamed over the target.
///
/// Not thread-safe (libxlsxwriter is not); use one workbook from one task.
public final class XLSXWorkbook {
  let core: WorkbookCore

  /// Document properties, applied at `close()`. The default pins the creation date so that the same
  /// calls produce a byte-identical file.
  public var properties = XLSXDocumentProperties()

  /// Where `close()` writes the package.
  public var path: String { core.path }

  /// True after `close()` (successful or not); every further call except `close()` throws.
  public var isClosed: Bool { core.isClosed }

  /// Allocates a workbook that `close()` will write to `path`.
  public init(path: String, options: XLSXWorkbookOptions = XLSXWorkbookOptions()) throws(XLSXError) {
    let call = "workbook_new_opt"
    guard !path.isEmpty, !path.utf8.contains(0) else {
      throw XLSXError(.invalidArgument, message: "the output path is empty or contains NUL", call: call)
    }
    let strings = CStringBag()
    var lxwOptions = lxw_workbook_options()
    lxwOptions.constant_memory = options.constantMemory ? 1 : 0
    lxwOptions.tmpdir = strings.copy(options.temporaryDirectory)
    lxwOptions.use_zip64 = 0
    // libxlsxwriter copies both the file name and tmpdir.
    let handle = withExtendedLifetime(strings) { workbook_new_opt(path, &lxwOptions) }
    guard let handle else {
      throw XLSXError(.creationFailed, message: "could not allocate a workbook for \(path)", call: call)
    }
    core = WorkbookCore(path: path, handle: handle)
  }

  /// The version of the linked libxlsxwriter, e.g. `1.1.4` (pkg-config only reports the ABI number).
  public static var libraryVersion: String { String(cString: lxw_version()) }

  /// Adds a worksheet. The name is checked with libxlsxwriter's own validation first, so a bad name
  /// becomes an error (length > 31, `[]:*?/\`, leading/trailing apostrophe, duplicate) instead of a
  /// warning on stderr and a NULL sheet.
  public func addWorksheet(named name: String) throws(XLSXError) -> XLSXWorksheet {
    let call = "workbook_add_worksheet"
    let handle = try core.liveHandle(for: CallSite(call: call, sheet: name))
    guard !name.isEmpty, !name.utf8.contains(0) else {
      throw XLSXError(
        .invalidArgument, message: "sheet names must be non-empty and contain no NUL", call: call,
        sheet: name)
    }
    try check(
      workbook_validate_sheet_name(handle, name),
      CallSite(call: "workbook_validate_sheet_name", sheet: name))
    guard let pointer = workbook_add_worksheet(handle, name) else {
      throw XLSXError(.creationFailed, call: call, sheet: name)
    }
    return XLSXWorksheet(core: core, record: core.addSheet(name: name, pointer: pointer))
  }

  /// Resolves a format description to a handle; equal descriptions give the same `lxw_format`.
  public func format(_ format: XLSXFormat) throws(XLSXError) -> XLSXFormatHandle {
    let handle = try core.liveHandle(for: CallSite(call: "workbook_add_format"))
    let pointer = try core.formats.pointer(for: format, workbook: handle)
    return XLSXFormatHandle(pointer: pointer, owner: core, format: format)
  }

  /// Number of distinct formats created (for tests and diagnostics).
  public var distinctFormatCount: Int { core.formats.count }

  /// Defines a workbook-level name, or with `sheet` a sheet-level one, e.g.
  /// `defineName("Rate", formula: "=0.96")`. The formula may be as long as Excel allows: libxlsxwriter
  /// records the name (and validates it: a rejected name surfaces here as an error) with the
  /// formula `0`, and `close()` writes the real formula in its place (`DefinedNamePatch`).
  public func defineName(_ name: String, formula: String, sheet: String? = nil) throws(XLSXError) {
    let call = "workbook_define_name"
    let handle = try core.liveHandle(for: CallSite(call: call, sheet: sheet))
    let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
    guard !name.utf8.contains(0), !body.utf8.contains(0), !body.isEmpty else {
      throw XLSXError(
        .invalidArgument, message: "defined name '\(name)': empty formula or NUL character",
        call: call, sheet: sheet)
    }
    var qualified = name
    var sheetIndex: Int?
    if let sheet {
      // libxlsxwriter splits `'Sheet'!Name` at the first "!" and strips one quote from each end
      // (without unescaping `''`): the sheet name goes in raw, and one holding "!" cannot.
      guard let index = core.sheets.firstIndex(where: { $0.name == sheet }), !sheet.contains("!") else {
        throw XLSXError(
          .invalidArgument,
          message: "sheet-level name '\(name)': no sheet '\(sheet)', or its name contains '!'",
          call: call, sheet: sheet)
      }
      qualified = "'" + sheet + "'!" + name
      sheetIndex = index
    }
    try check(
      workbook_define_name(handle, qualified, "=0"),
      CallSite(call: call + " '\(qualified)' = \(formula)", sheet: sheet))
    core.namePatches.append(DefinedNamePatch(name: name, sheetIndex: sheetIndex, formula: body))
  }

  /// Writes the package to `path` and frees the C workbook. Calling it again does nothing.
  ///
  /// Steps: apply `properties` (pinned creation date), `workbook_close` (which writes and always
  /// frees), then rewrite the package if any formula cached a boolean or an error (see
  /// `PackageRewriter`). Any failure throws; the workbook is closed either way.
  public func close() throws(XLSXError) {
    guard let handle = core.takeHandle() else { return }
    do {
      try properties.apply(to: handle)
    } catch {
      lxw_workbook_free(handle)
      throw error
    }
    let result = workbook_close(handle)
    if result != LXW_NO_ERROR {
      let text = String(cString: lxw_strerror(result))
      throw XLSXError(.library(result.rawValue), message: "\(text) (path: \(path))", call: "workbook_close")
    }
    try PackageRewriter.applyPendingResults(path: path, sheets: core.sheets, names: core.namePatches)
  }

  deinit {
    core.discard()
  }
}
