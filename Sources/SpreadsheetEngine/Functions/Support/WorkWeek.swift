import FormulaSyntax

/// The working week of NETWORKDAYS, WORKDAY and their .INTL forms: which weekdays are weekend
/// days, and a set of holidays.
///
/// Weekdays follow `ExcelDate.weekday` (0 = Sunday), so before 1 March 1900 they inherit
/// Excel's calendar, phantom 29 February included, as Excel's own results do.
struct WorkWeek {
  /// `isWeekend[d]` for d = 0 (Sunday) … 6 (Saturday).
  let isWeekend: [Bool]
  let holidays: Set<Int>

  /// The weekend argument of the .INTL functions: a number (1–7 two-day weekends starting
  /// Saturday, Sunday, … Friday; 11–17 one day, Sunday … Saturday) or seven characters 0/1
  /// from Monday to Sunday. A bad string is #VALUE! (as Excel documents); a bad number is
  /// #NUM!, except 0, which is #VALUE! (LibreOffice and IronCalc agree on both; Excel's
  /// documentation leaves numbers open).
  static func weekend(_ value: CellValue) throws(ExcelError) -> [Bool] {
    if case .text(let text) = value {
      let marks = Array(text)
      guard marks.count == 7, marks.allSatisfy({ $0 == "0" || $0 == "1" }) else { throw .value }
      // Monday first in the text; Sunday first here.
      return (0..<7).map { marks[($0 + 6) % 7] == "1" }
    }
    let code = try value.asNumber().rounded(.towardZero)
    var weekend = Array(repeating: false, count: 7)
    switch code {
    case 1...7:
      // 1: Saturday and Sunday, 2: Sunday and Monday, … 7: Friday and Saturday.
      let first = (Int(code) + 5) % 7
      weekend[first] = true
      weekend[(first + 1) % 7] = true
    case 11...17:
      weekend[Int(code) - 11] = true
    case 0:
      throw .value
    default:
      throw .number
    }
    return weekend
  }

  /// The holidays argument: every value of a range or array, each a date (truncated); blanks
  /// are skipped, text that is not a date is #VALUE!, errors propagate, bad serials are #NUM!.
  static func holidays(_ view: MatrixView) throws(ExcelError) -> Set<Int> {
    var days = Set<Int>()
    try view.forEachNonEmpty { value throws(ExcelError) in
      days.insert(Int(try ExcelCalendar.serial(try value.asNumber())))
    }
    return days
  }

  func isWorkday(_ serial: Int) -> Bool {
    !isWeekend[ExcelDate.weekday(Double(serial))] && !holidays.contains(serial)
  }

  /// NETWORKDAYS: working days from `start` to `end` inclusive, negative when `end` is earlier.
  func workdays(from start: Int, to end: Int) -> Int {
    if start > end { return -workdays(from: end, to: start) }
    let perWeek = isWeekend.filter { !$0 }.count
    let total = end - start + 1
    var count = total / 7 * perWeek
    var day = start + total / 7 * 7
    while day <= end {
      if !isWeekend[ExcelDate.weekday(Double(day))] { count += 1 }
      day += 1
    }
    for holiday in holidays where holiday >= start && holiday <= end {
      if !isWeekend[ExcelDate.weekday(Double(holiday))] { count -= 1 }
    }
    return count
  }

  /// WORKDAY: the date `days` working days after (or before) `start`; `start` itself is
  /// returned for 0 days. #NUM! when the result leaves Excel's dates.
  func adding(_ days: Int, to start: Int) throws(ExcelError) -> Int {
    guard isWeekend.contains(false) else { throw .value }
    var day = start
    var remaining = abs(days)
    let step = days < 0 ? -1 : 1
    while remaining > 0 {
      day += step
      guard day >= 0, Double(day) <= ExcelDate.maxSerial else { throw .number }
      if isWorkday(day) { remaining -= 1 }
    }
    return day
  }
}
