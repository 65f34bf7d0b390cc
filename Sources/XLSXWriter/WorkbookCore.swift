import CXLSXWriter

/// The C workbook and everything that must live exactly as long as it does.
///
/// `XLSXWorkbook` (the public object) and every `XLSXWorksheet` share one core, so a worksheet that
/// outlives its workbook object never touches freed C memory: once the core gives up its handle
/// (close or discard), every later call throws `.workbookClosed` instead of crashing. There are no
/// references back from the core to the public objects, so no retain cycles.
final class WorkbookCore {
  /// Output path, used only for error context and for the package rewrite after close.
  let path: String
  private var handle: UnsafeMutablePointer<lxw_workbook>?
  /// Distinct format descriptions and their C objects (owned by the C workbook).
  var formats = FormatRegistry()
  /// One record per worksheet, in creation order (= `xl/worksheets/sheetN.xml` numbering).
  private(set) var sheets: [SheetRecord] = []
  /// Defined names whose formulas the package rewrite puts in place.
  var namePatches: [DefinedNamePatch] = []

  init(path: String, handle: UnsafeMutablePointer<lxw_workbook>) {
    self.path = path
    self.handle = handle
  }

  /// True once the handle was closed or discarded.
  var isClosed: Bool { handle == nil }

  /// The live handle, or `.workbookClosed` naming the attempted call.
  @inline(__always)
  func liveHandle(for call: @autoclosure () -> CallSite) throws(XLSXError)
    -> UnsafeMutablePointer<lxw_workbook>
  {
    guard let handle else {
      let site = call()
      throw XLSXError(.workbookClosed, call: site.call, sheet: site.sheet, cell: site.cell)
    }
    return handle
  }

  /// Gives up the handle exactly once; the caller becomes responsible for closing or freeing it.
  func takeHandle() -> UnsafeMutablePointer<lxw_workbook>? {
    defer { handle = nil }
    return handle
  }

  /// Frees the C workbook without writing anything (used by `deinit` of an unclosed workbook).
  /// `lxw_workbook_free` releases sheets, formats, charts and any constant-memory temp files; the
  /// output file is only created inside `workbook_close`, so nothing appears on disk.
  func discard() {
    if let handle = takeHandle() {
      lxw_workbook_free(handle)
    }
  }

  /// Registers a new worksheet and returns its record.
  func addSheet(name: String, pointer: UnsafeMutablePointer<lxw_worksheet>) -> SheetRecord {
    let record = SheetRecord(name: name, fileNumber: sheets.count + 1, pointer: pointer)
    sheets.append(record)
    return record
  }

  /// True if a sheet with this name (case-insensitively, as Excel compares) already exists.
  func hasSheet(named name: String) -> Bool {
    let folded = name.lowercased()
    return sheets.contains { $0.name.lowercased() == folded }
  }

  deinit {
    discard()
  }
}

/// Per-sheet state that survives until the package rewrite after `workbook_close`.
final class SheetRecord {
  let name: String
  /// 1-based number in `xl/worksheets/sheetN.xml`; libxlsxwriter numbers worksheets in creation order.
  let fileNumber: Int
  let pointer: UnsafeMutablePointer<lxw_worksheet>
  /// Formula cells whose cached result must be turned into a boolean or error, keyed by
  /// `CellAddress.sortKey` so that a later write to the same cell can cancel the patch.
  var pendingResults: [UInt64: PendingCachedResult] = [:]

  init(name: String, fileNumber: Int, pointer: UnsafeMutablePointer<lxw_worksheet>) {
    self.name = name
    self.fileNumber = fileNumber
    self.pointer = pointer
  }

  /// The ZIP entry name of this sheet's XML.
  var entryName: String { "xl/worksheets/sheet\(fileNumber).xml" }
}
