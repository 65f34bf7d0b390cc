import FormulaSyntax

/// The aggregates of the conditional functions over the selected cells of a target range.
///
/// Only numbers count: text and logical values in the target are skipped, blanks are nothing,
/// and the first error among the selected cells (row-major order) is the result. Errors in
/// cells that are not selected do not matter, as in Excel.
extension ConditionalScan {
  /// SUMIF, SUMIFS.
  func sum(of target: MatrixView) throws(ExcelError) -> Double {
    var total = 0.0
    try forEachSelectedNumber(in: target) { total = ApproximateArithmetic.add(total, $0) }
    return total
  }

  /// AVERAGEIF, AVERAGEIFS: #DIV/0! when no number is selected.
  func average(of target: MatrixView) throws(ExcelError) -> Double {
    var total = 0.0
    var count = 0
    try forEachSelectedNumber(in: target) {
      total = ApproximateArithmetic.add(total, $0)
      count += 1
    }
    guard count > 0 else { throw .divisionByZero }
    return total / Double(count)
  }

  /// MINIFS (`largest` false) and MAXIFS: 0 when no number is selected.
  func extreme(of target: MatrixView, largest: Bool) throws(ExcelError) -> Double {
    var best: Double?
    try forEachSelectedNumber(in: target) { number in
      guard let current = best else {
        best = number
        return
      }
      best = largest ? max(current, number) : min(current, number)
    }
    return best ?? 0
  }

  private func forEachSelectedNumber(
    in target: MatrixView, _ body: (Double) -> Void
  ) throws(ExcelError) {
    try forEachMatch(in: target) { value throws(ExcelError) in
      switch value {
      case .number(let number): body(number)
      case .error(let error): throw error
      default: break
      }
    }
  }
}
