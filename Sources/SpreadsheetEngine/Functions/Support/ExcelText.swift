import FormulaSyntax

/// Excel's view of text: lengths and positions count UTF-16 code units (so `LEN("😀")` is 2,
/// as in Excel), a cell holds at most 32,767 of them, and case mapping is one character to
/// one character.
enum ExcelText {
  /// The longest text a cell can hold; longer results are #VALUE!.
  static let maximumLength = 32_767

  /// A text result, or #VALUE! when it is longer than a cell can hold.
  static func result(_ text: String) throws(ExcelError) -> Operand {
    guard text.utf16.count <= maximumLength else { throw .value }
    return .text(text)
  }

  static func length(_ text: String) -> Int { text.utf16.count }

  /// The first `count` code units (`count` ≥ 0).
  static func left(_ text: String, _ count: Int) -> String {
    let units = text.utf16
    guard count < units.count else { return text }
    return String(decoding: Array(units.prefix(count)), as: UTF16.self)
  }

  /// The last `count` code units (`count` ≥ 0).
  static func right(_ text: String, _ count: Int) -> String {
    let units = text.utf16
    guard count < units.count else { return text }
    return String(decoding: Array(units.suffix(count)), as: UTF16.self)
  }

  /// `count` code units from the 1-based `start` (both already validated: start ≥ 1,
  /// count ≥ 0); empty when `start` is past the end.
  static func middle(_ text: String, start: Int, count: Int) -> String {
    let units = Array(text.utf16)
    guard start <= units.count else { return "" }
    let end = min(units.count, start - 1 + count)
    return String(decoding: units[(start - 1)..<end], as: UTF16.self)
  }

  /// TRIM: removes leading and trailing spaces and collapses inner runs of spaces to one.
  /// Only U+0020 counts; tabs, line breaks and non-breaking spaces stay.
  static func trim(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for character in text {
      if character == " " {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result.append(" ") }
      pendingSpace = false
      result.append(character)
    }
    return result
  }

  /// UPPER/LOWER: each scalar mapped to its single-scalar case partner; scalars whose mapping
  /// would change the length (ß → SS) stay as they are, as in Excel.
  static func mapCase(_ text: String, upper: Bool) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let mapping = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
      let mapped = mapping.unicodeScalars
      if mapped.count == 1, let single = mapped.first {
        scalars.append(single)
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// A count argument of LEFT, RIGHT and MID: truncated, negative is #VALUE!, huge values
  /// are clamped (they take the whole text anyway).
  static func count(_ number: Double) throws(ExcelError) -> Int {
    let truncated = number.rounded(.towardZero)
    guard truncated >= 0 else { throw .value }
    return Int(min(truncated, 1e9))
  }
}
