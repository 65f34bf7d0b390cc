import FormulaSyntax

/// Parses the chart directives: `chart`, `series`, `categories`, `axis`.
enum ChartLineParser {
  static func parse(_ keyword: String, _ cursor: inout LineCursor, lineSpan: SourceSpan) throws(Diagnostic)
    -> ModelStatement
  {
    switch keyword {
    case "chart":
      let kindStart = cursor.position
      guard let kindWord = cursor.word(), let kind = ChartDeclaration.Kind(rawValue: kindWord) else {
        throw Diagnostic(
          "expected a chart type: line or column", span: cursor.span(from: kindStart))
      }
      let title = try cursor.quoted("the chart title")
      guard cursor.word() == "at", let anchorToken = cursor.referenceToken(),
        let anchor = A1Notation.parseCell(anchorToken.text)
      else {
        throw Diagnostic("expected 'at CELL' after the chart title", span: cursor.hereSpan)
      }
      var chart = ChartDeclaration(kind: kind, title: title, anchor: anchor, span: lineSpan)
      if let word = cursor.word() {
        guard word == "size", let width = cursor.word().flatMap({ Int($0) }), cursor.word() == "x",
          let height = cursor.word().flatMap({ Int($0) }), (50...4000).contains(width),
          (50...4000).contains(height)
        else {
          throw Diagnostic("expected 'size W x H' in pixels (50 to 4000)", span: lineSpan)
        }
        chart.width = width
        chart.height = height
      }
      try cursor.expectEnd()
      return .chart(chart)
    case "series":
      let name = try cursor.quoted("the series name")
      try cursor.expect(UInt8(ascii: "="), "'=' after the series name")
      let (range, offset) = cursor.rest()
      return .series(
        name: name, range: range, span: SourceSpan(start: offset, end: offset + max(1, range.utf8.count)))
    case "categories":
      try cursor.expect(UInt8(ascii: "="), "'=' after 'categories'")
      let (range, offset) = cursor.rest()
      return .categories(
        range: range, span: SourceSpan(start: offset, end: offset + max(1, range.utf8.count)))
    default:
      let axisStart = cursor.position
      guard let axis = cursor.word(), axis == "x" || axis == "y" else {
        throw Diagnostic("expected 'axis x' or 'axis y'", span: cursor.span(from: axisStart))
      }
      let title = try cursor.quoted("the axis title")
      var format: String?
      if cursor.word() == "format" { format = try cursor.quoted("a number format") }
      try cursor.expectEnd()
      return .axis(x: axis == "x", title: title, format: format, span: lineSpan)
    }
  }
}
