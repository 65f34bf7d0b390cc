import Foundation

/// A row and column already range-checked and converted to libxlsxwriter's integer types.
///
/// libxlsxwriter takes `lxw_row_t` (UInt32) and `lxw_col_t` (UInt16); converting an out-of-range Int
/// traps in Swift, and a value inside the integer type but beyond Excel's grid makes libxlsxwriter fail
/// later with less context. Checking here, once, turns both into an `XLSXError` naming the cell.
struct CellAddress: Hashable {
  /// Rows are 0-based and must be below Excel's 1,048,576.
  static let rowLimit = 1_048_576
  /// Columns are 0-based and must be below Excel's 16,384 (XFD).
  static let columnLimit = 16_384

  let row: UInt32
  let column: UInt16

  /// Validates a 0-based row and column; `call` and `sheet` only feed the error message.
  @inline(__always)
  init(row: Int, column: Int, call: String, sheet: String?) throws(XLSXError) {
    self.row = try CellAddress.checkedRow(row, call: call, sheet: sheet)
    self.column = try CellAddress.checkedColumn(column, call: call, sheet: sheet)
  }

  @inline(__always)
  static func checkedRow(_ row: Int, call: String, sheet: String?) throws(XLSXError) -> UInt32 {
    guard row >= 0, row < rowLimit else {
      throw XLSXError(.rowOutOfRange(row), call: call, sheet: sheet)
    }
    return UInt32(row)
  }

  @inline(__always)
  static func checkedColumn(_ column: Int, call: String, sheet: String?) throws(XLSXError) -> UInt16 {
    guard column >= 0, column < columnLimit else {
      throw XLSXError(.columnOutOfRange(column), call: call, sheet: sheet)
    }
    return UInt16(column)
  }

  /// Packs the address into one integer whose order is the order of cells in the sheet XML
  /// (row-major), so sorting keys sorts cells the way libxlsxwriter writes them.
  var sortKey: UInt64 { UInt64(row) << 16 | UInt64(column) }

  init(sortKey: UInt64) {
    row = UInt32(truncatingIfNeeded: sortKey >> 16)
    column = UInt16(truncatingIfNeeded: sortKey)
  }

  /// A1 notation, e.g. `B5`; used for error context and to locate cells in the sheet XML.
  var a1: String { XLSXReference.columnName(column) + String(row + 1) }
}

/// A1 notation helpers for callers that build formulas, defined names and chart ranges.
///
/// The CELL()/RANGE() macros of libxlsxwriter are not visible from Swift, and chart series need
/// sheet-qualified absolute ranges such as `='Cash Runway'!$C$10:$AL$10`; building them in one place
/// keeps the quoting rules (spaces, apostrophes) consistent.
public enum XLSXReference {
  /// Column letters for a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
  public static func columnName(_ column: UInt16) -> String {
    var n = Int(column) + 1
    var letters: [UInt8] = []
    while n > 0 {
      let remainder = (n - 1) % 26
      letters.append(UInt8(ascii: "A") + UInt8(remainder))
      n = (n - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// A1 reference for a 0-based cell, optionally absolute (`$B$5`). Throws when outside the grid.
  public static func cell(row: Int, column: Int, absolute: Bool = false) throws(XLSXError) -> String {
    let address = try CellAddress(row: row, column: column, call: "XLSXReference.cell", sheet: nil)
    let dollar = absolute ? "$" : ""
    return dollar + columnName(address.column) + dollar + String(address.row + 1)
  }

  /// The sheet name as it must appear before `!`: quoted (with `'` doubled) unless it is made only of
  /// ASCII letters and underscores. Quoting is always valid, while names with digits can look like
  /// cell references (`A1`, `R1C1`) and must be quoted, so anything else is quoted.
  public static func quotedSheetName(_ name: String) -> String {
    let plain =
      name.utf8.count > 1
      && name.utf8.allSatisfy { byte in
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
      }
    if plain { return name }
    return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// Absolute, sheet-qualified range formula, e.g. `='Cash Runway'!$C$10:$AL$10`, as chart series
  /// and defined names expect. A single cell gives `=Sheet!$A$1`.
  public static func range(
    sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
  ) throws(XLSXError) -> String {
    try XLSXRange(
      sheet: sheet, firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn
    ).formula
  }
}
