// TEMPORARY STUB so the engine compiles before the real formatting files land.
// Whoever adds the real NumberText / ExcelDate / NumberFormat: DELETE THIS FILE.
import Foundation

public enum NumberText {
  public static func string(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%.15G", value)
  }
  public static func number(_ text: String) -> Double? {
    Double(text.trimmingCharacters(in: .whitespaces))
  }
}

public enum ExcelDate {
  public static func serial(of date: Date) -> Double {
    (date.timeIntervalSince1970 / 86400).rounded(.down) + 25569
  }
}

public struct NumberFormat: Sendable {
  public let code: String
  public init(_ code: String) { self.code = code }
  public func format(_ value: Double) -> String { NumberText.string(value) }
  public func format(text: String) -> String { text }
}

public enum GeneralFormat {
  public static func display(_ value: Double, width: Int = 11) -> String { NumberText.string(value) }
}

// TEMPORARY (added for DateFunctions; goes away with this file): the ExcelDate API named in the
// briefing, with Excel's 1900 calendar (serial 0 = 1900-01-00, serial 60 = 1900-02-29).
extension ExcelDate {
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) || year == 1900 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
  private static func civilDays(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
  public static func serial(year: Int, month: Int, day: Int) -> Double? {
    guard (1900...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= daysInMonth(year: year, month: month)
    else { return nil }
    if year == 1900 && month <= 2 { return Double((month - 1) * 31 + day) }
    return Double(civilDays(year, month, day) - civilDays(1899, 12, 30))
  }
  public static func components(_ serial: Double) -> (year: Int, month: Int, day: Int)? {
    guard serial >= 0, serial < 2_958_466 else { return nil }
    let n = Int(serial)
    if n == 0 { return (1900, 1, 0) }
    if n <= 31 { return (1900, 1, n) }
    if n <= 60 { return (1900, 2, n - 31) }
    let z = n + civilDays(1899, 12, 30) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
