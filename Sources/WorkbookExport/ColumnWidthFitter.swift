import FormulaSyntax
import ModelFormat
import SpreadsheetEngine

/// Column widths fitted to what the cells display, for columns the model does not size.
///
/// Width is the longest displayed text plus padding, in characters of the default font, kept
/// between 8 and 60. Titles are left out: they are meant to overflow into the next columns.
enum ColumnWidthFitter {
  static let minimum = 8.0
  static let maximum = 60.0
  /// Rows of a column measured in full before numbers are sampled.
  static let sampledRows = 256

  static func widths(
    cells: [(point: GridPoint, content: CellContent, value: CellValue)],
    attributes: [GridPoint: CellAttributes]
  ) -> [Int: Double] {
    var longest: [Int: Int] = [:]
    var measured: [Int: Int] = [:]
    for cell in cells {
      let cellAttributes = attributes[cell.point]
      if cellAttributes?.style == "title" { continue }
      // Formatting a number to measure it is the costly part; past the first rows of a column
      // every 16th number is enough (text is always measured: labels vary, numbers do not).
      let seen = measured[cell.point.column, default: 0]
      measured[cell.point.column] = seen + 1
      if seen >= sampledRows, seen % 16 != 0, case .number = cell.value { continue }
      let text = TableResultWriter.display(cell.value, format: cellAttributes?.format).text
      let length = TerminalWidth.of(text)
      longest[cell.point.column] = max(longest[cell.point.column] ?? 0, length)
    }
    return longest.mapValues { min(maximum, max(minimum, Double($0) + 2)) }
  }
}
