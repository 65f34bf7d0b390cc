import FormulaSyntax

/// Excel's implicit conversions between value types, used by operators and function arguments.
///
/// Each throws the spreadsheet error a conversion produces, so that function bodies can write
/// `try value.asNumber()` and let the central runner turn the thrown error into the cell's value.
extension CellValue {
  /// Number coercion: booleans are 1/0, empty is 0, text must look like a number (`"3"`, `"12%"`).
  @inlinable
  public func asNumber() throws(ExcelError) -> Double {
    switch self {
    case .number(let number): return number
    case .boolean(let flag): return flag ? 1 : 0
    case .empty: return 0
    case .text(let text):
      guard let number = NumberText.number(text) else { throw .value }
      return number
    case .error(let error): throw error
    }
  }

  /// Text coercion: numbers with up to 15 significant digits, booleans as TRUE/FALSE.
  public func asText() throws(ExcelError) -> String {
    switch self {
    case .text(let text): return text
    case .number(let number): return NumberText.string(number)
    case .boolean(let flag): return flag ? "TRUE" : "FALSE"
    case .empty: return ""
    case .error(let error): throw error
    }
  }

  /// Boolean coercion: non-zero numbers are TRUE, text must read TRUE or FALSE.
  public func asBoolean() throws(ExcelError) -> Bool {
    switch self {
    case .boolean(let flag): return flag
    case .number(let number): return number != 0
    case .empty: return false
    case .text(let text):
      switch text.uppercased() {
      case "TRUE": return true
      case "FALSE": return false
      default: throw .value
      }
    case .error(let error): throw error
    }
  }
}

/// Floating-point helpers that reproduce the spreadsheet's treatment of near-equal numbers.
///
/// LibreOffice (our referee) snaps a sum or difference of nearly equal operands to exactly 0 and
/// compares numbers the way Excel shows them: two numbers are equal when they lie within a
/// relative 2^-44 of each other and read the same to 15 significant digits, which is why
/// `=0.1+0.2=0.3` is TRUE while `=0.3=0.30000000000001` is FALSE.
public enum ApproximateArithmetic {
  public static let tolerance = 1.0 / 17_592_186_044_416.0  // 2^-44

  @inlinable
  public static func equal(_ a: Double, _ b: Double) -> Bool {
    if a == b { return true }
    if a == 0 || b == 0 { return false }
    let d = abs(a - b)
    guard d.isFinite else { return false }
    if d > abs(a) * tolerance || d > abs(b) * tolerance { return false }
    return sameToFifteenDigits(a, b, difference: d)
  }

  /// The final test of `equal` for two numbers already within 2^-44: distinct whole numbers
  /// (below 2^53) stay distinct, anything else must agree to 15 significant digits.
  @usableFromInline
  static func sameToFifteenDigits(_ a: Double, _ b: Double, difference: Double) -> Bool {
    let wholeLimit = 9_007_199_254_740_992.0  // 2^53
    func isWhole(_ x: Double) -> Bool { abs(x) < wholeLimit && x == x.rounded(.towardZero) }
    if isWhole(difference) && isWhole(a) && isWhole(b) { return false }
    return DecimalRounding.fifteenDigits(a) == DecimalRounding.fifteenDigits(b)
  }

  @inlinable
  public static func add(_ a: Double, _ b: Double) -> Double {
    if ((a < 0 && b > 0) || (b < 0 && a > 0)) && equal(a, -b) { return 0 }
    return a + b
  }

  @inlinable
  public static func subtract(_ a: Double, _ b: Double) -> Double {
    if ((a < 0 && b < 0) || (a > 0 && b > 0)) && equal(a, b) { return 0 }
    return a - b
  }
}
