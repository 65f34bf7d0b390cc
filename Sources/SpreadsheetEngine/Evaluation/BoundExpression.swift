import FormulaSyntax

/// An expression with sheets, defined names and functions resolved: what the evaluator runs.
///
/// Names are inlined at binding time (a name's relative references are relative to the using
/// cell, exactly as inlining makes them), so evaluation never looks anything up by text.
indirect enum BoundExpression: Sendable {
  case constant(CellValue)
  case array(ValueMatrix)
  case cell(sheet: Int, CellReference)
  case area(sheet: Int, AreaReference)
  case prefix(PrefixOperator, BoundExpression)
  case percent(BoundExpression)
  case infix(InfixOperator, BoundExpression, BoundExpression)
  case call(FunctionSpec, [BoundExpression])
  /// Excel's reference operators: a space (intersection) and `,` inside parentheses (union).
  case intersection(BoundExpression, BoundExpression)
  case union([BoundExpression])
  case missing

  /// Calls `visit` with every reference in the expression (for dependency discovery).
  func forEachReference(_ visit: (_ sheet: Int, _ reference: ReferenceShape) -> Void) {
    switch self {
    case .cell(let sheet, let reference): visit(sheet, .cell(reference))
    case .area(let sheet, let reference): visit(sheet, .area(reference))
    case .prefix(_, let operand), .percent(let operand): operand.forEachReference(visit)
    case .infix(_, let lhs, let rhs), .intersection(let lhs, let rhs):
      // Every area of an intersection is a precedent, not only the cells they share: an
      // operand may be a function's result (INDEX, IF), known only when evaluated, and a
      // superset of the precedents keeps incremental recalculation right.
      lhs.forEachReference(visit)
      rhs.forEachReference(visit)
    case .call(let spec, let arguments):
      for (index, argument) in arguments.enumerated() {
        if spec.parameterKind(at: index) == .position {
          argument.forEachReadReference(visit)
        } else {
          argument.forEachReference(visit)
        }
      }
    case .union(let arguments):
      for argument in arguments { argument.forEachReference(visit) }
    case .constant, .array, .missing: break
    }
  }

  /// The references of a `position` argument whose cells are read: none of the argument's own
  /// cells and areas (nor those of its unions and intersections), only those inside the
  /// functions it calls (`ROWS(A1:INDEX(B:B, C1))` reads C1 and may read B).
  private func forEachReadReference(_ visit: (_ sheet: Int, _ reference: ReferenceShape) -> Void) {
    switch self {
    case .cell, .area, .constant, .array, .missing: break
    case .union(let areas): for area in areas { area.forEachReadReference(visit) }
    case .intersection(let lhs, let rhs):
      lhs.forEachReadReference(visit)
      rhs.forEachReadReference(visit)
    case .call, .prefix, .percent, .infix: forEachReference(visit)
    }
  }

  var callsVolatileFunction: Bool {
    switch self {
    case .call(let spec, let arguments):
      spec.isVolatile || arguments.contains { $0.callsVolatileFunction }
    case .prefix(_, let operand), .percent(let operand): operand.callsVolatileFunction
    case .infix(_, let lhs, let rhs), .intersection(let lhs, let rhs):
      lhs.callsVolatileFunction || rhs.callsVolatileFunction
    case .union(let areas): areas.contains { $0.callsVolatileFunction }
    case .constant, .array, .cell, .area, .missing: false
    }
  }
}

/// A reference as it appears in an expression, before it is resolved for a particular cell.
enum ReferenceShape: Sendable {
  case cell(CellReference)
  case area(AreaReference)
}
