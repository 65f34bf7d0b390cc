import FormulaSyntax

/// One formula as written, shared by every cell of the range it was filled into.
///
/// A class so that reaching a cell's formula costs one reference, not a copy of its trees.
public final class Formula: Sendable {
  /// The parsed formula, anchored at `anchor`: printing it for another cell shifts its relative
  /// references the way Excel's fill does.
  public let syntax: FormulaExpression
  /// The sheet the formula lives on (sheet-less references point here).
  public let sheet: Int
  public let anchor: GridPoint
  /// The formula with sheets, names and functions resolved, ready to evaluate.
  let bound: BoundExpression
  /// Whether the formula calls a volatile function (TODAY) and must always recalculate.
  public let isVolatile: Bool
  /// Every reference in the formula, flattened once here so that dependency scans loop over a
  /// small array instead of walking the expression tree for every cell.
  let references: [(sheet: Int, shape: ReferenceShape)]

  init(syntax: FormulaExpression, sheet: Int, anchor: GridPoint, bound: BoundExpression) {
    self.syntax = syntax
    self.sheet = sheet
    self.anchor = anchor
    self.bound = bound
    self.isVolatile = bound.callsVolatileFunction
    var references: [(sheet: Int, shape: ReferenceShape)] = []
    bound.forEachReference { references.append(($0, $1)) }
    self.references = references
  }
}

/// What a cell holds: a constant or one of the workbook's formulas.
public enum CellContent: Sendable {
  case constant(CellValue)
  case formula(Int32)
}

extension CellContent {
  public var isFormula: Bool {
    if case .formula = self { return true }
    return false
  }
}
