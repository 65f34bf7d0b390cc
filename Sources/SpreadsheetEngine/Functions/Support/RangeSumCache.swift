import FormulaSyntax

/// Sums of large ranges computed during one recalculation pass, reused by ranges that extend
/// them by one row (or, for single-row ranges, one column).
///
/// A running total (`=SUM($B$2:B2)` filled down 100,000 rows, `=SUM($B5:B5)` filled right to
/// XFD) asks for ranges that each grow the previous one by a row or a column. Summing each from
/// scratch is quadratic (5 × 10⁹ reads for 100,000 rows); extending the previous sum keeps the
/// pass linear. The extension adds the new cells after the cached ones, which is exactly the
/// row-major order a fresh sum would use, so the result is bit-for-bit the same.
struct RangeSumCache {
  struct Key: Hashable {
    var sheet: Int
    var area: GridArea
  }

  /// The sum so far, or the first error met in row-major order.
  struct Sum {
    var total: Double
    var error: ExcelError?
  }

  /// Ranges smaller than this are summed directly.
  static let minimumCells = 32
  /// Bound on memory: the cache is dropped when it grows past this many ranges.
  static let maximumEntries = 1_000_000

  private var sums: [Key: Sum] = [:]

  /// The sum of the numbers in `range` under SUM's rules for references (text, logicals and
  /// blanks skipped; the first error wins).
  mutating func sum(of range: RangeReference, area: GridArea, context: EvaluationContext) -> Sum {
    let key = Key(sheet: range.sheet, area: area)
    if let known = sums[key] { return known }
    var result: Sum
    var fresh: GridArea
    if area.rowCount > 1,
      let prefix = sums[
        Key(
          sheet: range.sheet,
          area: GridArea(top: area.top, left: area.left, bottom: area.bottom - 1, right: area.right))]
    {
      result = prefix
      fresh = GridArea(top: area.bottom, left: area.left, bottom: area.bottom, right: area.right)
    } else if area.rowCount == 1, area.columnCount > 1,
      let prefix = sums[
        Key(
          sheet: range.sheet,
          area: GridArea(top: area.top, left: area.left, bottom: area.bottom, right: area.right - 1))]
    {
      result = prefix
      fresh = GridArea(top: area.top, left: area.right, bottom: area.bottom, right: area.right)
    } else {
      result = Sum(total: 0, error: nil)
      fresh = area
    }
    if result.error == nil {
      context.forEachCell(in: RangeReference(sheet: range.sheet, area: fresh)) { value in
        guard result.error == nil else { return }
        switch value {
        case .number(let number): result.total = ApproximateArithmetic.add(result.total, number)
        case .error(let error): result.error = error
        default: break
        }
      }
    }
    if sums.count >= Self.maximumEntries { sums.removeAll(keepingCapacity: true) }
    sums[key] = result
    return result
  }
}
