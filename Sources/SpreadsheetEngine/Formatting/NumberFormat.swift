import Foundation

/// An Excel number format code such as `#,##0.00;(#,##0.00)` or `yyyy-mm-dd`, parsed once.
///
/// `format(_:)` gives the text Excel's TEXT function returns for a number, and so the text a
/// cell with this format shows (apart from column-width effects: `_)` gives one space and `*`
/// fills give nothing, as in TEXT). Sections, conditions, colours (ignored), digit
/// placeholders, grouping and ÷1000 scaling, percent, scientific notation, fractions, and date
/// and time fields are supported; see `NumberFormatTests` for the cases checked against a
/// spreadsheet application.
///
/// Rounding is Excel's: the double is first read as its 15-significant-digit decimal and that
/// decimal is rounded half away from zero, so `TEXT(1.005,"0.00")` is "1.01" and
/// `TEXT(-2.5,"0")` is "-3". A negative number that rounds to zero shows no minus sign
/// (`TEXT(-0.001,"0.00")` is "0.00"), as in current Excel and LibreOffice.
///
/// The `General` section uses `NumberText.string` (up to 15 significant digits, scientific
/// from 1E+20), the same text that `&` produces: TEXT(x, "General") has no column width to
/// fit. For the width-limited display of a General cell use `GeneralFormat.display`.
public struct NumberFormat: Sendable, Hashable {
  /// The format code as written.
  public let code: String
  /// Sections used for numbers, in order (1–3 of them).
  let numberSections: [Section]
  /// The section used for text, if the code has one.
  let textSection: Section?
  /// Whether any section has a `[condition]`, which changes how sections are chosen.
  let isConditional: Bool

  /// The `General` format.
  public static let general = NumberFormat("General")

  /// Parses a format code. Unknown letters are shown literally rather than rejected.
  public init(_ code: String) {
    self.code = code
    var sections = Self.splitSections(code).prefix(4).map { Section($0) }
    var text: Section?
    if sections.count == 4 {
      text = sections.removeLast()
    } else if let index = sections.lastIndex(where: { $0.kind == .text }) {
      text = sections.remove(at: index)
    }
    if sections.isEmpty { sections = [.general] }
    isConditional = sections.contains { $0.condition != nil }
    if isConditional {
      Self.prepareConditional(&sections)
    } else if sections.count == 1 {
      sections[0].showsMinus = true
    }
    numberSections = Array(sections.prefix(3))
    textSection = text
  }

  /// Sets default conditions and minus signs on sections of a conditional format.
  ///
  /// The first section without a condition means `[>0]`; a format with one section gets a
  /// General fallback; minus signs follow Excel (see `Condition.showsMinus`), and with two
  /// sections the unconditional second one shows a minus only after a first condition like
  /// `[>=0]` or `[=5]`, matching the behaviour recorded in numfmt's Excel-derived tests.
  private static func prepareConditional(_ sections: inout [Section]) {
    if sections[0].condition == nil {
      sections[0].condition = Condition(comparison: .greater, operand: 0)
    }
    if sections.count == 1 { sections.append(.general) }
    if sections.count == 2 {
      sections[0].showsMinus = sections[0].condition?.showsMinus ?? true
      if let condition = sections[1].condition {
        sections[1].showsMinus = condition.showsMinus
      } else if let first = sections[0].condition {
        sections[1].showsMinus =
          first.comparison == .equal
          || (first.operand >= 0 && [.greater, .greaterOrEqual].contains(first.comparison))
      }
    } else {
      for index in sections.indices {
        sections[index].showsMinus = sections[index].condition?.showsMinus ?? true
      }
    }
  }

  /// Whether the format shows dates or times (any number section has date fields).
  public var isDate: Bool { numberSections.contains { $0.kind == .date } }

  /// Whether the format shows a percentage (an unquoted `%` in any section).
  public var isPercent: Bool {
    numberSections.contains { $0.hasPercent } || (textSection?.hasPercent ?? false)
  }

  /// The section that shows `value`, or nil when no condition matches.
  func section(for value: Double) -> Section? {
    if isConditional {
      return numberSections.first { $0.condition?.matches(value) ?? true }
    }
    switch numberSections.count {
    case 1: return numberSections[0]
    case 2: return value < 0 ? numberSections[1] : numberSections[0]
    default:
      if value > 0 { return numberSections[0] }
      return value < 0 ? numberSections[1] : numberSections[2]
    }
  }

  /// The text for a number, as TEXT(value, code) gives it, or nil where TEXT gives #VALUE!
  /// (a date or time field for a value outside Excel's date range 0…2958465, or a value
  /// that no conditional section accepts). Non-finite numbers also give nil.
  public func formatChecked(_ value: Double) -> String? {
    guard value.isFinite, let section = section(for: value) else { return nil }
    switch section.kind {
    case .date: return renderDate(value, section)
    case .fraction: return renderFraction(value, section)
    case .scientific: return renderScientific(value, section)
    case .number, .general: return renderNumber(value, section)
    case .text, .literal: return renderLiterals(section, text: nil)
    }
  }

  /// The text for a number as a cell would show it; where TEXT would fail (see
  /// `formatChecked`) this is the "########" Excel fills such a cell with.
  public func format(_ value: Double) -> String {
    formatChecked(value) ?? "########"
  }

  /// The text for a text value: the text section with `@` replaced by `text`, or the text
  /// unchanged when the format has no text section (TEXT("abc","0.00") is "abc").
  public func format(text: String) -> String {
    guard let textSection else { return text }
    return renderLiterals(textSection, text: text)
  }

  /// Shows only literals (and `@` as `text`): sections without number placeholders.
  func renderLiterals(_ section: Section, text: String?) -> String {
    var output = ""
    for token in section.tokens {
      switch token {
      case .literal(let literal): output += literal
      case .text: output += text ?? ""
      default: break
      }
    }
    return output
  }

  public static func == (lhs: NumberFormat, rhs: NumberFormat) -> Bool { lhs.code == rhs.code }
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
