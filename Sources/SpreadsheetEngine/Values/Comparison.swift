import FormulaSyntax
import Foundation

/// Excel's ordering of values of any type: numbers < text < booleans, text compared without
/// regard to case, an empty cell taking the type of the value it is compared with.
public enum ValueComparison {
  /// -1, 0 or 1; errors are the caller's business (operators propagate them first).
  public static func compare(_ lhs: CellValue, _ rhs: CellValue) -> Int {
    switch (lhs, rhs) {
    case (.empty, .empty): return 0
    case (.empty, .number): return compare(.number(0), rhs)
    case (.number, .empty): return compare(lhs, .number(0))
    case (.empty, .text): return compare(.text(""), rhs)
    case (.text, .empty): return compare(lhs, .text(""))
    case (.empty, .boolean): return compare(.boolean(false), rhs)
    case (.boolean, .empty): return compare(lhs, .boolean(false))
    case (.number(let a), .number(let b)):
      if ApproximateArithmetic.equal(a, b) { return 0 }
      return a < b ? -1 : 1
    case (.text(let a), .text(let b)):
      return compareText(a, b)
    case (.boolean(let a), .boolean(let b)):
      return a == b ? 0 : (a ? 1 : -1)
    default:
      return rank(lhs) < rank(rhs) ? -1 : (rank(lhs) == rank(rhs) ? 0 : 1)
    }
  }

  /// Case-insensitive text order in the spreadsheet's collation: accented letters sort with
  /// their base letter (`"é" < "f"`), punctuation before digits before letters.
  ///
  /// Plain words (ASCII letters, digits and spaces) take a byte-wise fast path, which orders them
  /// exactly as the collation does; anything else goes through the locale collator (ICU), as
  /// LibreOffice's comparison operators do.
  public static func compareText(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    if let order = plainOrder(a, b) { return order }
    switch a.compare(b, options: [.caseInsensitive], range: nil, locale: collationLocale) {
    case .orderedAscending: return -1
    case .orderedSame: return 0
    case .orderedDescending: return 1
    }
  }

  private static let collationLocale = Locale(identifier: "en_US")

  /// Order of two plain ASCII words ignoring case, or nil when either holds other characters.
  private static func plainOrder(_ a: String, _ b: String) -> Int? {
    var left = a.utf8.makeIterator()
    var right = b.utf8.makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return 0
      case (nil, let y?): return isPlain(y) ? -1 : nil
      case (let x?, nil): return isPlain(x) ? 1 : nil
      case (let x?, let y?):
        guard isPlain(x), isPlain(y) else { return nil }
        let p = x | (x >= 65 && x <= 90 ? 0x20 : 0)
        let q = y | (y >= 65 && y <= 90 ? 0x20 : 0)
        if p != q { return p < q ? -1 : 1 }
      }
    }
  }

  @inline(__always)
  private static func isPlain(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 32
  }

  private static func rank(_ value: CellValue) -> Int {
    switch value {
    case .number, .empty: 0
    case .text: 1
    case .boolean: 2
    case .error: 3
    }
  }
}
