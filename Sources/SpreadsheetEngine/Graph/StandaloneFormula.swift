import FormulaSyntax

/// A formula that lives outside the grid (model checks and outputs), evaluated on demand after
/// a recalculation as if it were written in cell A1 of its sheet.
public struct StandaloneFormula: Sendable {
  let bound: BoundExpression
  let sheet: Int
}

extension Workbook {
  /// Binds a formula that is not placed in a cell.
  public func standalone(_ syntax: FormulaExpression, sheet: Int) throws(BindingIssues) -> StandaloneFormula {
    var binder = Binder(workbook: self, sheet: sheet)
    let bound = binder.bind(syntax)
    guard binder.issues.isEmpty else { throw BindingIssues(issues: binder.issues) }
    return StandaloneFormula(bound: bound, sheet: sheet)
  }

  /// The value of a standalone formula against the current cell values.
  public func evaluate(_ formula: StandaloneFormula) -> CellValue {
    let context = EvaluationContext(workbook: self)
    context.sheet = formula.sheet
    let result = context.scalar(context.evaluate(formula.bound))
    return result.isEmpty ? .number(0) : result
  }
}
