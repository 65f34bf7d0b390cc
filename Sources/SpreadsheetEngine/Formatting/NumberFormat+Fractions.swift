import Foundation

extension NumberFormat {
  /// A number shown as a fraction: `# ?/?`, `# ??/??`, `?/?` (improper) or `# ?/8` (fixed).
  ///
  /// The fraction is the closest one whose denominator fits the denominator placeholders
  /// (ties go to the smaller denominator). When a mixed number has no fractional part the
  /// fraction is replaced by spaces, as in Excel: 5 in `# ?/?` is "5    ".
  func renderFraction(_ value: Double, _ section: Section) -> String {
    let integerSlots = Self.placeholders(section, .integer)
    let numeratorSlots = Self.placeholders(section, .numerator)
    let denominatorSlots = Self.placeholders(section, .denominator)
    let fixed = section.tokens.lazy.compactMap { token -> Int? in
      if case .fixedDenominator(let value) = token { return value }
      return nil
    }.first
    let magnitude = ExcelDecimal(value).shifted(by: section.scale).doubleValue
    var whole = integerSlots.isEmpty ? 0 : magnitude.rounded(.down)
    let part = magnitude - whole
    var (numerator, denominator) =
      fixed.map { (Int((part * Double($0)).rounded(.toNearestOrAwayFromZero)), $0) }
      ?? Self.closestFraction(part, maxDenominator: Self.maxDenominator(denominatorSlots.count))
    if !integerSlots.isEmpty && numerator == denominator {
      whole += 1
      numerator = 0
    }
    let forced = numeratorSlots.contains(.zero) || denominatorSlots.contains(.zero)
    let showFraction = numerator != 0 || forced || integerSlots.isEmpty
    if showFraction && numerator == 0 && fixed == nil { denominator = 1 }
    var layout = DigitLayout()
    let wholeDigits = ExcelDecimal(whole).integerDigits
    layout.integer = Self.layoutRight(
      wholeDigits.isEmpty && !showFraction ? "0" : wholeDigits, integerSlots,
      grouping: section.grouping)
    if showFraction {
      layout.numerator = Self.layoutRight(String(numerator), numeratorSlots, grouping: false)
      layout.denominator = Self.layoutLeft(String(denominator), denominatorSlots)
    } else {
      layout.numerator = numeratorSlots.map(\.filler)
      layout.denominator = denominatorSlots.map(\.filler)
    }
    let padded = (numeratorSlots + denominatorSlots).contains(.question)
    var output = section.showsMinus && value < 0 ? "-" : ""
    var counters: [DigitRole: Int] = [:]
    for token in section.tokens {
      switch token {
      case .digit(_, let role):
        let index = counters[role, default: 0]
        counters[role] = index + 1
        output += layout.text(for: role, at: index)
      case .slash:
        output += showFraction ? "/" : (padded ? " " : "")
      case .fixedDenominator(let value):
        output += showFraction ? "/\(value)" : String(repeating: " ", count: "/\(value)".count)
      case .literal(let text): output += text
      case .percent: output += "%"
      default: break
      }
    }
    return output
  }

  /// Largest denominator that fits `places` digits (at least 1).
  static func maxDenominator(_ places: Int) -> Int {
    var result = 1
    for _ in 0..<min(max(places, 1), 6) { result *= 10 }
    return result - 1
  }

  /// The fraction n/d closest to `value` with 1 ≤ d ≤ `maxDenominator`.
  static func closestFraction(_ value: Double, maxDenominator: Int) -> (Int, Int) {
    var best = (Int(value.rounded()), 1)
    var bestError = abs(value - Double(best.0))
    if maxDenominator < 2 || bestError == 0 { return best }
    for denominator in 2...maxDenominator {
      let numerator = (value * Double(denominator)).rounded()
      let error = abs(value - numerator / Double(denominator))
      if error < bestError - 1e-15 {
        best = (Int(numerator), denominator)
        bestError = error
        if error == 0 { break }
      }
    }
    return best
  }

  /// Left-aligns digits into placeholders (a denominator: "4" in `??` is "4 ").
  static func layoutLeft(_ digits: String, _ slots: [Placeholder]) -> [String] {
    guard !slots.isEmpty else { return [] }
    let chars = Array(digits)
    return slots.indices.map { index in
      if index == slots.count - 1 && chars.count > slots.count {
        return String(chars[index...])
      }
      return index < chars.count ? String(chars[index]) : slots[index].filler
    }
  }
}
