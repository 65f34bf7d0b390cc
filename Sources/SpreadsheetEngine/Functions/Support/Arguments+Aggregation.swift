import FormulaSyntax

/// Excel's rules for the numbers an aggregate (SUM, AVERAGE, MIN, MAX, PRODUCT…) sees.
///
/// Typed arguments are coerced (`SUM("3", TRUE)` is 4, `SUM("x")` is #VALUE!); values read from
/// ranges or arrays count only when they are numbers (text, booleans and blanks are skipped); any
/// error met is the result.
extension Arguments {
  /// Visits every number the aggregate rule admits, across all arguments from `start`.
  public func forEachAggregateNumber(
    from start: Int = 0, _ body: (Double) throws(ExcelError) -> Void
  ) throws(ExcelError) {
    for index in start..<count {
      guard let operand = operands[index] else { continue }
      switch operand {
      case .value(let value):
        if case .empty = value { continue }
        try body(try value.asNumber())
      case .reference, .array, .union:
        for area in areas(index) {
          try area.forEachNonEmpty { value throws(ExcelError) in
            switch value {
            case .number(let number): try body(number)
            case .error(let error): throw error
            default: break
            }
          }
        }
      }
    }
  }

  /// The admitted numbers of all arguments from `start`, in argument order.
  public func aggregateNumbers(from start: Int = 0) throws(ExcelError) -> [Double] {
    var numbers: [Double] = []
    try forEachAggregateNumber(from: start) { numbers.append($0) }
    return numbers
  }

  /// The numbers of one range/array argument in row-major order (for functions where order
  /// matters: NPV, IRR), skipping text, booleans and blanks, throwing errors.
  public func orderedNumbers(_ index: Int) throws(ExcelError) -> [Double] {
    var numbers: [Double] = []
    let view = matrix(index)
    if case .value(let value) = view.operand {
      return value.isEmpty ? [] : [try value.asNumber()]
    }
    try view.forEachValue { value throws(ExcelError) in
      switch value {
      case .number(let number): numbers.append(number)
      case .error(let error): throw error
      default: break
      }
    }
    return numbers
  }
}
