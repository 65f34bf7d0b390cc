import Foundation

extension NumberFormat {
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
  static let weekdayNames = [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  ]

  /// A serial shown with date and time fields, or nil outside Excel's date range.
  ///
  /// The time is rounded to the smallest unit shown: whole seconds, or tenths to thousandths
  /// with `ss.0`…`ss.000` (so 12:00:59.6 in `h:mm` is "12:01", since the seconds round up
  /// first). This is Excel's behaviour; LibreOffice truncates instead in some cases.
  /// Formats made only of elapsed fields (`[h]:mm`) also accept negative values.
  func renderDate(_ value: Double, _ section: Section) -> String? {
    let parts = section.tokens.compactMap { token -> DatePart? in
      if case .date(let part) = token { return part }
      return nil
    }
    let elapsedOnly = parts.contains { $0.isElapsed } && !parts.contains { $0.needsCalendar }
    if value < 0 && !elapsedOnly { return nil }
    let magnitude = abs(value)
    var day = magnitude.rounded(.down)
    let fraction = magnitude - day
    let microsPerTick = Int64([1_000_000, 100_000, 10_000, 1_000][section.subsecondDigits])
    let micros = Int64((fraction * 86_400_000_000).rounded())
    var ticks = (micros + microsPerTick / 2) / microsPerTick
    if ticks * microsPerTick >= 86_400_000_000 {
      day += 1
      ticks = 0
    }
    guard day <= ExcelDate.maxSerial else { return nil }
    let microsOfDay = ticks * microsPerTick
    let secondsOfDay = Int(microsOfDay / 1_000_000)
    let subsecondTicks = Int((microsOfDay % 1_000_000) / microsPerTick)
    let calendar = ExcelDate.components(day) ?? (1900, 1, 0)
    let clock = DateClock(
      day: Int(day), secondsOfDay: secondsOfDay, subsecondTicks: subsecondTicks,
      subsecondDigits: section.subsecondDigits, calendar: calendar)
    var output = value < 0 ? "-" : ""
    for token in section.tokens {
      switch token {
      case .literal(let text): output += text
      case .date(let part): output += clock.text(part, twelveHour: section.twelveHour)
      default: break
      }
    }
    return output
  }

  /// A rounded serial split into the fields a format can show.
  struct DateClock {
    var day: Int
    var secondsOfDay: Int
    var subsecondTicks: Int
    var subsecondDigits: Int
    var calendar: (year: Int, month: Int, day: Int)

    var hour: Int { secondsOfDay / 3600 }

    func text(_ part: DatePart, twelveHour: Bool) -> String {
      let (year, month, dayOfMonth) = calendar
      switch part {
      case .shortYear: return Self.pad(year % 100, 2)
      case .longYear: return Self.pad(year, 4)
      case .month: return String(month)
      case .paddedMonth: return Self.pad(month, 2)
      case .monthAbbreviation: return String(NumberFormat.monthNames[month - 1].prefix(3))
      case .monthName: return NumberFormat.monthNames[month - 1]
      case .monthInitial: return String(NumberFormat.monthNames[month - 1].prefix(1))
      case .day: return String(dayOfMonth)
      case .paddedDay: return Self.pad(dayOfMonth, 2)
      case .weekdayAbbreviation:
        return String(NumberFormat.weekdayNames[ExcelDate.weekday(Double(day))].prefix(3))
      case .weekdayName: return NumberFormat.weekdayNames[ExcelDate.weekday(Double(day))]
      case .hour: return String(clockHour(twelveHour))
      case .paddedHour: return Self.pad(clockHour(twelveHour), 2)
      case .minute: return String(secondsOfDay / 60 % 60)
      case .paddedMinute: return Self.pad(secondsOfDay / 60 % 60, 2)
      case .second: return String(secondsOfDay % 60)
      case .paddedSecond: return Self.pad(secondsOfDay % 60, 2)
      case .elapsedHours(let width): return Self.pad(day * 24 + hour, width)
      case .elapsedMinutes(let width): return Self.pad(day * 1440 + secondsOfDay / 60, width)
      case .elapsedSeconds(let width): return Self.pad(day * 86_400 + secondsOfDay, width)
      case .subsecond(let digits):
        let text = Self.pad(subsecondTicks, subsecondDigits)
        return "." + String((text + "000").prefix(digits))
      case .meridiem(let am, let pm): return hour < 12 ? am : pm
      }
    }

    private func clockHour(_ twelveHour: Bool) -> Int {
      guard twelveHour else { return hour }
      let value = hour % 12
      return value == 0 ? 12 : value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
  }
}
