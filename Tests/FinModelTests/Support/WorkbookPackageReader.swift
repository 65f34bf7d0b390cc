import FormulaSyntax
import Foundation
import SpreadsheetEngine

/// Reads the cells of a written .xlsx back from its sheet XML (via `unzip -p`), as a reader that
/// never recalculates (a previewer, openpyxl) would see them.
enum WorkbookPackageReader {
  struct Cell {
    var type: String?
    var formula: String?
    var cached: String?
  }

  /// The cells of the `index`-th sheet (1-based), keyed by A1 address.
  static func cells(of path: String, sheet index: Int) throws -> [String: Cell] {
    let entry = "xl/worksheets/sheet\(index).xml"
    let xml = try ProcessRunner.run("/usr/bin/unzip", ["-p", path, entry]).stdout
    var cells: [String: Cell] = [:]
    let dotAll: NSRegularExpression.Options = [.dotMatchesLineSeparators]
    let pattern = try NSRegularExpression(
      pattern: #"<c r="([A-Z]+[0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#, options: dotAll)
    let formulaPattern = try NSRegularExpression(pattern: #"<f[^>]*>(.*?)</f>"#, options: dotAll)
    let valuePattern = try NSRegularExpression(pattern: #"<v>(.*?)</v>"#, options: dotAll)
    let typePattern = try NSRegularExpression(pattern: #"\bt="([a-z]+)""#)
    let text = xml as NSString
    for match in pattern.matches(in: xml, range: NSRange(location: 0, length: text.length)) {
      let address = text.substring(with: match.range(at: 1))
      let attributes = text.substring(with: match.range(at: 2))
      let bodyRange = match.range(at: 3)
      let body = bodyRange.location == NSNotFound ? "" : text.substring(with: bodyRange)
      cells[address] = Cell(
        type: first(typePattern, in: attributes), formula: first(formulaPattern, in: body).map(unescape),
        cached: first(valuePattern, in: body).map(unescape))
    }
    return cells
  }

  private static func first(_ regex: NSRegularExpression, in text: String) -> String? {
    let ns = text as NSString
    guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else {
      return nil
    }
    return ns.substring(with: match.range(at: 1))
  }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// The engine value a cached formula result stands for.
  static func value(of cell: Cell) -> CellValue? {
    guard let cached = cell.cached else { return nil }
    switch cell.type {
    case "str": return .text(decodedXString(cached))
    case "b": return .boolean(cached == "1")
    case "e": return ExcelErrorLiteral.value(cached)
    default: return Double(cached).map(CellValue.number)
    }
  }
}

/// Undoes OOXML's `_xHHHH_` escaping of characters XML cannot carry (`_x0001_` is U+0001).
func decodedXString(_ text: String) -> String {
  guard text.contains("_x") else { return text }
  var scalars = Array(text.unicodeScalars)[...]
  var result = String.UnicodeScalarView()
  while let first = scalars.first {
    if first == "_", scalars.count >= 7, scalars[scalars.startIndex + 1] == "x",
      scalars[scalars.startIndex + 6] == "_",
      let value = UInt32(String(String.UnicodeScalarView(scalars.dropFirst(2).prefix(4))), radix: 16),
      let decoded = Unicode.Scalar(value)
    {
      result.append(decoded)
      scalars = scalars.dropFirst(7)
    } else {
      result.append(first)
      scalars = scalars.dropFirst()
    }
  }
  return String(result)
}

enum ExcelErrorLiteral {
  static func value(_ literal: String) -> CellValue? {
    ExcelError(literal: literal).map(CellValue.error)
  }
}
