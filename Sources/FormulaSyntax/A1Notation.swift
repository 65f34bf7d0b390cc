/// Conversions between 0-based grid indices and Excel's A1 notation.
public enum A1Notation {
  /// Column letters for a 0-based column index: 0 → "A", 26 → "AA".
  public static func columnName(_ column: Int) -> String {
    var n = column + 1
    var letters: [UInt8] = []
    while n > 0 {
      let remainder = (n - 1) % 26
      letters.append(UInt8(65 + remainder))
      n = (n - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// "B3" for row 2, column 1.
  public static func cellName(_ point: GridPoint) -> String {
    columnName(point.column) + String(point.row + 1)
  }

  /// "A1:C4", or "A1" for a single cell.
  public static func areaName(_ area: GridArea) -> String {
    let first = cellName(area.topLeft)
    if area.cellCount == 1 { return first }
    return first + ":" + cellName(GridPoint(row: area.bottom, column: area.right))
  }

  /// The 0-based column index of letters such as "AB" (any case), or nil beyond XFD.
  public static func columnIndex<S: Sequence>(letters: S) -> Int? where S.Element == UInt8 {
    var value = 0
    var count = 0
    for byte in letters {
      let upper = byte & 0xDF
      guard upper >= 65 && upper <= 90 else { return nil }
      value = value * 26 + Int(upper - 64)
      count += 1
      if count > 3 { return nil }
    }
    guard count > 0, value <= Grid.columnCount else { return nil }
    return value - 1
  }

  /// Parses an absolute cell address such as "B3" or "$B$3" (no sheet) into a grid point.
  public static func parseCell(_ text: some StringProtocol) -> GridPoint? {
    guard let parts = splitCell(Array(text.utf8)) else { return nil }
    return GridPoint(row: parts.row, column: parts.column)
  }

  /// Parses "A1:C4" or "B3" into an area.
  public static func parseArea(_ text: some StringProtocol) -> GridArea? {
    let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
    switch pieces.count {
    case 1:
      return parseCell(pieces[0]).map { GridArea($0) }
    case 2:
      guard let a = parseCell(pieces[0]), let b = parseCell(pieces[1]) else { return nil }
      return GridArea(top: a.row, left: a.column, bottom: b.row, right: b.column)
    default:
      return nil
    }
  }

  /// Splits `$?letters$?digits` into 0-based indices and absolute flags; nil if not a cell on the
  /// grid.
  static func splitCell(_ bytes: [UInt8]) -> (
    row: Int, column: Int, rowAbsolute: Bool, columnAbsolute: Bool
  )? {
    var i = 0
    let columnAbsolute = i < bytes.count && bytes[i] == UInt8(ascii: "$")
    if columnAbsolute { i += 1 }
    let lettersStart = i
    while i < bytes.count, (bytes[i] & 0xDF) >= 65, (bytes[i] & 0xDF) <= 90 { i += 1 }
    guard let column = columnIndex(letters: bytes[lettersStart..<i]) else { return nil }
    let rowAbsolute = i < bytes.count && bytes[i] == UInt8(ascii: "$")
    if rowAbsolute { i += 1 }
    guard let row = rowNumber(bytes[i...]) else { return nil }
    return (row, column, rowAbsolute, columnAbsolute)
  }

  /// Whether `bytes` has the shape of a cell address (`$?letters$?digits`) whether or not it lies
  /// on the grid, so that `XFE1` or `A1048577` can be reported as beyond the grid rather than as
  /// a mystery.
  static func isCellShaped(_ bytes: some Collection<UInt8>) -> Bool {
    var rest = bytes[...]
    if rest.first == UInt8(ascii: "$") { rest = rest.dropFirst() }
    let letters = rest.prefix { ($0 & 0xDF) >= 65 && ($0 & 0xDF) <= 90 }
    rest = rest.dropFirst(letters.count)
    if rest.first == UInt8(ascii: "$") { rest = rest.dropFirst() }
    return !letters.isEmpty && !rest.isEmpty && rest.allSatisfy { $0 >= 48 && $0 <= 57 }
  }

  /// Whether `text` looks like a cell address but lies beyond the grid (`XFE1`, `A1048577`).
  public static func isBeyondGrid(_ text: some StringProtocol) -> Bool {
    let bytes = Array(text.utf8)
    return isCellShaped(bytes) && splitCell(bytes) == nil
  }

  /// The message for a cell-shaped word that is not on the grid.
  public static func beyondGridMessage(_ text: some StringProtocol) -> String {
    "'\(text)' is beyond Excel's grid (columns A to XFD, rows 1 to 1,048,576)"
  }

  /// 0-based row index of a 1-based decimal row number within the grid.
  static func rowNumber(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty, digits.count <= 7 else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= 48 && byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    guard value >= 1 && value <= Grid.rowCount else { return nil }
    return value - 1
  }
}
