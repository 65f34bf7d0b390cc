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
