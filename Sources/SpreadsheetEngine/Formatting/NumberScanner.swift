import Foundation

/// Reads plain numbers from text the way Excel's input parser does (en-US).
///
/// A number is: prefix marks (spaces, one "+" or "-", one "$", one "(", one "%"), digits with
/// optional "," thousands separators and "." decimal point, an optional " n/d" mixed fraction,
/// an optional exponent, then suffix marks (spaces, "%", ")"). The combination rules mirror
/// Excel: a sign cannot sit inside parentheses, "$" and "%" exclude each other, a group
/// separator needs at least three digits after it and a non-zero number before it.
struct NumberScanner {
  private let chars: [Character]
  private var index = 0

  init(_ text: String) { chars = Array(text) }

  private var current: Character? { index < chars.count ? chars[index] : nil }

  private static func isDigit(_ char: Character?) -> Bool {
    guard let char, let ascii = char.asciiValue else { return false }
    return ascii >= 48 && ascii <= 57
  }

  /// Marks seen before and after the digits.
  private struct Marks {
    var negative = false
    var plus = false
    var openParen = false
    var closeParen = false
    var percent = false
    var currency = false
  }

  /// The value, or nil when the text is not a number by Excel's rules.
  mutating func scan() -> Double? {
    var marks = Marks()
    guard scanPrefix(&marks), let mantissa = scanDigits() else { return nil }
    var value = mantissa.value
    var hasFraction = false
    if !mantissa.hasPoint, let fraction = scanFraction() {
      value += fraction
      hasFraction = true
    }
    guard let exponent = scanExponent(), !(hasFraction && exponent != 0) else { return nil }
    guard scanSuffix(&marks), index == chars.count else { return nil }
    if marks.openParen != marks.closeParen || (marks.currency && marks.percent) { return nil }
    if marks.closeParen && marks.plus { return nil }
    if exponent != 0 { value = Double("\(mantissa.text)e\(exponent)") ?? .infinity }
    if marks.percent { value = ExcelDecimal(value / 100).doubleValue }
    guard value.isFinite else { return nil }
    if value == 0 { return 0 }
    return marks.negative || marks.openParen ? -value : value
  }

  private mutating func scanPrefix(_ marks: inout Marks) -> Bool {
    while let char = current {
      switch char {
      case " ": break
      case "-":
        if marks.negative || marks.openParen || marks.plus { return false }
        marks.negative = true
      case "+":
        if marks.negative || marks.plus { return false }
        marks.plus = true
      case "$":
        if marks.currency { return false }
        marks.currency = true
      case "(":
        if marks.openParen || marks.negative { return false }
        marks.openParen = true
      case "%":
        if marks.percent { return false }
        marks.percent = true
      default: return true
      }
      index += 1
    }
    return true
  }

  /// Digits with separators; `text` keeps at most 15 significant digits, like Excel's parser.
  private mutating func scanDigits() -> (value: Double, text: String, hasPoint: Bool)? {
    guard current == "." || Self.isDigit(current) else { return nil }
    var text = ""
    var significant = 0
    var hasPoint = false
    var groups = 0
    var groupSize = 0
    var sawDigit = false
    while let char = current {
      if char == "," {
        if hasPoint { return nil }
        if groups == 0 && (Double(text) ?? 0) == 0 { return nil }
        if groups > 0 && groupSize < 3 { return nil }
        groups += 1
        groupSize = 0
      } else if char == "." {
        if hasPoint || (groups > 0 && groupSize < 3) { return nil }
        hasPoint = true
        text.append(".")
      } else if Self.isDigit(char) {
        sawDigit = true
        groupSize += 1
        if significant > 0 || char != "0" { significant += 1 }
        text.append(significant > 15 ? "0" : char)
      } else {
        break
      }
      index += 1
    }
    if !sawDigit || (!hasPoint && groups > 0 && groupSize < 3) { return nil }
    guard let value = Double(text) else { return nil }
    return (value, text, hasPoint)
  }

  /// " n/d" after an integer, as in "1 1/2"; nil (and no input consumed) if absent.
  private mutating func scanFraction() -> Double? {
    var probe = index
    guard probe < chars.count, chars[probe] == " " else { return nil }
    while probe < chars.count, chars[probe] == " " { probe += 1 }
    var numerator = ""
    while probe < chars.count, Self.isDigit(chars[probe]) {
      numerator.append(chars[probe])
      probe += 1
    }
    guard !numerator.isEmpty, probe < chars.count, chars[probe] == "/" else { return nil }
    probe += 1
    var denominator = ""
    while probe < chars.count, Self.isDigit(chars[probe]) {
      denominator.append(chars[probe])
      probe += 1
    }
    guard let top = Double(numerator), let bottom = Double(denominator), bottom != 0 else {
      return nil
    }
    index = probe
    return top / bottom
  }

  /// The exponent after "e"/"E" (0 when absent); nil when "e" has no digits.
  private mutating func scanExponent() -> Int? {
    guard current == "e" || current == "E" else { return 0 }
    index += 1
    var sign = 1
    if current == "+" || current == "-" {
      sign = current == "-" ? -1 : 1
      index += 1
    }
    var digits = ""
    while Self.isDigit(current), let char = current {
      digits.append(char)
      index += 1
    }
    guard !digits.isEmpty, let magnitude = Int(digits.suffix(6)) else { return nil }
    return sign * magnitude
  }

  private mutating func scanSuffix(_ marks: inout Marks) -> Bool {
    while let char = current {
      switch char {
      case " ": break
      case "%":
        if marks.percent { return false }
        marks.percent = true
      case ")":
        if marks.closeParen || !marks.openParen { return false }
        marks.closeParen = true
      default: return true
      }
      index += 1
    }
    return true
  }
}
