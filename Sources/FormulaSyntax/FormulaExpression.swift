/// A parsed formula: Excel syntax as a tree, with the source span of every node.
///
/// References are anchored (see `AxisReference`): the same tree serves every cell of a filled
/// range. Names of sheets, defined names and functions are kept as written; the engine binds them.
public struct FormulaExpression: Sendable {
  public var kind: Kind
  public var span: SourceSpan

  public init(_ kind: Kind, span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  public indirect enum Kind: Sendable {
    case number(Double)
    case text(String)
    case boolean(Bool)
    case error(ExcelError)
    /// An array constant such as `{1,2;3,4}`: rows of constant expressions.
    case array([[FormulaExpression]])
    /// `A1`, `Sheet!$B$2`.
    case cell(sheet: String?, CellReference)
    /// `A1:B9`, `B:B`, `3:3`, `'P&L'!C4:F4`.
    case area(sheet: String?, AreaReference)
    /// A defined name.
    case name(String)
    case prefix(PrefixOperator, FormulaExpression)
    case postfix(PostfixOperator, FormulaExpression)
    case infix(InfixOperator, FormulaExpression, FormulaExpression)
    /// A function call; the name is upper-cased with any `_xlfn.` prefix removed.
    case call(name: String, nameSpan: SourceSpan, arguments: [FormulaExpression])
    /// An omitted argument, as in `IF(A1,,2)`.
    case missing
    /// `(expr)`, kept so that printing back preserves the author's grouping.
    case parenthesized(FormulaExpression)
    /// Excel's intersection operator, a space between two references (`B1:D3 C2:C9`,
    /// `Revenue FY2025`): the cells both designate.
    case intersection(FormulaExpression, FormulaExpression)
    /// Excel's union operator, commas inside parentheses (`(B1:B2,D1:D2)`): a reference of
    /// several areas. The parentheses belong to the node (the comma means union only inside
    /// them), so printing always writes them back.
    case union([FormulaExpression])
  }
}

public enum PrefixOperator: String, Sendable {
  case minus = "-"
  case plus = "+"
}

public enum PostfixOperator: String, Sendable {
  case percent = "%"
}

public enum InfixOperator: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case power = "^"
  case concatenate = "&"
  case equal = "="
  case notEqual = "<>"
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  /// Binding strength, higher binds tighter (Excel: comparisons < & < +- < */ < ^).
  public var precedence: Int {
    switch self {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 1
    case .concatenate: 2
    case .add, .subtract: 3
    case .multiply, .divide: 4
    case .power: 5
    }
  }

  public var isComparison: Bool { precedence == 1 }
}

extension FormulaExpression {
  /// Calls `visit` for every node, parents before children, without recursion depth limits
  /// beyond the formula's own nesting (bounded by the parser).
  public func forEachNode(_ visit: (FormulaExpression) -> Void) {
    visit(self)
    switch kind {
    case .array(let rows):
      for row in rows { for item in row { item.forEachNode(visit) } }
    case .prefix(_, let operand), .postfix(_, let operand), .parenthesized(let operand):
      operand.forEachNode(visit)
    case .infix(_, let lhs, let rhs), .intersection(let lhs, let rhs):
      lhs.forEachNode(visit)
      rhs.forEachNode(visit)
    case .call(_, _, let arguments), .union(let arguments):
      for argument in arguments { argument.forEachNode(visit) }
    case .number, .text, .boolean, .error, .cell, .area, .name, .missing:
      break
    }
  }
}
