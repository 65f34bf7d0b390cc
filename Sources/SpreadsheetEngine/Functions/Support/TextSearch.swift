import FormulaSyntax

/// FIND, SEARCH, SUBSTITUTE and REPLACE on UTF-16 code units, the units Excel's positions
/// count (so `FIND("b","😀b")` is 3, as in Excel).
///
/// Working on code units rather than `String` also keeps Swift's canonical equivalence out of
/// the comparisons: Excel treats "é" (one scalar) and "e" + U+0301 as different text.
enum TextSearch {
  typealias Units = [UInt16]

  static func units(_ text: String) -> Units { Array(text.utf16) }

  static func string(_ units: some Collection<UInt16>) -> String {
    String(decoding: Array(units), as: UTF16.self)
  }

  /// A 1-based `start_num` checked against the text: below 1 or past the last character is
  /// #VALUE! (1 is always allowed, so empty text can be searched for in empty text). Empty
  /// `find_text` is then found at `start`, as Excel documents.
  static func startIndex(_ start: Double, length: Int) throws(ExcelError) -> Int {
    let truncated = start.rounded(.towardZero)
    guard truncated >= 1, truncated <= Double(max(length, 1)) else { throw .value }
    return Int(truncated) - 1
  }

  /// FIND: the 0-based position of the first exact occurrence of `needle` at or after
  /// `from`, case-sensitive and without wildcards.
  static func find(_ needle: Units, in haystack: Units, from: Int) -> Int? {
    guard !needle.isEmpty else { return from }
    guard haystack.count >= needle.count else { return nil }
    var position = from
    while position + needle.count <= haystack.count {
      if haystack[position..<(position + needle.count)].elementsEqual(needle) { return position }
      position += 1
    }
    return nil
  }

  /// SEARCH: the 0-based position of the first place at or after `from` where `pattern`
  /// (with `?`, `*` and `~` as in the lookups) matches, ignoring case.
  static func search(_ pattern: String, in text: String, from: Int) -> Int? {
    let tokens = WildcardTokens(
      Array(pattern.utf16), star: 42, question: 63, tilde: 126,  // "*", "?", "~"
      fold: fold)
    let folded = units(text).map(fold)
    guard !tokens.tokens.isEmpty else { return from }
    for start in from..<max(from, folded.count) where tokens.matches(folded[start...], wholeText: false) {
      return start
    }
    return nil
  }

  /// SUBSTITUTE: every occurrence (or only occurrence number `instance`, from 1) of `old`
  /// replaced by `new`, scanning left to right without overlaps; empty `old` changes nothing.
  static func substitute(_ text: Units, _ old: Units, _ new: Units, instance: Int?) -> Units {
    guard !old.isEmpty else { return text }
    var result: Units = []
    result.reserveCapacity(text.count)
    var position = 0
    var seen = 0
    while let found = find(old, in: text, from: position) {
      seen += 1
      result += text[position..<found]
      result += instance == nil || instance == seen ? new : old
      position = found + old.count
      if let instance, seen >= instance { break }
    }
    result += text[position...]
    return result
  }

  /// Case folding of one code unit, as SEARCH and the wildcard matching compare: a unit that is
  /// a whole scalar maps to its single-scalar lower-case partner when that exists.
  static func fold(_ unit: UInt16) -> UInt16 {
    if unit < 0x80 {
      return unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit
    }
    guard let scalar = Unicode.Scalar(unit) else { return unit }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let single = lower.first, single.value <= 0xFFFF else { return unit }
    return UInt16(single.value)
  }
}
