import FormulaSyntax

/// Array support for the lazy functions (IF, IFS, IFERROR, IFNA, CHOOSE, SWITCH).
///
/// A lazy function decides itself which arguments to evaluate, so the runner cannot lift it
/// over arrays. These helpers do what the runner does for `value` parameters: a range is
/// intersected with the formula's row or column, or read whole inside an array formula
/// (`SUMPRODUCT(IFERROR(A1:A3/B1:B3,0))`), and an array selector makes the function work
/// element by element with Excel's broadcasting.
extension LazyArguments {
  /// Argument `index` prepared like a `value` parameter, but not reduced to one value when it
  /// is an array: a multi-cell range becomes an array in array mode and is intersected
  /// otherwise.
  func reduced(_ index: Int) -> Operand {
    let operand = self.operand(index)
    if case .union = operand { return .error(.value) }
    guard case .reference(let range) = operand else { return operand }
    if context.arrayMode && range.area.cellCount > 1 { return .array(context.matrix(operand)) }
    return .value(context.intersect(range))
  }

  /// Argument `index` as an array (ranges read whole), for element-wise evaluation.
  func matrix(_ index: Int) -> ValueMatrix {
    context.matrix(operand(index))
  }
}

/// Element-wise evaluation of lazy functions over array selectors.
enum LazyArrays {
  /// The broadcast shape of several arrays (a single row or column repeats).
  static func shape(_ matrices: [ValueMatrix]) -> (rows: Int, columns: Int) {
    var rows = 1
    var columns = 1
    for matrix in matrices {
      rows = Broadcast.dimension(rows, matrix.rows)
      columns = Broadcast.dimension(columns, matrix.columns)
    }
    return (rows, columns)
  }

  /// Builds a `rows × columns` array from `element(row, column)`.
  static func build(
    rows: Int, columns: Int, _ element: (Int, Int) -> CellValue
  ) -> ValueMatrix {
    guard EvaluationLimits.allows(rows: rows, columns: columns) else {
      return ValueMatrix(rows: 1, columns: 1, values: [.error(.number)])
    }
    var values: [CellValue] = []
    values.reserveCapacity(rows * columns)
    for row in 0..<rows {
      for column in 0..<columns { values.append(element(row, column)) }
    }
    return ValueMatrix(rows: rows, columns: columns, values: values)
  }

  /// The element of `matrix` at a broadcast position; positions beyond a smaller array are
  /// #N/A, as in Excel.
  static func element(_ matrix: ValueMatrix, _ row: Int, _ column: Int) -> CellValue {
    Broadcast.element(matrix, row, column) ?? .error(.notAvailable)
  }

  /// IF over an array condition: each TRUE element takes `branches[0]`, each FALSE one
  /// `branches[1]`; a nil branch (IF without an else part) gives FALSE.
  static func select(conditions: ValueMatrix, branches: [ValueMatrix?]) -> ValueMatrix {
    let (rows, columns) = shape([conditions] + branches.compactMap { $0 })
    return build(rows: rows, columns: columns) { row, column in
      let condition = element(conditions, row, column)
      let chosen: Int
      do throws(ExcelError) {
        chosen = try condition.asBoolean() ? 0 : 1
      } catch {
        return .error(error)
      }
      guard chosen < branches.count, let branch = branches[chosen] else { return .boolean(false) }
      return element(branch, row, column)
    }
  }

  /// Which of `count` choices a selector array needs, given how an element maps to a choice.
  static func neededChoices(
    _ selectors: ValueMatrix, count: Int, choice: (CellValue) -> Int?
  ) -> [Bool] {
    var needed = Array(repeating: false, count: count)
    for value in selectors.values {
      if let index = choice(value), index >= 0, index < count { needed[index] = true }
    }
    return needed
  }
}
