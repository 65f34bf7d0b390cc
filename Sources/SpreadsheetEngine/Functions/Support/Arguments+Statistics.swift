import FormulaSyntax

/// The samples statistical functions read, under Excel's two argument rules.
///
/// The plain rule (STDEV, VAR, GEOMEAN, MODE…) is the aggregate rule of
/// `forEachAggregateNumber`. The "A" rule (AVERAGEA, MAXA, MINA) differs only inside ranges and
/// arrays: there TRUE counts 1, FALSE and any text (empty text included) count 0, so a column of
/// answers keeps its size; blank cells are still skipped.
extension Arguments {
  /// The numbers of argument `index` alone under the aggregate rule. Only `ordered` reads
  /// ranges in row-major order (MODE picks the first of equally frequent values); otherwise
  /// only existing cells are visited, so STDEV(B:B) on a sparse sheet stays cheap.
  func sampleNumbers(_ index: Int, ordered: Bool = false) throws(ExcelError) -> [Double] {
    guard let operand = index < count ? operands[index] : nil else { return [] }
    if case .value(let value) = operand {
      return value.isEmpty ? [] : [try value.asNumber()]
    }
    var numbers: [Double] = []
    let admit = { (value: CellValue) throws(ExcelError) in
      switch value {
      case .number(let number): numbers.append(number)
      case .error(let error): throw error
      default: break
      }
    }
    for area in areas(index) {
      if ordered { try area.forEachValue(admit) } else { try area.forEachNonEmpty(admit) }
    }
    return numbers
  }

  /// The numbers of every argument under the aggregate rule, in argument order.
  func sampleNumbers(ordered: Bool = false) throws(ExcelError) -> [Double] {
    var numbers: [Double] = []
    for index in 0..<count { numbers += try sampleNumbers(index, ordered: ordered) }
    return numbers
  }

  /// The numbers of every argument under the "A" rule (AVERAGEA, MAXA, MINA).
  func sampleNumbersCountingText() throws(ExcelError) -> [Double] {
    var numbers: [Double] = []
    for index in 0..<count {
      guard let operand = operands[index] else { continue }
      if case .value(let value) = operand {
        if !value.isEmpty { numbers.append(try value.asNumber()) }
        continue
      }
      for area in areas(index) {
        try area.forEachNonEmpty { value throws(ExcelError) in
          switch value {
          case .number(let number): numbers.append(number)
          case .boolean(let flag): numbers.append(flag ? 1 : 0)
          case .text: numbers.append(0)
          case .error(let error): throw error
          case .empty: break
          }
        }
      }
    }
    return numbers
  }

  /// The (x, y) pairs of two same-sized arrays (CORREL, SLOPE, SUMXMY2…): Excel drops a pair
  /// when either side is not a number, answers #N/A when the arrays hold different numbers of
  /// values, and gives the first error met in either array.
  func pairedNumbers(_ first: Int, _ second: Int) throws(ExcelError) -> (x: [Double], y: [Double]) {
    let (left, right) = (matrix(first), matrix(second))
    guard left.count == right.count else { throw .notAvailable }
    guard EvaluationLimits.allows(rows: left.rows, columns: left.columns) else { throw .number }
    var pairs: (x: [Double], y: [Double]) = ([], [])
    for index in 0..<left.count {
      let (a, b) = (left[linear: index], right[linear: index])
      if case .error(let error) = a { throw error }
      if case .error(let error) = b { throw error }
      guard case .number(let x) = a, case .number(let y) = b else { continue }
      pairs.x.append(x)
      pairs.y.append(y)
    }
    return pairs
  }
}
