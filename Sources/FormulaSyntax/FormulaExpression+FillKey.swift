extension FormulaExpression {
  /// A text that is equal for two formulas exactly when they are the same formula up to where
  /// they are written: relative references appear as offsets (R1C1 style), spans are left out.
  ///
  /// A model written cell by cell (`C3: =B3*1.1`, `C4: =B4*1.1`, …) repeats one formula many
  /// times; keying formulas by this text lets every such cell share one stored formula, as a
  /// filled range does.
  public var fillKey: String {
    var out = ""
    appendKey(to: &out)
    return out
  }

  private func appendKey(to out: inout String) {
    switch kind {
    case .number(let value): out += "n\(value.bitPattern);"
    case .text(let value): out += "t\(value.utf8.count):\(value)"
    case .boolean(let value): out += value ? "T" : "F"
    case .error(let value): out += value.rawValue
    case .missing: out += "_"
    case .name(let name): out += "N\(name.uppercased());"
    case .array(let rows):
      out += "{"
      for row in rows {
        for item in row { item.appendKey(to: &out) }
        out += ";"
      }
      out += "}"
    case .cell(let sheet, let reference):
      out += "c" + (sheet.map { "\($0.utf8.count):\($0)" } ?? "") + Self.key(reference)
    case .area(let sheet, let reference):
      out += "a" + (sheet.map { "\($0.utf8.count):\($0)" } ?? "")
      switch reference {
      case .cells(let a, let b): out += Self.key(a) + Self.key(b)
      case .columns(let a, let b): out += "C" + Self.key(a) + Self.key(b)
      case .rows(let a, let b): out += "R" + Self.key(a) + Self.key(b)
      }
    case .prefix(let op, let operand):
      out += "p" + op.rawValue
      operand.appendKey(to: &out)
    case .postfix(let op, let operand):
      out += "q" + op.rawValue
      operand.appendKey(to: &out)
    case .infix(let op, let lhs, let rhs):
      out += "(" + op.rawValue
      lhs.appendKey(to: &out)
      rhs.appendKey(to: &out)
      out += ")"
    case .intersection(let lhs, let rhs):
      out += "( "
      lhs.appendKey(to: &out)
      rhs.appendKey(to: &out)
      out += ")"
    case .union(let areas):
      out += "U("
      for area in areas { area.appendKey(to: &out) }
      out += ")"
    case .parenthesized(let inner):
      out += "["
      inner.appendKey(to: &out)
      out += "]"
    case .call(let name, _, let arguments):
      out += name + "("
      for argument in arguments { argument.appendKey(to: &out) }
      out += ")"
    }
  }

  private static func key(_ axis: AxisReference) -> String {
    (axis.isAbsolute ? "$" : "~") + String(axis.value)
  }

  private static func key(_ reference: CellReference) -> String {
    key(reference.row) + key(reference.column)
  }
}
