/// How the characters of a source line look in a terminal: what is printed for each and how many
/// columns it takes, so that the caret under a diagnostic lines up whatever precedes it.
///
/// Tabs are printed as four spaces (a terminal's tab stops would not match the caret line's
/// spaces); East Asian wide characters take two columns; control characters and the invisible
/// bidirectional controls (which could reorder what the terminal shows, "Trojan Source") are
/// printed as `\u{…}` escapes.
struct DisplayColumns {
  /// What is printed for each character of the line, and its width in columns.
  private(set) var cells: [(text: String, width: Int)] = []

  init(_ line: String) {
    cells.reserveCapacity(line.count)
    for character in line { cells.append(Self.display(character)) }
  }

  /// Columns taken by characters `range` (character indices into the line).
  func width(_ range: Range<Int>) -> Int {
    cells[range.clamped(to: 0..<cells.count)].reduce(0) { $0 + $1.width }
  }

  /// The printed text of characters `range`.
  func text(_ range: Range<Int>) -> String {
    cells[range.clamped(to: 0..<cells.count)].map(\.text).joined()
  }

  static func display(_ character: Character) -> (text: String, width: Int) {
    if character == "\t" { return ("    ", 4) }
    let scalars = character.unicodeScalars
    let first = scalars.first!
    if scalars.count == 1, isInvisible(first) {
      let escape = "\\u{\(String(first.value, radix: 16))}"
      return (escape, escape.count)
    }
    return (String(character), isWide(first) ? 2 : 1)
  }

  /// Control characters, DEL, C1 controls, bidirectional controls and a stray byte-order mark.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }

  /// East Asian Wide and Fullwidth characters (Unicode's EastAsianWidth W and F), the blocks
  /// that matter in practice: Hangul, CJK, kana, fullwidth forms, emoji.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E,
      0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E,
      0x1F191...0x1F19A, 0x1F200...0x1F2FF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
      0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
      0x30000...0x3FFFD:
      true
    default: false
    }
  }
}
