import Foundation

extension NumberFormat {
  /// Digits laid out into placeholders, ready to be read token by token.
  struct DigitLayout {
    /// Text for each placeholder of one role, left to right.
    var integer: [String] = []
    var fraction: [String] = []
    var exponent: [String] = []
    var numerator: [String] = []
    var denominator: [String] = []
    /// Integer digits to show before the point when the format has no integer placeholders.
    var orphanInteger = ""

    func text(for role: DigitRole, at index: Int) -> String {
      let slots: [String]
      switch role {
      case .integer: slots = integer
      case .fraction: slots = fraction
      case .exponent: slots = exponent
      case .numerator: slots = numerator
      case .denominator: slots = denominator
      }
      return index < slots.count ? slots[index] : ""
    }
  }

  /// Placeholders of one role in a section, left to right.
  static func placeholders(_ section: Section, _ role: DigitRole) -> [Placeholder] {
    section.tokens.compactMap { token in
      if case .digit(let placeholder, role) = token { return placeholder }
      return nil
    }
  }

  /// Right-aligns `digits` into integer-like placeholders; extra leading digits go into the
  /// first one. With `grouping`, a comma (or a space, beside padding) separates thousands.
  static func layoutRight(_ digits: String, _ slots: [Placeholder], grouping: Bool) -> [String] {
    guard !slots.isEmpty else { return [] }
    let chars = Array(digits)
    // Each position from the right: its text and whether it is a real digit or a zero fill.
    var cells: [(text: String, solid: Bool)] = []
    for offset in 0..<max(slots.count, chars.count) {
      if offset < chars.count {
        cells.append((String(chars[chars.count - 1 - offset]), true))
      } else {
        let slot = slots[slots.count - 1 - offset]
        cells.append((slot.filler, slot == .zero))
      }
    }
    if grouping {
      for offset in stride(from: 3, to: cells.count, by: 3) where !cells[offset].text.isEmpty {
        cells[offset].text += cells[offset].solid ? "," : " "
      }
    }
    var result = [String](repeating: "", count: slots.count)
    for offset in cells.indices {
      let slot = max(0, slots.count - 1 - offset)
      result[slot] = cells[offset].text + result[slot]
    }
    return result
  }

  /// Left-aligns decimals into placeholders: trailing zeros give way to `#` (nothing) and
  /// `?` (space), so `0.##` shows 1.5 as "1.5" and `0.0#` shows 1 as "1.0".
  static func layoutFraction(_ digits: [UInt8], _ slots: [Placeholder]) -> [String] {
    let lastNonZero = digits.lastIndex { $0 != 0 } ?? -1
    return slots.indices.map { index in
      index <= lastNonZero ? String(digits[index]) : slots[index].filler
    }
  }

  /// A number shown with integer and fraction placeholders (or General).
  func renderNumber(_ value: Double, _ section: Section) -> String {
    let decimal = ExcelDecimal(value).shifted(by: section.scale)
    if section.kind == .general {
      let general = NumberText.string(decimal.doubleValue)
      let minus = section.showsMinus && value < 0 ? "-" : ""
      return minus + assemble(section, DigitLayout(), general: general)
    }
    let rounded = decimal.rounded(fractionDigits: section.fractionDigits)
    let integerDigits = rounded.integerDigits
    let fractionDigits = rounded.fractionDigits(section.fractionDigits)
    var layout = DigitLayout()
    let integerSlots = Self.placeholders(section, .integer)
    if integerSlots.isEmpty {
      layout.orphanInteger = integerDigits
    } else {
      layout.integer = Self.layoutRight(integerDigits, integerSlots, grouping: section.grouping)
    }
    layout.fraction = Self.layoutFraction(fractionDigits, Self.placeholders(section, .fraction))
    let minus = section.showsMinus && value < 0 && !rounded.isZero ? "-" : ""
    return minus + assemble(section, layout, general: "")
  }

  /// A number in scientific notation: `0.00E+00`, or `##0.0E+0` for engineering steps.
  func renderScientific(_ value: Double, _ section: Section) -> String {
    let integerSlots = Self.placeholders(section, .integer)
    let step = max(1, integerSlots.count)
    let decimal = ExcelDecimal(value).shifted(by: section.scale)
    var exponent = 0
    var mantissa = ExcelDecimal.zero
    if !decimal.isZero {
      exponent = Self.floorMultiple(decimal.scientificExponent, of: step)
      mantissa = decimal.shifted(by: -exponent).rounded(fractionDigits: section.fractionDigits)
      if mantissa.pointPosition > step {
        exponent += step
        mantissa = decimal.shifted(by: -exponent).rounded(fractionDigits: section.fractionDigits)
      }
    }
    var layout = DigitLayout()
    layout.integer = Self.layoutRight(mantissa.integerDigits, integerSlots, grouping: false)
    layout.fraction = Self.layoutFraction(
      mantissa.fractionDigits(section.fractionDigits), Self.placeholders(section, .fraction))
    layout.exponent = Self.layoutRight(
      String(abs(exponent)), Self.placeholders(section, .exponent), grouping: false)
    let minus = section.showsMinus && value < 0 && !mantissa.isZero ? "-" : ""
    return minus + assemble(section, layout, general: "", exponent: exponent)
  }

  /// The largest multiple of `step` that is not above `value`.
  static func floorMultiple(_ value: Int, of step: Int) -> Int {
    let quotient = value >= 0 ? value / step : -((-value + step - 1) / step)
    return quotient * step
  }

  /// Walks the section's tokens, filling placeholders from `layout`.
  func assemble(_ section: Section, _ layout: DigitLayout, general: String, exponent: Int = 0)
    -> String
  {
    var output = ""
    var counters: [DigitRole: Int] = [:]
    var pointSeen = false
    for token in section.tokens {
      switch token {
      case .literal(let text): output += text
      case .percent: output += "%"
      case .general: output += general
      case .digit(_, let role):
        let index = counters[role, default: 0]
        counters[role] = index + 1
        output += layout.text(for: role, at: index)
      case .point:
        if !pointSeen { output += layout.orphanInteger }
        pointSeen = true
        output += "."
      case .exponentMark(let letter, let alwaysSign):
        output += String(letter) + (exponent < 0 ? "-" : (alwaysSign ? "+" : ""))
      case .slash: output += "/"
      case .fixedDenominator(let denominator): output += "/\(denominator)"
      case .text, .comma, .date: break
      }
    }
    if !pointSeen && !layout.orphanInteger.isEmpty && section.kind == .number {
      output = layout.orphanInteger + output
    }
    return output
  }
}
