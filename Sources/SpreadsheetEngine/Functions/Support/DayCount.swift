import FormulaSyntax

/// Excel's day-count conventions (the `basis` argument of YEARFRAC and the bond functions).
///
/// The rules follow Excel's observed behaviour as reverse-engineered by David A. Wheeler
/// ("YEARFRAC incompatibilities between Excel 2007 and OOXML"), which differs from the published
/// NASD and ISDA definitions in the end-of-February and actual/actual details.
enum DayCount {
  /// 0 US (NASD) 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
  enum Basis: Int {
    case us30360 = 0
    case actualActual
    case actual360
    case actual365
    case european30360
  }

  typealias Date = (year: Int, month: Int, day: Int)

  /// YEARFRAC of two valid whole-day serials, in either order.
  static func yearFraction(
    from startSerial: Double, to endSerial: Double, basis: Basis
  ) throws(ExcelError) -> Double {
    let (first, last) = startSerial <= endSerial ? (startSerial, endSerial) : (endSerial, startSerial)
    if first == last { return 0 }
    let start = try ExcelCalendar.components(first)
    let end = try ExcelCalendar.components(last)
    let days = last - first
    switch basis {
    case .us30360: return Double(us30360Days(start, end)) / 360
    case .actualActual: return days / actualActualYearLength(start, end)
    case .actual360: return days / 360
    case .actual365: return days / 365
    case .european30360:
      let startDay = min(start.day, 30)
      let endDay = min(end.day, 30)
      return Double(thirty360(start, startDay, end, endDay)) / 360
    }
  }

  /// Excel's US 30/360: the 31st rules first, and only when none applies the end-of-February
  /// rules (both dates the last day of February count as the 30th; a start on the last day of
  /// February counts as the 30th).
  private static func us30360Days(_ start: Date, _ end: Date) -> Int {
    var startDay = start.day
    var endDay = end.day
    if startDay == 31 && endDay == 31 {
      startDay = 30
      endDay = 30
    } else if startDay == 31 {
      startDay = 30
    } else if startDay == 30 && endDay == 31 {
      endDay = 30
    } else if start.month == 2 && end.month == 2 && isLastOfFebruary(start)
      && isLastOfFebruary(end)
    {
      startDay = 30
      endDay = 30
    } else if start.month == 2 && isLastOfFebruary(start) {
      startDay = 30
    }
    return thirty360(start, startDay, end, endDay)
  }

  private static func thirty360(_ start: Date, _ startDay: Int, _ end: Date, _ endDay: Int) -> Int {
    (end.year - start.year) * 360 + (end.month - start.month) * 30 + (endDay - startDay)
  }

  private static func isLastOfFebruary(_ date: Date) -> Bool {
    date.month == 2 && date.day == ExcelDate.daysInMonth(year: date.year, month: 2)
  }

  /// Excel's actual/actual year length. Dates at most one year apart (by their year, month
  /// and day) use 366 when the span touches a 29 February (same leap year, a leap start before
  /// March, a leap end from 29 February on) and 365 otherwise; longer spans use the average
  /// length of the calendar years they touch.
  private static func actualActualYearLength(_ start: Date, _ end: Date) -> Double {
    let withinAYear =
      start.year == end.year
      || (start.year + 1 == end.year
        && (start.month > end.month || (start.month == end.month && start.day >= end.day)))
    guard withinAYear else {
      // At most 8,100 years between valid dates.
      let days = (start.year...end.year).reduce(0) { $0 + (ExcelDate.isLeapYear($1) ? 366 : 365) }
      return Double(days) / Double(end.year - start.year + 1)
    }
    if start.year == end.year {
      return ExcelDate.isLeapYear(start.year) ? 366 : 365
    }
    let startBeforeLeapDay = ExcelDate.isLeapYear(start.year) && start.month <= 2
    let endOnOrAfterLeapDay =
      ExcelDate.isLeapYear(end.year) && (end.month > 2 || (end.month == 2 && end.day == 29))
    return startBeforeLeapDay || endOnOrAfterLeapDay ? 366 : 365
  }
}
