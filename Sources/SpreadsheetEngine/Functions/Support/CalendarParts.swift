import FormulaSyntax

/// Weekdays, week numbers, DATEDIF, DAYS360 and times of day on Excel serials.
///
/// Everything is computed in Excel's own calendar (serial 0 is Saturday 1900-01-00, serial 60
/// the phantom 1900-02-29), so results for early 1900 dates are Excel's, not the true
/// calendar's.
enum CalendarParts {
  /// WEEKDAY's return type → the weekday (0 = Sunday) that is day 1 of its week, and the
  /// number that day gets (1, or 0 for type 3). nil is #NUM!.
  static func weekday(_ serial: Double, type: Int) -> Int? {
    let day = ExcelDate.weekday(serial)
    switch type {
    case 1: return day + 1
    case 2: return (day + 6) % 7 + 1
    case 3: return (day + 6) % 7
    case 11...17:
      let first = (type - 10) % 7  // 11 Monday … 16 Saturday, 17 Sunday
      return (day - first + 7) % 7 + 1
    default: return nil
    }
  }

  /// WEEKNUM: the week containing 1 January is week 1 and weeks start on the day `type`
  /// names (1/17 Sunday, 2/11 Monday, 12 Tuesday … 16 Saturday); type 21 is the ISO week.
  /// nil is #NUM!.
  static func weekNumber(_ serial: Double, type: Int) throws(ExcelError) -> Int? {
    let firstDay: Int
    switch type {
    case 1, 17: firstDay = 0
    case 2, 11: firstDay = 1
    case 12...16: firstDay = type - 10
    case 21: return try isoWeekNumber(serial)
    default: return nil
    }
    let year = try ExcelCalendar.components(serial).year
    let january1 = yearStart(year)
    let offset = (ExcelDate.weekday(january1) - firstDay + 7) % 7
    let days = Int(serial.rounded(.down) - january1) + offset
    // Serial 0 (1900-01-00) lies before 1 January: week 0, as Excel shows.
    return Int((Double(days) / 7).rounded(.down)) + 1
  }

  /// ISOWEEKNUM: weeks start on Monday and week 1 holds the year's first Thursday.
  static func isoWeekNumber(_ serial: Double) throws(ExcelError) -> Int {
    let day = try ExcelCalendar.serial(serial)
    let mondayBased = Double((ExcelDate.weekday(day) + 6) % 7)
    let thursday = day - mondayBased + 3
    // Serial 0 belongs to 1899's last week (its Thursday is before serial 1).
    let year = thursday < 1 ? 1899 : try ExcelCalendar.components(thursday).year
    return Int((thursday - yearStart(year)) / 7) + 1
  }

  /// The serial of 1 January of `year` (1899 gives -364, for the week before serial 1).
  private static func yearStart(_ year: Int) -> Double {
    if year < 1900 { return 1 - 365 }
    return ExcelDate.serial(year: year, month: 1, day: 1) ?? 1
  }

  /// DATEDIF for validated whole-day serials with `start` ≤ `end`; nil for an unknown unit.
  ///
  /// "MD" keeps Excel's quirk: when the end day is before the start day it counts from the
  /// start day in the month before the end's month, rolled over like DATE does, so
  /// DATEDIF(2015-01-31, 2015-03-01, "MD") is -2.
  static func dateDifference(
    from start: Double, to end: Double, unit: String
  ) throws(ExcelError) -> Double? {
    let first = try ExcelCalendar.components(start)
    let last = try ExcelCalendar.components(end)
    let months = (last.year - first.year) * 12 + last.month - first.month - (last.day < first.day ? 1 : 0)
    switch unit.uppercased() {
    case "Y": return Double(months / 12)
    case "M": return Double(months)
    case "D": return end - start
    case "YM": return Double(months % 12)
    case "MD":
      if last.day >= first.day { return Double(last.day - first.day) }
      guard let anchor = ExcelDate.serial(year: last.year, month: last.month - 1, day: first.day)
      else { throw .number }
      return end - anchor
    case "YD":
      let sameYear = (last.month, last.day) >= (first.month, first.day)
      let year = sameYear ? last.year : last.year - 1
      guard let anchor = ExcelDate.serial(year: year, month: first.month, day: first.day) else {
        throw .number
      }
      return end - anchor
    default: return nil
    }
  }

  /// DAYS360 on whole-day serials. The US (NASD) method moves a start on the 31st or on the
  /// last day of February to the 30th, and an end on the 31st to the 30th only when the start
  /// is then the 30th (else it stays, counting as the 1st of the next month). The European
  /// method moves any 31st to the 30th.
  static func days360(from start: Double, to end: Double, european: Bool) throws(ExcelError) -> Double {
    let first = try ExcelCalendar.components(start)
    let last = try ExcelCalendar.components(end)
    var startDay = first.day
    var endDay = last.day
    if startDay == 31 {
      startDay = 30
    } else if !european, first.month == 2,
      startDay == ExcelDate.daysInMonth(year: first.year, month: 2)
    {
      startDay = 30
    }
    if endDay == 31, european || startDay == 30 { endDay = 30 }
    let years = last.year - first.year
    let months = last.month - first.month
    return Double(years * 360 + months * 30 + endDay - startDay)
  }

  /// Hour, minute and second of a serial's time of day, as the referee computes them: the
  /// seconds are cleaned of binary noise (to the microsecond, never up to a full day), SECOND
  /// rounds a half second up within its minute and MINUTE carries that into the minute, while
  /// HOUR truncates (so 0.99999999 is hour 23, not midnight).
  static func timeOfDay(_ serial: Double) throws(ExcelError) -> (hour: Int, minute: Int, second: Int) {
    guard serial >= 0, serial < ExcelDate.maxSerial + 1 else { throw .number }
    let raw = (serial - serial.rounded(.down)) * 86_400
    var seconds = (raw * 1e6).rounded() / 1e6
    if seconds >= 86_400 { seconds = raw }
    let whole = Int(seconds.rounded(.down))
    let roundsUp = seconds - Double(whole) >= 0.5
    let second = whole % 60
    let minute = whole / 60 % 60
    return (
      whole / 3600, roundsUp && second == 59 ? (minute + 1) % 60 : minute,
      roundsUp ? (second + 1) % 60 : second
    )
  }
}
