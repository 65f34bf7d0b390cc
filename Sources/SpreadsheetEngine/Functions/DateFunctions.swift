import FormulaSyntax

/// Date functions on Excel's 1900 date system (serial 1 is 1900-01-01, serial 60 the phantom
/// 1900-02-29, serial 0 reads as 1900-01-00, the last date is 9999-12-31 = 2958465).
///
/// Date arguments go through the ordinary number coercion, so date text such as "2024-01-31" is
/// accepted, and are truncated to whole days; a serial outside 0…2958465 is #NUM!. Times are
/// the fraction of a day (HOUR, TIME…); TODAY and NOW are fixed for one recalculation.
enum DateFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec("DATE", arguments: 3...3) { args throws(ExcelError) in
      // Years 0–1899 mean 1900–3799 (DATE(24,1,1) is 1924); months and days roll over.
      let (year, month, day) = (try args.integer(0), try args.integer(1), try args.integer(2))
      guard let serial = ExcelDate.serial(year: year, month: month, day: day) else { throw .number }
      return .number(serial)
    },
    FunctionSpec("YEAR", arguments: 1...1) { args throws(ExcelError) in
      .number(Double(try ExcelCalendar.components(try args.number(0)).year))
    },
    FunctionSpec("MONTH", arguments: 1...1) { args throws(ExcelError) in
      .number(Double(try ExcelCalendar.components(try args.number(0)).month))
    },
    FunctionSpec("DAY", arguments: 1...1) { args throws(ExcelError) in
      .number(Double(try ExcelCalendar.components(try args.number(0)).day))
    },
    FunctionSpec("EDATE", arguments: 2...2) { args throws(ExcelError) in
      let start = try args.number(0)
      let months = try args.integer(1)
      return .number(try ExcelCalendar.addingMonths(months, to: start, endOfMonth: false))
    },
    FunctionSpec("EOMONTH", arguments: 2...2) { args throws(ExcelError) in
      let start = try args.number(0)
      let months = try args.integer(1)
      return .number(try ExcelCalendar.addingMonths(months, to: start, endOfMonth: true))
    },
    FunctionSpec("DAYS", arguments: 2...2, futurePrefix: true) { args throws(ExcelError) in
      let end = try args.number(0)
      let start = try args.number(1)
      return .number(try ExcelCalendar.serial(end) - ExcelCalendar.serial(start))
    },
    FunctionSpec("YEARFRAC", arguments: 2...3) { args throws(ExcelError) in
      let start = try ExcelCalendar.serial(try args.number(0))
      let end = try ExcelCalendar.serial(try args.number(1))
      let code = try args.isMissing(2) ? 0 : args.integer(2)
      guard let basis = DayCount.Basis(rawValue: code) else { throw .number }
      return .number(try DayCount.yearFraction(from: start, to: end, basis: basis))
    },
    FunctionSpec("TODAY", arguments: 0...0, volatile: true) { args throws(ExcelError) in
      .number(args.context.today)
    },
    FunctionSpec("NOW", arguments: 0...0, volatile: true) { args throws(ExcelError) in
      .number(args.context.now)
    },
    // Return types 1 (Sunday 1 … Saturday 7), 2 (Monday 1 … Sunday 7), 3 (Monday 0 … Sunday 6)
    // and 11–17 (the week starts Monday … Sunday, numbered from 1).
    FunctionSpec("WEEKDAY", arguments: 1...2) { args throws(ExcelError) in
      let serial = try ExcelCalendar.serial(try args.number(0))
      let type = try args.isMissing(1) ? 1 : args.integer(1)
      guard let day = CalendarParts.weekday(serial, type: type) else { throw .number }
      return .number(Double(day))
    },
    FunctionSpec("WEEKNUM", arguments: 1...2) { args throws(ExcelError) in
      let serial = try ExcelCalendar.serial(try args.number(0))
      let type = try args.isMissing(1) ? 1 : args.integer(1)
      guard let week = try CalendarParts.weekNumber(serial, type: type) else { throw .number }
      return .number(Double(week))
    },
    FunctionSpec("ISOWEEKNUM", arguments: 1...1, futurePrefix: true) { args throws(ExcelError) in
      .number(Double(try CalendarParts.isoWeekNumber(try args.number(0))))
    },
    FunctionSpec("NETWORKDAYS", arguments: 2...3, parameters: [.value, .value, .reference]) {
      args throws(ExcelError) in
      let (start, end) = (try args.day(0), try args.day(1))
      let week = WorkWeek(
        isWeekend: try WorkWeek.weekend(.number(1)), holidays: try WorkWeek.holidays(args.matrix(2)))
      return .number(Double(week.workdays(from: start, to: end)))
    },
    // Excel 2010: the file format stores it as _xlfn.NETWORKDAYS.INTL.
    FunctionSpec(
      "NETWORKDAYS.INTL", arguments: 2...4, parameters: [.value, .value, .value, .reference],
      futurePrefix: true
    ) { args throws(ExcelError) in
      let (start, end) = (try args.day(0), try args.day(1))
      let week = WorkWeek(
        isWeekend: try args.weekend(2), holidays: try WorkWeek.holidays(args.matrix(3)))
      return .number(Double(week.workdays(from: start, to: end)))
    },
    FunctionSpec("WORKDAY", arguments: 2...3, parameters: [.value, .value, .reference]) {
      args throws(ExcelError) in
      let (start, days) = (try args.day(0), try args.integer(1))
      let week = WorkWeek(
        isWeekend: try WorkWeek.weekend(.number(1)), holidays: try WorkWeek.holidays(args.matrix(2)))
      return .number(Double(try week.adding(days, to: start)))
    },
    // Excel 2010: the file format stores it as _xlfn.WORKDAY.INTL.
    FunctionSpec(
      "WORKDAY.INTL", arguments: 2...4, parameters: [.value, .value, .value, .reference],
      futurePrefix: true
    ) { args throws(ExcelError) in
      let (start, days) = (try args.day(0), try args.integer(1))
      let week = WorkWeek(
        isWeekend: try args.weekend(2), holidays: try WorkWeek.holidays(args.matrix(3)))
      return .number(Double(try week.adding(days, to: start)))
    },
    // Units Y, M, D, YM, YD, MD (any case); a start after the end is #NUM!.
    FunctionSpec("DATEDIF", arguments: 3...3) { args throws(ExcelError) in
      let start = try ExcelCalendar.serial(try args.number(0))
      let end = try ExcelCalendar.serial(try args.number(1))
      let unit = try args.text(2)
      guard start <= end,
        let difference = try CalendarParts.dateDifference(from: start, to: end, unit: unit)
      else { throw .number }
      return .number(difference)
    },
    // Method FALSE (default) is the US (NASD) method, TRUE the European one.
    FunctionSpec("DAYS360", arguments: 2...3) { args throws(ExcelError) in
      let start = try ExcelCalendar.serial(try args.number(0))
      let end = try ExcelCalendar.serial(try args.number(1))
      let european = try args.boolean(2, default: false)
      return .number(try CalendarParts.days360(from: start, to: end, european: european))
    },
    // Only text is read (a number is #VALUE!, as in Excel); a time in the text is ignored.
    FunctionSpec("DATEVALUE", arguments: 1...1) { args throws(ExcelError) in
      .number(try args.dateTimeText(0).rounded(.down))
    },
    // Only text is read; the date part of the text is ignored.
    FunctionSpec("TIMEVALUE", arguments: 1...1) { args throws(ExcelError) in
      let serial = try args.dateTimeText(0)
      return .number(serial - serial.rounded(.down))
    },
    // Each part truncated, at most 32767; the total wraps at 24 hours and may not be negative.
    FunctionSpec("TIME", arguments: 3...3) { args throws(ExcelError) in
      let parts = [try args.integer(0), try args.integer(1), try args.integer(2)]
      guard parts.allSatisfy({ $0 <= 32_767 }) else { throw .number }
      let seconds = parts[0] * 3600 + parts[1] * 60 + parts[2]
      guard seconds >= 0 else { throw .number }
      return .number(Double(seconds % 86_400) / 86_400)
    },
    FunctionSpec("HOUR", arguments: 1...1) { args throws(ExcelError) in
      .number(Double(try CalendarParts.timeOfDay(try args.number(0)).hour))
    },
    FunctionSpec("MINUTE", arguments: 1...1) { args throws(ExcelError) in
      .number(Double(try CalendarParts.timeOfDay(try args.number(0)).minute))
    },
    FunctionSpec("SECOND", arguments: 1...1) { args throws(ExcelError) in
      .number(Double(try CalendarParts.timeOfDay(try args.number(0)).second))
    },
  ]
}

extension Arguments {
  /// A date argument as a whole-day serial (#NUM! outside Excel's dates).
  fileprivate func day(_ index: Int) throws(ExcelError) -> Int {
    Int(try ExcelCalendar.serial(try number(index)))
  }

  /// The weekend argument of the .INTL functions; omitted means Saturday and Sunday.
  fileprivate func weekend(_ index: Int) throws(ExcelError) -> [Bool] {
    try WorkWeek.weekend(isMissing(index) ? .number(1) : value(index))
  }

  /// DATEVALUE's and TIMEVALUE's text argument read as a date and/or time.
  fileprivate func dateTimeText(_ index: Int) throws(ExcelError) -> Double {
    guard case .text(let text) = value(index) else { throw .value }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let serial = DateTimeScanner.value(of: trimmed), serial >= 0,
      serial < ExcelDate.maxSerial + 1
    else { throw .value }
    return serial
  }
}
