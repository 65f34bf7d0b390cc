import FormulaSyntax

/// A workbook-level defined name and the formula or reference it stands for.
public struct DefinedName: Sendable {
  /// The name as written (its case is kept for display and export).
  public let name: String
  /// Parsed with anchor A1, so relative parts are relative to the using cell, as in Excel.
  public let expression: FormulaExpression
  /// The definition text without the leading `=`.
  public let text: String
}
