import SpreadsheetEngine

/// A number typed the way one types it into an Excel cell, with the number format Excel gives
/// the cell for it: `25%` (format `0%`), `12.5%` (`0.00%`), `$1200` (`$#,##0`), `(300)`,
/// `2025-06-30` (`yyyy-mm-dd`), `2025-06-30 18:00` (`yyyy-mm-dd h:mm`), `9:30` (`h:mm`),
/// `9:30:15` (`h:mm:ss`).
///
/// Dates are accepted only year first (ISO 8601 order): `1/2/2025` means January in Excel's
/// en-US input and February in most other locales, and a model file must mean one thing
/// everywhere. Excel shows a typed ISO date in the locale's short date; finmodel keeps the
/// order the author typed. Plain numbers (`-3`, `1.5e6`) keep the General format.
struct TypedNumber: Equatable {
  let value: Double
  /// The number format Excel would give the cell; nil for General.
  let impliedFormat: String?

  /// The typed number in `text`, or nil when it is not one of the shapes above.
  init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard let first = bytes.first else { return nil }
    if bytes.last == UInt8(ascii: "%") {
      guard let value = CellLineParser.parseNumber(text) else { return nil }
      self.init(value: value, impliedFormat: bytes.contains(UInt8(ascii: ".")) ? "0.00%" : "0%")
    } else if let format = Self.dateTimeFormat(bytes) {
      guard let value = NumberText.number(text), value >= 0 else { return nil }
      self.init(value: value, impliedFormat: format)
    } else if [UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: "-"), UInt8(ascii: "+")].contains(first),
      bytes.allSatisfy({ Self.isDigit($0) || Array("$()-+.".utf8).contains($0) }),
      bytes.contains(where: Self.isDigit), let value = NumberText.number(text)
    {
      let currency = bytes.contains(UInt8(ascii: "$"))
      let decimals = bytes.contains(UInt8(ascii: "."))
      self.init(value: value, impliedFormat: currency ? (decimals ? "$#,##0.00" : "$#,##0") : nil)
    } else {
      return nil
    }
  }

  private init(value: Double, impliedFormat: String?) {
    self.value = value
    self.impliedFormat = impliedFormat
  }

  /// Whether `text` has the shape of a date or time, valid or not (`2025-02-30`, `25:61`).
  static func looksLikeDateOrTime(_ text: String) -> Bool { dateTimeFormat(Array(text.utf8)) != nil }

  private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

  /// The format for `yyyy-m-d`, `yyyy-m-d h:mm[:ss]` and `h:mm[:ss]`; nil for any other shape.
  private static func dateTimeFormat(_ bytes: [UInt8]) -> String? {
    let parts = bytes.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      if isDate(parts[0]) { return "yyyy-mm-dd" }
      return timeFormat(parts[0])
    case 2:
      guard isDate(parts[0]), let time = timeFormat(parts[1]) else { return nil }
      return "yyyy-mm-dd " + time
    default:
      return nil
    }
  }

  /// `yyyy-m-d`: four year digits, then one or two digits each for month and day.
  private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
    let fields = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    return fields.count == 3 && fields[0].count == 4 && (1...2).contains(fields[1].count)
      && (1...2).contains(fields[2].count) && fields.allSatisfy { $0.allSatisfy(isDigit) }
  }

  /// `h:mm` or `h:mm:ss` (hours of one or two digits).
  private static func timeFormat(_ bytes: ArraySlice<UInt8>) -> String? {
    let fields = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard (2...3).contains(fields.count), (1...2).contains(fields[0].count),
      fields.dropFirst().allSatisfy({ $0.count == 2 }), fields.allSatisfy({ $0.allSatisfy(isDigit) })
    else { return nil }
    return fields.count == 2 ? "h:mm" : "h:mm:ss"
  }
}
