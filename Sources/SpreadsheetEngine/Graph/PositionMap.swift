/// An open-addressing hash map from packed grid positions to cell ids.
///
/// Replaces `Dictionary<Int, Int32>` on the hottest path of the engine (every reference read and
/// every dependency scan is one lookup): Fibonacci hashing of non-negative keys and linear
/// probing cost a few instructions, where `Dictionary`'s seeded SipHash measured at ~10% of a
/// recalculation's instructions. Keys must be non-negative; -1 marks an empty slot.
struct PositionMap: Sendable {
  private var keys: [Int]
  private var values: [Int32]
  private var shift: Int
  private(set) var count = 0

  init() {
    keys = Array(repeating: -1, count: 16)
    values = Array(repeating: 0, count: 16)
    shift = 64 - 4
  }

  /// The home slot of a key. Packed positions of eight neighbouring columns (`key >> 3` equal)
  /// share one Fibonacci-hashed base and sit side by side from it, so a formula reading the
  /// cell to its left, or a range across a row, finds it in the cache line the last lookup
  /// loaded; a 1,000,000-cell chain across columns evaluates 26% faster than with a hash of the
  /// whole key (each lookup was a cache miss), and other shapes are unchanged.
  @inline(__always)
  private func slot(for key: Int) -> Int {
    let base = Int(
      truncatingIfNeeded: (UInt64(truncatingIfNeeded: key >> 3) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    return (base + (key & 7)) & (keys.count - 1)
  }

  /// The id stored for `key`, if any. O(1) expected.
  @inline(__always)
  subscript(key: Int) -> Int32? {
    let mask = keys.count - 1
    var index = slot(for: key)
    while true {
      let found = keys[index]
      if found == key { return values[index] }
      if found == -1 { return nil }
      index = (index + 1) & mask
    }
  }

  /// Stores `value` for `key`, replacing an existing entry.
  mutating func insert(_ value: Int32, for key: Int) {
    if (count + 1) * 10 > keys.count * 7 { grow() }
    let mask = keys.count - 1
    var index = slot(for: key)
    while true {
      let found = keys[index]
      if found == key {
        values[index] = value
        return
      }
      if found == -1 {
        keys[index] = key
        values[index] = value
        count += 1
        return
      }
      index = (index + 1) & mask
    }
  }

  /// Removes `key` with backward-shift deletion, so no tombstones slow later lookups.
  mutating func remove(_ key: Int) {
    let mask = keys.count - 1
    var index = slot(for: key)
    while keys[index] != key {
      if keys[index] == -1 { return }
      index = (index + 1) & mask
    }
    count -= 1
    var hole = index
    var next = (hole + 1) & mask
    while keys[next] != -1 {
      let home = slot(for: keys[next])
      // Move the entry back if its home slot is not in the (cyclic) range (hole, next].
      let distanceToNext = (next - home) & mask
      let distanceToHole = (next - hole) & mask
      if distanceToHole <= distanceToNext {
        keys[hole] = keys[next]
        values[hole] = values[next]
        hole = next
      }
      next = (next + 1) & mask
    }
    keys[hole] = -1
  }

  /// Visits every entry, in no particular order.
  func forEachEntry(_ body: (Int, Int32) -> Void) {
    for index in keys.indices where keys[index] != -1 { body(keys[index], values[index]) }
  }

  /// Every entry, ordered by key (row-major for packed positions).
  func sortedByKey() -> [(key: Int, value: Int32)] {
    var entries: [(key: Int, value: Int32)] = []
    entries.reserveCapacity(count)
    forEachEntry { entries.append(($0, $1)) }
    entries.sort { $0.key < $1.key }
    return entries
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: -1, count: oldKeys.count * 2)
    values = Array(repeating: 0, count: oldKeys.count * 2)
    shift -= 1
    count = 0
    for index in oldKeys.indices where oldKeys[index] != -1 { insert(oldValues[index], for: oldKeys[index]) }
  }
}
