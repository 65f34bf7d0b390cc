/// A lexical token of a formula with its source span.
struct Token: Sendable {
  enum Kind: Sendable, Equatable {
    case number(Double)
    case text(String)
    case error(ExcelError)
    /// A sheet prefix `Name!` or `'Quoted name'!`; the payload is the unquoted name.
    case sheet(String)
    case cell(CellReference)
    case area(AreaReference)
    /// A name, a boolean constant or (when followed by `(`) a function name.
    case identifier(String)
    case op(String)
    case openParen, closeParen, comma, semicolon, openBrace, closeBrace
    case end
  }

  var kind: Kind
  var span: SourceSpan
  /// True when whitespace precedes the token: between two references that whitespace is Excel's
  /// intersection operator.
  var spaceBefore: Bool
}
