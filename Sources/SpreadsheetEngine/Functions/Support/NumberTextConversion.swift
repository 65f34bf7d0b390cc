import FormulaSyntax

/// Number ↔ text conversions of FIXED, DOLLAR and NUMBERVALUE, which use fixed en-US
/// conventions rather than the cell's number format.
enum NumberTextConversion {
  /// The most decimals FIXED and DOLLAR accept; more is #VALUE!.
  static let maximumDecimals = 127

  /// FIXED: `value` rounded half away from zero to `decimals` places (negative rounds to the
  /// left of the point), shown with that many decimals and, unless `noCommas`, thousands
  /// separators. Rounding first means -0.001 with 2 decimals shows "0.00", not "-0.00".
  static func fixed(_ value: Double, decimals: Int, noCommas: Bool) throws(ExcelError) -> String {
    let rounded = try round(value, decimals: decimals)
    let code = (noCommas ? "0" : "#,##0") + fraction(decimals)
    return NumberFormat(code).format(rounded)
  }

  /// DOLLAR: like FIXED with separators, in en-US currency format: "$1,234.57" and, for
  /// negative amounts, "($1,234.57)" (the format Excel documents, `$#,##0.00_);($#,##0.00)`,
  /// without the padding).
  static func dollar(_ value: Double, decimals: Int) throws(ExcelError) -> String {
    let rounded = try round(value, decimals: decimals)
    let body = "$#,##0" + fraction(decimals)
    return NumberFormat(body + ";(" + body + ")").format(rounded)
  }

  private static func round(_ value: Double, decimals: Int) throws(ExcelError) -> Double {
    guard decimals <= maximumDecimals else { throw .value }
    let rounded = DecimalRounding.round(value, digits: decimals, mode: .halfAwayFromZero)
    return rounded == 0 ? 0 : rounded
  }

  private static func fraction(_ decimals: Int) -> String {
    decimals > 0 ? "." + String(repeating: "0", count: decimals) : ""
  }

  /// NUMBERVALUE: reads `text` with the given decimal and group separators, independently of
  /// any locale. Spaces are ignored anywhere; group separators are ignored before the decimal
  /// separator and invalid after it; a second decimal separator is invalid; each trailing "%"
  /// divides by 100. Empty text is 0.
  static func numberValue(
    _ text: String, decimal: Character, group: Character
  ) throws(ExcelError) -> Double {
    var characters = Array(text.filter { $0 != " " })
    var percents = 0
    while characters.last == "%" {
      characters.removeLast()
      percents += 1
    }
    if characters.isEmpty {
      guard percents == 0 else { throw .value }
      return 0
    }
    var plain = ""
    var seenDecimal = false
    for character in characters {
      if character == decimal {
        guard !seenDecimal else { throw .value }
        seenDecimal = true
        plain.append(".")
      } else if character == group {
        guard !seenDecimal else { throw .value }
      } else {
        plain.append(character)
      }
    }
    guard var number = plainNumber(plain) else { throw .value }
    for _ in 0..<percents { number /= 100 }
    return number
  }

  /// A plain decimal number: optional sign, digits with an optional point, optional exponent.
  private static func plainNumber(_ text: String) -> Double? {
    var rest = Substring(text)
    if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
    let mantissa = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard mantissa.contains(where: \.isNumber) else { return nil }
    let exponent = rest.dropFirst(mantissa.count)
    if !exponent.isEmpty {
      guard let e = exponent.first, e == "e" || e == "E" else { return nil }
      var digits = exponent.dropFirst()
      if let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
      guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    }
    return Double(text)
  }
}
