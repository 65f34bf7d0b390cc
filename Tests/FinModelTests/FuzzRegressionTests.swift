import FormulaSyntax
import Foundation
import ModelFormat
import SpreadsheetEngine
import Testing
import WorkbookExport

/// One named test per crash, hang or wrong answer the fuzz run (and the probing around it)
/// found. The inputs that came from the fuzzer are also in `Golden/fuzz-corpus/regression-*`,
/// so the oracle runs them on every test run too.
@Suite struct FuzzRegressionTests {
  /// Loads and recalculates, returning the diagnostics' messages (empty when the model loads).
  private func messages(_ text: String) -> [String] {
    ModelFixtures.diagnostics(text).map(\.message)
  }

  private func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let start = ContinuousClock.now
    let result = try body()
    return (result, ContinuousClock.now - start)
  }

  @Test func aFourThousandTermChainIsAnErrorNotAStackOverflow() {
    // Crashed binding: one recursion per '+' (about 2 KB of stack each in a debug build).
    for op in ["+", "^", "&"] {
      let formula = Array(repeating: "1", count: 4_000).joined(separator: op)
      #expect(messages("[S]\nA1: =\(formula)\n").contains { $0.contains("more than 1024 levels") })
    }
    #expect(
      messages("[S]\nA1: =1" + String(repeating: "%", count: 8_000) + "\n").contains {
        $0.contains("more than 1024 levels")
      })
  }

  @Test func aChainJustUnderTheHeightLimitEvaluates() throws {
    let model = try ModelFixtures.load(
      "[S]\nB1: 2\nA1: =" + Array(repeating: "B1", count: 1_000).joined(separator: "+") + "\n")
    #expect(model.value("S!A1") == .number(2_000))
  }

  @Test func namesThatDoubleAtEachLevelAreBounded() {
    // nm_39 expands to 2^40 nodes: binding never finished.
    let names = ["name nm_0 = 1"] + (1..<40).map { "name nm_\($0) = nm_\($0 - 1)+nm_\($0 - 1)" }
    let (found, elapsed) = timed { messages(names.joined(separator: "\n") + "\n[S]\nA1: =nm_39\n") }
    #expect(found.contains { $0.contains("larger than 100000 parts") })
    #expect(elapsed < .seconds(20))
  }

  @Test func aDeepChainOfNamesIsBoundedAndNotQuadratic() {
    // Each name adds 1,000 levels once expanded (stack overflow), and the check for a name
    // defined through itself searched the expansion stack linearly.
    let chain = Array(repeating: "1", count: 1_000).joined(separator: "+")
    let names = ["name nm_0 = \(chain)"] + (1..<40).map { "name nm_\($0) = nm_\($0 - 1)+\(chain)" }
    #expect(
      messages(names.joined(separator: "\n") + "\n[S]\nA1: =nm_39\n").contains { $0.contains("levels deep") })
    let long = ["name nm_0 = 1"] + (1..<3_000).map { "name nm_\($0) = nm_\($0 - 1)+1" }
    let (found, elapsed) = timed { messages(long.joined(separator: "\n") + "\n[S]\nA1: =nm_2999\n") }
    #expect(found.contains { $0.contains("levels deep") })
    #expect(elapsed < .seconds(20), "\(elapsed)")
  }

  @Test func referencesShiftedOffTheGridAreRefErrorsNotCycles() throws {
    // H3's 2:1048577 falls off the grid: the evaluator said #REF!, the dependency walk clipped
    // it to the grid and found H3 inside it: #CYCLE!. Off the right edge, the packed key of
    // XFE1 aliased A2.
    let model = try ModelFixtures.load("[S]\nH2:J3: =1:1048576 > -0.5%\nXFC1:XFD1: =XFD1*0\nA2: =XFD1\n")
    #expect(model.value("S!H3") == .error(.reference))
    #expect(model.value("S!XFD1") == .error(.reference))
    #expect(model.value("S!A2") == .error(.reference))
  }

  @Test func aReferenceOffTheGridPrintsAsRefAndParsesBack() throws {
    // Printed as Sheet!#REF!, which the parser rejected: the exported formula text could not
    // be read back.
    let formula = try FormulaParser.parse(
      "Other!A1048576+Other!B1:C1048576", anchor: GridPoint(row: 0, column: 0))
    let printed = FormulaPrinter().print(formula, at: GridPoint(row: 5, column: 0))
    #expect(printed == "#REF!+#REF!")
    #expect((try? FormulaParser.parse("'P&L'!#REF!+1")) != nil)
  }

  @Test func scenarioFormulasMayContainCommas() throws {
    let model = try ModelFixtures.load(
      "[S]\nA1: 1\nA2: =A1*2\nscenario \"x\": S!A1 = =IF(TRUE,5,6), S!B1 = 3\n")
    let scenario = try #require(model.scenario(named: "x"))
    #expect(scenario.assignments.count == 2)
    for assignment in scenario.assignments { try model.apply(assignment) }
    model.workbook.recalculate()
    #expect(model.value("S!A2") == .number(10))
  }

  @Test func namesMayStartWithABackslash() throws {
    let model = try ModelFixtures.load("name \\rate = 0.5\n[S]\nA1: =\\rate*2\n")
    #expect(model.value("S!A1") == .number(1))
  }

  @Test(arguments: [
    "=SUMPRODUCT(C1:XFD1048576*1)", "=SUMPRODUCT(C:XFD)", "=XIRR(C:XFD,C:XFD)", "=NPV(0.1,C:XFD)",
    "=IRR(C:XFD)", "=TEXTJOIN(\",\",FALSE,C:XFD)", "=CONCAT(C:XFD)", "=COUNTIF(C:XFD,\"\")",
    "=SUMIF(C:XFD,\"\",C:XFD)", "=SUMPRODUCT(B2:B1048576*C1:XFD1)", "=SUMPRODUCT(LEN(C:XFD))",
  ])
  func aSheetSpanningTheGridNeverAllocatesIt(_ formula: String) throws {
    // A sheet using A1 and XFD1048576 has 17 billion positions: these asked for up to 412 GB or
    // ran for hours.
    let (model, elapsed) = try timed {
      try ModelFixtures.load("[S]\nA1: \(formula)\nB2: 5\nC3: 7\nXFD1048576: 1\n")
    }
    #expect(model.value("S!A1") == .error(.number))
    #expect(elapsed < .seconds(10), "\(elapsed)")
  }

  @Test func aggregatesOverAHugeSparseRangeStillWork() throws {
    let model = try ModelFixtures.load(
      "[S]\nA1: =SUM(C:XFD)\nA2: =COUNTBLANK(C:XFD)\nA3: =COUNTIF(C:XFD,\">6\")\nC3: 7\nXFD1048576: 1\n")
    #expect(model.value("S!A1") == .number(8))
    #expect(model.value("S!A2") == .number(16_382 * 1_048_576 - 2))
    #expect(model.value("S!A3") == .number(1))
  }

  @Test func countIfOverWholeColumnsOfASparseSheetVisitsOnlyItsCells() throws {
    // Four million position reads per formula: 25 s for the fuzz input in a debug build.
    let (model, elapsed) = try timed {
      try ModelFixtures.load("[S]\nA1: 3\nA2: 3\nF1:F10: =COUNTIF($A:$D,3)\nXFD1048576: 1\n")
    }
    #expect(model.value("S!F10") == .number(2))
    #expect(elapsed < .seconds(5), "\(elapsed)")
  }

  @Test func textWithInvalidUTF8IsRefusedBeforeParsing() {
    // Replacement characters shifted every later span past the end of the text.
    let bytes = Array("[S]\nA1: \"caf".utf8) + [0xE9] + Array("\" & nope\nA2: =SUMM(1)\n".utf8)
    do {
      _ = try Model.load(source: SourceText(path: "x.fmodel", bytes: bytes))
      Issue.record("loaded")
    } catch {
      guard case .invalid(_, let diagnostics) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(diagnostics.map(\.message) == ["invalid UTF-8; model files must be UTF-8 text"])
      #expect(diagnostics[0].span == SourceSpan(start: 12, end: 13))
    }
  }

  @Test func thousandsOfSheetsLoadInLinearTime() throws {
    // Each header looked its sheet up by a linear, case-folding search.
    let text = (0..<5_000).map { "[Sheet \($0)]\nA1: \($0)" }.joined(separator: "\n") + "\n"
    let (model, elapsed) = try timed { try ModelFixtures.load(text) }
    #expect(model.workbook.sheets.count == 5_000)
    #expect(elapsed < .seconds(20), "\(elapsed)")
  }

  @Test func aFileWithAnErrorOnEveryLineIsReportedQuickly() {
    // Each binding issue was compared with every diagnostic before it.
    let text = "[S]\n" + (1...20_000).map { "A\($0): =SUMM(\($0))" }.joined(separator: "\n") + "\n"
    let (rendered, elapsed) = timed { ModelFixtures.rendered(text) }
    #expect(rendered.hasSuffix("20000 error(s) in test.fmodel"))
    #expect(rendered.contains("... 19950 more not shown"))
    #expect(elapsed < .seconds(30), "\(elapsed)")
  }
}

extension FuzzRegressionTests {
  @Test func manyMisspeltNamesAmongManyNamesAreReportedQuickly() {
    // Every unknown name was compared with every defined name for a suggestion: 77 s in a release
    // build for 10,000 of each. Suggestions now stop after a fixed number of comparisons.
    let names = (0..<3_000).map { "name name_\($0) = \($0)" }
    let uses = (1...3_000).map { "A\($0): =nmae_\($0)+1" }
    let start = ContinuousClock.now
    let diagnostics = ModelFixtures.diagnostics((names + ["[S]"] + uses).joined(separator: "\n") + "\n")
    #expect(diagnostics.count == 3_000)
    #expect(diagnostics.first?.suggestion == "did you mean name_1?")
    #expect(ContinuousClock.now - start < .seconds(60))
  }

  /// Seed 12414084956357430105: a name without a sheet is exported once per sheet, and
  /// libxlsxwriter could not find the sheet `Q1'24` in `'Q1''24'!name` (export failed).
  @Test func sheetLevelNamesOnASheetWhoseNameHasAQuoteExport() throws {
    let model = try ModelFixtures.load("name Rate = $B$1\n[Q1'24]\nB1: 4\nC1: =Rate\n[X]\nB1: 5\nC1: =Rate\n")
    let path = try TestPaths.temporaryDirectory().appendingPathComponent("quote.xlsx").path
    try WorkbookExporter.export(model, to: path)
    let workbookXML = try ProcessRunner.run("/usr/bin/unzip", ["-p", path, "xl/workbook.xml"]).stdout
    #expect(workbookXML.contains(#"<definedName name="Rate" localSheetId="0">'Q1''24'!$B$1</definedName>"#))
    #expect(workbookXML.contains(#"<definedName name="Rate" localSheetId="1">X!$B$1</definedName>"#))
  }
}
