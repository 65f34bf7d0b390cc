import Foundation
import SpreadsheetEngine
import Testing

/// docs/functions.md lists exactly the functions the registry holds, family by family.
/// `FINMODEL_RECORD_GOLDENS=1` rewrites it from the registry (and fails, so the change is seen).
@Suite struct FunctionListTests {
  static var path: URL { TestPaths.repository.appendingPathComponent("docs/functions.md") }

  static func expectedText() -> String {
    var lines = [
      "# Functions",
      "",
      "Every function finmodel evaluates, by family (\(FunctionRegistry.all.count) in all). Each is",
      "pinned down by golden cases in `Tests/FinModelTests/Golden/functions/`, whose expected values",
      "come from LibreOffice (or Excel's documentation where LibreOffice differs). Names marked * are",
      "written with the `_xlfn.` prefix in exported workbooks, as Excel stores functions newer than",
      "Excel 2007.",
      "Generated from the registry: `FINMODEL_RECORD_GOLDENS=1 swift test --filter FunctionListTests`.",
    ]
    for family in FunctionRegistry.families {
      lines += ["", "## \(family.name) (\(family.functions.count))", ""]
      let names = family.functions.sorted { $0.name < $1.name }
        .map { "`\($0.name)`" + ($0.needsFuturePrefix ? "*" : "") }
      lines.append(names.joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func theDocumentedListIsTheRegistry() throws {
    let expected = Self.expectedText()
    if ProcessInfo.processInfo.environment["FINMODEL_RECORD_GOLDENS"] == "1" {
      try Data(expected.utf8).write(to: Self.path)
      Issue.record("docs/functions.md rewritten from the registry; review and commit it")
      return
    }
    let written = try String(contentsOf: Self.path, encoding: .utf8)
    #expect(written == expected, "docs/functions.md is out of date: FINMODEL_RECORD_GOLDENS=1 rewrites it")
  }
}
