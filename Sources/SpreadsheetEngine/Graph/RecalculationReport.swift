import FormulaSyntax

/// A cell of the workbook: sheet index and grid position.
public struct CellAddress: Hashable, Sendable {
  public var sheet: Int
  public var point: GridPoint

  public init(sheet: Int, point: GridPoint) {
    self.sheet = sheet
    self.point = point
  }
}

/// What one recalculation did.
public struct RecalculationReport: Sendable {
  /// Formula cells evaluated.
  public var evaluatedCount = 0
  /// The cells evaluated, in order (recorded only when changes are recorded).
  public var evaluatedCells: [CellAddress] = []
  /// Cells whose value changed, with old and new values.
  public var changes: [(cell: CellAddress, old: CellValue, new: CellValue)] = []
  /// Each reference cycle found: the cells along it, ending with the first one again.
  public var cycles: [[CellAddress]] = []
}
