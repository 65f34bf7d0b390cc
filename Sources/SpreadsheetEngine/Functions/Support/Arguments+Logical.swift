import FormulaSyntax

/// Excel's rules for the values AND, OR and XOR see.
///
/// Typed arguments are coerced: numbers are TRUE when non-zero, the text "TRUE"/"FALSE" (any
/// case) counts, other text is #VALUE!, an omitted argument is FALSE. Inside ranges and
/// arrays only booleans and numbers count; text and blanks are skipped. Any error met is the
/// result. When nothing counted at all the result is #VALUE!.
extension Arguments {
  /// How many TRUE and FALSE values the arguments hold (enough for AND, OR and XOR).
  func logicalCounts() throws(ExcelError) -> (trues: Int, falses: Int) {
    var trues = 0
    var falses = 0
    for index in 0..<count {
      guard let operand = operands[index] else {
        falses += 1
        continue
      }
      switch operand {
      case .value(let value):
        switch value {
        case .empty: continue
        case .error(let error): throw error
        default:
          if try value.asBoolean() { trues += 1 } else { falses += 1 }
        }
      case .reference, .array, .union:
        try matrix(index).forEachNonEmpty { value throws(ExcelError) in
          switch value {
          case .boolean(let flag): if flag { trues += 1 } else { falses += 1 }
          case .number(let number): if number != 0 { trues += 1 } else { falses += 1 }
          case .error(let error): throw error
          case .text, .empty: break
          }
        }
      }
    }
    guard trues + falses > 0 else { throw .value }
    return (trues, falses)
  }
}
