/// Splits formula text into tokens, working on UTF-8 bytes for speed.
///
/// Reference-like words are classified here (cell, area, sheet prefix, identifier) because the
/// decision needs the next character (`!`, `(` or `:`), which the lexer sees directly.
struct Lexer {
  private let bytes: [UInt8]
  private let base: Int
  private var position = 0
  /// The last sheet prefix and the position right after its `!`: a range written
  /// `Sheet!B2:Sheet!D2` repeats it after the colon, which Excel reads as `Sheet!B2:D2`.
  private var lastSheet: (name: String, end: Int)?

  init(bytes: [UInt8], baseOffset: Int) {
    self.bytes = bytes
    self.base = baseOffset
  }

  mutating func tokenize() throws(FormulaSyntaxError) -> [Token] {
    var tokens: [Token] = []
    while true {
      let hadSpace = skipWhitespace()
      let start = position
      guard position < bytes.count else {
        tokens.append(Token(kind: .end, span: span(start, start), spaceBefore: hadSpace))
        return tokens
      }
      let kind = try nextKind()
      tokens.append(Token(kind: kind, span: span(start, position), spaceBefore: hadSpace))
    }
  }

  private func span(_ start: Int, _ end: Int) -> SourceSpan {
    SourceSpan(start: base + start, end: base + end)
  }

  private mutating func skipWhitespace() -> Bool {
    let start = position
    while position < bytes.count, [32, 9, 10, 13].contains(bytes[position]) { position += 1 }
    return position > start
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  private mutating func nextKind() throws(FormulaSyntaxError) -> Token.Kind {
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: "("):
      position += 1
      return .openParen
    case UInt8(ascii: ")"):
      position += 1
      return .closeParen
    case UInt8(ascii: ","):
      position += 1
      return .comma
    case UInt8(ascii: ";"):
      position += 1
      return .semicolon
    case UInt8(ascii: "{"):
      position += 1
      return .openBrace
    case UInt8(ascii: "}"):
      position += 1
      return .closeBrace
    case UInt8(ascii: "\""): return try lexString()
    case UInt8(ascii: "#"): return try lexError()
    case UInt8(ascii: "'"): return try lexQuotedSheet()
    case UInt8(ascii: "<"):
      if peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: ">") {
        position += 2
        return .op(String(decoding: bytes[(position - 2)..<position], as: UTF8.self))
      }
      position += 1
      return .op("<")
    case UInt8(ascii: ">"):
      if peek(1) == UInt8(ascii: "=") {
        position += 2
        return .op(">=")
      }
      position += 1
      return .op(">")
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
      UInt8(ascii: "^"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "%"):
      position += 1
      return .op(String(UnicodeScalar(byte)))
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
      return try lexNumberOrRows()
    default:
      if Lexer.isWordByte(byte) { return try lexWord() }
      let start = position
      position += 1
      throw FormulaSyntaxError(
        "unexpected character '\(Lexer.describe(byte))'", span: span(start, position))
    }
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "$")
      || byte == UInt8(ascii: "\\") || byte >= 0x80
  }

  private static func describe(_ byte: UInt8) -> String {
    byte >= 32 && byte < 127 ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
  }

  private mutating func lexString() throws(FormulaSyntaxError) -> Token.Kind {
    let start = position
    position += 1
    var content: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\"") {
        if peek() == UInt8(ascii: "\"") {
          content.append(byte)
          position += 1
        } else {
          return .text(String(decoding: content, as: UTF8.self))
        }
      } else {
        content.append(byte)
      }
    }
    throw FormulaSyntaxError(
      "unterminated text: a closing '\"' is missing", span: span(start, bytes.count))
  }

  private mutating func lexError() throws(FormulaSyntaxError) -> Token.Kind {
    let start = position
    for error in ExcelError.allCases where error != .cycle {
      let literal = Array(error.rawValue.utf8)
      let end = position + literal.count
      guard end <= bytes.count else { continue }
      let candidate = bytes[position..<end].map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
      if candidate == literal {
        position = end
        return .error(error)
      }
    }
    position += 1
    throw FormulaSyntaxError(
      "unknown error value; expected one of #N/A, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!",
      span: span(start, position))
  }

  private mutating func lexQuotedSheet() throws(FormulaSyntaxError) -> Token.Kind {
    let start = position
    position += 1
    var content: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "'") {
        if peek() == UInt8(ascii: "'") {
          content.append(byte)
          position += 1
          continue
        }
        guard peek() == UInt8(ascii: "!") else {
          throw FormulaSyntaxError(
            "a quoted sheet name must be followed by '!'", span: span(start, position))
        }
        position += 1
        let name = String(decoding: content, as: UTF8.self)
        lastSheet = (name, position)
        return .sheet(name)
      }
      content.append(byte)
    }
    throw FormulaSyntaxError(
      "unterminated sheet name: a closing \"'\" is missing", span: span(start, bytes.count))
  }

  private mutating func scanWord() -> ArraySlice<UInt8> {
    let start = position
    while position < bytes.count, Lexer.isWordByte(bytes[position]) { position += 1 }
    return bytes[start..<position]
  }

  private mutating func lexNumberOrRows() throws(FormulaSyntaxError) -> Token.Kind {
    let start = position
    var end = position
    while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
    if end > start, end < bytes.count, bytes[end] == UInt8(ascii: ":") {
      // A row span such as 3:5 or 3:$5.
      position = end + 1
      let second = scanWord()
      if let first = axis(bytes[start..<end], rows: true), let last = axis(second, rows: true) {
        return .area(.rows(first, last))
      }
      let rowsText = String(decoding: bytes[start..<position], as: UTF8.self)
      throw FormulaSyntaxError(
        "invalid row range '\(rowsText)' (rows run from 1 to 1,048,576)", span: span(start, position))
    }
    var sawDigit = false
    while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
      position += 1
      sawDigit = true
    }
    if peek() == UInt8(ascii: ".") {
      position += 1
      while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
        position += 1
        sawDigit = true
      }
    }
    if sawDigit, let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      var look = position + 1
      if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") {
        look += 1
      }
      if look < bytes.count, bytes[look] >= 48, bytes[look] <= 57 {
        position = look
        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
      }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard sawDigit, let value = Double(text), value.isFinite else {
      throw FormulaSyntaxError("invalid number '\(text)'", span: span(start, position))
    }
    if position < bytes.count, Lexer.isWordByte(bytes[position]) {
      throw FormulaSyntaxError(
        "invalid number '\(text)\(Lexer.describe(bytes[position]))'",
        span: span(start, position + 1))
    }
    return .number(value)
  }

  /// After the colon of `Sheet!B2:Sheet!D2`, skips the repeated `Sheet!` (plain or quoted) when it
  /// names the sheet the range started on; another sheet would make a 3-D reference, which
  /// finmodel does not support.
  private mutating func skipRepeatedSheet(rangeStart: Int) throws(FormulaSyntaxError) {
    let save = position
    let opening = lastSheet
    var name: String?
    if peek() == UInt8(ascii: "'") {
      guard case .sheet(let quoted) = try lexQuotedSheet() else { return }
      name = quoted
    } else {
      let word = scanWord()
      if !word.isEmpty, peek() == UInt8(ascii: "!") {
        position += 1
        name = String(decoding: word, as: UTF8.self)
      }
    }
    guard let name else {
      position = save
      return
    }
    guard let opening, opening.end == rangeStart, opening.name.lowercased() == name.lowercased() else {
      throw FormulaSyntaxError(
        "a range cannot span two sheets (3-D references are not supported)", span: span(rangeStart, position))
    }
  }

  /// A row (digits) or column (letters) part of a whole-row/column span, with its `$` flag.
  private func axis(_ word: ArraySlice<UInt8>, rows: Bool) -> AxisReference? {
    var slice = word
    let absolute = slice.first == UInt8(ascii: "$")
    if absolute { slice = slice.dropFirst() }
    let index = rows ? A1Notation.rowNumber(slice) : A1Notation.columnIndex(letters: slice)
    return index.map { AxisReference(value: $0, isAbsolute: absolute) }
  }

  private mutating func lexWord() throws(FormulaSyntaxError) -> Token.Kind {
    let start = position
    let word = scanWord()
    let next = peek()
    if next == UInt8(ascii: "!") {
      position += 1
      let name = String(decoding: word, as: UTF8.self)
      lastSheet = (name, position)
      return .sheet(name)
    }
    if next == UInt8(ascii: "(") {
      return .identifier(String(decoding: word, as: UTF8.self))
    }
    if let cell = A1Notation.splitCell(Array(word)) {
      let first = CellReference(
        row: AxisReference(value: cell.row, isAbsolute: cell.rowAbsolute),
        column: AxisReference(value: cell.column, isAbsolute: cell.columnAbsolute))
      guard next == UInt8(ascii: ":") else { return .cell(first) }
      position += 1
      try skipRepeatedSheet(rangeStart: start)
      let secondWord = scanWord()
      guard let other = A1Notation.splitCell(Array(secondWord)) else {
        throw FormulaSyntaxError(
          A1Notation.isCellShaped(secondWord)
            ? A1Notation.beyondGridMessage(String(decoding: secondWord, as: UTF8.self)) : "invalid range end",
          span: span(start, position))
      }
      let second = CellReference(
        row: AxisReference(value: other.row, isAbsolute: other.rowAbsolute),
        column: AxisReference(value: other.column, isAbsolute: other.columnAbsolute))
      return .area(.cells(first, second))
    }
    if next == UInt8(ascii: ":") {
      // Whole columns (`B:D`, `$B:$B`) or, for `$3:$5`, whole rows.
      for rows in [false, true] {
        guard let first = axis(word, rows: rows) else { continue }
        let save = position
        position += 1
        if let last = axis(scanWord(), rows: rows) {
          return .area(rows ? .rows(first, last) : .columns(first, last))
        }
        position = save
      }
    }
    if next == UInt8(ascii: ":") || word.contains(UInt8(ascii: "$")), A1Notation.isCellShaped(word) {
      throw FormulaSyntaxError(
        A1Notation.beyondGridMessage(String(decoding: word, as: UTF8.self)), span: span(start, position))
    }
    if word.contains(UInt8(ascii: "$")) {
      throw FormulaSyntaxError(
        "invalid reference '\(String(decoding: word, as: UTF8.self))'", span: span(start, position))
    }
    return .identifier(String(decoding: word, as: UTF8.self))
  }
}
