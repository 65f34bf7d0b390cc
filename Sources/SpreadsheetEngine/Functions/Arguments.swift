import FormulaSyntax

/// The evaluated arguments of one call, with the coercions function bodies need.
///
/// `value` parameters arrive here already reduced to a single value (and free of errors unless
/// the parameter is `valueOrError`); `reference` and `array` parameters arrive whole.
public struct Arguments {
  /// nil marks an omitted argument, as in `ROUND(A1,)`.
  public let operands: [Operand?]
  public let context: EvaluationContext

  public var count: Int { operands.count }

  /// Whether argument `index` was omitted or not given at all.
  public func isMissing(_ index: Int) -> Bool {
    index >= operands.count || operands[index] == nil
  }

  /// Argument `index` as a single value (an omitted argument is empty).
  public func value(_ index: Int) -> CellValue {
    guard index < operands.count, let operand = operands[index] else { return .empty }
    return context.scalar(operand)
  }

  public func number(_ index: Int) throws(ExcelError) -> Double {
    try value(index).asNumber()
  }

  /// The number at `index`, or `fallback` when the argument was omitted.
  public func number(_ index: Int, default fallback: Double) throws(ExcelError) -> Double {
    isMissing(index) ? fallback : try number(index)
  }

  public func text(_ index: Int) throws(ExcelError) -> String {
    try value(index).asText()
  }

  public func boolean(_ index: Int) throws(ExcelError) -> Bool {
    try value(index).asBoolean()
  }

  public func boolean(_ index: Int, default fallback: Bool) throws(ExcelError) -> Bool {
    isMissing(index) ? fallback : try boolean(index)
  }

  /// Integer argument truncated toward zero, as Excel truncates `digits`, `months` and the like.
  public func integer(_ index: Int) throws(ExcelError) -> Int {
    let number = try self.number(index)
    guard abs(number) < 9.0e15 else { throw .number }
    return Int(number.rounded(.towardZero))
  }

  /// Argument `index` as a rectangle of values, whatever it is (range, array or single value).
  public func matrix(_ index: Int) -> MatrixView {
    guard index < operands.count, let operand = operands[index] else {
      return MatrixView(operand: .value(.empty), context: context)
    }
    return MatrixView(operand: operand, context: context)
  }

  /// Argument `index` area by area: one view per area of a multi-area reference (`(A1,B2:C3)`),
  /// otherwise the single view `matrix(index)` gives. Functions that accept multi-area
  /// references (`FunctionSpec.acceptsUnions`) read their arguments through this.
  public func areas(_ index: Int) -> [MatrixView] {
    guard index < operands.count, case .union(let ranges)? = operands[index] else { return [matrix(index)] }
    return ranges.map { MatrixView(operand: .reference($0), context: context) }
  }

  /// The reference at `index`, when the argument is one (INDEX, ROW, COLUMN need the address).
  public func reference(_ index: Int) -> RangeReference? {
    guard index < operands.count, case .reference(let range)? = operands[index] else { return nil }
    return range
  }
}

/// Arguments evaluated on demand, for functions that must not evaluate every argument.
public struct LazyArguments {
  let expressions: [BoundExpression]
  public let context: EvaluationContext

  public var count: Int { expressions.count }

  public func isMissing(_ index: Int) -> Bool {
    guard index < expressions.count else { return true }
    if case .missing = expressions[index] { return true }
    return false
  }

  /// Evaluates argument `index` as a single value; errors are returned, not thrown.
  public func value(_ index: Int) -> CellValue {
    guard index < expressions.count else { return .empty }
    return context.scalar(context.evaluate(expressions[index]))
  }

  /// Evaluates argument `index` and returns it unreduced (a reference stays a reference, so
  /// `IF(A1, B1:B3, C1:C3)` can feed SUM).
  public func operand(_ index: Int) -> Operand {
    guard index < expressions.count else { return .value(.empty) }
    if case .missing = expressions[index] { return .value(.empty) }
    return context.evaluate(expressions[index])
  }

  /// Argument `index` as a condition; errors are thrown so the call's result is that error.
  public func boolean(_ index: Int) throws(ExcelError) -> Bool {
    try value(index).asBoolean()
  }
}
