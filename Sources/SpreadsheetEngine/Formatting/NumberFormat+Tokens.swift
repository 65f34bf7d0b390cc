import Foundation

extension NumberFormat {
  /// A digit position in a format code: `0` shows a zero, `#` nothing, `?` a space.
  enum Placeholder: Character, Hashable, Sendable {
    case zero = "0"
    case hash = "#"
    case question = "?"

    /// What the position shows when the number has no digit for it.
    var filler: String {
      switch self {
      case .zero: return "0"
      case .hash: return ""
      case .question: return " "
      }
    }
  }

  /// Which part of the number a digit placeholder belongs to.
  enum DigitRole: Hashable, Sendable {
    case integer, fraction, exponent, numerator, denominator
  }

  /// One date or time field of a format code.
  enum DatePart: Hashable, Sendable {
    case shortYear, longYear
    case month, paddedMonth, monthAbbreviation, monthName, monthInitial
    case day, paddedDay, weekdayAbbreviation, weekdayName
    case hour, paddedHour, minute, paddedMinute, second, paddedSecond
    /// `[h]`, `[mm]`, `[ss]`: the whole duration in one unit, padded to `width` digits.
    case elapsedHours(width: Int)
    case elapsedMinutes(width: Int)
    case elapsedSeconds(width: Int)
    /// `.0`, `.00`, `.000` after seconds.
    case subsecond(digits: Int)
    /// `AM/PM` or `A/P`, with the text to show before and after noon.
    case meridiem(am: String, pm: String)

    /// Fields that need a calendar date (and so a serial in Excel's date range).
    var needsCalendar: Bool {
      switch self {
      case .shortYear, .longYear, .month, .paddedMonth, .monthAbbreviation, .monthName,
        .monthInitial, .day, .paddedDay, .weekdayAbbreviation, .weekdayName:
        return true
      default:
        return false
      }
    }

    var isElapsed: Bool {
      switch self {
      case .elapsedHours, .elapsedMinutes, .elapsedSeconds: return true
      default: return false
      }
    }
  }

  /// One lexical element of a format section.
  enum Token: Hashable, Sendable {
    /// Text shown as is: quoted strings, escapes, `$ - + ( ) :` and `_x` spacing.
    case literal(String)
    case digit(Placeholder, DigitRole)
    /// The decimal point of a number section.
    case point
    /// `,` before its meaning (grouping, ÷1000 scaling or nothing) is known.
    case comma
    /// `E+`, `E-`, `e+`, `e-`: the letter as written and whether `+` is shown.
    case exponentMark(letter: Character, alwaysSign: Bool)
    /// `/` of a fraction.
    case slash
    /// A denominator written as a number, as in `# ?/8`.
    case fixedDenominator(Int)
    /// `%`: shows a percent sign; the value was multiplied by 100.
    case percent
    /// The keyword `General`.
    case general
    /// `@`, the text placeholder.
    case text
    case date(DatePart)
  }

  /// A `[<1000]`-style condition that selects a section.
  struct Condition: Hashable, Sendable {
    enum Comparison: String, Hashable, Sendable {
      case less = "<"
      case lessOrEqual = "<="
      case greater = ">"
      case greaterOrEqual = ">="
      case equal = "="
      case notEqual = "<>"
    }

    var comparison: Comparison
    var operand: Double

    func matches(_ value: Double) -> Bool {
      switch comparison {
      case .less: return value < operand
      case .lessOrEqual: return value <= operand
      case .greater: return value > operand
      case .greaterOrEqual: return value >= operand
      case .equal: return value == operand
      case .notEqual: return value != operand
      }
    }

    /// Whether a negative number shown by this section gets a minus sign.
    ///
    /// Excel leaves the sign out when the condition itself says the number is negative
    /// (`[<0]`, `[<=-25]`, `[=-1]`), and shows it otherwise: observed in Excel and recorded by
    /// the SheetJS and numfmt test suites (`[<=-25]General` shows −26 as "26", while the third,
    /// unconditional section shows −1 as "-1").
    var showsMinus: Bool {
      let impliesNegative =
        (operand < 0 && [.less, .lessOrEqual, .equal].contains(comparison))
        || (operand == 0 && comparison == .less)
      return !impliesNegative
    }

    /// Parses the inside of a bracket such as `<=-25` or `>=1000`.
    init?(_ text: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      for candidate in ["<=", ">=", "<>", "<", ">", "="] where trimmed.hasPrefix(candidate) {
        let number = trimmed.dropFirst(candidate.count).trimmingCharacters(in: .whitespaces)
        guard let comparison = Comparison(rawValue: candidate) else { return nil }
        if number.isEmpty {
          self.init(comparison: comparison, operand: 0)
          return
        }
        guard let operand = Double(number) else { return nil }
        self.init(comparison: comparison, operand: operand)
        return
      }
      return nil
    }

    init(comparison: Comparison, operand: Double) {
      self.comparison = comparison
      self.operand = operand
    }
  }

  /// What a section shows.
  enum SectionKind: Hashable, Sendable {
    case number, fraction, scientific, general, date, text, literal
  }
}
