import Foundation

/// Reads dates and times from text the way Excel's en-US input parser does.
///
/// The text is split into runs of digits, separators (space , - . /) and other characters;
/// the sequence of runs is then matched against the shapes Excel accepts (month/day/year,
/// year-month-day, day-month name-year, month name day, year, …). Years of two digits mean
/// 1930–2029; dates without a year take the current year (UTC); dates before 1900 are not
/// dates. The shapes and limits follow Excel's parser as tabulated by the numfmt project.
enum DateTimeScanner {
  /// The serial number for a date, a date followed by a time, or a time; nil if neither.
  static func value(of text: String) -> Double? {
    let lower = text.lowercased()
    if let date = date(lower) { return date }
    return time(lower)
  }

  private static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// Month number of a month name: its three-letter abbreviation or any longer prefix.
  private static func month(named word: String) -> Int? {
    guard word.count >= 3 else { return nil }
    return monthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
  }

  private enum RunKind { case digits, separator, other }

  private static func kind(of char: Character) -> RunKind {
    if char.isASCII, char.isNumber { return .digits }
    return " ,-./".contains(char) ? .separator : .other
  }

  /// Splits text into maximal runs of one character kind.
  private static func runs(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var currentKind: RunKind?
    for char in text {
      let charKind = kind(of: char)
      if charKind != currentKind, !current.isEmpty {
        result.append(current)
        current = ""
      }
      current.append(char)
      currentKind = charKind
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  private static var currentYear: Int {
    ExcelDate.components(ExcelDate.serial(of: Date()))?.year ?? 2000
  }

  // MARK: Field tests

  private static func isMonthNumber(_ text: String) -> Bool {
    text.count <= 2 && (Int(text).map { (1...12).contains($0) } ?? false)
  }

  private static func isDay(_ text: String, month: Int?, year: Int?) -> Bool {
    guard text.count <= 2, let day = Int(text) else { return false }
    return day >= 1 && day <= ExcelDate.daysInMonth(year: year ?? currentYear, month: month ?? 1)
  }

  /// One or two digits; whether the day exists is checked once the year is known.
  private static func isDayField(_ text: String) -> Bool {
    text.count <= 2 && (Int(text).map { $0 >= 1 } ?? false)
  }

  private static func isLongYear(_ text: String) -> Bool { text.count > 3 && Int(text) != nil }
  private static func isShortYear(_ text: String) -> Bool { text.count <= 2 && Int(text) != nil }
  private static func shortYear(_ text: String) -> Int {
    let value = Int(text) ?? 0
    return value + (value >= 30 ? 1900 : 2000)
  }
  /// " ", "/" or "-", the latter two possibly with spaces around them.
  private static func isSeparator(_ text: String) -> Bool { text == " " || isSlashOrDash(text) }
  private static func isSlashOrDash(_ text: String) -> Bool {
    let core = text.trimmingCharacters(in: .whitespaces)
    return core == "/" || core == "-"
  }
  /// ", " (comma then spaces).
  private static func isCommaSpace(_ text: String) -> Bool {
    text.hasPrefix(",") && text.count > 1 && text.dropFirst().allSatisfy { $0 == " " }
  }
  /// Spaces, optionally after a comma.
  private static func isOptionalCommaSpace(_ text: String) -> Bool {
    isCommaSpace(text) || (!text.isEmpty && text.allSatisfy { $0 == " " })
  }

  /// Serial of a valid calendar date from 1900 on, or nil.
  private static func serial(_ year: Int, _ month: Int, _ day: Int) -> Double? {
    guard year >= 1900, (1...12).contains(month),
      day >= 1, day <= ExcelDate.daysInMonth(year: year, month: month)
    else { return nil }
    return ExcelDate.serial(year: year, month: month, day: day)
  }

  // MARK: Dates

  private static func date(_ text: String) -> Double? {
    var parts = runs(text)
    var timeText = ""
    if parts.count > 5, parts[5].allSatisfy({ $0 == " " }) {
      timeText = parts[6...].joined()
      parts.removeSubrange(5...)
    }
    guard let day = datePart(parts) else { return nil }
    if timeText.isEmpty { return day }
    guard let fraction = time(timeText) else { return nil }
    return day + fraction
  }

  private static func datePart(_ parts: [String]) -> Double? {
    switch parts.count {
    case 5: return fiveRunDate(parts[0], parts[1], parts[2], parts[3], parts[4])
    case 3: return threeRunDate(parts[0], parts[1], parts[2])
    case 2: return twoRunDate(parts[0], parts[1])
    default: return nil
    }
  }

  private static func fiveRunDate(
    _ first: String, _ sep1: String, _ middle: String, _ sep2: String, _ last: String
  ) -> Double? {
    if let month = month(named: first), isDayField(middle) {
      if isOptionalCommaSpace(sep1), isCommaSpace(sep2), isLongYear(last) {
        return serial(Int(last)!, month, Int(middle)!)
      }
      if isCommaSpace(sep1), isCommaSpace(sep2), isShortYear(last) {
        return serial(shortYear(last), month, Int(middle)!)
      }
    }
    if let month = month(named: middle), isSeparator(sep1), isSeparator(sep2), isDayField(first) {
      if isShortYear(last) { return serial(shortYear(last), month, Int(first)!) }
      if isLongYear(last) { return serial(Int(last)!, month, Int(first)!) }
    }
    guard isSlashOrDash(sep1), isSlashOrDash(sep2) else { return nil }
    if isMonthNumber(first), isDayField(middle) {
      if isLongYear(last) { return serial(Int(last)!, Int(first)!, Int(middle)!) }
      if isShortYear(last) { return serial(shortYear(last), Int(first)!, Int(middle)!) }
    }
    if isLongYear(first), isMonthNumber(middle), isDayField(last) {
      return serial(Int(first)!, Int(middle)!, Int(last)!)
    }
    return nil
  }

  private static func threeRunDate(_ first: String, _ sep: String, _ last: String) -> Double? {
    if let month = month(named: last), isSeparator(sep), isDay(first, month: month, year: nil) {
      return serial(currentYear, month, Int(first)!)
    }
    if isMonthNumber(first), isSlashOrDash(sep), let month = Int(first) {
      if isDay(last, month: month, year: nil) { return serial(currentYear, month, Int(last)!) }
      if isShortYear(last) { return serial(shortYear(last), month, 1) }
      if isLongYear(last) { return serial(Int(last)!, month, 1) }
    }
    if let month = month(named: first), isSeparator(sep) {
      if isDay(last, month: month, year: nil) { return serial(currentYear, month, Int(last)!) }
      if isLongYear(last) { return serial(Int(last)!, month, 1) }
      if isShortYear(last) { return serial(shortYear(last), month, 1) }
    }
    if let month = month(named: sep), isDayField(first) {
      if isShortYear(last) { return serial(shortYear(last), month, Int(first)!) }
      if isLongYear(last) { return serial(Int(last)!, month, Int(first)!) }
    }
    return nil
  }

  private static func twoRunDate(_ first: String, _ last: String) -> Double? {
    if let month = month(named: first) {
      if isDay(last, month: month, year: nil) { return serial(currentYear, month, Int(last)!) }
      if isLongYear(last) { return serial(Int(last)!, month, 1) }
      if isShortYear(last) { return serial(shortYear(last), month, 1) }
    }
    if let month = month(named: last), isDay(first, month: month, year: nil) {
      return serial(currentYear, month, Int(first)!)
    }
    return nil
  }

  // MARK: Times

  /// The day fraction of a time such as "12:30", "12:30:45", "1:30 pm", "12 PM", "25:00"
  /// or "5:30.5" (two fields with a decimal fraction are minutes and seconds), or nil.
  ///
  /// Fields have one or two digits; with AM/PM the hour must be 1–12 and minutes and seconds
  /// below 60; without it one field (and only one) may overflow, so "25:00" is 1.0417 and
  /// "0:90" is 0.0625, as in Excel. Fractional seconds count to the millisecond.
  static func time(_ text: String) -> Double? {
    var chars = Substring(text)
    var fields: [Int] = []
    var fraction: Double = 0
    var hasFraction = false
    var trailingColon = false
    while let first = chars.first, first.isASCII, first.isNumber {
      let digits = chars.prefix { $0.isASCII && $0.isNumber }
      guard digits.count <= 2, let field = Int(digits), fields.count < 3 else { return nil }
      fields.append(field)
      chars = chars.dropFirst(digits.count)
      trailingColon = false
      if chars.first == ":" {
        chars = chars.dropFirst()
        trailingColon = true
      } else {
        break
      }
    }
    guard !fields.isEmpty else { return nil }
    if chars.first == ".", !trailingColon, fields.count >= 2 {
      let digits = chars.dropFirst().prefix { $0.isASCII && $0.isNumber }
      guard digits.count <= 10 else { return nil }
      fraction = Double("0." + digits.prefix(3)) ?? 0
      hasFraction = true
      chars = chars.dropFirst(1 + digits.count)
    }
    let marker = chars.filter { $0 != " " }
    let meridiem: Character?
    switch marker {
    case "": meridiem = nil
    case "a", "a.", "am": meridiem = "a"
    case "p", "p.", "pm": meridiem = "p"
    default: return nil
    }
    if hasFraction && meridiem != nil { return nil }
    if fields.count == 1 && meridiem == nil && !trailingColon { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    if hasFraction && fields.count == 2 {
      minute = fields[0]
      second = fields[1]
    } else {
      hour = fields[0]
      minute = fields.count > 1 ? fields[1] : 0
      second = fields.count > 2 ? fields[2] : 0
    }
    return serialTime(hour, minute, second, fraction, meridiem)
  }

  /// Combines time fields with Excel's limits on AM/PM and overflowing fields.
  private static func serialTime(
    _ hour: Int, _ minute: Int, _ second: Int, _ fraction: Double, _ meridiem: Character?
  ) -> Double? {
    var hours = hour
    if let meridiem {
      if hours >= 13 || minute >= 60 || second >= 60 { return nil }
      if meridiem == "a" && hours == 12 { hours = 0 }
      if meridiem == "p" && hours != 12 { hours += 12 }
    }
    let overflowing = [minute >= 60, second >= 60, hours >= 24].filter { $0 }.count
    guard overflowing <= 1 else { return nil }
    let seconds = Double(hours * 3600 + minute * 60 + second) + fraction
    return seconds / 86_400
  }
}
