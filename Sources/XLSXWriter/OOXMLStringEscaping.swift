/// OOXML's escaping of characters that XML 1.0 cannot carry (ST_Xstring, ECMA-376 Part 1
/// §22.9.2.19): a control character such as U+0001 is written as `_x0001_`, and an `_` that
/// would otherwise start such a sequence as `_x005F_`.
///
/// libxlsxwriter escapes shared strings this way but writes a formula's cached text result
/// as it is, so a result such as `=CHAR(7)` would make the sheet XML ill-formed and the whole
/// workbook unreadable; cached text goes through `escaped(_:)` first.
enum OOXMLStringEscaping {
  /// `text` with XML-illegal characters (and literal `_xHHHH_` sequences) escaped.
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isIllegal($0) || $0 == "_" }) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if isIllegal(scalar) {
        result.append(contentsOf: code(scalar.value).unicodeScalars)
      } else if scalar == "_", startsEscape(scalars, at: index) {
        result.append(contentsOf: code(0x5F).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage return,
  /// and the non-characters U+FFFE and U+FFFF.
  private static func isIllegal(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
      || value == 0xFFFE || value == 0xFFFF
  }

  /// Whether `_xHHHH_` starts at `index`, which a reader would decode.
  private static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else {
      return false
    }
    return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  private static func code(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
  }
}
