import Foundation

/// A non-negative number held as decimal digits, the way Excel sees a double before showing it.
///
/// Excel never formats the binary value itself: it first takes the 15-significant-digit decimal
/// of the double (so `0.1+0.2` is `0.3` and `1.005` is `1.005`, not `1.00499999999999989…`) and
/// rounds *that* half away from zero. Doing the rounding on a digit string instead of on the
/// double is what makes `TEXT(1.005,"0.00")` give `1.01` and `TEXT(2.675,"0.00")` give `2.68`,
/// exactly as Excel and LibreOffice do.
struct ExcelDecimal: Equatable, Sendable {
  /// Significant digits (0...9), without leading or trailing zeros; empty means zero.
  var digits: [UInt8]
  /// Position of the decimal point: the value is `0.d1d2d3… × 10^pointPosition`.
  /// 123.45 has `pointPosition` 3, 0.00123 has −2.
  var pointPosition: Int

  static let zero = ExcelDecimal(digits: [], pointPosition: 0)

  var isZero: Bool { digits.isEmpty }

  /// The exponent of the leading digit in scientific notation (123.45 → 2, 0.00123 → −3).
  var scientificExponent: Int { pointPosition - 1 }

  /// The decimal of `abs(value)` rounded to `significantDigits` (1...17) digits.
  ///
  /// Uses the C library's exact binary-to-decimal conversion, so the result is the correctly
  /// rounded decimal of the double. Subnormal numbers count as zero, as they do in Excel.
  init(_ value: Double, significantDigits: Int = 15) {
    let magnitude = abs(value)
    guard magnitude.isFinite, magnitude >= Double.leastNormalMagnitude else {
      self = .zero
      return
    }
    let text = String(format: "%.\(max(0, significantDigits - 1))e", magnitude)
    var digits: [UInt8] = []
    var exponent = 0
    var exponentSign = 1
    var inExponent = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if inExponent {
          exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
        } else {
          digits.append(byte - UInt8(ascii: "0"))
        }
      case UInt8(ascii: "e"): inExponent = true
      case UInt8(ascii: "-"): exponentSign = -1
      default: break
      }
    }
    self.init(digits: digits, pointPosition: exponentSign * exponent + 1)
  }

  /// Builds a decimal from raw digits, dropping leading and trailing zeros.
  init(digits raw: [UInt8], pointPosition: Int) {
    var start = 0
    while start < raw.count, raw[start] == 0 { start += 1 }
    var end = raw.count
    while end > start, raw[end - 1] == 0 { end -= 1 }
    digits = Array(raw[start..<end])
    self.pointPosition = digits.isEmpty ? 0 : pointPosition - start
  }

  /// The value multiplied by `10^power`: moving the decimal point is exact.
  func shifted(by power: Int) -> ExcelDecimal {
    isZero ? self : ExcelDecimal(digits: digits, pointPosition: pointPosition + power)
  }

  /// Rounds half away from zero so that at most `places` digits follow the decimal point.
  func rounded(fractionDigits places: Int) -> ExcelDecimal {
    rounded(keeping: pointPosition + places)
  }

  /// Rounds half away from zero to `count` significant digits.
  func rounded(significantDigits count: Int) -> ExcelDecimal {
    rounded(keeping: count)
  }

  /// Keeps the first `keep` digits (counted from the leading digit) and rounds on the next one.
  private func rounded(keeping keep: Int) -> ExcelDecimal {
    if keep >= digits.count { return self }
    if keep < 0 { return .zero }
    var kept = Array(digits[0..<keep])
    var position = pointPosition
    if digits[keep] >= 5 {
      var index = kept.count - 1
      while index >= 0, kept[index] == 9 {
        kept[index] = 0
        index -= 1
      }
      if index >= 0 {
        kept[index] += 1
      } else {
        kept.insert(1, at: 0)
        position += 1
      }
    }
    return ExcelDecimal(digits: kept, pointPosition: position)
  }

  /// The digits before the decimal point, without leading zeros ("" when the value is below 1).
  var integerDigits: String {
    guard pointPosition > 0, !isZero else { return "" }
    var text = ""
    for index in 0..<pointPosition {
      text.append(index < digits.count ? Character(String(digits[index])) : "0")
    }
    return text
  }

  /// The first `count` digits after the decimal point, padded with zeros.
  func fractionDigits(_ count: Int) -> [UInt8] {
    (0..<max(0, count)).map { offset in
      let index = pointPosition + offset
      return index >= 0 && index < digits.count ? digits[index] : 0
    }
  }

  /// True when no digit after the decimal point is non-zero.
  var isInteger: Bool { digits.count <= pointPosition }

  /// The significant digits as text ("12345" for 123.45).
  var digitString: String { digits.map { String($0) }.joined() }

  /// The value as a double (exact for the 15-digit decimals this type holds).
  var doubleValue: Double {
    isZero ? 0 : Double("0.\(digitString)e\(pointPosition)") ?? 0
  }
}
