/// What one recalculation did.
public struct RecalculationReport: Sendable {
  /// Formula cells evaluated.
  public var evaluatedCount = 0
  /// Cells whose value changed, as "Sheet!A1" addresses paired with old and new values.
  public var changes: [(cell: String, old: CellValue, new: CellValue)] = []
  /// Each reference cycle found, as the addresses along it ("Sheet!A1" → … → back to the first).
  public var cycles: [[String]] = []
}
