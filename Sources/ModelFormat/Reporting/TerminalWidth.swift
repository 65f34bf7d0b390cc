/// How many terminal columns text takes: East Asian wide characters (CJK, full-width forms)
/// take two, so tables with Chinese labels still line up.
public enum TerminalWidth {
  public static func of(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { $0 + (isWide($1.value) ? 2 : 1) }
  }

  /// Text padded with spaces to `width` columns, on the left when `right` aligns it right.
  public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - of(text)))
    return right ? padding + text : text + padding
  }

  private static func isWide(_ value: UInt32) -> Bool {
    (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
      || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
  }
}
