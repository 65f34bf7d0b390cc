/// A worksheet of the engine's workbook: its name and the cells placed on it.
public struct Sheet: Sendable {
  public let name: String
  var grid = SheetGrid()

  init(name: String) {
    self.name = name
  }

  /// The number of non-empty cells on the sheet.
  public var cellCount: Int { grid.count }
}
