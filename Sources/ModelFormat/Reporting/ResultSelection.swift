import FormulaSyntax
import SpreadsheetEngine

/// Which part of a model's results to print: some sheets, an area of them.
public struct ResultSelection: Sendable {
  public var sheets: [Int]
  public var area: GridArea?

  public init(sheets: [Int], area: GridArea?) {
    self.sheets = sheets
    self.area = area
  }

  /// The non-empty cells of `sheet` inside the selected area, in row-major order.
  func cells(of model: Model, sheet: Int) -> [(point: GridPoint, content: CellContent, value: CellValue)] {
    guard let area else { return model.workbook.cells(onSheet: sheet) }
    return model.workbook.cells(onSheet: sheet, in: area)
  }
}
