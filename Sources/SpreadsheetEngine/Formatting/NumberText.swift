import Foundation

/// Conversions between numbers and text with Excel's rules (en-US conventions).
///
/// `string(_:)` is what `="x"&A1`, CONCATENATE, TEXTJOIN and every other implicit
/// number-to-text conversion produce; `number(_:)` is the coercion behind `="3"+1` and VALUE.
public enum NumberText {
  /// Longest plain (non-scientific) rendering Excel produces, in characters without the sign.
  static let maxPlainLength = 20

  /// The text Excel makes of a number when it needs a string.
  ///
  /// The rules were measured on Excel by Apache POI (`NumberToTextConverter`, whose table of
  /// observed values our tests include):
  /// - the double is rounded half-up to 15 significant digits (14 when the decimal exponent is
  ///   ≥ 99 or ≤ −99, where the three-digit exponent eats a digit); trailing zeros and a
  ///   trailing point are dropped, so `1/3` is "0.333333333333333" and `0.1+0.2` is "0.3";
  /// - numbers of 1 or more use plain digits up to 20 integer digits (`1e19` is
  ///   "10000000000000000000", `123456789012345678` is "123456789012346000") and scientific
  ///   notation from 1E+20 on;
  /// - numbers below 1 stay plain while "0." + zeros + digits fits in 20 characters
  ///   (`1.5e-10` is "0.00000000015"), else become scientific ("1.23456789012346E-05");
  /// - the exponent has a sign and at least two digits ("1E+20", "2E-50", "1.2E+100");
  /// - subnormal numbers and −0 give "0".
  ///
  /// LibreOffice differs: it writes three-digit exponents ("1E+020") and switches to
  /// scientific notation above 15 integer digits. Non-finite values, which Excel cannot hold,
  /// give "#NUM!".
  public static func string(_ value: Double) -> String {
    guard value.isFinite else { return "#NUM!" }
    var decimal = ExcelDecimal(value)
    if decimal.isZero { return "0" }
    if abs(decimal.scientificExponent) >= 99 {
      decimal = ExcelDecimal(value, significantDigits: 14)
    }
    let sign = value < 0 ? "-" : ""
    let digits = decimal.digitString
    let point = decimal.pointPosition
    if point > 0 {
      if point > maxPlainLength { return sign + scientific(decimal) }
      if digits.count <= point {
        return sign + digits + String(repeating: "0", count: point - digits.count)
      }
      let split = digits.index(digits.startIndex, offsetBy: point)
      return sign + digits[..<split] + "." + digits[split...]
    }
    if 2 - point + digits.count > maxPlainLength { return sign + scientific(decimal) }
    return sign + "0." + String(repeating: "0", count: -point) + digits
  }

  /// "d.dddE±XX" for a non-zero decimal: mantissa without trailing zeros, exponent ≥ 2 digits.
  static func scientific(_ decimal: ExcelDecimal) -> String {
    let digits = decimal.digitString
    var mantissa = String(digits.prefix(1))
    if digits.count > 1 { mantissa += "." + digits.dropFirst() }
    return mantissa + exponentText(decimal.scientificExponent, alwaysSign: true, minimumDigits: 2)
  }

  /// "E+05"-style exponent text.
  static func exponentText(_ exponent: Int, alwaysSign: Bool, minimumDigits: Int) -> String {
    let sign = exponent < 0 ? "-" : (alwaysSign ? "+" : "")
    let magnitude = String(abs(exponent))
    let padding = String(repeating: "0", count: max(0, minimumDigits - magnitude.count))
    return "E" + sign + padding + magnitude
  }

  /// The number Excel reads from text in `="3"+1` and VALUE, or nil where it gives #VALUE!.
  ///
  /// Accepts, around surrounding spaces: a sign, "$", percent, parentheses for negatives
  /// ("(3)", "($5)"), thousands separators in groups of three or more ("1,000"), a decimal
  /// point (".5", "5."), an exponent ("1e3"), a mixed fraction ("1 1/2"), dates ("2024-01-31",
  /// "2024/1/31", "1/31/2024", "1/31/24", "31-Jan-2024", "31 Jan 2024", "Jan 31, 2024",
  /// "Jan-2024", "1/31" in the current UTC year) optionally followed by a time, and times
  /// ("12:30", "12:30:45", "1:30 PM", "12 PM", "25:00", "5:30.5" as minutes:seconds).
  /// Like Excel, digits after the 15th are read as zeros, and "TRUE" or "" are not numbers.
  /// The rules follow Excel's own parser as tabulated by the numfmt project; LibreOffice
  /// is stricter in places (it rejects "2024/1/31" and "31 Jan 2024").
  public static func number(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " "))
    guard !trimmed.isEmpty, trimmed.count < 256 else { return nil }
    var scanner = NumberScanner(trimmed)
    if let value = scanner.scan() { return value }
    return DateTimeScanner.value(of: trimmed)
  }
}
