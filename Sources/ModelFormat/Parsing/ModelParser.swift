import FormulaSyntax

/// Reads a model file line by line into statements, collecting every problem.
///
/// Each line is independent, so a bad line is reported and skipped and the rest is still read.
public struct ModelParser {
  public private(set) var statements: [ModelStatement] = []
  public private(set) var diagnostics: [Diagnostic] = []
  private let source: SourceText
  /// Cells placed by the cell lines read so far, against `ModelLimits.maximumCells`.
  private var cellCount = 0

  public static func parse(_ source: SourceText) -> ModelParser {
    var parser = ModelParser(source: source)
    parser.run()
    return parser
  }

  private init(source: SourceText) {
    self.source = source
  }

  private static let keywords: Set<String> = [
    "name", "property", "check", "output", "scenario", "format", "style", "note", "column",
    "freeze", "tab", "chart", "series", "categories", "axis",
  ]

  private mutating func run() {
    let bytes = source.bytes
    var start = 0
    // A byte-order mark is not content.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    for line in 1...source.lineCount {
      var range = source.lineRange(line)
      if line == 1 { range = max(range.lowerBound, start)..<max(range.upperBound, start) }
      parseLine(range)
    }
    if cellCount > ModelLimits.maximumCells {
      // Placing the millions of cells that fit would take long for a model that cannot load.
      statements.removeAll { if case .cells = $0 { true } else { false } }
    }
  }

  private mutating func parseLine(_ fullRange: Range<Int>) {
    let bytes = source.bytes
    var cursor = LineCursor(bytes: bytes, start: fullRange.lowerBound, end: fullRange.upperBound)
    cursor.skipSpaces()
    guard let first = cursor.peek, first != UInt8(ascii: "#") else { return }
    let contentStart = cursor.position
    let end = LineSyntax.commentStart(in: bytes, contentStart..<fullRange.upperBound) ?? fullRange.upperBound
    cursor = LineCursor(bytes: bytes, start: contentStart, end: end)
    do throws(Diagnostic) {
      if first == UInt8(ascii: "[") {
        try parseSheetHeader(&cursor)
        return
      }
      var probe = cursor
      if let word = probe.word(), ModelParser.keywords.contains(word), probe.peek == 32 || probe.peek == 9 {
        cursor = probe
        try parseDirective(word, &cursor, lineStart: contentStart)
        return
      }
      let line = try CellLineParser.parse(&cursor)
      try count(line)
      statements.append(.cells(line))
    } catch {
      if error != .dropped { diagnostics.append(error) }
    }
  }

  /// Refuses the line that takes the model past `ModelLimits.maximumCells`, once; later cell lines
  /// are dropped quietly (the model does not load anyway).
  private mutating func count(_ line: CellLine) throws(Diagnostic) {
    guard cellCount <= ModelLimits.maximumCells else { throw Diagnostic.dropped }
    cellCount += line.area.cellCount
    guard cellCount <= ModelLimits.maximumCells else {
      throw Diagnostic(
        "\(A1Notation.areaName(line.area)) takes the model past \(ModelLimits.maximumCells) cells (this line alone fills \(line.area.cellCount))",
        span: line.areaSpan,
        suggestion:
          "finmodel holds at most \(ModelLimits.maximumCells) cells; fill only the cells the model uses")
    }
  }

  private mutating func parseSheetHeader(_ cursor: inout LineCursor) throws(Diagnostic) {
    let start = cursor.position
    var last = cursor.end
    while last > start, cursor.bytes[last - 1] == 32 || cursor.bytes[last - 1] == 9 { last -= 1 }
    guard last - start >= 2, cursor.bytes[last - 1] == UInt8(ascii: "]") else {
      throw Diagnostic(
        "a sheet header must end with ']'", span: SourceSpan(start: start, end: last),
        suggestion: "write the sheet name between brackets, e.g. [Inputs]")
    }
    let name = String(decoding: cursor.bytes[(start + 1)..<(last - 1)], as: UTF8.self)
    statements.append(.sheet(name: name, span: SourceSpan(start: start + 1, end: max(start + 2, last - 1))))
  }

  private mutating func parseDirective(_ keyword: String, _ cursor: inout LineCursor, lineStart: Int)
    throws(Diagnostic)
  {
    let lineSpan = SourceSpan(start: lineStart, end: cursor.end)
    switch keyword {
    case "name":
      // Everything up to a space or '=' is the name; NamingRules says what is wrong with it
      // (a word would stop at the backslash that Excel allows to start a name).
      guard let name = cursor.token(endingBefore: UInt8(ascii: "=")) else {
        throw Diagnostic("expected a name after 'name'", span: cursor.hereSpan)
      }
      try cursor.expect(UInt8(ascii: "="), "'=' after the name")
      let (text, offset) = formulaText(&cursor)
      statements.append(.name(name: name, formula: text, offset: offset, span: lineSpan))
    case "property":
      guard let key = cursor.word() else {
        throw Diagnostic("expected a property key (title, subject, author…)", span: cursor.hereSpan)
      }
      try cursor.expect(UInt8(ascii: "="), "'=' after the property key")
      let value = try cursor.quoted("the property value")
      try cursor.expectEnd()
      statements.append(.property(key: key, value: value, span: lineSpan))
    case "check", "output":
      let label = try cursor.quoted("a label")
      try cursor.expect(UInt8(ascii: "="), "'=' after the label")
      let (text, offset) = formulaText(&cursor)
      statements.append(
        keyword == "check"
          ? .check(label: label, formula: text, offset: offset, span: lineSpan)
          : .output(label: label, formula: text, offset: offset, span: lineSpan))
    case "scenario":
      let name = try cursor.quoted("the scenario name")
      try cursor.expect(UInt8(ascii: ":"), "':' after the scenario name")
      statements.append(
        .scenario(name: name, assignments: try AssignmentParser.parseList(&cursor), span: lineSpan))
    case "format", "style", "note":
      try parseRangeAttribute(keyword, &cursor, lineSpan: lineSpan)
    case "column":
      try parseColumnWidth(&cursor, lineSpan: lineSpan)
    case "freeze":
      guard let token = cursor.referenceToken(), let point = A1Notation.parseCell(token.text) else {
        throw Diagnostic("expected a cell after 'freeze', e.g. freeze B3", span: cursor.hereSpan)
      }
      try cursor.expectEnd()
      statements.append(.freeze(point, span: token.span))
    case "tab":
      guard cursor.word() == "color" else {
        throw Diagnostic("expected 'tab color \"#RRGGBB\"'", span: lineSpan)
      }
      let color = try cursor.quoted("a colour such as \"#1F4E79\"")
      try cursor.expectEnd()
      statements.append(.tabColor(color, span: lineSpan))
    case "chart", "series", "categories", "axis":
      statements.append(try ChartLineParser.parse(keyword, &cursor, lineSpan: lineSpan))
    default:
      throw Diagnostic("unknown directive '\(keyword)'", span: lineSpan)
    }
  }

  /// The formula after `=` in a directive; a leading `=` is optional there.
  private func formulaText(_ cursor: inout LineCursor) -> (String, Int) {
    cursor.skipSpaces()
    if cursor.peek == UInt8(ascii: "=") { cursor.advance() }
    return cursor.rest()
  }

  private mutating func parseRangeAttribute(
    _ keyword: String, _ cursor: inout LineCursor, lineSpan: SourceSpan
  ) throws(Diagnostic) {
    guard let token = cursor.referenceToken(), let area = A1Notation.parseArea(token.text) else {
      throw Diagnostic("expected a cell or range after '\(keyword)'", span: cursor.hereSpan)
    }
    var attributes = CellAttributes()
    switch keyword {
    case "format": attributes.format = try cursor.quoted("a number format")
    case "note": attributes.note = try cursor.quoted("the note text")
    default:
      guard let style = cursor.word() else {
        throw Diagnostic("expected a style name", span: cursor.hereSpan)
      }
      try CellLineParser.validateStyle(style, span: cursor.span(from: cursor.position - style.utf8.count))
      attributes.style = style
    }
    try cursor.expectEnd()
    statements.append(.format(area: area, attributes: attributes, span: token.span))
  }

  private mutating func parseColumnWidth(_ cursor: inout LineCursor, lineSpan: SourceSpan) throws(Diagnostic)
  {
    guard let token = cursor.referenceToken() else {
      throw Diagnostic("expected columns, e.g. 'column B:F width 12'", span: cursor.hereSpan)
    }
    let parts = token.text.split(separator: ":", omittingEmptySubsequences: false)
    let indices = parts.map { A1Notation.columnIndex(letters: $0.utf8) }
    guard (1...2).contains(parts.count), let first = indices.first ?? nil, let last = indices.last ?? nil
    else {
      throw Diagnostic("'\(token.text)' is not a column or column range", span: token.span)
    }
    guard cursor.word() == "width" else {
      throw Diagnostic("expected 'width N' after the columns", span: cursor.hereSpan)
    }
    let widthStart = cursor.position
    guard let text = cursor.word(), let width = Double(text), width >= 0, width <= 255 else {
      throw Diagnostic("expected a width between 0 and 255 characters", span: cursor.span(from: widthStart))
    }
    try cursor.expectEnd()
    statements.append(
      .columnWidth(first: min(first, last), last: max(first, last), width: width, span: token.span))
  }
}

extension Diagnostic {
  /// Marks a line skipped without a diagnostic of its own (see `ModelParser.count`).
  fileprivate static let dropped = Diagnostic("", span: nil)
}
