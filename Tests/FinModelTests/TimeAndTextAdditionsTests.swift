import FormulaSyntax
import Foundation
import SpreadsheetEngine
import Testing
import WorkbookExport

/// What the golden files cannot show: NOW's volatility (its value changes every run), and
/// that a formula whose text result holds control characters still exports as a readable
/// workbook.
@Suite struct TimeAndTextAdditionsTests {
  static func evaluate(_ formula: String) throws -> CellValue {
    try FinancialFunctionTests.evaluate(formula)
  }

  @Test func nowIsVolatileAndWithinToday() throws {
    #expect(FunctionRegistry.function(named: "NOW")?.isVolatile == true)
    guard case .number(let now) = try Self.evaluate("NOW()"),
      case .number(let today) = try Self.evaluate("TODAY()")
    else {
      Issue.record("NOW() or TODAY() is not a number")
      return
    }
    #expect(now >= today && now < today + 1)
  }

  @Test func controlCharactersInCachedTextKeepTheWorkbookReadable() throws {
    let model = try ModelFixtures.load("[S]\nA1: =\"a\"&CHAR(7)&\"_x0041_\"\n")
    let path = try TestPaths.temporaryDirectory().appendingPathComponent("c.xlsx").path
    try WorkbookExporter.export(model, to: path)
    let cells = try WorkbookPackageReader.cells(of: path, sheet: 1)
    let written = try #require(cells["A1"])
    #expect(written.cached == "a_x0007__x005F_x0041_")
    #expect(WorkbookPackageReader.value(of: written) == .text("a\u{7}_x0041_"))
  }
}
