import Foundation

extension NumberFormat {
  /// One `;`-separated part of a format code, parsed and classified.
  struct Section: Hashable, Sendable {
    var tokens: [Token]
    var condition: Condition?
    var kind: SectionKind
    /// Power of ten the value is multiplied by: +2 per `%`, −3 per scaling comma.
    var scale = 0
    /// `#,##0`: separate thousands with commas.
    var grouping = false
    /// Whether a negative value shown by this section gets a "-" in front.
    var showsMinus = false
    /// Number of digits after the decimal point (or in the scientific mantissa).
    var fractionDigits = 0
    /// Largest `.0…` after seconds, which decides how time is rounded.
    var subsecondDigits = 0
    var twelveHour = false
    var hasPercent = false

    /// Parses one section's characters.
    init(_ chars: [Character]) {
      let lexed = NumberFormat.lex(chars)
      tokens = lexed.tokens
      condition = lexed.condition
      kind = .literal
      classify()
    }

    /// A section that shows the number in General.
    static var general: Section { Section(Array("General")) }

    private mutating func classify() {
      hasPercent = tokens.contains(.percent)
      if tokens.contains(where: { if case .date = $0 { return true } else { return false } }) {
        kind = .date
        resolveDateTokens()
      } else if tokens.contains(.general) {
        kind = .general
        resolveNumberTokens()
      } else if tokens.contains(where: { if case .digit = $0 { return true } else { return false } }) {
        resolveNumberTokens()
      } else if tokens.contains(.text) {
        kind = .text
      }
      if kind == .literal || kind == .text { tokens = tokens.map(Self.asLiteral) }
    }

    /// How a token that means nothing in this kind of section is shown.
    private static func asLiteral(_ token: Token) -> Token {
      switch token {
      case .digit(let placeholder, _): return .literal(String(placeholder.rawValue))
      case .point: return .literal(".")
      case .comma: return .literal(",")
      case .slash: return .literal("/")
      case .percent: return .literal("%")
      case .fixedDenominator(let value): return .literal("/\(value)")
      case .exponentMark(let letter, let sign): return .literal("\(letter)\(sign ? "+" : "-")")
      default: return token
      }
    }

    // MARK: Dates

    /// Makes `m`/`mm` minutes after an hour or before a second, joins `.00` after seconds, and
    /// turns number-only tokens into literals.
    private mutating func resolveDateTokens() {
      var resolved: [Token] = []
      var lastDate: DatePart?
      var index = 0
      while index < tokens.count {
        let token = tokens[index]
        index += 1
        switch token {
        case .point where lastDate == .second || lastDate == .paddedSecond:
          var digits = 0
          while index < tokens.count, tokens[index] == .digit(.zero, .integer) {
            digits += 1
            index += 1
          }
          if digits == 0 {
            resolved.append(.literal("."))
          } else {
            resolved.append(.date(.subsecond(digits: digits)))
            subsecondDigits = max(subsecondDigits, min(digits, 3))
          }
        case .date(let part):
          var part = part
          if part == .month || part == .paddedMonth {
            let afterHour = lastDate.map { [.hour, .paddedHour].contains($0) || $0.isHours } ?? false
            if afterHour || nextDatePartIsSecond(after: index) {
              part = part == .month ? .minute : .paddedMinute
            }
          }
          if case .meridiem = part { twelveHour = true }
          lastDate = part
          resolved.append(.date(part))
        default:
          resolved.append(Self.asLiteral(token))
        }
      }
      tokens = resolved
    }

    private func nextDatePartIsSecond(after index: Int) -> Bool {
      for token in tokens[index...] {
        guard case .date(let part) = token else { continue }
        switch part {
        case .second, .paddedSecond, .elapsedSeconds: return true
        default: return false
        }
      }
      return false
    }

    // MARK: Numbers

    /// Gives each digit placeholder its role and works out commas, percent and the kind.
    private mutating func resolveNumberTokens() {
      let exponentAt = tokens.firstIndex { $0.isExponentMark }
      let slashAt = tokens.firstIndex { $0.isFractionBar }
      if kind != .general {
        kind = exponentAt != nil ? .scientific : (slashAt != nil ? .fraction : .number)
      }
      var sawPoint = false
      for index in tokens.indices {
        switch tokens[index] {
        case .point:
          if sawPoint || slashAt != nil || (exponentAt.map { index > $0 } ?? false) {
            tokens[index] = .literal(".")
          }
          sawPoint = true
        case .digit(let placeholder, _):
          tokens[index] = .digit(placeholder, role(at: index, sawPoint, exponentAt, slashAt))
          if tokens[index] == .digit(placeholder, .fraction) { fractionDigits += 1 }
        case .percent:
          scale += 2
        default:
          break
        }
      }
      resolveCommas()
    }

    private func role(at index: Int, _ sawPoint: Bool, _ exponentAt: Int?, _ slashAt: Int?)
      -> DigitRole
    {
      if let exponentAt, index > exponentAt { return .exponent }
      if let slashAt {
        if index > slashAt { return .denominator }
        var start = slashAt
        while start > 0, case .digit = tokens[start - 1] { start -= 1 }
        return index >= start ? .numerator : .integer
      }
      return sawPoint ? .fraction : .integer
    }

    /// A comma between integer digits groups thousands; commas after the last digit divide
    /// by 1000 each; any other comma (e.g. among decimals) is ignored.
    private mutating func resolveCommas() {
      for index in tokens.indices where tokens[index] == .comma {
        let before = tokens[..<index].contains { $0.isDigit }
        let next = tokens[(index + 1)...].first { $0.isDigit || $0 == .point }
        if !before {
          tokens[index] = .literal(",")
        } else if next == nil {
          scale -= 3
          tokens[index] = .literal("")
        } else {
          if case .digit(_, .integer) = next! { grouping = true }
          tokens[index] = .literal("")
        }
      }
    }
  }
}

extension NumberFormat.Token {
  /// True for a digit placeholder of any role.
  var isDigit: Bool {
    if case .digit = self { return true }
    return false
  }

  var isExponentMark: Bool {
    if case .exponentMark = self { return true }
    return false
  }

  /// `/` or a fixed denominator such as `/8`.
  var isFractionBar: Bool {
    switch self {
    case .slash, .fixedDenominator: return true
    default: return false
    }
  }
}

extension NumberFormat.DatePart {
  /// `[h]`, which (like `h`) makes a following `m` a minute.
  var isHours: Bool {
    if case .elapsedHours = self { return true }
    return false
  }
}
