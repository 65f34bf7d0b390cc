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

  static func widths(
    cells: [(point: GridPoint, content: CellContent, value: CellValue)],
    attributes: [GridPoint: CellAttributes]
  ) -> [Int: Double] {
    var longest: [Int: Int] = [:]
    for cell in cells {
      let cellAttributes = attributes[cell.point]
      if cellAttributes?.style == "title" { continue }
      let text = TableResultWriter.display(cell.value, format: cellAttributes?.format).text
      let length = text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
      longest[cell.point.column] = max(longest[cell.point.column] ?? 0, length)
    }
    return longest.mapValues { min(maximum, max(minimum, Double($0) + 2)) }
  }
}
