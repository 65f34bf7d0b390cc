/// An Excel wildcard pattern, as MATCH, VLOOKUP, XLOOKUP (match mode 2) and the *IF functions
/// read text criteria: `*` matches any run of characters, `?` exactly one, and `~` makes the
/// next `*`, `?` or `~` literal. Matching covers the whole text and ignores case.
///
/// A `~` before any other character stands for itself, so `"a~b"` matches only `"a~b"`
/// (parsing and matching: `WildcardTokens`).
public struct WildcardPattern: Sendable, Equatable {
  let tokens: WildcardTokens<Character>

  /// Parses `pattern`; letters are folded to lower case once here rather than per match.
  public init(_ pattern: String) {
    tokens = WildcardTokens(Array(pattern.lowercased()), star: "*", question: "?", tilde: "~")
  }

  /// Whether `text` uses any wildcard syntax, i.e. whether matching it as a pattern can differ
  /// from comparing it as plain text.
  public static func hasWildcards(_ text: String) -> Bool {
    text.contains { $0 == "*" || $0 == "?" || $0 == "~" }
  }

  /// Whether the whole of `text` matches the pattern, ignoring case.
  public func matches(_ text: String) -> Bool {
    tokens.matches(Array(text.lowercased())[...], wholeText: true)
  }
}
