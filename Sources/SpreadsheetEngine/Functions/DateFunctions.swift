import FormulaSyntax

/// Date functions on Excel's 1900 date system (serial 1 is 1900-01-01, serial 60 the phantom
/// 1900-02-29, serial 0 reads as 1900-01-00, the last date is 9999-12-31 = 2958465).
///
/// Date arguments go through the ordinary number coercion, so date text such as "2024-01-31" is
/// accepted, and are truncated to whole days; a serial outside 0…2958465 is #NUM!.
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
  ]
}
