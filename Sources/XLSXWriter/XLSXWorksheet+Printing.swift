import CXLSXWriter

/// Page setup, so that a printed or PDF-exported sheet comes out readable: landscape A4 or
/// Letter, scaled to the page width, header rows repeated on every page.
extension XLSXWorksheet {
  /// Paper sizes by their OOXML codes.
  public enum Paper: UInt8, Sendable {
    case letter = 1
    case a4 = 9
  }

  /// Prints in landscape orientation.
  public func setLandscape() throws(XLSXError) {
    _ = try core.liveHandle(for: site("worksheet_set_landscape", nil))
    worksheet_set_landscape(record.pointer)
  }

  public func setPaper(_ paper: Paper) throws(XLSXError) {
    _ = try core.liveHandle(for: site("worksheet_set_paper", nil))
    worksheet_set_paper(record.pointer, paper.rawValue)
  }

  /// Scales the print to `width` pages wide and `height` pages tall (0 leaves that direction
  /// unconstrained).
  public func fitToPages(width: Int, height: Int) throws(XLSXError) {
    let call = "worksheet_fit_to_pages"
    _ = try core.liveHandle(for: site(call, nil))
    guard (0...65_535).contains(width), (0...65_535).contains(height) else {
      throw failure(.invalidArgument, call, nil, "page counts \(width) × \(height) are out of range")
    }
    worksheet_fit_to_pages(record.pointer, UInt16(width), UInt16(height))
  }

  /// Repeats rows `first...last` (0-based) at the top of every printed page.
  public func repeatRows(_ first: Int, _ last: Int) throws(XLSXError) {
    let call = "worksheet_repeat_rows"
    _ = try core.liveHandle(for: site(call, nil))
    let top = try CellAddress(row: first, column: 0, call: call, sheet: name)
    let bottom = try CellAddress(row: last, column: 0, call: call, sheet: name)
    try check(worksheet_repeat_rows(record.pointer, top.row, bottom.row), site(call, nil))
  }
}
