import FormulaSyntax

/// TEXTBEFORE and TEXTAFTER: the text before or after the n-th occurrence of any of the
/// delimiters, on UTF-16 code units.
///
/// Occurrences are found left to right without overlaps (at each position the first
/// delimiter in the list that matches wins); a negative instance counts them from the end.
/// With match_end the end of the text (or, counting from the end, its start) is one more
/// delimiter. An empty delimiter matches at once: at the start counting forwards, at the end
/// counting backwards, as Excel documents.
enum TextSplit {
  struct Occurrence {
    let start: Int
    let length: Int
  }

  static func split(_ args: Arguments, before: Bool) throws(ExcelError) -> Operand {
    let text = TextSearch.units(try args.text(0))
    let delimiters = try args.texts(1).map(TextSearch.units)
    let instance = try args.isMissing(2) ? 1 : args.integer(2)
    let ignoreCase = try args.boolean(3, default: false)
    let matchEnd = try args.boolean(4, default: false)
    guard instance != 0, abs(instance) <= max(text.count, 1) else { throw .value }
    guard
      let found = occurrence(
        instance, in: text, delimiters: delimiters, ignoreCase: ignoreCase, matchEnd: matchEnd)
    else {
      if args.isMissing(5) { throw .notAvailable }
      return .value(args.value(5))
    }
    let part =
      before ? text[..<found.start] : text[(found.start + found.length)...]
    return .text(TextSearch.string(part))
  }

  private static func occurrence(
    _ instance: Int, in text: TextSearch.Units, delimiters: [TextSearch.Units], ignoreCase: Bool,
    matchEnd: Bool
  ) -> Occurrence? {
    if delimiters.contains(where: \.isEmpty) {
      return instance > 0 ? Occurrence(start: 0, length: 0) : Occurrence(start: text.count, length: 0)
    }
    let fold: (TextSearch.Units) -> TextSearch.Units = { ignoreCase ? $0.map(TextSearch.fold) : $0 }
    let haystack = fold(text)
    let needles = delimiters.map(fold)
    var occurrences: [Occurrence] = []
    var position = 0
    while position < haystack.count {
      if let needle = needles.first(where: { matches($0, haystack, at: position) }) {
        occurrences.append(Occurrence(start: position, length: needle.count))
        position += needle.count
      } else {
        position += 1
      }
    }
    if instance > 0 {
      if matchEnd { occurrences.append(Occurrence(start: text.count, length: 0)) }
      return instance <= occurrences.count ? occurrences[instance - 1] : nil
    }
    if matchEnd { occurrences.insert(Occurrence(start: 0, length: 0), at: 0) }
    return -instance <= occurrences.count ? occurrences[occurrences.count + instance] : nil
  }

  private static func matches(_ needle: TextSearch.Units, _ haystack: TextSearch.Units, at position: Int)
    -> Bool
  {
    position + needle.count <= haystack.count
      && haystack[position..<(position + needle.count)].elementsEqual(needle)
  }
}
