import FormulaSyntax

/// How CONCAT and TEXTJOIN read their arguments: every value of a range or array in row-major
/// order, each converted to text (numbers with up to 15 significant digits, booleans as
/// TRUE/FALSE, blanks as ""); an omitted argument is ""; the first error met is the result.
extension Arguments {
  /// The texts of argument `index`, in row-major order.
  func texts(_ index: Int) throws(ExcelError) -> [String] {
    guard index < count, let operand = operands[index] else { return [""] }
    if case .value(let value) = operand { return [try value.asText()] }
    var texts: [String] = []
    var length = 0
    let view = matrix(index)
    guard EvaluationLimits.allows(rows: view.rows, columns: view.columns) else { throw .number }
    for row in 0..<view.rows {
      for column in 0..<view.columns {
        let text = try view[row, column].asText()
        length += text.utf16.count
        // Stop early: the joined result would be too long for a cell anyway.
        guard length <= ExcelText.maximumLength else { throw .value }
        texts.append(text)
      }
    }
    return texts
  }
}
