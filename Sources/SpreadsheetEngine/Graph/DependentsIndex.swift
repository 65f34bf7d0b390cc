import FormulaSyntax

/// Who depends on what: the reverse edges of the dependency graph, for incremental recalculation.
///
/// Single-cell references are keyed by *position* (sheet, row, column), not by cell, so a formula
/// that refers to a blank cell is found when that cell is later filled. Range references are
/// "listeners": one entry per range, filed under the rows (for wide ranges) or the columns (for
/// tall ones) it covers, whichever are fewer. A range costs one entry however many cells it
/// holds, so `=SUM($B$2:B2)` filled down 100,000 rows costs 100,000 entries, not 5 billion edges,
/// and each row or column finds the ranges containing a position without scanning the others
/// (see `ListenerBucket`).
struct DependentsIndex {
  /// One formula cell listening to a rectangle of a sheet.
  struct Listener {
    var sheet: Int32
    var area: GridArea
    var cell: Int32
    var alive: Bool
  }

  /// Most positions have exactly one dependent; only the rest pay for an array.
  enum Dependents {
    case one(Int32)
    case many([Int32])
  }

  private var byPosition: [Int: Dependents] = [:]
  private var listeners: [Listener] = []
  /// Listeners filed under (sheet, row), as column intervals, and under (sheet, column), as row
  /// intervals.
  private var rowBuckets: [Int: ListenerBucket] = [:]
  private var columnBuckets: [Int: ListenerBucket] = [:]
  /// Counts recalculations: a draining query hides what it reported until the count moves on.
  private var generation = 0
  /// The listeners each formula cell registered, to remove them when its formula changes.
  private var listenersOfCell: [Int32: [Int32]] = [:]

  /// Key of a position on a sheet.
  @inline(__always)
  static func key(sheet: Int, row: Int, column: Int) -> Int {
    (sheet &* Grid.rowCount &+ row) &* Grid.columnCount &+ column
  }

  @inline(__always)
  static func lineKey(sheet: Int, line: Int) -> Int { sheet &* Grid.rowCount &+ line }

  // MARK: Edges of one formula cell

  /// Records that `cell` (a formula at `origin`) depends on what `formula` refers to.
  mutating func add(cell: Int32, formula: Formula, origin: GridPoint) {
    for (sheet, shape) in formula.references {
      switch shape {
      case .cell(let reference):
        let point = reference.resolved(from: origin)
        guard point.isOnGrid else { continue }
        addPositionEdge(Self.key(sheet: sheet, row: point.row, column: point.column), cell)
      case .area(let reference):
        guard let area = clippedToGrid(reference.resolved(from: origin)) else { continue }
        if area.cellCount == 1 {
          addPositionEdge(Self.key(sheet: sheet, row: area.top, column: area.left), cell)
        } else {
          addListener(Listener(sheet: Int32(sheet), area: area, cell: cell, alive: true))
        }
      }
    }
  }

  /// Forgets the edges `add` recorded for the same cell, formula and origin.
  mutating func remove(cell: Int32, formula: Formula, origin: GridPoint) {
    for (sheet, shape) in formula.references {
      var point: GridPoint?
      switch shape {
      case .cell(let reference): point = reference.resolved(from: origin)
      case .area(let reference):
        if let area = clippedToGrid(reference.resolved(from: origin)), area.cellCount == 1 {
          point = area.topLeft
        }
      }
      if let point, point.isOnGrid {
        removePositionEdge(Self.key(sheet: sheet, row: point.row, column: point.column), cell)
      }
    }
    for id in listenersOfCell.removeValue(forKey: cell) ?? [] {
      listeners[Int(id)].alive = false
      forEachBucket(of: listeners[Int(id)]) { bucket, _, _ in bucket.noteDead() }
    }
  }

  /// Starts a new generation after a recalculation cleared the dirty flags: what draining
  /// queries hid is reported again.
  mutating func advanceGeneration() { generation &+= 1 }

  // MARK: Queries

  /// Calls `visit` for every formula cell that refers to the position (directly or by a range).
  ///
  /// With `draining`, a cell that refers to the position through a range is reported at most
  /// once between two recalculations (`advanceGeneration`), whichever position asks: for marking
  /// dirty cones, where a cell reported once is dirty until the next recalculation.
  /// Cost: the direct dependents plus O(log n) and the ranges reported in the position's row and
  /// column; without `draining`, the ranges of its row and column starting before it.
  mutating func forEachDependent(
    sheet: Int, at point: GridPoint, draining: Bool, _ visit: (Int32) -> Void
  ) {
    switch byPosition[Self.key(sheet: sheet, row: point.row, column: point.column)] {
    case .one(let cell): visit(cell)
    case .many(let cells): for cell in cells { visit(cell) }
    case nil: break
    }
    let listeners = self.listeners
    // Nested functions, not closure values: passed as non-escaping arguments they need no
    // allocation, and this runs once per cell of every dirty cone.
    func isAlive(_ id: Int32) -> Bool { listeners[Int(id)].alive }
    func report(_ id: Int32) {
      let listener = listeners[Int(id)]
      if listener.alive, Int(listener.sheet) == sheet, listener.area.contains(point) { visit(listener.cell) }
    }
    rowBuckets[Self.lineKey(sheet: sheet, line: point.row)]?.forEach(
      containing: point.column, draining: draining, generation: generation, isAlive: isAlive, report)
    columnBuckets[Self.lineKey(sheet: sheet, line: point.column)]?.forEach(
      containing: point.row, draining: draining, generation: generation, isAlive: isAlive, report)
  }

  // MARK: Storage

  private func clippedToGrid(_ area: GridArea) -> GridArea? {
    area.intersection(GridArea(top: 0, left: 0, bottom: Grid.rowCount - 1, right: Grid.columnCount - 1))
  }

  private mutating func addPositionEdge(_ key: Int, _ cell: Int32) {
    switch byPosition[key] {
    case nil: byPosition[key] = .one(cell)
    case .one(let existing): byPosition[key] = .many([existing, cell])
    case .many(var cells):
      byPosition[key] = nil
      cells.append(cell)
      byPosition[key] = .many(cells)
    }
  }

  private mutating func removePositionEdge(_ key: Int, _ cell: Int32) {
    switch byPosition[key] {
    case .one(let existing) where existing == cell: byPosition[key] = nil
    case .many(var cells):
      byPosition[key] = nil
      if let index = cells.firstIndex(of: cell) { cells.remove(at: index) }
      if cells.count == 1 {
        byPosition[key] = .one(cells[0])
      } else if !cells.isEmpty {
        byPosition[key] = .many(cells)
      }
    default: break
    }
  }

  private mutating func addListener(_ listener: Listener) {
    let id = Int32(listeners.count)
    listeners.append(listener)
    listenersOfCell[listener.cell, default: []].append(id)
    forEachBucket(of: listener) { bucket, start, end in bucket.add(id, start: start, end: end) }
  }

  /// Applies `change` to each bucket a listener is filed under, with the listener's interval
  /// along that line: the rows of a wide range (its columns as the interval) or the columns of a
  /// tall one (its rows), whichever are fewer.
  private mutating func forEachBucket(
    of listener: Listener, _ change: (inout ListenerBucket, _ start: Int, _ end: Int) -> Void
  ) {
    let sheet = Int(listener.sheet)
    let area = listener.area
    if area.rowCount <= area.columnCount {
      for row in area.top...area.bottom {
        change(
          &rowBuckets[Self.lineKey(sheet: sheet, line: row), default: ListenerBucket()], area.left, area.right
        )
      }
    } else {
      for column in area.left...area.right {
        change(
          &columnBuckets[Self.lineKey(sheet: sheet, line: column), default: ListenerBucket()], area.top,
          area.bottom)
      }
    }
  }
}
