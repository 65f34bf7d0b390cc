import FormulaSyntax

/// Date arguments of the date functions: validation and month arithmetic on Excel serials, on
/// top of `ExcelDate`'s conversions (which keep Excel's phantom 1900-02-29 and serial 0 as
/// 1900-01-00).
///
/// Serials run from 0 to 2958465 (9999-12-31); a date argument outside that range is #NUM!.
enum ExcelCalendar {
  /// A date argument: checked to be a serial Excel can show and truncated to a whole day.
  static func serial(_ number: Double) throws(ExcelError) -> Double {
    guard number >= 0, number < ExcelDate.maxSerial + 1 else { throw .number }
    return number.rounded(.down)
  }

  /// Year, month and day of a date argument (serial 0 is 1900-01-00, 60 is 1900-02-29).
  static func components(_ number: Double) throws(ExcelError) -> (year: Int, month: Int, day: Int) {
    guard let parts = ExcelDate.components(try serial(number)) else { throw .number }
    return parts
  }

  /// EDATE / EOMONTH: the date `months` after `start`, on the same day clamped to the length of
  /// the target month (29 February 1900 exists in Excel's calendar), or on its last day.
  static func addingMonths(
    _ months: Int, to start: Double, endOfMonth: Bool
  ) throws(ExcelError) -> Double {
    let (year, month, day) = try components(start)
    let (total, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
    guard !overflow else { throw .number }
    let remainder = ((total % 12) + 12) % 12
    let targetYear = (total - remainder) / 12
    let targetMonth = remainder + 1
    guard targetYear >= 1900, targetYear <= 9999 else { throw .number }
    let length = ExcelDate.daysInMonth(year: targetYear, month: targetMonth)
    let targetDay = endOfMonth ? length : min(day, length)
    // Day 0 (from serial 0) is the last day of the month before, as ExcelDate rolls it over.
    guard let result = ExcelDate.serial(year: targetYear, month: targetMonth, day: targetDay) else {
      throw .number
    }
    return result
  }
}
