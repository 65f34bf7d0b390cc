import FormulaSyntax
import Foundation

/// Parses cell assignments `Sheet!B2 = content` (scenarios, `--set`).
public enum AssignmentParser {
  /// `Sheet!B2 = 0.4, 'Cash Runway'!C3 = "x"` up to the end of the line.
  static func parseList(_ cursor: inout LineCursor) throws(Diagnostic) -> [CellAssignment] {
    var result: [CellAssignment] = []
    let commas = LineSyntax.listSeparators(in: cursor.bytes, cursor.position..<cursor.end)
    var start = cursor.position
    for comma in commas + [cursor.end] {
      var item = LineCursor(bytes: cursor.bytes, start: start, end: comma)
      result.append(try parseOne(&item))
      start = comma + 1
    }
    cursor.advance(cursor.end - cursor.position)
    return result
  }

  /// One assignment; the content is a literal or `=formula`.
  static func parseOne(_ cursor: inout LineCursor) throws(Diagnostic) -> CellAssignment {
    cursor.skipSpaces()
    let start = cursor.position
    let equals = LineSyntax.topLevelPositions(of: UInt8(ascii: "="), in: cursor.bytes, start..<cursor.end)
    guard let separator = equals.first else {
      throw Diagnostic(
        "expected 'Sheet!CELL = value'", span: SourceSpan(start: start, end: max(cursor.end, start + 1)))
    }
    let target = String(decoding: cursor.bytes[start..<separator], as: UTF8.self)
      .trimmingCharacters(in: [" ", "\t"])
    let targetSpan = SourceSpan(start: start, end: max(separator, start + 1))
    let (sheet, cellText) = splitSheet(target)
    guard let cell = A1Notation.parseCell(cellText) else {
      throw Diagnostic("'\(target)' is not a cell such as Inputs!B2", span: targetSpan)
    }
    var valueCursor = LineCursor(bytes: cursor.bytes, start: separator + 1, end: cursor.end)
    valueCursor.skipSpaces()
    let contentStart = valueCursor.position
    let content: CellLineContent
    if valueCursor.peek == UInt8(ascii: "=") {
      valueCursor.advance()
      let (text, offset) = valueCursor.rest()
      content = .formula(text: text, offset: offset)
    } else {
      var end = cursor.end
      while end > contentStart, cursor.bytes[end - 1] == 32 || cursor.bytes[end - 1] == 9 { end -= 1 }
      let span = SourceSpan(start: contentStart, end: max(end, contentStart + 1))
      content = .values([
        (try CellLineParser.parseLiteral(cursor.bytes, contentStart..<end, span: span), span)
      ])
    }
    return CellAssignment(sheet: sheet, cell: cell, content: content, span: targetSpan)
  }

  /// Parses a command-line override such as `Inputs!B2=0.4` or `'P&L'!C3==B2*2`.
  public static func parse(override text: String) throws(Diagnostic) -> CellAssignment {
    let bytes = Array(text.utf8)
    var cursor = LineCursor(bytes: bytes, start: 0, end: bytes.count)
    return try parseOne(&cursor)
  }

  /// Splits `'P&L'!B2` into the unquoted sheet name and the cell text.
  static func splitSheet(_ target: String) -> (String?, String) {
    guard let bang = target.lastIndex(of: "!") else { return (nil, target) }
    var sheet = String(target[..<bang])
    if sheet.hasPrefix("'") && sheet.hasSuffix("'") && sheet.count >= 2 {
      sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    return (sheet, String(target[target.index(after: bang)...]))
  }
}
