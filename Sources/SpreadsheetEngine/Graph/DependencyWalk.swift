import FormulaSyntax

/// The explicit-stack depth-first walk behind `Workbook.recalculate`.
///
/// A cell is settled after every dirty cell it refers to. No recursion: a chain of a million
/// cells cannot overflow the call stack. Cycles are found as strongly connected components
/// (Tarjan's lowlinks, kept iteratively): every cell of a component with more than one cell, or
/// with a self-reference, is settled as on a cycle. Each frame also learns whether any precedent
/// changed value in this pass, which is what early cutoff needs.
struct DependencyWalk {
  private struct Frame {
    var cell: Int
    var start: Int
    var end: Int
    var next: Int
    var areaStart: Int
    /// A clean precedent already changed value in this pass.
    var precedentChanged: Bool
    var selfReference: Bool
    /// How often the cell's evaluation found cells it reads at run time (OFFSET) still dirty.
    var reopenings = 0
  }

  /// Beyond this many rounds of run-time references a cell is settled as on a cycle; each round
  /// settles at least one more cell, so only a pathological chain of OFFSETs gets here.
  private static let maximumReopenings = 100

  /// Strong on purpose: the walk lives for one pass, and unowned access costs a check per read.
  let workbook: Workbook
  /// Per-cell Tarjan state, kept by the workbook between passes (see `WalkScratch`).
  private var scratch: WalkScratch
  private var componentStack: [Int] = []
  private var counter: Int32 = 0
  private var frames: [Frame] = []
  private var precedents: [Int] = []
  private var areas: [(sheet: Int, area: GridArea)] = []
  private var ensured = EnsuredAreas()
  private(set) var cycles: [[Int]] = []

  init(workbook: Workbook, scratch: WalkScratch) {
    self.workbook = workbook
    self.scratch = scratch
    self.scratch.reserve(cells: workbook.contents.count)
  }

  /// Hands the per-cell state back, reset for the next pass. O(cells visited).
  mutating func releaseScratch() -> WalkScratch {
    scratch.reset()
    return scratch
  }

  /// Settles `root` after everything it depends on. `settle(cell, onCycle, precedentChanged)`
  /// evaluates the cell (or skips it) and clears its dirty flag, or, when the evaluation met
  /// dirty cells through a reference made at run time (OFFSET), returns them and leaves the cell
  /// dirty: the walk settles them first and then the cell again.
  mutating func run(from root: Int, settle: (Int, Bool, Bool) -> [Int]) {
    guard workbook.dirty[root], scratch.order[root] == 0 else { return }
    push(root)
    while !frames.isEmpty {
      let top = frames.count - 1
      if frames[top].next < frames[top].end {
        let precedent = precedents[frames[top].next]
        frames[top].next += 1
        if precedent == frames[top].cell {
          frames[top].selfReference = true
        } else if scratch.order[precedent] == 0 {
          if workbook.dirty[precedent] { push(precedent) }
        } else if scratch.onComponentStack[precedent] {
          scratch.lowlink[frames[top].cell] = min(scratch.lowlink[frames[top].cell], scratch.order[precedent])
        }
      } else {
        finish(settle)
      }
    }
  }

  private mutating func finish(_ settle: (Int, Bool, Bool) -> [Int]) {
    let frame = frames.removeLast()
    let cell = frame.cell
    var changed = frame.precedentChanged
    if !changed {
      for index in frame.start..<frame.end where workbook.changedInPass[precedents[index]] {
        changed = true
        break
      }
    }
    precedents.removeLast(precedents.count - frame.start)
    if let parent = frames.last?.cell {
      scratch.lowlink[parent] = min(scratch.lowlink[parent], scratch.lowlink[cell])
    }
    guard scratch.lowlink[cell] == scratch.order[cell] else {
      // Settled later, with its component's root.
      areas.removeLast(areas.count - frame.areaStart)
      return
    }
    if componentStack.last == cell && !frame.selfReference {
      // Alone in its component: every precedent is settled, so its ranges are clean.
      componentStack.removeLast()
      scratch.onComponentStack[cell] = false
      for index in frame.areaStart..<areas.count {
        ensured.insert(areas[index].area, sheet: areas[index].sheet, changed: changed)
      }
      areas.removeLast(areas.count - frame.areaStart)
      let unsettled = settle(cell, false, changed)
      guard !unsettled.isEmpty else { return }
      if frame.reopenings < Self.maximumReopenings {
        reopen(frame, reading: unsettled)
      } else {
        cycles.append([cell, cell])
        _ = settle(cell, true, true)
      }
      return
    }
    areas.removeLast(areas.count - frame.areaStart)
    var component: [Int] = []
    while let member = componentStack.popLast() {
      scratch.onComponentStack[member] = false
      component.append(member)
      if member == cell { break }
    }
    component.reverse()
    cycles.append(component + [component[0]])
    for member in component { _ = settle(member, true, true) }
  }

  /// Puts a settled-alone cell back on the walk with the cells it read at run time as its
  /// precedents. It was a component of its own with nothing above it on the component stack,
  /// so pushing it back keeps Tarjan's invariants; a precedent that leads back to it makes the
  /// two a cycle, as it should.
  private mutating func reopen(_ frame: Frame, reading cells: [Int]) {
    componentStack.append(frame.cell)
    scratch.onComponentStack[frame.cell] = true
    let start = precedents.count
    precedents.append(contentsOf: cells)
    frames.append(
      Frame(
        cell: frame.cell, start: start, end: precedents.count, next: start, areaStart: areas.count,
        precedentChanged: true, selfReference: false, reopenings: frame.reopenings + 1))
  }

  private mutating func push(_ cell: Int) {
    counter += 1
    scratch.order[cell] = counter
    scratch.lowlink[cell] = counter
    scratch.visited.append(cell)
    componentStack.append(cell)
    scratch.onComponentStack[cell] = true
    let start = precedents.count
    let areaStart = areas.count
    let precedentChanged = scanPrecedents(of: cell)
    frames.append(
      Frame(
        cell: cell, start: start, end: precedents.count, next: start, areaStart: areaStart,
        precedentChanged: precedentChanged, selfReference: false))
  }

  /// Collects the dirty precedents of `cell` and tells whether a clean one changed this pass.
  private mutating func scanPrecedents(of cell: Int) -> Bool {
    guard case .formula(let f) = workbook.contents[cell] else { return false }
    let origin = workbook.cellPosition[cell]
    var changed = false
    let dirty = workbook.dirty
    let changedInPass = workbook.changedInPass
    for (sheet, shape) in workbook.formulas[Int(f)].references {
      switch shape {
      case .cell(let reference):
        // Off the grid a reference is #REF! (and its packed key would alias a cell of the next
        // row), so it has no precedent.
        let point = reference.resolved(from: origin)
        guard point.isOnGrid, let id = workbook.sheets[sheet].grid.cell(at: point).map(Int.init) else {
          continue
        }
        if dirty[id] { precedents.append(id) } else if changedInPass[id] { changed = true }
      case .area(let reference):
        let grid = workbook.sheets[sheet].grid
        let resolved = reference.resolved(from: origin)
        guard resolved.isOnGrid, let area = grid.clipped(resolved) else { continue }
        areas.append((sheet, area))
        let (remainder, prefixChanged) = ensured.remainder(of: area, sheet: sheet)
        if prefixChanged { changed = true }
        guard let remainder else { continue }
        grid.forEachCell(in: remainder) { id, _ in
          let index = Int(id)
          if dirty[index] { precedents.append(index) } else if changedInPass[index] { changed = true }
        }
      }
    }
    return changed
  }
}
