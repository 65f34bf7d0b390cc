/// Which parts of a formula may stand on either side of Excel's reference operators.
///
/// The intersection operator is a bare space, so the parser must tell it from ordinary
/// whitespace: it applies only between an expression that can yield a reference and a token
/// that can start one. Function calls count (INDEX, IF and CHOOSE return references), so the
/// check is syntactic; what a call really returns is known only when it is evaluated.
extension FormulaExpression {
  /// Whether this expression can evaluate to a reference: a cell, range or name, a function
  /// call, an intersection or union, `#REF!` (a reference that fell off the grid, as the
  /// printer writes it), or one of those in parentheses.
  var canBeReference: Bool {
    switch kind {
    case .cell, .area, .name, .call, .intersection, .union, .error(.reference): true
    case .parenthesized(let inner): inner.canBeReference
    default: false
    }
  }

  /// A short description for diagnostics about an operand that is not a reference.
  var describe: String {
    switch kind {
    case .number(let value): FormulaPrinter.number(value)
    case .text(let value): FormulaPrinter.text(value)
    case .boolean(let value): value ? "TRUE" : "FALSE"
    case .error(let value): value.rawValue
    case .array: "an array constant"
    case .missing: "an omitted value"
    default: "a calculation"
    }
  }
}

extension Token {
  /// Whether the token can begin an operand of the intersection operator.
  var canStartReference: Bool {
    switch kind {
    case .cell, .area, .sheet, .identifier, .openParen, .error(.reference): true
    default: false
    }
  }
}
