/// Per-cell state of the dependency walk (Tarjan visit order, lowlink, on-stack flag), kept by
/// the workbook between passes.
///
/// Allocating and zeroing these arrays for every pass would cost O(workbook) even when an edit
/// touches three cells; instead only the entries a pass visited are reset afterwards.
struct WalkScratch {
  var order: [Int32] = []
  var lowlink: [Int32] = []
  var onComponentStack: [Bool] = []
  /// Cells visited in the current pass, in visit order.
  var visited: [Int] = []

  /// Grows the arrays to cover `cells` cells (new cells start unvisited).
  mutating func reserve(cells: Int) {
    guard order.count < cells else { return }
    let extra = cells - order.count
    order.append(contentsOf: repeatElement(0, count: extra))
    lowlink.append(contentsOf: repeatElement(0, count: extra))
    onComponentStack.append(contentsOf: repeatElement(false, count: extra))
  }

  /// Clears what the pass set. O(cells visited).
  mutating func reset() {
    for cell in visited {
      order[cell] = 0
      lowlink[cell] = 0
      onComponentStack[cell] = false
    }
    visited.removeAll(keepingCapacity: true)
  }
}
