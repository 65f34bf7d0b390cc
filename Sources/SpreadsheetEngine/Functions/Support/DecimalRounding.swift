import Foundation

/// Rounding on the decimal digits Excel shows rather than on the binary value.
///
/// Excel rounds the number as it would print it with 15 significant digits: 2.675 is stored
/// as 2.67499999999999982236431605997495353221893310546875, yet ROUND(2.675, 2) is 2.68 and
/// ROUND(1.005, 2) is 1.01. Scaling by a power of ten and calling `rounded()` gets these wrong,
/// so the digits are rounded as a decimal string and the result is parsed back, which yields
/// the double nearest the decimal answer.
enum DecimalRounding {
  enum Mode {
    /// ROUND: halves away from zero.
    case halfAwayFromZero
    /// ROUNDUP: away from zero.
    case awayFromZero
    /// ROUNDDOWN: toward zero.
    case towardZero
  }

  /// `value` rounded to `digits` decimal places (negative: to tens, hundreds…).
  static func round(_ value: Double, digits: Int, mode: Mode) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let (mantissa, exponent) = significantDigits(abs(value))
    // Digit i of the mantissa has place value 10^(exponent - i); keep places >= 10^-digits.
    let digits = max(-400, min(400, digits))
    let keep = exponent + digits + 1
    if keep >= mantissa.count { return value }
    var kept: Int64 = 0
    for digit in mantissa.prefix(max(keep, 0)) { kept = kept * 10 + Int64(digit) }
    let dropped = mantissa.suffix(mantissa.count - max(keep, 0))
    switch mode {
    case .towardZero: break
    case .awayFromZero:
      if dropped.contains(where: { $0 != 0 }) { kept += 1 }
    case .halfAwayFromZero:
      if keep >= 0, let first = dropped.first, first >= 5 { kept += 1 }
    }
    if kept == 0 { return 0 }
    let magnitude = Double("\(kept)e\(-digits)") ?? 0
    return value < 0 ? -magnitude : magnitude
  }

  /// The 15 significant decimal digits of a positive finite number and the power of ten of the
  /// first one (`1234.5` → [1,2,3,4,5,0,…], 3).
  static func significantDigits(_ value: Double) -> (digits: [Int], exponent: Int) {
    let text = String(format: "%.14e", value)  // "d.dddddddddddddde±XX"
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
      let exponent = Int(text[text.index(after: e)...])
    else { return ([0], 0) }
    let digits = text[..<e].compactMap(\.wholeNumberValue)
    return (digits, exponent)
  }

  /// `value` with its binary noise removed: the double nearest its 15-significant-digit
  /// decimal form (so 4.2/0.1 = 42.00000000000001 becomes 42 before CEILING looks at it).
  static func fifteenDigits(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    return Double(String(format: "%.14e", value)) ?? value
  }
}
