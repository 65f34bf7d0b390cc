import Foundation

/// How a cell in the General format shows a number in a column of limited width.
///
/// Unlike `NumberText.string` (what `&` and TEXT produce, up to 15 digits), a General cell
/// only has room for about 11 characters in Excel's default column width, so Excel rounds
/// the number to fit: 1/3 shows as "0.333333333", 123456789012 as "1.23457E+11" and
/// 0.0000123456 as "1.23457E-05". The rules here reproduce the table of Excel displays
/// recorded by the SheetJS SSF project (our tests include part of it):
/// - the minus sign is not counted in the width;
/// - numbers of 1 or more are shown in plain digits when the integer part fits the width,
///   with as many decimals as still fit; otherwise scientific with a mantissa of up to
///   `width − 6` decimals ("1.23457E+11" for width 11);
/// - numbers below 1 use plain digits ("0.000123457") unless scientific notation would keep
///   more significant digits ("1.23457E-05" rather than "0.000012346");
/// - every number is first reduced to 15 significant digits, so 3300.0000000000005 is "3300".
public enum GeneralFormat {
  /// The text of a General cell `width` characters wide (at least 7; 11 is Excel's default).
  public static func display(_ value: Double, width: Int = 11) -> String {
    guard value.isFinite else { return "#NUM!" }
    let width = max(7, width)
    let decimal = ExcelDecimal(value)
    if decimal.isZero { return "0" }
    let sign = value < 0 ? "-" : ""
    let scientific = scientificText(decimal, width: width)
    guard let plain = plainText(decimal, width: width) else { return sign + scientific.text }
    if decimal.pointPosition > 0 || plain.significant >= scientific.significant {
      return sign + plain.text
    }
    return sign + scientific.text
  }

  /// Plain digits rounded to fit `width`, with the number of significant digits kept;
  /// nil when even the integer part does not fit or nothing significant would remain.
  static func plainText(_ decimal: ExcelDecimal, width: Int) -> (text: String, significant: Int)? {
    let integerLength = max(1, decimal.pointPosition)
    guard integerLength <= width else { return nil }
    let room = width - integerLength - 1
    let places = max(0, decimal.pointPosition > 0 ? room : width - 2)
    let rounded = decimal.rounded(fractionDigits: places)
    if rounded.isZero { return nil }
    if rounded.pointPosition > width { return nil }
    let integer = rounded.integerDigits.isEmpty ? "0" : rounded.integerDigits
    let fractionCount = max(0, rounded.digits.count - rounded.pointPosition)
    let fraction = rounded.fractionDigits(fractionCount).map(String.init).joined()
    let text = fraction.isEmpty ? integer : integer + "." + fraction
    guard text.count <= width else { return nil }
    return (text, rounded.digits.count)
  }

  /// Scientific notation with as many mantissa digits as fit `width`.
  static func scientificText(_ decimal: ExcelDecimal, width: Int) -> (text: String, significant: Int) {
    var exponent = decimal.scientificExponent
    let exponentDigits = max(2, String(abs(exponent)).count)
    let places = max(0, width - 4 - exponentDigits)
    var mantissa = decimal.shifted(by: -exponent).rounded(fractionDigits: places)
    if mantissa.pointPosition > 1 {
      exponent += 1
      mantissa = decimal.shifted(by: -exponent).rounded(fractionDigits: places)
    }
    let digits = mantissa.digitString
    var text = String(digits.prefix(1))
    if digits.count > 1 { text += "." + digits.dropFirst() }
    text += NumberText.exponentText(exponent, alwaysSign: true, minimumDigits: 2)
    return (text, digits.count)
  }
}
