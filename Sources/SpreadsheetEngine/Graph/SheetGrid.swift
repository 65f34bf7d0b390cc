import FormulaSyntax

/// The cells of one sheet: a map from grid position to cell id, and the used bounds.
///
/// Lookup is one hash probe on a packed key. Whole-column and whole-row references are bounded by
/// `usedArea`, so `B:B` never costs a million probes.
struct SheetGrid: Sendable {
  private(set) var index = PositionMap()
  private(set) var usedArea: GridArea?

  @inline(__always)
  static func key(_ point: GridPoint) -> Int { point.row &* Grid.columnCount &+ point.column }

  @inline(__always)
  func cell(at point: GridPoint) -> Int32? {
    index[SheetGrid.key(point)]
  }

  var count: Int { index.count }

  mutating func insert(_ id: Int32, at point: GridPoint) {
    index.insert(id, for: SheetGrid.key(point))
    if let used = usedArea {
      usedArea = GridArea(
        top: min(used.top, point.row), left: min(used.left, point.column),
        bottom: max(used.bottom, point.row), right: max(used.right, point.column))
    } else {
      usedArea = GridArea(point)
    }
  }

  mutating func remove(at point: GridPoint) {
    index.remove(SheetGrid.key(point))
  }

  /// `area` clipped to the used bounds, or nil when they do not meet.
  func clipped(_ area: GridArea) -> GridArea? {
    usedArea.flatMap(area.intersection)
  }

  /// Calls `body` for each existing cell inside `area`, in row-major order.
  ///
  /// Cost: O(min(cells in area, cells on sheet)) — a huge sparse area scans the sheet's cells
  /// (then sorts the few it keeps) instead of probing every position. The order is fixed so
  /// results never depend on hashing (the first error of a SUM, evaluation order).
  func forEachCell(in area: GridArea, _ body: (Int32, GridPoint) -> Void) {
    guard let area = clipped(area) else { return }
    if area.cellCount <= index.count {
      for row in area.top...area.bottom {
        for column in area.left...area.right {
          let point = GridPoint(row: row, column: column)
          if let id = index[SheetGrid.key(point)] { body(id, point) }
        }
      }
    } else {
      var inside: [(key: Int, id: Int32)] = []
      index.forEachEntry { key, id in
        let point = GridPoint(row: key / Grid.columnCount, column: key % Grid.columnCount)
        if area.contains(point) { inside.append((key, id)) }
      }
      inside.sort { $0.key < $1.key }
      for (key, id) in inside {
        body(id, GridPoint(row: key / Grid.columnCount, column: key % Grid.columnCount))
      }
    }
  }
}
