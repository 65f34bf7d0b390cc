/// Renders diagnostics the way compilers do:
///
/// ```
/// Models/x.fmodel:12:9: error: unknown function 'SUMM'
///    12 | B5: =SUMM(B2:B4)
///       |      ^~~~
///       = help: did you mean SUM?
/// ```
public enum DiagnosticRenderer {
  public static func render(_ diagnostic: Diagnostic, in source: SourceText) -> String {
    guard let span = diagnostic.span else {
      return "\(source.path): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        + (diagnostic.suggestion.map { "\n  = help: \($0)" } ?? "")
    }
    let (line, column) = source.location(of: span.start)
    var text = "\(source.path):\(line):\(column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    let lineText = source.lineText(line)
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    text += "\n \(gutter) | \(displayable(lineText))"
    let lineEnd = source.lineRange(line).upperBound
    let endOffset = max(span.start + 1, min(span.end, lineEnd))
    let width = max(1, source.location(of: endOffset).column - column)
    let caretWidth = min(width, max(1, lineText.count - column + 2))
    text +=
      "\n \(pad) | " + String(repeating: " ", count: column - 1) + "^"
      + String(repeating: "~", count: max(0, caretWidth - 1))
    if let suggestion = diagnostic.suggestion { text += "\n \(pad) = help: \(suggestion)" }
    return text
  }

  public static func render(_ diagnostics: [Diagnostic], in source: SourceText) -> String {
    diagnostics.map { render($0, in: source) }.joined(separator: "\n")
  }

  /// Control characters would garble the terminal; show them as visible escapes.
  private static func displayable(_ line: String) -> String {
    String(
      line.unicodeScalars.map { scalar -> String in
        scalar.value < 32 && scalar != "\t" ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
      }.joined())
  }
}
