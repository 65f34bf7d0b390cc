/// Character-level text functions: CHAR and CODE on Excel's (Windows) code page 1252, PROPER's
/// word capitalisation and CLEAN's removal of control characters.
enum ExcelCharacters {
  /// Code page 1252's bytes 0x80–0x9F; the five bytes it leaves undefined map to the C1 control
  /// of the same number, as Windows' conversion does.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// CHAR: the character of code `code` (1–255) of code page 1252.
  static func character(_ code: Int) -> Unicode.Scalar? {
    guard code >= 1, code <= 255 else { return nil }
    let value = code >= 0x80 && code <= 0x9F ? windows1252High[code - 0x80] : UInt32(code)
    return Unicode.Scalar(value)
  }

  /// CODE: the code page 1252 code of a scalar; characters the code page lacks are 63 ("?"),
  /// the replacement Windows' conversion uses.
  static func code(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x80 || (value >= 0xA0 && value <= 0xFF) { return Int(value) }
    if let index = windows1252High.firstIndex(of: value) { return 0x80 + index }
    return 63
  }

  /// PROPER: a letter that follows a non-letter (or starts the text) becomes upper case, every
  /// other letter lower case. Digits and apostrophes are non-letters, so "don't" becomes
  /// "Don'T" and "2-way" "2-Way", as in Excel.
  static func proper(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var afterLetter = false
    for scalar in text.unicodeScalars {
      let isLetter = scalar.properties.isAlphabetic
      let mapping =
        isLetter && !afterLetter
        ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
      let mapped = mapping.unicodeScalars
      if isLetter, mapped.count == 1, let single = mapped.first {
        scalars.append(single)
      } else {
        scalars.append(scalar)
      }
      afterLetter = isLetter
    }
    return String(scalars)
  }

  /// CLEAN: the text without the 7-bit control characters 0–31 (Excel leaves 127 and the C1
  /// controls in place).
  static func clean(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where scalar.value >= 32 { scalars.append(scalar) }
    return String(scalars)
  }
}
