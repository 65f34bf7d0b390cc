import Foundation

/// A model that uses every supported function: the fixture sheet of the function goldens plus
/// every golden case on which LibreOffice and Excel agree.
///
/// Cases marked `excel-differs` or `ironcalc` are the documented exceptions: LibreOffice cannot
/// referee them, so they are left out here and checked by the golden tests instead.
enum ConformanceModel {
  static var goldenDirectory: URL {
    TestPaths.repository.appendingPathComponent("Tests/FinModelTests/Golden/functions")
  }

  static func text() throws -> String {
    var lines = ["property title = \"finmodel conformance: every supported function\"", "[Data]"]
    let data = try String(contentsOf: goldenDirectory.appendingPathComponent("data.tsv"), encoding: .utf8)
    for line in data.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
      guard fields.count == 2, let content = content(fields[1]) else { continue }
      lines.append("\(fields[0]): \(content)")
    }
    lines.append("[Cases]")
    var row = 1
    let families = try FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)
      .filter { $0.hasSuffix(".tsv") && $0 != "data.tsv" }.sorted()
    for family in families {
      let cases = try String(contentsOf: goldenDirectory.appendingPathComponent(family), encoding: .utf8)
      for line in cases.split(separator: "\n") where !line.hasPrefix("#") {
        let fields = line.split(separator: "\t").map(String.init)
        guard fields.count == 2, fields[0].hasPrefix("=") else { continue }
        // ROW()/COLUMN() cases depend on where the golden runner places them.
        let upper = fields[0].uppercased()
        if upper.contains("ROW()") || upper.contains("COLUMN()") { continue }
        // LibreOffice 7.4 reads the stored `_xlfn.NETWORKDAYS.INTL` and `_xlfn.WORKDAY.INTL`
        // (Excel's form, which the export writes) as #NAME?; their goldens check them instead.
        if upper.contains("DAYS.INTL(") || upper.contains("WORKDAY.INTL(") { continue }
        lines.append("B\(row): \(fields[0])")
        row += 1
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A typed golden value as model content; nil for text the format cannot hold on one line.
  static func content(_ typed: String) -> String? {
    let value = String(typed.dropFirst(2))
    switch typed.prefix(2) {
    case "n:": return value
    case "b:": return value
    case "f:": return value
    case "s:":
      guard !value.contains("\\") else { return nil }
      return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    default: return nil
    }
  }
}
