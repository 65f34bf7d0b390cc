import CXLSXWriter

/// A chart range formula (`='Q1''24'!$B$18:$F$18`) read back into its sheet and corners.
///
/// libxlsxwriter reads a series' range formula itself at close to cache the chart's data, and
/// strips the sheet's quotes without undoing `''`: for a sheet such as `Q1'24` it warns on stderr
/// that the sheet does not exist and writes the chart without cached data. Handing it the sheet
/// and corners instead (`chart_series_set_values` and friends) avoids that parse; the formula it
/// writes is the same. Formulas of any other shape keep the plain string calls.
struct ChartRange: Equatable {
  let sheet: String
  let firstRow: lxw_row_t
  let firstColumn: lxw_col_t
  let lastRow: lxw_row_t
  let lastColumn: lxw_col_t

  init?(_ formula: String) {
    var text = Substring(formula)
    guard text.first == "=" else { return nil }
    text = text.dropFirst()
    let sheet: String
    if text.first == "'" {
      var name = ""
      var index = text.index(after: text.startIndex)
      while true {
        guard index < text.endIndex else { return nil }
        let char = text[index]
        index = text.index(after: index)
        if char == "'" {
          guard index < text.endIndex, text[index] == "'" else { break }
          index = text.index(after: index)
        }
        name.append(char)
      }
      sheet = name
      text = text[index...]
    } else {
      guard let bang = text.firstIndex(of: "!") else { return nil }
      sheet = String(text[..<bang])
      text = text[bang...]
    }
    guard !sheet.isEmpty, text.first == "!" else { return nil }
    let corners = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(corners.count), let first = Self.cell(corners[0]),
      let last = Self.cell(corners[corners.count - 1]), first.row <= last.row, first.column <= last.column
    else { return nil }
    self.sheet = sheet
    (firstRow, firstColumn) = (first.row, first.column)
    (lastRow, lastColumn) = (last.row, last.column)
  }

  /// `$B$18` → row 17, column 1.
  private static func cell(_ text: Substring) -> (row: lxw_row_t, column: lxw_col_t)? {
    let bytes = Array(text.utf8).filter { $0 != UInt8(ascii: "$") }
    let letters = bytes.prefix { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    let digits = bytes.dropFirst(letters.count)
    guard (1...3).contains(letters.count), !digits.isEmpty, digits.count <= 7,
      digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let row = Int(String(decoding: digits, as: UTF8.self)), (1...1_048_576).contains(row)
    else { return nil }
    var column = 0
    for letter in letters { column = column * 26 + Int(letter - UInt8(ascii: "A")) + 1 }
    guard column <= 16_384 else { return nil }
    return (lxw_row_t(row - 1), lxw_col_t(column - 1))
  }
}
