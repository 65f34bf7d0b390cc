/// Excel's wildcard syntax over any element type: `*` any run, `?` exactly one element, and `~`
/// making the next `*`, `?` or `~` literal (a `~` before anything else stands for itself).
///
/// Criteria and lookups match whole texts of characters (`WildcardPattern`); SEARCH matches a
/// prefix of UTF-16 code units, the units its positions count (`TextSearch`). Both parse and
/// match here. Matching is the classic two-pointer algorithm with backtracking to the last `*`:
/// at most O(pattern × text) steps and no recursion, so hostile patterns such as `"*a*a*a*b"`
/// cannot blow the stack.
struct WildcardTokens<Element: Equatable & Sendable>: Equatable, Sendable {
  enum Token: Equatable, Sendable {
    case literal(Element)
    case anyOne
    case anyRun
  }

  let tokens: [Token]

  /// Parses `pattern`, whose `star`, `question` and `tilde` elements are the syntax; `fold`
  /// (case folding) applies to the literal elements.
  init(
    _ pattern: some Sequence<Element>, star: Element, question: Element, tilde: Element,
    fold: (Element) -> Element = { $0 }
  ) {
    var tokens: [Token] = []
    var elements = Array(pattern)[...]
    while let first = elements.popFirst() {
      switch first {
      case star:
        if tokens.last != .anyRun { tokens.append(.anyRun) }
      case question:
        tokens.append(.anyOne)
      case tilde:
        if let next = elements.first, next == star || next == question || next == tilde {
          elements.removeFirst()
          tokens.append(.literal(next))
        } else {
          tokens.append(.literal(tilde))
        }
      default:
        tokens.append(.literal(fold(first)))
      }
    }
    self.tokens = tokens
  }

  /// Whether the pattern matches all of `text` or, with `wholeText` false, some prefix of it.
  func matches(_ text: ArraySlice<Element>, wholeText: Bool) -> Bool {
    var t = text.startIndex
    var p = 0
    var starToken: Int?
    var starText = t
    while true {
      if p == tokens.count {
        if !wholeText || t == text.endIndex { return true }
      } else {
        switch tokens[p] {
        case .anyRun:
          starToken = p
          starText = t
          p += 1
          continue
        case .anyOne where t < text.endIndex:
          t += 1
          p += 1
          continue
        case .literal(let element) where t < text.endIndex && text[t] == element:
          t += 1
          p += 1
          continue
        default:
          break
        }
      }
      // Mismatch (or text left over): let the last `*` absorb one more element, or fail.
      guard let star = starToken, starText < text.endIndex else { return false }
      p = star + 1
      starText += 1
      t = starText
    }
  }
}
