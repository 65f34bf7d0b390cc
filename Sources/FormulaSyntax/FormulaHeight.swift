extension FormulaExpression {
  /// The direct children of this node, without recursing further.
  var children: [FormulaExpression] {
    switch kind {
    case .array(let rows): Array(rows.joined())
    case .prefix(_, let operand), .postfix(_, let operand), .parenthesized(let operand): [operand]
    case .infix(_, let lhs, let rhs), .intersection(let lhs, let rhs): [lhs, rhs]
    case .call(_, _, let arguments), .union(let arguments): arguments
    case .number, .text, .boolean, .error, .cell, .area, .name, .missing: []
    }
  }

  /// The first node found more than `limit` levels below this one, or nil when the tree is no
  /// taller than `limit`.
  ///
  /// The parser's recursion is bounded by `FormulaLimits.maximumDepth`, but a chain such as
  /// `1+1+…+1` is built by a loop and yields a tree as tall as the chain is long. Every later
  /// walk (binding, evaluation, printing) recurses over the tree, so its height must be bounded
  /// too; this check uses an explicit stack so that it cannot itself run out of stack.
  public func node(deeperThan limit: Int) -> FormulaExpression? {
    var pending: [(node: FormulaExpression, level: Int)] = [(self, 1)]
    while let (node, level) = pending.popLast() {
      if level > limit { return node }
      for child in node.children { pending.append((child, level + 1)) }
    }
    return nil
  }
}
