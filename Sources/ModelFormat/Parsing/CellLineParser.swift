import FormulaSyntax
import SpreadsheetEngine

/// Parses `CELL: content | attributes` and the literal values a cell can hold.
enum CellLineParser {
  static let styles: Set<String> = [
    "title", "header", "input", "calc", "link", "total", "check", "label", "subtle", "plain",
  ]

  static func parse(_ cursor: inout LineCursor) throws(Diagnostic) -> CellLine {
    let (area, areaSpan) = try parseTarget(&cursor)
    let bytes = cursor.bytes
    let bars = LineSyntax.topLevelPositions(of: UInt8(ascii: "|"), in: bytes, cursor.position..<cursor.end)
    let contentEnd = bars.first ?? cursor.end
    var contentCursor = LineCursor(bytes: bytes, start: cursor.position, end: contentEnd)
    contentCursor.skipSpaces()
    let contentStart = contentCursor.position
    guard !contentCursor.atEnd else {
      throw Diagnostic(
        "missing content after '\(A1Notation.areaName(area)):'", span: areaSpan,
        suggestion: "leave blank cells out of the model; write \"\" for empty text")
    }
    let content: CellLineContent
    if contentCursor.peek == UInt8(ascii: "=") {
      contentCursor.advance()
      let (text, offset) = contentCursor.rest()
      content = .formula(text: text, offset: offset)
    } else {
      let values = try parseValues(bytes, contentStart..<contentEnd)
      guard values.count == area.cellCount else {
        throw Diagnostic(
          "\(A1Notation.areaName(area)) has \(area.cellCount) cell\(area.cellCount == 1 ? "" : "s") but \(values.count) value\(values.count == 1 ? " is" : "s are") given",
          span: SourceSpan(start: contentStart, end: contentEnd),
          suggestion: values.count == 1 && area.cellCount > 1
            ? "a constant fills one cell; list a value for each cell, or write =value to fill a formula"
            : area.cellCount == 1 && values.count > 1
              && values.allSatisfy({ if case .number = $0.0 { true } else { false } })
              ? "commas separate values: write 1.5 with a decimal point, and 1500 without thousands separators"
              : nil
        )
      }
      content = .values(values)
    }
    var attributes = CellAttributes()
    for (index, bar) in bars.enumerated() {
      let attributeEnd = index + 1 < bars.count ? bars[index + 1] : cursor.end
      var attributeCursor = LineCursor(bytes: bytes, start: bar + 1, end: attributeEnd)
      try parseAttribute(&attributeCursor, into: &attributes)
    }
    return CellLine(
      area: area, areaSpan: areaSpan, content: content,
      contentSpan: SourceSpan(start: contentStart, end: contentEnd), attributes: attributes)
  }

  /// The `A1:` or `A1:C4:` at the start of a cell line.
  static func parseTarget(_ cursor: inout LineCursor) throws(Diagnostic) -> (GridArea, SourceSpan) {
    let start = cursor.position
    let bytes = cursor.bytes
    var colons: [Int] = []
    var index = start
    while index < cursor.end, bytes[index] != 32, bytes[index] != 9,
      colons.count < 2 || bytes[index] != UInt8(ascii: ":")
    {
      if bytes[index] == UInt8(ascii: ":") { colons.append(index) }
      index += 1
      if colons.count == 2 { break }
    }
    if colons.count == 2,
      A1Notation.parseCell(String(decoding: bytes[start..<colons[0]], as: UTF8.self)) != nil,
      A1Notation.isBeyondGrid(String(decoding: bytes[(colons[0] + 1)..<colons[1]], as: UTF8.self))
    {
      // `A1:A1048577:` is a range past the grid, not the cell A1 holding "A1048577: …".
      throw Diagnostic(
        "'\(String(decoding: bytes[start..<colons[1]], as: UTF8.self))' is not a cell or range within A1:XFD1048576",
        span: SourceSpan(start: start, end: colons[1]),
        suggestion: "rows run from 1 to 1048576 and columns from A to XFD")
    }
    // Prefer `A1:C4:`; fall back to `A1:` when the text after the first colon is not a cell.
    if colons.count == 2,
      let area = A1Notation.parseArea(String(decoding: bytes[start..<colons[1]], as: UTF8.self)),
      A1Notation.parseCell(String(decoding: bytes[(colons[0] + 1)..<colons[1]], as: UTF8.self)) != nil
    {
      cursor.advance(colons[1] + 1 - start)
      return (area, SourceSpan(start: start, end: colons[1]))
    }
    if let colon = colons.first,
      let cell = A1Notation.parseCell(String(decoding: bytes[start..<colon], as: UTF8.self))
    {
      cursor.advance(colon + 1 - start)
      return (GridArea(cell), SourceSpan(start: start, end: colon))
    }
    var end = start
    while end < cursor.end, bytes[end] != 32, bytes[end] != 9, bytes[end] != UInt8(ascii: ":") { end += 1 }
    let word = String(decoding: bytes[start..<end], as: UTF8.self)
    let span = SourceSpan(start: start, end: max(end, start + 1))
    if colons.isEmpty {
      throw Diagnostic(
        "expected 'CELL: content', a [Sheet] header or a directive", span: span,
        suggestion:
          "cell lines look like 'B2: 0.35'; directives start with name, format, style, note, column, freeze, chart…"
      )
    }
    throw Diagnostic(
      "'\(word)' is not a cell or range within A1:XFD1048576", span: span,
      suggestion: "write a cell such as B2 or a range such as B2:E2")
  }

  /// Comma-separated literal values.
  static func parseValues(_ bytes: [UInt8], _ range: Range<Int>) throws(Diagnostic) -> [(
    ValueLiteral, SourceSpan
  )] {
    var result: [(ValueLiteral, SourceSpan)] = []
    var start = range.lowerBound
    for comma in LineSyntax.topLevelPositions(of: UInt8(ascii: ","), in: bytes, range) + [range.upperBound] {
      var a = start
      var b = comma
      while a < b, bytes[a] == 32 || bytes[a] == 9 { a += 1 }
      while b > a, bytes[b - 1] == 32 || bytes[b - 1] == 9 { b -= 1 }
      let span = SourceSpan(start: a, end: max(b, a + 1))
      result.append((try parseLiteral(bytes, a..<b, span: span), span))
      start = comma + 1
    }
    return result
  }

  /// One literal: a number (`-3`, `1.5e6`, `12.5%`, `$1200`, `(300)`), a date or time
  /// (`2025-06-30`, `9:30`), "text", TRUE/FALSE or an error value.
  static func parseLiteral(_ bytes: [UInt8], _ range: Range<Int>, span: SourceSpan) throws(Diagnostic)
    -> ValueLiteral
  {
    let text = String(decoding: bytes[range], as: UTF8.self)
    guard !text.isEmpty else {
      throw Diagnostic("missing value", span: span, suggestion: "write \"\" for empty text")
    }
    if text.first == "\"" {
      var cursor = LineCursor(bytes: bytes, start: range.lowerBound, end: range.upperBound)
      let value = try cursor.quoted("text")
      try cursor.expectEnd()
      return .text(value)
    }
    // Numbers first: they are most of a model's constants, and one starting with a digit, a sign,
    // a point, "$" or "(" cannot be a boolean or an error value.
    if let first = text.utf8.first, (48...57).contains(first) || [36, 40, 43, 45, 46].contains(first) {
      if text.utf8.last != UInt8(ascii: "%"), let number = parseNumber(text) {
        return .number(number)
      }
      if let typed = TypedNumber(text) {
        return typed.impliedFormat.map { .formattedNumber(typed.value, format: $0) } ?? .number(typed.value)
      }
      if TypedNumber.looksLikeDateOrTime(text) {
        throw Diagnostic(
          "'\(text)' is not a valid date or time", span: span,
          suggestion: "dates are written year first, from 1900-01-01 (2025-06-30); times as 9:30 or 9:30:15")
      }
    }
    switch text.uppercased() {
    case "TRUE": return .boolean(true)
    case "FALSE": return .boolean(false)
    default: break
    }
    if let error = ExcelError(literal: text), error != .cycle { return .error(error) }
    throw Diagnostic(
      "'\(text)' is not a number, \"text\", TRUE/FALSE or an error value", span: span,
      suggestion: text.first == "'"
        ? "put text in double quotes"
        : text.contains("/") && text.first?.isNumber == true
          ? "write dates year first (2025-06-30), or put text in double quotes"
          : "put text in double quotes or start a formula with =")
  }

  /// A plain decimal number with optional sign, exponent and trailing `%`.
  static func parseNumber(_ text: String) -> Double? {
    var body = Substring(text)
    var scale = 1.0
    if body.hasSuffix("%") {
      body = body.dropLast()
      scale = 0.01
    }
    guard let first = body.first, first.isNumber || first == "-" || first == "+" || first == "." else {
      return nil
    }
    guard body.utf8.allSatisfy({ (48...57).contains($0) || [43, 45, 46, 69, 101].contains($0) }),
      let value = Double(body), value.isFinite
    else { return nil }
    return value * scale
  }

  static func parseAttribute(_ cursor: inout LineCursor, into attributes: inout CellAttributes)
    throws(Diagnostic)
  {
    let start = cursor.position
    guard let keyword = cursor.word() else {
      throw Diagnostic(
        "expected an attribute after '|' (format, style, note, bold, italic)", span: cursor.hereSpan)
    }
    switch keyword {
    case "format": attributes.format = try cursor.quoted("a number format")
    case "note": attributes.note = try cursor.quoted("the note text")
    case "bold": attributes.bold = true
    case "italic": attributes.italic = true
    case "style":
      let styleStart = cursor.position
      guard let style = cursor.word() else {
        throw Diagnostic("expected a style name after 'style'", span: cursor.hereSpan)
      }
      try validateStyle(style, span: cursor.span(from: styleStart))
      attributes.style = style
    default:
      throw Diagnostic(
        "unknown attribute '\(keyword)'", span: cursor.span(from: start),
        suggestion: ["format", "style", "note", "bold", "italic"].first { $0.hasPrefix(keyword.prefix(2)) }
          .map { "did you mean \($0)?" })
    }
    try cursor.expectEnd()
  }

  static func validateStyle(_ style: String, span: SourceSpan) throws(Diagnostic) {
    guard styles.contains(style) else {
      // Only a likely typo gets a suggestion ("fancy" is not "calc").
      let suggestion = Suggestions.closest(to: style, among: styles.sorted())
      throw Diagnostic(
        "unknown style '\(style)'", span: span,
        suggestion: "styles are \(styles.sorted().joined(separator: ", "))"
          + (suggestion.map { "; did you mean \($0)?" } ?? ""))
    }
  }
}
