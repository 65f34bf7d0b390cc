import FormulaSyntax

/// Rectangles already known to hold no dirty cell during one recalculation pass.
///
/// Cumulative ranges (`=SUM($B$2:B2)` filled down, `=SUM($B5:B5)` filled right) grow by one row
/// or column per cell. Remembering, per fixed top-left edge, how far a range is known clean lets
/// each new cell scan only its newest row or column, which keeps the whole pass linear instead
/// of quadratic.
struct EnsuredAreas {
  private struct Vertical: Hashable {
    var sheet: Int
    var top: Int
    var left: Int
    var right: Int
  }

  private struct Horizontal: Hashable {
    var sheet: Int
    var left: Int
    var top: Int
    var bottom: Int
  }

  /// How far a prefix is known clean, and whether a cell in it may have changed this pass.
  private struct Extent {
    var end: Int
    var changed: Bool
  }

  private var bottoms: [Vertical: Extent] = [:]
  private var rights: [Horizontal: Extent] = [:]

  /// The part of `area` that may still hold dirty cells (nil when it is all clean), and whether
  /// the clean prefix left out may hold a cell that changed value in this pass.
  func remainder(of area: GridArea, sheet: Int) -> (area: GridArea?, prefixChanged: Bool) {
    var best: (area: GridArea?, prefixChanged: Bool) = (area, false)
    var bestCount = area.cellCount
    if let extent = bottoms[Vertical(sheet: sheet, top: area.top, left: area.left, right: area.right)] {
      if extent.end >= area.bottom { return (nil, extent.changed) }
      let candidate = GridArea(top: extent.end + 1, left: area.left, bottom: area.bottom, right: area.right)
      best = (candidate, extent.changed)
      bestCount = candidate.cellCount
    }
    if let extent = rights[Horizontal(sheet: sheet, left: area.left, top: area.top, bottom: area.bottom)] {
      if extent.end >= area.right { return (nil, extent.changed) }
      let candidate = GridArea(top: area.top, left: extent.end + 1, bottom: area.bottom, right: area.right)
      if candidate.cellCount < bestCount { best = (candidate, extent.changed) }
    }
    return best
  }

  /// Records that every cell of `area` is clean; `changed` says whether one may have changed.
  /// Flags only ever widen (a conservative "may have changed"), which keeps early cutoff sound.
  mutating func insert(_ area: GridArea, sheet: Int, changed: Bool) {
    let vertical = Vertical(sheet: sheet, top: area.top, left: area.left, right: area.right)
    let down = bottoms[vertical]
    bottoms[vertical] = Extent(
      end: max(down?.end ?? -1, area.bottom), changed: (down?.changed ?? false) || changed)
    let horizontal = Horizontal(sheet: sheet, left: area.left, top: area.top, bottom: area.bottom)
    let across = rights[horizontal]
    rights[horizontal] = Extent(
      end: max(across?.end ?? -1, area.right), changed: (across?.changed ?? false) || changed)
  }
}
