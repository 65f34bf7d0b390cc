import FormulaSyntax

extension EvaluationContext {
  /// Whether the top-left cell of `range` holds a formula (ISFORMULA).
  func holdsFormula(_ range: RangeReference) -> Bool {
    guard let id = workbook.sheets[range.sheet].grid.cell(at: range.area.topLeft) else { return false }
    return workbook.contents[Int(id)].isFormula
  }
}
