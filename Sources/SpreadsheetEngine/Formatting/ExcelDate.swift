import Foundation

/// Serial numbers of Excel's 1900 date system.
///
/// Serial 1 is 1 Jan 1900 and the fraction is the time of day. Excel (copying Lotus 1-2-3)
/// believes 1900 was a leap year, so serial 60 is the fictitious 29 Feb 1900 and every serial
/// from 61 (1 Mar 1900) on is one more than a true day count from 31 Dec 1899 would give.
/// Serial 0 is shown as "0 Jan 1900". LibreOffice counts from 30 Dec 1899 instead and so
/// disagrees with Excel for serials below 61; we follow Excel.
public enum ExcelDate {
  /// The largest serial Excel accepts: 31 Dec 9999.
  public static let maxSerial: Double = 2_958_465

  /// Day number of a proleptic Gregorian date, counted from 1 Mar 0000 (days-from-civil).
  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let monthIndex = (month + 9) % 12
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra
  }

  /// The Gregorian date of a day number made by `dayNumber` (civil-from-days).
  static func civilDate(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
    let era = (dayNumber >= 0 ? dayNumber : dayNumber - 146_096) / 146_097
    let dayOfEra = dayNumber - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// Day number of 31 Dec 1899, the day before serial 1.
  private static let epochBeforeLeapBug = dayNumber(year: 1899, month: 12, day: 31)
  /// Day number that serials from 61 on count from (30 Dec 1899), absorbing the fake 29 Feb.
  private static let epochAfterLeapBug = dayNumber(year: 1899, month: 12, day: 30)

  /// Serial of a real calendar date (no overflow), following Excel's 1900 leap-year bug.
  private static func serialOfCalendarDate(year: Int, month: Int, day: Int) -> Int {
    let number = dayNumber(year: year, month: month, day: day)
    if year < 1900 || (year == 1900 && month <= 2) {
      return number - epochBeforeLeapBug
    }
    return number - epochAfterLeapBug
  }

  /// The serial number that Excel's `DATE(year, month, day)` returns, or nil where it is #NUM!.
  ///
  /// Years 0–1899 mean 1900–3799; months and days outside their range roll over into the
  /// neighbouring years and months (`DATE(2024,14,1)` is 1 Feb 2025, `DATE(2024,1,0)` is
  /// 31 Dec 2023). The day offset is added to the first of the month in Excel's calendar, so
  /// `DATE(1900,3,0)` is serial 60, the fictitious 29 Feb 1900, as in Excel.
  public static func serial(year: Int, month: Int, day: Int) -> Double? {
    guard year >= 0, year <= 9999 else { return nil }
    let fullYear = year < 1900 ? year + 1900 : year
    let totalMonths = fullYear * 12 + (month - 1)
    let normalizedYear = Int((Double(totalMonths) / 12).rounded(.down))
    let normalizedMonth = totalMonths - normalizedYear * 12 + 1
    guard normalizedYear >= 1800, normalizedYear <= 9999 else { return nil }
    let first = serialOfCalendarDate(year: normalizedYear, month: normalizedMonth, day: 1)
    let (serial, overflow) = first.addingReportingOverflow(day - 1)
    guard !overflow, serial >= 0, Double(serial) <= maxSerial else { return nil }
    return Double(serial)
  }

  /// The calendar date of a serial (its fraction is ignored), or nil outside 0...2958465.
  ///
  /// Serial 0 gives (1900, 1, 0) and serial 60 gives (1900, 2, 29), the dates Excel shows.
  public static func components(_ serial: Double) -> (year: Int, month: Int, day: Int)? {
    guard serial.isFinite, serial >= 0, serial < maxSerial + 1 else { return nil }
    let whole = Int(serial.rounded(.down))
    switch whole {
    case 0: return (1900, 1, 0)
    case 60: return (1900, 2, 29)
    case ..<60: return civilDate(dayNumber: whole + epochBeforeLeapBug)
    default: return civilDate(dayNumber: whole + epochAfterLeapBug)
    }
  }

  /// The serial of the day containing an instant, in UTC: what TODAY returns.
  ///
  /// Excel's TODAY and NOW use the computer's local time zone; a model evaluated on a server
  /// should give the same date wherever the machine is, so we use UTC.
  public static func serial(of date: Date) -> Double {
    dateTimeSerial(of: date).rounded(.down)
  }

  /// The serial of an instant in UTC with the time of day as the fraction: what NOW returns.
  public static func dateTimeSerial(of date: Date) -> Double {
    date.timeIntervalSince1970 / 86_400 + 25_569
  }

  /// Day of the week as 0 = Sunday … 6 = Saturday, Excel-style (serial 1 is a Sunday).
  ///
  /// Excel's calendar is off by one before 1 Mar 1900, and so is this, deliberately.
  public static func weekday(_ serial: Double) -> Int {
    let whole = Int(serial.rounded(.down))
    return ((whole % 7) + 13) % 7
  }

  /// Whether `year` has a 29 February in Excel's calendar (which includes 1900).
  public static func isLeapYear(_ year: Int) -> Bool {
    year == 1900 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
  }

  /// Days in a month of Excel's calendar (February 1900 has 29); 0 for an invalid month.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeapYear(year) ? 29 : 28
    default: return 0
    }
  }

  /// The time of day of a serial, rounded to the nearest whole second as Excel's HOUR,
  /// MINUTE and SECOND do (a time of 0.6 s reads as second 1). Nil for a negative serial.
  public static func timeOfDay(_ serial: Double) -> (hour: Int, minute: Int, second: Int)? {
    guard serial.isFinite, serial >= 0 else { return nil }
    let fraction = serial - serial.rounded(.down)
    // Round to microseconds first so binary noise (…59.9999999) cannot decide the second.
    let micro = (fraction * 86_400_000_000).rounded()
    let seconds = Int(((micro / 1_000_000) + 0.5).rounded(.down)) % 86_400
    return (seconds / 3600, seconds / 60 % 60, seconds % 60)
  }

  /// Hour (0–23) of a serial, as Excel's HOUR returns it.
  public static func hour(_ serial: Double) -> Int? { timeOfDay(serial)?.hour }

  /// Minute (0–59) of a serial, as Excel's MINUTE returns it.
  public static func minute(_ serial: Double) -> Int? { timeOfDay(serial)?.minute }

  /// Second (0–59) of a serial, as Excel's SECOND returns it.
  public static func second(_ serial: Double) -> Int? { timeOfDay(serial)?.second }

  /// The day fraction of a time, like Excel's TIME (which wraps at 24 hours), or nil if the
  /// total is negative.
  public static func time(hour: Int, minute: Int, second: Int) -> Double? {
    let total = hour * 3600 + minute * 60 + second
    guard total >= 0 else { return nil }
    return Double(total % 86_400) / 86_400
  }
}
