import FormulaSyntax

/// Calls a function: evaluates arguments by parameter kind, propagates errors, lifts scalar
/// functions over arrays, and turns thrown spreadsheet errors into the call's result.
enum FunctionRunner {
  static func call(
    _ spec: FunctionSpec, _ expressions: [BoundExpression], context: EvaluationContext
  ) -> Operand {
    if let lazyBody = spec.lazyBody {
      do {
        return try lazyBody(LazyArguments(expressions: expressions, context: context))
      } catch {
        return .error(error)
      }
    }
    var operands: [Operand?] = []
    operands.reserveCapacity(expressions.count)
    var liftedShape: (rows: Int, columns: Int)?
    for (index, expression) in expressions.enumerated() {
      if case .missing = expression {
        operands.append(nil)
        continue
      }
      let kind = spec.parameterKind(at: index)
      let savedMode = context.arrayMode
      if kind == .array { context.arrayMode = true }
      var operand = context.evaluate(expression)
      context.arrayMode = savedMode
      if case .union = operand, kind.takesReference, !spec.acceptsUnions {
        return .error(.value)
      }
      if kind == .value || kind == .valueOrError {
        operand = reduceScalar(operand, context: context)
        switch operand {
        case .value(.error(let error)) where kind == .value:
          return .error(error)
        case .array(let matrix):
          let shape = liftedShape ?? (1, 1)
          liftedShape = (
            Broadcast.dimension(shape.rows, matrix.rows),
            Broadcast.dimension(shape.columns, matrix.columns)
          )
        default: break
        }
      }
      operands.append(operand)
    }
    if let shape = liftedShape {
      return lift(spec, operands, shape: shape, context: context)
    }
    return invoke(spec, operands, context: context)
  }

  /// Value parameters: ranges intersect outside array mode and become arrays inside it.
  private static func reduceScalar(_ operand: Operand, context: EvaluationContext) -> Operand {
    if case .union = operand { return .error(.value) }
    guard case .reference(let range) = operand else { return operand }
    if context.arrayMode && range.area.cellCount > 1 { return .array(context.matrix(operand)) }
    return .value(context.intersect(range))
  }

  private static func invoke(
    _ spec: FunctionSpec, _ operands: [Operand?], context: EvaluationContext
  ) -> Operand {
    do {
      let result = try spec.body!(Arguments(operands: operands, context: context))
      if case .value(.number(let number)) = result, !number.isFinite { return .error(.number) }
      return result
    } catch {
      return .error(error)
    }
  }

  /// Calls a scalar function once per element when a value parameter received an array.
  private static func lift(
    _ spec: FunctionSpec, _ operands: [Operand?], shape: (rows: Int, columns: Int),
    context: EvaluationContext
  ) -> Operand {
    guard EvaluationLimits.allows(rows: shape.rows, columns: shape.columns) else { return .error(.number) }
    var values: [CellValue] = []
    values.reserveCapacity(shape.rows * shape.columns)
    for row in 0..<shape.rows {
      for column in 0..<shape.columns {
        var elementOperands: [Operand?] = []
        var failure: ExcelError?
        for (index, operand) in operands.enumerated() {
          let kind = spec.parameterKind(at: index)
          guard case .array(let matrix)? = operand, kind == .value || kind == .valueOrError else {
            elementOperands.append(operand)
            continue
          }
          let element = Broadcast.element(matrix, row, column) ?? .error(.notAvailable)
          if case .error(let error) = element, kind == .value, failure == nil { failure = error }
          elementOperands.append(.value(element))
        }
        if let failure {
          values.append(.error(failure))
        } else {
          values.append(context.scalar(invoke(spec, elementOperands, context: context)))
        }
      }
    }
    return .array(ValueMatrix(rows: shape.rows, columns: shape.columns, values: values))
  }
}
