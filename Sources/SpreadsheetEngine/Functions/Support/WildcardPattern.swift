/// An Excel wildcard pattern, as MATCH, VLOOKUP, XLOOKUP (match mode 2) and the *IF functions
/// read text criteria: `*` matches any run of characters, `?` exactly one, and `~` makes the
/// next `*`, `?` or `~` literal. Matching covers the whole text and ignores case.
///
/// A `~` before any other character stands for itself, so `"a~b"` matches only `"a~b"`.
/// Matching is the classic two-pointer algorithm with backtracking to the last `*`, which
/// needs at most O(pattern × text) steps and no recursion, so hostile patterns such as
/// `"*a*a*a*a*b"` cannot blow the stack.
public struct WildcardPattern: Sendable, Equatable {
  enum Token: Sendable, Equatable {
    case character(Character)
    case anyOne
    case anyRun
  }

  let tokens: [Token]

  /// Parses `pattern`; letters are folded to lower case once here rather than per match.
  public init(_ pattern: String) {
    var tokens: [Token] = []
    var characters = Array(pattern.lowercased())[...]
    while let first = characters.popFirst() {
      switch first {
      case "*":
        if tokens.last != .anyRun { tokens.append(.anyRun) }
      case "?":
        tokens.append(.anyOne)
      case "~":
        if let next = characters.first, next == "*" || next == "?" || next == "~" {
          characters.removeFirst()
          tokens.append(.character(next))
        } else {
          tokens.append(.character("~"))
        }
      default:
        tokens.append(.character(first))
      }
    }
    self.tokens = tokens
  }

  /// Whether `text` uses any wildcard syntax, i.e. whether matching it as a pattern can differ
  /// from comparing it as plain text.
  public static func hasWildcards(_ text: String) -> Bool {
    text.contains { $0 == "*" || $0 == "?" || $0 == "~" }
  }

  /// Whether the whole of `text` matches the pattern, ignoring case.
  public func matches(_ text: String) -> Bool {
    let characters = Array(text.lowercased())
    var t = 0
    var p = 0
    var starToken: Int?
    var starText = 0
    while t < characters.count {
      if p < tokens.count {
        switch tokens[p] {
        case .anyRun:
          starToken = p
          starText = t
          p += 1
          continue
        case .anyOne:
          t += 1
          p += 1
          continue
        case .character(let c) where c == characters[t]:
          t += 1
          p += 1
          continue
        case .character:
          break
        }
      }
      // Mismatch: let the last `*` absorb one more character, or fail.
      guard let star = starToken else { return false }
      p = star + 1
      starText += 1
      t = starText
    }
    while p < tokens.count, tokens[p] == .anyRun { p += 1 }
    return p == tokens.count
  }
}
