import FormulaSyntax

/// Excel's ordering of values of any type: numbers < text < booleans, text compared without
/// regard to case, an empty cell taking the type of the value it is compared with.
public enum ValueComparison {
  /// -1, 0 or 1; errors are the caller's business (operators propagate them first).
  public static func compare(_ lhs: CellValue, _ rhs: CellValue) -> Int {
    switch (lhs, rhs) {
    case (.empty, .empty): return 0
    case (.empty, .number): return compare(.number(0), rhs)
    case (.number, .empty): return compare(lhs, .number(0))
    case (.empty, .text): return compare(.text(""), rhs)
    case (.text, .empty): return compare(lhs, .text(""))
    case (.empty, .boolean): return compare(.boolean(false), rhs)
    case (.boolean, .empty): return compare(lhs, .boolean(false))
    case (.number(let a), .number(let b)):
      if ApproximateArithmetic.equal(a, b) { return 0 }
      return a < b ? -1 : 1
    case (.text(let a), .text(let b)):
      return compareText(a, b)
    case (.boolean(let a), .boolean(let b)):
      return a == b ? 0 : (a ? 1 : -1)
    default:
      return rank(lhs) < rank(rhs) ? -1 : (rank(lhs) == rank(rhs) ? 0 : 1)
    }
  }

  /// Case-insensitive text order (Unicode-aware upper-casing, then scalar order).
  public static func compareText(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    let x = a.lowercased()
    let y = b.lowercased()
    if x == y { return 0 }
    return x < y ? -1 : 1
  }

  private static func rank(_ value: CellValue) -> Int {
    switch value {
    case .number, .empty: 0
    case .text: 1
    case .boolean: 2
    case .error: 3
    }
  }
}
