/// Renders diagnostics the way compilers do:
///
/// ```
/// Models/x.fmodel:12:9: error: unknown function 'SUMM'
///    12 | B5: =SUMM(B2:B4)
///       |      ^~~~
///       = help: did you mean SUM?
/// ```
///
/// The column in `line:column` counts characters (a tab or a CJK character is one). The caret
/// line is measured in terminal columns instead (see `DisplayColumns`), so it sits under the
/// span even after tabs, wide characters and escaped control characters. A line too long for a
/// terminal is cut to a window around the span, marked with `...`.
public enum DiagnosticRenderer {
  /// Widest source excerpt shown, in terminal columns.
  static let excerptWidth = 100
  /// Columns of context kept before the span when a long line is cut.
  static let contextBefore = 30

  public static func render(_ diagnostic: Diagnostic, in source: SourceText) -> String {
    guard let span = diagnostic.span else {
      return "\(source.path): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        + (diagnostic.suggestion.map { "\n  = help: \($0)" } ?? "")
    }
    let (line, column) = source.location(of: span.start)
    var text = "\(source.path):\(line):\(column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    let columns = DisplayColumns(source.lineText(line))
    let count = columns.cells.count
    let start = min(column - 1, count)
    let lineEnd = source.lineRange(line).upperBound
    let endOffset = max(span.start + 1, min(span.end, lineEnd))
    let end = max(start + 1, min(source.location(of: endOffset).column - 1, count))
    let window = excerpt(columns, spanStart: start)
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    let lead = window.lowerBound > 0 ? "..." : ""
    let trail = window.upperBound < count ? "..." : ""
    text += "\n \(gutter) | \(lead)\(columns.text(window))\(trail)"
    let caretStart = lead.count + columns.width(window.lowerBound..<start)
    let caretWidth = max(1, columns.width(start..<min(end, window.upperBound)))
    text +=
      "\n \(pad) | " + String(repeating: " ", count: caretStart) + "^"
      + String(repeating: "~", count: caretWidth - 1)
    if let suggestion = diagnostic.suggestion { text += "\n \(pad) = help: \(suggestion)" }
    return text
  }

  public static func render(_ diagnostics: [Diagnostic], in source: SourceText) -> String {
    diagnostics.map { render($0, in: source) }.joined(separator: "\n")
  }

  /// The characters of the line to show: all of it when it fits `excerptWidth`, otherwise a
  /// window that starts a little before the span.
  static func excerpt(_ columns: DisplayColumns, spanStart: Int) -> Range<Int> {
    let count = columns.cells.count
    guard columns.width(0..<count) > excerptWidth else { return 0..<count }
    var first = min(spanStart, count)
    var used = 0
    while first > 0, used + columns.cells[first - 1].width <= contextBefore {
      first -= 1
      used += columns.cells[first].width
    }
    var last = first
    used = 0
    while last < count, used + columns.cells[last].width <= excerptWidth {
      used += columns.cells[last].width
      last += 1
    }
    return first..<max(last, min(count, first + 1))
  }
}
