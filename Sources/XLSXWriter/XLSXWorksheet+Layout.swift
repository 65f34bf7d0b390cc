import CXLSXWriter

/// Which gridlines a sheet shows on screen and in print.
public enum XLSXGridlines: Sendable {
  case hideAll, showScreenOnly, showPrintOnly, showAll

  var lxwValue: UInt8 {
    switch self {
    case .hideAll: return UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue)
    case .showScreenOnly: return UInt8(LXW_SHOW_SCREEN_GRIDLINES.rawValue)
    case .showPrintOnly: return UInt8(LXW_SHOW_PRINT_GRIDLINES.rawValue)
    case .showAll: return UInt8(LXW_SHOW_ALL_GRIDLINES.rawValue)
    }
  }
}

/// Sheet layout: column widths, row heights, panes, gridlines, tab colour, selection and zoom.
///
/// Several of these libxlsxwriter calls return `void` and silently ignore or clamp bad input, so every
/// argument is validated here and reported as an `XLSXError` instead.
extension XLSXWorksheet {
  /// Sets the width (in characters of the default font, 0...255) of the columns in `columns`.
  public func setColumnWidth(
    _ width: Double, columns: ClosedRange<Int>, format: XLSXFormatHandle? = nil, hidden: Bool = false
  ) throws(XLSXError) {
    let call = "worksheet_set_column_opt"
    _ = try core.liveHandle(for: site(call, nil))
    let first = try CellAddress.checkedColumn(columns.lowerBound, call: call, sheet: name)
    let last = try CellAddress.checkedColumn(columns.upperBound, call: call, sheet: name)
    guard width.isFinite, width >= 0, width <= 255 else {
      throw failure(.invalidArgument, call, nil, "column width \(width) is outside 0...255")
    }
    let lxwFormat = try resolve(format, call: call)
    var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
    try check(
      worksheet_set_column_opt(record.pointer, first, last, width, lxwFormat, &options),
      site(call, nil))
  }

  /// Sets the width of a single column.
  public func setColumnWidth(
    _ width: Double, column: Int, format: XLSXFormatHandle? = nil, hidden: Bool = false
  ) throws(XLSXError) {
    try setColumnWidth(width, columns: column...column, format: format, hidden: hidden)
  }

  /// Sets the height of a row in points (0...409). In constant-memory mode call it before writing
  /// any cell of that row.
  public func setRowHeight(
    _ height: Double, row: Int, format: XLSXFormatHandle? = nil, hidden: Bool = false
  ) throws(XLSXError) {
    let call = "worksheet_set_row_opt"
    _ = try core.liveHandle(for: site(call, nil))
    let lxwRow = try CellAddress.checkedRow(row, call: call, sheet: name)
    guard height.isFinite, height >= 0, height <= 409 else {
      throw failure(.invalidArgument, call, nil, "row height \(height) is outside 0...409")
    }
    let lxwFormat = try resolve(format, call: call)
    var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
    try check(
      worksheet_set_row_opt(record.pointer, lxwRow, height, lxwFormat, &options),
      CallSite(call: call + " (row \(row + 1))", sheet: name))
  }

  /// Freezes the rows above `row` and the columns left of `column` (`freezePanes(row: 1, column: 0)`
  /// keeps the first row visible).
  public func freezePanes(row: Int, column: Int) throws(XLSXError) {
    let call = "worksheet_freeze_panes"
    _ = try core.liveHandle(for: site(call, nil))
    let cell = try CellAddress(row: row, column: column, call: call, sheet: name)
    worksheet_freeze_panes(record.pointer, cell.row, cell.column)
  }

  /// Chooses which gridlines are shown; `.showScreenOnly` is Excel's default.
  public func setGridlines(_ option: XLSXGridlines) throws(XLSXError) {
    _ = try core.liveHandle(for: site("worksheet_gridlines", nil))
    worksheet_gridlines(record.pointer, option.lxwValue)
  }

  /// Colours the sheet tab.
  public func setTabColor(_ color: XLSXColor) throws(XLSXError) {
    let call = "worksheet_set_tab_color"
    _ = try core.liveHandle(for: site(call, nil))
    worksheet_set_tab_color(record.pointer, try color.lxwColor(call: call, sheet: name))
  }

  /// Makes this the sheet shown when the file opens (and selects it).
  public func activate() throws(XLSXError) {
    _ = try core.liveHandle(for: site("worksheet_activate", nil))
    worksheet_activate(record.pointer)
  }

  /// Makes this the first visible tab when there are more tabs than fit.
  public func setFirstSheet() throws(XLSXError) {
    _ = try core.liveHandle(for: site("worksheet_set_first_sheet", nil))
    worksheet_set_first_sheet(record.pointer)
  }

  /// Sets the zoom in percent (10...400); libxlsxwriter would ignore other values with a warning.
  public func setZoom(_ percent: Int) throws(XLSXError) {
    let call = "worksheet_set_zoom"
    _ = try core.liveHandle(for: site(call, nil))
    guard (10...400).contains(percent) else {
      throw failure(.invalidArgument, call, nil, "zoom \(percent)% is outside 10...400")
    }
    worksheet_set_zoom(record.pointer, UInt16(percent))
  }
}
