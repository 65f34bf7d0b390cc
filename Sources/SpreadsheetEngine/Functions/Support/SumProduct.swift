import FormulaSyntax

/// SUMPRODUCT: the sum of the element-wise products of same-shaped arrays.
///
/// Excel treats every non-number element (text, numeric text, TRUE/FALSE, blanks) as 0 (hence
/// the `--(range="x")` idiom), answers #VALUE! when the shapes differ, and gives the first
/// error of the arguments, in argument order and then row-major order.
enum SumProduct {
  static func evaluate(_ args: Arguments) throws(ExcelError) -> Double {
    var views: [MatrixView] = []
    for index in 0..<args.count {
      // An omitted argument is not an array of any shape Excel accepts.
      guard !args.isMissing(index) else { throw .value }
      views.append(args.matrix(index))
    }
    let shape = views[0].fullShape
    guard views.allSatisfy({ $0.fullShape == shape }) else { throw .value }
    for view in views {
      if let error = try firstError(in: view) { throw error }
    }
    // Past the used area of any range every product is 0: read only the common used part.
    let rows = views.map(\.usedExtent.rows).min() ?? 0
    let columns = views.map(\.usedExtent.columns).min() ?? 0
    guard EvaluationLimits.allows(rows: rows, columns: columns) else { throw .number }
    var total = 0.0
    for row in 0..<rows {
      for column in 0..<columns {
        var product = 1.0
        for view in views {
          guard case .number(let number) = view[row, column] else {
            product = 0
            break
          }
          product *= number
        }
        total = ApproximateArithmetic.add(total, product)
      }
    }
    return total
  }

  /// The first error of a view in row-major order.
  private static func firstError(in view: MatrixView) throws(ExcelError) -> ExcelError? {
    var hasError = false
    try? view.forEachNonEmpty { value in if case .error = value { hasError = true } }
    guard hasError else { return nil }
    let extent = view.usedExtent
    guard EvaluationLimits.allows(rows: extent.rows, columns: extent.columns) else { throw .number }
    for row in 0..<extent.rows {
      for column in 0..<extent.columns {
        if case .error(let error) = view[row, column] { return error }
      }
    }
    return nil
  }
}
