import Foundation

extension NumberFormat {
  /// Splits a format code into its `;`-separated sections, keeping quotes, escapes and
  /// brackets intact (a `;` inside them does not separate).
  static func splitSections(_ code: String) -> [[Character]] {
    var sections: [[Character]] = [[]]
    var chars = Array(code)[...]
    while let char = chars.popFirst() {
      switch char {
      case ";":
        sections.append([])
        continue
      case "\"":
        sections[sections.count - 1].append(char)
        while let inner = chars.popFirst() {
          sections[sections.count - 1].append(inner)
          if inner == "\"" { break }
        }
        continue
      case "\\", "_", "*":
        sections[sections.count - 1].append(char)
        if let next = chars.popFirst() { sections[sections.count - 1].append(next) }
        continue
      case "[":
        sections[sections.count - 1].append(char)
        while let inner = chars.popFirst() {
          sections[sections.count - 1].append(inner)
          if inner == "]" { break }
        }
        continue
      default:
        sections[sections.count - 1].append(char)
      }
    }
    return sections
  }

  /// Raw tokens of one section, plus any condition found in brackets.
  ///
  /// Colours (`[Red]`, `[Color10]`), locale tags (`[$-409]`) and `*` fills are dropped:
  /// they change how a cell looks, not the text TEXT returns.
  static func lex(_ chars: [Character]) -> (tokens: [Token], condition: Condition?) {
    var tokens: [Token] = []
    var condition: Condition?
    var index = 0
    func peek(_ offset: Int) -> Character? {
      index + offset < chars.count ? chars[index + offset] : nil
    }
    func matches(_ word: String) -> Bool {
      let slice = chars[index..<min(chars.count, index + word.count)]
      return String(slice).lowercased() == word
    }
    while index < chars.count {
      let char = chars[index]
      let lower = Character(char.lowercased())
      index += 1
      switch lower {
      case "\"":
        var text = ""
        while index < chars.count, chars[index] != "\"" {
          text.append(chars[index])
          index += 1
        }
        index += 1
        tokens.append(.literal(text))
      case "\\":
        if let next = peek(0) { tokens.append(.literal(String(next))) }
        index += 1
      case "_":
        tokens.append(.literal(" "))
        index += 1
      case "*":
        index += 1
      case "[":
        var inner = ""
        while index < chars.count, chars[index] != "]" {
          inner.append(chars[index])
          index += 1
        }
        index += 1
        if let parsed = Condition(inner) {
          condition = parsed
        } else if let token = bracketToken(inner) {
          tokens.append(token)
        }
      case "0", "#", "?":
        tokens.append(.digit(Placeholder(rawValue: char)!, .integer))
      case ".": tokens.append(.point)
      case ",": tokens.append(.comma)
      case "%": tokens.append(.percent)
      case "@": tokens.append(.text)
      case "/":
        var digits = ""
        while let next = peek(0), next.isASCII, next.isNumber, digits != "" || next != "0" {
          digits.append(next)
          index += 1
        }
        if let denominator = Int(digits) {
          tokens.append(.fixedDenominator(denominator))
        } else {
          tokens.append(.slash)
        }
      case "e" where peek(0) == "+" || peek(0) == "-":
        tokens.append(.exponentMark(letter: char, alwaysSign: peek(0) == "+"))
        index += 1
      case "g" where matches("eneral"):
        tokens.append(.general)
        index += 6
      case "a" where matches("m/pm"):
        tokens.append(.date(.meridiem(am: "AM", pm: "PM")))
        index += 4
      case "a" where matches("/p"):
        let pm = chars[index + 1]
        tokens.append(.date(.meridiem(am: String(char), pm: String(pm))))
        index += 2
      case "y", "m", "d", "h", "s":
        var count = 1
        while let next = peek(0), Character(next.lowercased()) == lower {
          count += 1
          index += 1
        }
        tokens.append(.date(datePart(lower, count: count)))
      default:
        tokens.append(.literal(String(char)))
      }
    }
    return (tokens, condition)
  }

  /// The token for a bracket that is not a condition: elapsed time or a currency symbol.
  private static func bracketToken(_ inner: String) -> Token? {
    let lower = inner.lowercased()
    if let first = lower.first, "hms".contains(first), lower.allSatisfy({ $0 == first }) {
      switch first {
      case "h": return .date(.elapsedHours(width: lower.count))
      case "m": return .date(.elapsedMinutes(width: lower.count))
      default: return .date(.elapsedSeconds(width: lower.count))
      }
    }
    if inner.hasPrefix("$") {
      let symbol = inner.dropFirst().prefix { $0 != "-" }
      return symbol.isEmpty ? nil : .literal(String(symbol))
    }
    return nil
  }

  /// The date field for a run of `count` copies of y, m, d, h or s (m is a month for now).
  private static func datePart(_ letter: Character, count: Int) -> DatePart {
    switch letter {
    case "y": return count <= 2 ? .shortYear : .longYear
    case "m":
      switch count {
      case 1: return .month
      case 2: return .paddedMonth
      case 3: return .monthAbbreviation
      case 5: return .monthInitial
      default: return .monthName
      }
    case "d":
      switch count {
      case 1: return .day
      case 2: return .paddedDay
      case 3: return .weekdayAbbreviation
      default: return .weekdayName
      }
    case "h": return count == 1 ? .hour : .paddedHour
    default: return count == 1 ? .second : .paddedSecond
    }
  }
}
