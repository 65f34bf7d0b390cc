import FormulaSyntax

/// Excel's approximate-match search (MATCH types 1 and -1, VLOOKUP/HLOOKUP TRUE, XLOOKUP
/// search modes 2 and -2).
///
/// Excel does not scan: it bisects, assuming the data are sorted, and on unsorted data its
/// answers are whatever the bisection meets. We reproduce the documented and widely observed
/// behaviour:
/// - the probe is the midpoint `(low + high) / 2` rounded down (0-based here);
/// - it does not stop on an equal item but keeps going right, so among duplicates the last is
///   found (`MATCH(2,{1,2,2,2,3})` is 4);
/// - items of another kind than the target (text when looking up a number, blanks, errors) are
///   skipped: the probe moves to the nearest comparable item in the current interval, first
///   towards the start, then towards the end. This is what makes `LOOKUP(2,1/(A:A="x"),B:B)`,
///   `MATCH(9.99E+307,A:A)` and `MATCH("zzz",A:A)` find the last match, last number and last
///   text even with other kinds in between.
///
/// Cost: O(log n) probes on clean data; runs of skipped items add their length in the worst
/// case, never more than O(n) per probe.
enum ExcelBinarySearch {
  /// The last position whose comparable item lies on the "left part" of a sorted vector, as
  /// decided by `isLeft(order)` with `order` the item's order relative to `target`.
  ///
  /// MATCH type 1 uses `order <= 0` (the last item not greater than the target); type -1 on
  /// descending data uses `order >= 0` (the last item not smaller). Nil when no probed item
  /// qualifies (the target sorts before every item: #N/A).
  static func lastIndex(
    in vector: LookupVector, target: CellValue, isLeft: (Int) -> Bool
  ) -> Int? {
    var low = 0
    var high = vector.count - 1
    var found: Int?
    while low <= high {
      let middle = low + (high - low) / 2
      guard let (position, order) = probe(vector, target, middle: middle, low: low, high: high)
      else { break }
      if isLeft(order) {
        found = position
        low = position + 1
      } else {
        high = position - 1
      }
    }
    return found
  }

  /// The first comparable position after `position` (or from the start when `position` is
  /// nil): the smallest item not below the partition that `lastIndex` found.
  static func nextComparable(
    after position: Int?, in vector: LookupVector, target: CellValue
  ) -> Int? {
    var candidate = (position ?? -1) + 1
    while candidate < vector.count {
      if LookupComparison.order(vector[candidate], target) != nil { return candidate }
      candidate += 1
    }
    return nil
  }

  /// The comparable item nearest to `middle` within `low...high`, looking towards `low` first.
  private static func probe(
    _ vector: LookupVector, _ target: CellValue, middle: Int, low: Int, high: Int
  ) -> (position: Int, order: Int)? {
    var position = middle
    while position >= low {
      if let order = LookupComparison.order(vector[position], target) { return (position, order) }
      position -= 1
    }
    position = middle + 1
    while position <= high {
      if let order = LookupComparison.order(vector[position], target) { return (position, order) }
      position += 1
    }
    return nil
  }
}
