/// Parses Excel formula text into an `FormulaExpression` tree.
///
/// Precedence climbing with Excel's table: comparisons < `&` < `+ -` < `* /` < `^` < `%` <
/// unary minus < union (`,` inside parentheses) < intersection (a space) < range (`:`, part of
/// the reference token), so `=-2^2` is 4, `2^3^2` is 64 (`^` is left-associative) and
/// `-A1:B2 B2` negates B2. Relative references are stored as offsets from `anchor`, the cell the
/// formula is written for.
public struct FormulaParser {
  private var tokens: [Token] = []
  private var index = 0
  private var depth = 0
  private let anchor: GridPoint

  private init(anchor: GridPoint) {
    self.anchor = anchor
  }

  /// Parses `text` (without the leading `=`). `baseOffset` is the byte offset of `text` in the
  /// file it came from, so that spans point into that file.
  public static func parse(
    _ text: some StringProtocol, anchor: GridPoint = GridPoint(row: 0, column: 0),
    baseOffset: Int = 0
  ) throws(FormulaSyntaxError) -> FormulaExpression {
    let bytes = Array(text.utf8)
    if text.count > FormulaLimits.maximumLength {
      throw FormulaSyntaxError(
        "formula is longer than Excel's limit of \(FormulaLimits.maximumLength) characters",
        span: SourceSpan(start: baseOffset, end: baseOffset + bytes.count))
    }
    var lexer = Lexer(bytes: bytes, baseOffset: baseOffset)
    var parser = FormulaParser(anchor: anchor)
    parser.tokens = try lexer.tokenize()
    if case .end = parser.tokens[0].kind {
      throw FormulaSyntaxError("empty formula", span: parser.tokens[0].span)
    }
    let expression = try parser.parseExpression(minimumPrecedence: 1)
    let rest = parser.current
    guard case .end = rest.kind else {
      throw parser.unexpected(rest, expecting: "an operator or the end of the formula")
    }
    if expression.node(deeperThan: FormulaLimits.maximumHeight) != nil {
      throw FormulaSyntaxError(
        "formula is too deeply nested: more than \(FormulaLimits.maximumHeight) levels of operators and function calls",
        span: expression.span,
        suggestion: "split it across cells, or add a range with SUM instead of a long chain of '+'")
    }
    return expression
  }

  private var current: Token { tokens[index] }

  private mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  private func unexpected(_ token: Token, expecting: String) -> FormulaSyntaxError {
    switch token.kind {
    case .end:
      return FormulaSyntaxError("formula ends too early; expected \(expecting)", span: token.span)
    case .cell, .area, .identifier, .sheet:
      if token.spaceBefore {
        return FormulaSyntaxError(
          "unexpected reference after a space: the intersection operator (a space) needs a reference on its left too",
          span: token.span)
      }
      return FormulaSyntaxError("unexpected '\(token.describe)'; expected \(expecting)", span: token.span)
    case .closeParen:
      return FormulaSyntaxError("unmatched ')'", span: token.span)
    default:
      return FormulaSyntaxError("unexpected '\(token.describe)'; expected \(expecting)", span: token.span)
    }
  }

  private mutating func enter(_ span: SourceSpan) throws(FormulaSyntaxError) {
    depth += 1
    if depth > FormulaLimits.maximumDepth {
      throw FormulaSyntaxError(
        "formula is nested too deeply (more than \(FormulaLimits.maximumDepth) levels)", span: span)
    }
  }

  private func infixOperator(_ token: Token) -> InfixOperator? {
    guard case .op(let text) = token.kind else { return nil }
    return InfixOperator(rawValue: text)
  }

  private mutating func parseExpression(minimumPrecedence: Int) throws(FormulaSyntaxError)
    -> FormulaExpression
  {
    try enter(current.span)
    defer { depth -= 1 }
    var lhs = try parsePostfix()
    while let op = infixOperator(current), op.precedence >= minimumPrecedence {
      _ = advance()
      // All of Excel's binary operators are left-associative, `^` included.
      let rhs = try parseExpression(minimumPrecedence: op.precedence + 1)
      lhs = FormulaExpression(.infix(op, lhs, rhs), span: lhs.span.merged(with: rhs.span))
    }
    return lhs
  }

  private mutating func parsePostfix() throws(FormulaSyntaxError) -> FormulaExpression {
    var operand = try parseUnary()
    while case .op("%") = current.kind {
      let token = advance()
      operand = FormulaExpression(.postfix(.percent, operand), span: operand.span.merged(with: token.span))
    }
    return operand
  }

  private mutating func parseUnary() throws(FormulaSyntaxError) -> FormulaExpression {
    if case .op(let text) = current.kind, let op = PrefixOperator(rawValue: text) {
      let token = advance()
      try enter(token.span)
      defer { depth -= 1 }
      let operand = try parseUnary()
      return FormulaExpression(.prefix(op, operand), span: token.span.merged(with: operand.span))
    }
    return try parseIntersection()
  }

  /// Operands joined by Excel's intersection operator, a space: `B1:D3 C2:C9`, `Revenue FY2025`.
  ///
  /// A space is the operator only between something that can be a reference and the start of
  /// another one; anywhere else it stays plain whitespace, so `=A1 +B1`, `=( A1 )` and
  /// `=SUM( A1 , B1 )` read as they always did, and `=1 2` is still an error.
  private mutating func parseIntersection() throws(FormulaSyntaxError) -> FormulaExpression {
    var lhs = try parsePrimary()
    while current.spaceBefore, current.canStartReference, lhs.canBeReference {
      let rhs = try parsePrimary()
      guard rhs.canBeReference else {
        throw FormulaSyntaxError(
          "the intersection operator (a space) needs a reference on its right, not '\(rhs.describe)'",
          span: rhs.span)
      }
      lhs = FormulaExpression(.intersection(lhs, rhs), span: lhs.span.merged(with: rhs.span))
    }
    return lhs
  }

  private mutating func parsePrimary() throws(FormulaSyntaxError) -> FormulaExpression {
    let token = advance()
    switch token.kind {
    case .number(let value): return FormulaExpression(.number(value), span: token.span)
    case .text(let value): return FormulaExpression(.text(value), span: token.span)
    case .error(let value): return FormulaExpression(.error(value), span: token.span)
    case .cell(let reference):
      return FormulaExpression(.cell(sheet: nil, anchored(reference)), span: token.span)
    case .area(let reference):
      return FormulaExpression(.area(sheet: nil, anchored(reference)), span: token.span)
    case .sheet(let name):
      return try parseSheetReference(sheet: name, prefix: token)
    case .identifier(let name):
      if case .openParen = current.kind { return try parseCall(name: name, nameToken: token) }
      switch name.uppercased() {
      case "TRUE": return FormulaExpression(.boolean(true), span: token.span)
      case "FALSE": return FormulaExpression(.boolean(false), span: token.span)
      default: return FormulaExpression(.name(name), span: token.span)
      }
    case .openParen:
      let inner = try parseExpression(minimumPrecedence: 1)
      if case .comma = current.kind { return try parseUnion(open: token, first: inner) }
      let close = advance()
      guard case .closeParen = close.kind else {
        throw unexpected(close, expecting: "')'")
      }
      return FormulaExpression(.parenthesized(inner), span: token.span.merged(with: close.span))
    case .openBrace:
      return try parseArray(open: token)
    default:
      index -= (index > 0 && token.kind != .end) ? 1 : 0
      throw unexpected(token, expecting: "a value, a reference or a function")
    }
  }

  /// The rest of a union, `(A1:B2,D1:D2)`, once a comma follows the first expression inside
  /// parentheses; the parentheses belong to the node.
  private mutating func parseUnion(open: Token, first: FormulaExpression) throws(FormulaSyntaxError)
    -> FormulaExpression
  {
    var areas = [first]
    while case .comma = current.kind {
      let comma = advance()
      switch current.kind {
      case .comma, .closeParen, .end:
        throw FormulaSyntaxError("expected a reference after ',' in a union", span: comma.span)
      default:
        areas.append(try parseExpression(minimumPrecedence: 1))
      }
    }
    let close = advance()
    guard case .closeParen = close.kind else {
      throw unexpected(close, expecting: "',' or ')' in a union of references")
    }
    if let operand = areas.first(where: { !$0.canBeReference }) {
      throw FormulaSyntaxError(
        "a union (',' inside parentheses) joins references only, not '\(operand.describe)'",
        span: operand.span,
        suggestion:
          "to pass values to a function, list them in its own parentheses: SUM(A1,2), not SUM((A1,2))")
    }
    return FormulaExpression(.union(areas), span: open.span.merged(with: close.span))
  }

  private mutating func parseSheetReference(sheet: String, prefix: Token) throws(FormulaSyntaxError)
    -> FormulaExpression
  {
    let token = advance()
    let span = prefix.span.merged(with: token.span)
    switch token.kind {
    case .cell(let reference): return FormulaExpression(.cell(sheet: sheet, anchored(reference)), span: span)
    case .area(let reference): return FormulaExpression(.area(sheet: sheet, anchored(reference)), span: span)
    case .error(.reference):
      // Excel writes a reference that fell off the grid as `Sheet!#REF!`.
      return FormulaExpression(.error(.reference), span: span)
    case .identifier(let name):
      // `Sheet!Name` (a sheet-scoped name) is not supported; report it clearly.
      throw FormulaSyntaxError(
        "'\(name)' after '\(sheet)!' is not a cell or range reference", span: span)
    default:
      throw FormulaSyntaxError("expected a cell or range after '\(sheet)!'", span: span)
    }
  }

  private mutating func parseCall(name: String, nameToken: Token) throws(FormulaSyntaxError)
    -> FormulaExpression
  {
    var upper = name.uppercased()
    for prefix in ["_XLFN._XLWS.", "_XLFN.", "_XLWS."] where upper.hasPrefix(prefix) {
      upper.removeFirst(prefix.count)
    }
    let open = advance()
    try enter(open.span)
    defer { depth -= 1 }
    var arguments: [FormulaExpression] = []
    if case .closeParen = current.kind {
      let close = advance()
      return FormulaExpression(
        .call(name: upper, nameSpan: nameToken.span, arguments: []),
        span: nameToken.span.merged(with: close.span))
    }
    while true {
      switch current.kind {
      case .comma, .closeParen:
        arguments.append(
          FormulaExpression(.missing, span: SourceSpan(start: current.span.start, end: current.span.start)))
      default:
        arguments.append(try parseExpression(minimumPrecedence: 1))
      }
      let separator = advance()
      switch separator.kind {
      case .comma: continue
      case .closeParen:
        return FormulaExpression(
          .call(name: upper, nameSpan: nameToken.span, arguments: arguments),
          span: nameToken.span.merged(with: separator.span))
      default:
        throw FormulaSyntaxError(
          separator.kind == .end
            ? "missing ')' to close \(upper)(" : "expected ',' or ')' in the arguments of \(upper)",
          span: separator.kind == .end ? open.span : separator.span)
      }
    }
  }

  private mutating func parseArray(open: Token) throws(FormulaSyntaxError) -> FormulaExpression {
    var rows: [[FormulaExpression]] = [[]]
    while true {
      rows[rows.count - 1].append(try parseArrayItem())
      let separator = advance()
      switch separator.kind {
      case .comma: continue
      case .semicolon: rows.append([])
      case .closeBrace:
        guard rows.allSatisfy({ $0.count == rows[0].count }) else {
          throw FormulaSyntaxError(
            "array constant rows have different lengths", span: open.span.merged(with: separator.span))
        }
        return FormulaExpression(.array(rows), span: open.span.merged(with: separator.span))
      default:
        throw unexpected(separator, expecting: "',', ';' or '}' in an array constant")
      }
    }
  }

  private mutating func parseArrayItem() throws(FormulaSyntaxError) -> FormulaExpression {
    var negative = false
    let first = current
    if case .op("-") = current.kind {
      negative = true
      _ = advance()
    }
    let token = advance()
    switch token.kind {
    case .number(let value):
      return FormulaExpression(.number(negative ? -value : value), span: first.span.merged(with: token.span))
    case .text(let value) where !negative: return FormulaExpression(.text(value), span: token.span)
    case .error(let value) where !negative: return FormulaExpression(.error(value), span: token.span)
    case .identifier(let name) where !negative && ["TRUE", "FALSE"].contains(name.uppercased()):
      return FormulaExpression(.boolean(name.uppercased() == "TRUE"), span: token.span)
    default:
      throw FormulaSyntaxError(
        "an array constant may hold only numbers, text, TRUE/FALSE and errors", span: token.span)
    }
  }

  private func anchored(_ reference: CellReference) -> CellReference {
    CellReference(
      row: anchored(reference.row, origin: anchor.row),
      column: anchored(reference.column, origin: anchor.column))
  }

  private func anchored(_ axis: AxisReference, origin: Int) -> AxisReference {
    axis.isAbsolute ? axis : AxisReference(value: axis.value - origin, isAbsolute: false)
  }

  private func anchored(_ reference: AreaReference) -> AreaReference {
    switch reference {
    case .cells(let a, let b): .cells(anchored(a), anchored(b))
    case .columns(let a, let b):
      .columns(anchored(a, origin: anchor.column), anchored(b, origin: anchor.column))
    case .rows(let a, let b): .rows(anchored(a, origin: anchor.row), anchored(b, origin: anchor.row))
    }
  }
}

extension Token {
  var describe: String {
    switch kind {
    case .number(let value): "\(value)"
    case .text(let value): "\"\(value)\""
    case .error(let value): value.rawValue
    case .sheet(let name): "\(name)!"
    case .cell: "cell reference"
    case .area: "range reference"
    case .identifier(let name): name
    case .op(let text): text
    case .openParen: "("
    case .closeParen: ")"
    case .comma: ","
    case .semicolon: ";"
    case .openBrace: "{"
    case .closeBrace: "}"
    case .end: "end of formula"
    }
  }
}
