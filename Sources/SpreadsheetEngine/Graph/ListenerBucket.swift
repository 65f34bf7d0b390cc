/// The range listeners filed under one row or one column of a sheet, as intervals along it,
/// answering "which ranges contain position p" in O(log n + answers).
///
/// Why not a plain list: `=SUM($B$1:B1)` filled down 100,000 rows files 100,000 listeners under
/// column B, and when B is itself a chain, marking the dirty cone asks about every one of its
/// 100,000 cells: a list scan per question was 10¹⁰ steps (37 s for one edit). Here the sorted
/// part keeps the listeners ordered by start with a max-tree of their ends, so a question walks
/// only to the listeners that contain p; and a *draining* question hides what it reports until
/// the next recalculation, because a cell once marked dirty stays dirty until then and need not
/// be reported again. Marking a whole cone therefore reports each listener at most once.
struct ListenerBucket {
  /// Listener ids in the sorted part, by interval start; `starts`/`ends` are their intervals.
  private var ids: [Int32] = []
  private var starts: [Int32] = []
  private var ends: [Int32] = []
  /// Max-tree over `ends` (leaves from `leafBase`); a drained or padding leaf holds -1.
  private var tree: [Int32] = []
  private var leafBase = 1
  /// Listeners added since the sorted part was built: few, scanned on every question.
  private var pending: [(id: Int32, start: Int32, end: Int32)] = []
  /// Sorted positions hidden by draining questions in `generation`.
  private var drained: [Int] = []
  private var generation = 0
  private var deadCount = 0

  /// Pending listeners beyond this many are merged into the sorted part before a question.
  private static let pendingLimit = 32

  var isEmpty: Bool { ids.isEmpty && pending.isEmpty }

  mutating func add(_ id: Int32, start: Int, end: Int) {
    pending.append((id, Int32(start), Int32(end)))
  }

  /// Notes that one of the listeners died (its formula changed); many dead ones trigger a rebuild.
  mutating func noteDead() { deadCount += 1 }

  /// Calls `visit` for listeners whose interval contains `position`. With `draining`, each listener
  /// is reported at most once per `generation` (the caller's recalculation count); without, every
  /// listener containing `position` is reported, in O(listeners starting at or before it).
  /// `isAlive` filters dead listeners out when the bucket is rebuilt.
  mutating func forEach(
    containing position: Int, draining: Bool, generation: Int, isAlive: (Int32) -> Bool,
    _ visit: (Int32) -> Void
  ) {
    if generation != self.generation { restoreDrained(generation) }
    if pending.count > Self.pendingLimit || (deadCount > 64 && deadCount * 2 > ids.count) {
      rebuild(isAlive: isAlive)
    }
    let p = Int32(position)
    for entry in pending where entry.start <= p && p <= entry.end { visit(entry.id) }
    let count = upperBound(p)
    guard count > 0 else { return }
    if draining {
      collect(node: 1, low: 0, high: leafBase, count: count, position: p, visit)
    } else {
      for index in 0..<count where ends[index] >= p { visit(ids[index]) }
    }
  }

  /// How many sorted listeners start at or before `position`.
  private func upperBound(_ position: Int32) -> Int {
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) / 2
      if starts[middle] <= position { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Reports and hides the leaves below `node` (covering sorted positions low..<high) among the
  /// first `count` whose end reaches `position`; returns nothing, fixes the maxima on the way up.
  /// Recursion depth is log₂ of the bucket size.
  private mutating func collect(
    node: Int, low: Int, high: Int, count: Int, position: Int32, _ visit: (Int32) -> Void
  ) {
    guard low < count, tree[node] >= position else { return }
    if high - low == 1 {
      visit(ids[low])
      tree[node] = -1
      drained.append(low)
      return
    }
    let middle = (low + high) / 2
    collect(node: 2 * node, low: low, high: middle, count: count, position: position, visit)
    collect(node: 2 * node + 1, low: middle, high: high, count: count, position: position, visit)
    tree[node] = max(tree[2 * node], tree[2 * node + 1])
  }

  /// A new recalculation generation: every hidden leaf is visible again.
  private mutating func restoreDrained(_ generation: Int) {
    self.generation = generation
    guard !drained.isEmpty else { return }
    if drained.count * 8 > ids.count {
      buildTree()
    } else {
      for position in drained {
        var node = leafBase + position
        tree[node] = ends[position]
        node /= 2
        while node >= 1 {
          tree[node] = max(tree[2 * node], tree[2 * node + 1])
          node /= 2
        }
      }
    }
    drained.removeAll(keepingCapacity: true)
  }

  /// Merges the pending listeners into the sorted part and drops the dead. O(n log n).
  private mutating func rebuild(isAlive: (Int32) -> Bool) {
    var entries: [(id: Int32, start: Int32, end: Int32)] = []
    entries.reserveCapacity(ids.count + pending.count)
    for index in ids.indices where isAlive(ids[index]) {
      entries.append((ids[index], starts[index], ends[index]))
    }
    for entry in pending where isAlive(entry.id) { entries.append(entry) }
    entries.sort { $0.start < $1.start }
    ids = entries.map(\.id)
    starts = entries.map(\.start)
    ends = entries.map(\.end)
    pending.removeAll()
    deadCount = 0
    buildTree()
  }

  /// Rebuilds the max-tree from `ends`, with nothing drained.
  private mutating func buildTree() {
    leafBase = 1
    while leafBase < ids.count { leafBase *= 2 }
    tree = [Int32](repeating: -1, count: 2 * leafBase)
    for index in ends.indices { tree[leafBase + index] = ends[index] }
    var node = leafBase - 1
    while node >= 1 {
      tree[node] = max(tree[2 * node], tree[2 * node + 1])
      node -= 1
    }
    drained.removeAll(keepingCapacity: true)
  }
}
