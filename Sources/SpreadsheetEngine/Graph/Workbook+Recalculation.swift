import FormulaSyntax

extension Workbook {
  /// Marks every formula cell dirty so the next `recalculate` evaluates the whole workbook.
  func invalidateAll() {
    needsFullRecalculation = true
  }

  /// Marks one cell's value out of date. Without a dependents index every formula must be
  /// re-evaluated; the incremental engine narrows this to the cell's dependents.
  func markDirty(_ id: Int) {
    needsFullRecalculation = true
  }

  /// Evaluates every dirty formula cell in dependency order and reports what changed.
  ///
  /// Depth-first over precedents with an explicit stack (no recursion, so a chain of a million
  /// cells cannot overflow the call stack). A precedent met again while still on the stack closes
  /// a cycle: every cell on it gets `#CYCLE!` and the path is reported. O(cells + references
  /// scanned).
  @discardableResult
  public func recalculate(recordChanges: Bool = true) -> RecalculationReport {
    todaySerial = ExcelDate.serial(of: .now)
    if needsFullRecalculation {
      for id in contents.indices {
        if case .formula = contents[id] { dirty[id] = true }
      }
      needsFullRecalculation = false
    } else {
      for id in contents.indices {
        if case .formula(let f) = contents[id], formulas[Int(f)].isVolatile { dirty[id] = true }
      }
    }
    var report = RecalculationReport()
    var walk = DependencyWalk(workbook: self)
    let context = EvaluationContext(workbook: self)
    for id in contents.indices where dirty[id] {
      walk.run(from: id) { cell, onCycle in
        let old = values[cell]
        let new: CellValue
        if onCycle {
          new = .error(.cycle)
        } else if case .formula(let f) = contents[cell] {
          new = evaluate(formulas[Int(f)], at: cell, context: context)
        } else {
          new = old
        }
        values[cell] = new
        dirty[cell] = false
        report.evaluatedCount += 1
        if recordChanges && old != new { report.changes.append((address(of: cell), old, new)) }
      }
    }
    report.cycles = walk.cycles.map { cycle in cycle.map { address(of: $0) } }
    return report
  }

  private func evaluate(_ formula: Formula, at cell: Int, context: EvaluationContext) -> CellValue {
    context.sheet = formula.sheet
    context.origin = cellPosition[cell]
    context.arrayMode = false
    let result = context.scalar(context.evaluate(formula.bound))
    return result.isEmpty ? .number(0) : result
  }

  /// Calls `visit` for each dirty formula cell that `cell`'s formula refers to.
  func forEachDirtyPrecedent(of cell: Int, _ visit: (Int) -> Void) {
    guard case .formula(let f) = contents[cell] else { return }
    let origin = cellPosition[cell]
    formulas[Int(f)].bound.forEachReference { sheet, shape in
      let grid = sheets[sheet].grid
      switch shape {
      case .cell(let reference):
        let point = reference.resolved(from: origin)
        if let id = grid.cell(at: point), dirty[Int(id)] { visit(Int(id)) }
      case .area(let reference):
        let area = reference.resolved(from: origin)
        grid.forEachCell(in: area) { id, _ in
          if dirty[Int(id)] { visit(Int(id)) }
        }
      }
    }
  }
}

/// The explicit-stack depth-first walk behind `recalculate`.
struct DependencyWalk {
  private struct Frame {
    var cell: Int
    var start: Int
    var end: Int
    var next: Int
  }

  unowned let workbook: Workbook
  private var onStack: Set<Int> = []
  private var cycleMembers: Set<Int> = []
  private var frames: [Frame] = []
  private var precedents: [Int] = []
  private(set) var cycles: [[Int]] = []

  init(workbook: Workbook) {
    self.workbook = workbook
  }

  /// Evaluates `root` after everything it depends on; `evaluate(cell, onCycle)` does the work and
  /// must clear the cell's dirty flag.
  mutating func run(from root: Int, evaluate: (Int, Bool) -> Void) {
    guard workbook.dirty[root] else { return }
    push(root)
    while !frames.isEmpty {
      let top = frames.count - 1
      if frames[top].next < frames[top].end {
        let precedent = precedents[frames[top].next]
        frames[top].next += 1
        if onStack.contains(precedent) {
          recordCycle(closingAt: precedent)
        } else if workbook.dirty[precedent] {
          push(precedent)
        }
      } else {
        let frame = frames.removeLast()
        precedents.removeSubrange(frame.start...)
        onStack.remove(frame.cell)
        evaluate(frame.cell, cycleMembers.contains(frame.cell))
      }
    }
  }

  private mutating func push(_ cell: Int) {
    let start = precedents.count
    workbook.forEachDirtyPrecedent(of: cell) { precedents.append($0) }
    frames.append(Frame(cell: cell, start: start, end: precedents.count, next: start))
    onStack.insert(cell)
  }

  private mutating func recordCycle(closingAt cell: Int) {
    guard let first = frames.lastIndex(where: { $0.cell == cell }) else { return }
    let members = frames[first...].map(\.cell)
    if members.allSatisfy({ cycleMembers.contains($0) }) { return }
    cycleMembers.formUnion(members)
    cycles.append(members + [cell])
  }
}
