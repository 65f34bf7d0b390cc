import FormulaSyntax

/// Reads the pieces of one model line (words, quoted text, references) and reports problems
/// as diagnostics pointing at the exact bytes.
struct LineCursor {
  let bytes: [UInt8]
  private(set) var position: Int
  let end: Int

  init(bytes: [UInt8], start: Int, end: Int) {
    self.bytes = bytes
    self.position = start
    self.end = end
  }

  var atEnd: Bool { position >= end }
  var peek: UInt8? { position < end ? bytes[position] : nil }

  func span(from start: Int) -> SourceSpan { SourceSpan(start: start, end: max(position, start + 1)) }
  var hereSpan: SourceSpan { SourceSpan(start: position, end: position + 1) }

  mutating func skipSpaces() {
    while position < end, bytes[position] == 32 || bytes[position] == 9 { position += 1 }
  }

  mutating func advance(_ count: Int = 1) { position = min(end, position + count) }

  /// Consumes `byte` (after spaces) if present.
  mutating func consume(_ byte: UInt8) -> Bool {
    skipSpaces()
    guard peek == byte else { return false }
    position += 1
    return true
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws(Diagnostic) {
    guard consume(byte) else {
      throw Diagnostic("expected \(what)", span: hereSpan)
    }
  }

  /// A word of letters, digits, `_`, `.` and `-` (directive keywords, style names).
  mutating func word() -> String? {
    skipSpaces()
    let start = position
    while position < end {
      let byte = bytes[position]
      let isWord =
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        || byte >= 0x80
      guard isWord else { break }
      position += 1
    }
    return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
  }

  /// Everything up to the next space or `stop` byte (a defined name before its `=`).
  mutating func token(endingBefore stop: UInt8) -> String? {
    skipSpaces()
    let start = position
    while position < end, bytes[position] != 32, bytes[position] != 9, bytes[position] != stop {
      position += 1
    }
    return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
  }

  /// A reference-like token: everything up to the next space (`B2`, `B:F`, `A1:C4`).
  mutating func referenceToken() -> (text: String, span: SourceSpan)? {
    skipSpaces()
    let start = position
    while position < end, bytes[position] != 32, bytes[position] != 9 { position += 1 }
    guard position > start else { return nil }
    return (String(decoding: bytes[start..<position], as: UTF8.self), span(from: start))
  }

  /// Double-quoted text with `""` as an escaped quote.
  mutating func quoted(_ what: String) throws(Diagnostic) -> String {
    skipSpaces()
    guard peek == UInt8(ascii: "\"") else {
      throw Diagnostic("expected \(what) in double quotes", span: hereSpan)
    }
    let start = position
    position += 1
    var content: [UInt8] = []
    while position < end {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\"") {
        if peek == UInt8(ascii: "\"") {
          content.append(byte)
          position += 1
        } else {
          return String(decoding: content, as: UTF8.self)
        }
      } else {
        content.append(byte)
      }
    }
    throw Diagnostic(
      "unterminated text: a closing '\"' is missing", span: SourceSpan(start: start, end: end))
  }

  /// The rest of the line, trimmed, with the offset where it starts.
  mutating func rest() -> (text: String, offset: Int) {
    skipSpaces()
    var last = end
    while last > position, bytes[last - 1] == 32 || bytes[last - 1] == 9 { last -= 1 }
    let text = String(decoding: bytes[position..<last], as: UTF8.self)
    let offset = position
    position = end
    return (text, offset)
  }

  mutating func expectEnd() throws(Diagnostic) {
    skipSpaces()
    guard atEnd else {
      throw Diagnostic(
        "unexpected text at the end of the line", span: SourceSpan(start: position, end: end))
    }
  }
}

/// Byte-level helpers shared by the model parser.
enum LineSyntax {
  /// Positions of `separator` bytes that stand outside double-quoted text and single-quoted sheet
  /// names, within `range`.
  static func topLevelPositions(of separator: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> [Int] {
    var result: [Int] = []
    var inDouble = false
    var inSingle = false
    for index in range {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") && !inSingle {
        inDouble.toggle()
      } else if byte == UInt8(ascii: "'") && !inDouble {
        inSingle.toggle()
      } else if byte == separator && !inDouble && !inSingle {
        result.append(index)
      }
    }
    return result
  }

  /// Positions of the commas that separate the items of a scenario's list: outside quotes and
  /// outside parentheses and braces, so that `Inputs!B2 = =IF(A1,1,2)` is one item.
  static func listSeparators(in bytes: [UInt8], _ range: Range<Int>) -> [Int] {
    let quotedCommas = Set(topLevelPositions(of: UInt8(ascii: ","), in: bytes, range))
    let opening = Set(topLevelPositions(of: UInt8(ascii: "("), in: bytes, range))
      .union(topLevelPositions(of: UInt8(ascii: "{"), in: bytes, range))
    let closing = Set(topLevelPositions(of: UInt8(ascii: ")"), in: bytes, range))
      .union(topLevelPositions(of: UInt8(ascii: "}"), in: bytes, range))
    var depth = 0
    var result: [Int] = []
    for index in range {
      if opening.contains(index) {
        depth += 1
      } else if closing.contains(index) {
        depth = max(0, depth - 1)
      } else if depth == 0 && quotedCommas.contains(index) {
        result.append(index)
      }
    }
    return result
  }

  /// Where a trailing comment starts: a `#` outside quotes, preceded by whitespace and followed
  /// by whitespace or the end of the line (so `#N/A` and `"#,##0"` are never comments).
  static func commentStart(in bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var inDouble = false
    var inSingle = false
    for index in range {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") && !inSingle {
        inDouble.toggle()
      } else if byte == UInt8(ascii: "'") && !inDouble {
        // An apostrophe inside a word (a possessive in a label) is not a quote.
        let previous = index > range.lowerBound ? bytes[index - 1] : 32
        if inSingle || !isWordByte(previous) { inSingle.toggle() }
      } else if byte == UInt8(ascii: "#") && !inDouble && !inSingle {
        let before = index == range.lowerBound || bytes[index - 1] == 32 || bytes[index - 1] == 9
        let after = index + 1 >= range.upperBound || bytes[index + 1] == 32 || bytes[index + 1] == 9
        if before && after { return index }
      }
    }
    return nil
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
      || byte >= 0x80
  }
}
