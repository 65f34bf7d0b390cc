import FormulaSyntax

/// XLOOKUP's and XMATCH's search: four match modes, four search modes.
enum XLookupSearch {
  enum MatchMode {
    case exact
    case exactOrSmaller
    case exactOrLarger
    case wildcard

    /// XLOOKUP's match_mode argument (0, -1, 1, 2); anything else is #VALUE!.
    init(_ code: Int) throws(ExcelError) {
      switch code {
      case 0: self = .exact
      case -1: self = .exactOrSmaller
      case 1: self = .exactOrLarger
      case 2: self = .wildcard
      default: throw .value
      }
    }
  }

  enum SearchMode {
    case firstToLast
    case lastToFirst
    case binaryAscending
    case binaryDescending

    /// XLOOKUP's search_mode argument (1, -1, 2, -2); anything else is #VALUE!.
    init(_ code: Int) throws(ExcelError) {
      switch code {
      case 1: self = .firstToLast
      case -1: self = .lastToFirst
      case 2: self = .binaryAscending
      case -2: self = .binaryDescending
      default: throw .value
      }
    }
  }

  /// The 0-based position XLOOKUP returns from, nil when nothing qualifies.
  ///
  /// Unlike MATCH, XLOOKUP looks a blank target up as a blank: it finds the first (or last)
  /// empty cell. `fullCount` is the length of the lookup array before a whole column was cut
  /// to the used rows; the cells past the used rows are empty too.
  static func position(
    of target: CellValue, in vector: LookupVector, fullCount: Int, match: MatchMode,
    search: SearchMode
  ) -> Int? {
    if target.isEmpty {
      return blankPosition(in: vector, fullCount: fullCount, reversed: search == .lastToFirst)
    }
    switch search {
    case .firstToLast, .lastToFirst:
      let reversed = search == .lastToFirst
      switch match {
      case .exact, .wildcard:
        return ExactMatcher(target, wildcards: match == .wildcard)
          .firstIndex(in: vector, reversed: reversed)
      case .exactOrSmaller, .exactOrLarger:
        return nearest(target, in: vector, larger: match == .exactOrLarger, reversed: reversed)
      }
    case .binaryAscending:
      return binary(target, in: vector, match: match, ascending: true)
    case .binaryDescending:
      return binary(target, in: vector, match: match, ascending: false)
    }
  }

  /// The first (last) empty position, counting the unread cells past a cut whole column.
  private static func blankPosition(in vector: LookupVector, fullCount: Int, reversed: Bool)
    -> Int?
  {
    if reversed && fullCount > vector.count { return fullCount - 1 }
    let count = vector.count
    for step in 0..<count {
      let position = reversed ? count - 1 - step : step
      if vector[position].isEmpty { return position }
    }
    return fullCount > count ? count : nil
  }

  /// Linear search for an exact match, else the closest item on the requested side (the
  /// first such item in search order among equals).
  private static func nearest(
    _ target: CellValue, in vector: LookupVector, larger: Bool, reversed: Bool
  ) -> Int? {
    var best: (position: Int, value: CellValue)?
    let count = vector.count
    for step in 0..<count {
      let position = reversed ? count - 1 - step : step
      let item = vector[position]
      guard let order = LookupComparison.order(item, target) else { continue }
      if order == 0 { return position }
      guard larger ? order > 0 : order < 0 else { continue }
      if let current = best {
        let closer = ValueComparison.compare(item, current.value)
        if larger ? closer >= 0 : closer <= 0 { continue }
      }
      best = (position, item)
    }
    return best?.position
  }

  /// Bisection on data sorted ascending (search mode 2) or descending (-2).
  private static func binary(
    _ target: CellValue, in vector: LookupVector, match: MatchMode, ascending: Bool
  ) -> Int? {
    // "Left part" of the sorted vector: items not after the target in sort order.
    let notAfter: (Int) -> Bool = ascending ? { $0 <= 0 } : { $0 >= 0 }
    let before: (Int) -> Bool = ascending ? { $0 < 0 } : { $0 > 0 }
    switch (match, ascending) {
    case (.exact, _), (.wildcard, _):
      let candidate = ExcelBinarySearch.lastIndex(in: vector, target: target, isLeft: notAfter)
      guard let candidate, LookupComparison.order(vector[candidate], target) == 0 else { return nil }
      return candidate
    case (.exactOrSmaller, true), (.exactOrLarger, false):
      return ExcelBinarySearch.lastIndex(in: vector, target: target, isLeft: notAfter)
    case (.exactOrLarger, true), (.exactOrSmaller, false):
      let partition = ExcelBinarySearch.lastIndex(in: vector, target: target, isLeft: before)
      return ExcelBinarySearch.nextComparable(after: partition, in: vector, target: target)
    }
  }

  /// XMATCH(value, lookup_array, [match_mode], [search_mode]): the 1-based position XLOOKUP
  /// would return from, with the same modes; lookup_array must be one row or column (#VALUE!).
  static func xmatch(_ args: Arguments) throws(ExcelError) -> Operand {
    if case .value(.error(let error))? = args.operands[1] { throw error }
    let shape = LookupSearch.shape(args.operands[1])
    guard let keys = LookupVector(oneDimensional: args.matrix(1)) else { throw .value }
    let match = try XLookupSearch.MatchMode(args.isMissing(2) ? 0 : try args.position(2))
    let search = try XLookupSearch.SearchMode(args.isMissing(3) ? 1 : try args.position(3))
    guard
      let found = XLookupSearch.position(
        of: args.value(0), in: keys, fullCount: shape.columns == 1 ? shape.rows : shape.columns,
        match: match, search: search)
    else { throw .notAvailable }
    return .number(Double(found + 1))
  }
}
