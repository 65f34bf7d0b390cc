/// A rectangle of one worksheet, as chart series take it.
///
/// Chart ranges go to libxlsxwriter as sheet and corners (`chart_series_set_values` and
/// friends), never as formula text: given `='Q1''24'!$B$1:$F$1` it re-parses the text at close,
/// strips the quotes without undoing `''`, warns on stderr that the sheet does not exist and
/// writes the chart without cached data. With the sheet handed over as is, it quotes the name
/// itself and finds the sheet.
public struct XLSXRange: Equatable, Sendable {
  public let sheet: String
  let first: CellAddress
  let last: CellAddress

  /// Validates the corners (on the grid, top-left before bottom-right).
  public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int)
    throws(XLSXError)
  {
    let call = "XLSXRange"
    guard firstRow <= lastRow, firstColumn <= lastColumn else {
      throw XLSXError(
        .invalidArgument, message: "range corners are not ordered top-left to bottom-right", call: call,
        sheet: sheet)
    }
    self.sheet = sheet
    first = try CellAddress(row: firstRow, column: firstColumn, call: call, sheet: sheet)
    last = try CellAddress(row: lastRow, column: lastColumn, call: call, sheet: sheet)
  }

  /// The absolute, sheet-qualified formula, e.g. `='Cash Runway'!$C$10:$AL$10`.
  public var formula: String {
    let start = "$" + XLSXReference.columnName(first.column) + "$" + String(first.row + 1)
    let end = "$" + XLSXReference.columnName(last.column) + "$" + String(last.row + 1)
    return "=" + XLSXReference.quotedSheetName(sheet) + "!" + (first == last ? start : start + ":" + end)
  }
}
