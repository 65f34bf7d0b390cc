import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import Testing

/// `ModelSession`: a new text is diffed against the live model and only the dirty cone of the
/// changed cells is evaluated; broken text leaves the live model alone; structural changes fall
/// back to a full evaluation. The end-to-end tests of `finmodel watch` are in `WatchTests+EndToEnd`.
@Suite struct WatchTests {
  static func source(_ text: String) -> SourceText {
    SourceText(path: "watch.fmodel", bytes: Array(text.utf8))
  }

  /// A 1,000-cell chain A1…A1000 on which only the last ten cells depend on the input X1.
  static func chain(input: String = "5", tail: String = "A990+X1") -> String {
    """
    [S]
    X1: \(input)
    A1: 1
    A2:A990: =A1+1
    A991: =\(tail)
    A992:A1000: =A991+1
    """
  }

  @Test func editingAnInputEvaluatesOnlyItsCone() throws {
    let session = try ModelSession(source: Self.source(Self.chain()))
    #expect(session.initialReport.evaluated == 999)
    #expect(session.initialReport.full && session.initialReport.isInitial)
    let report = try session.apply(newSource: Self.source(Self.chain(input: "7")))
    #expect(!report.full)
    #expect(report.changedInputs == 1)
    #expect(report.evaluated == 10)
    #expect(report.changedCells.count == 11)
    #expect(report.changedCells.first == .init(cell: "S!X1", old: .number(5), new: .number(7)))
    #expect(report.changedCells.contains(.init(cell: "S!A1000", old: .number(1004), new: .number(1006))))
    #expect(session.model.value("S!A1000") == .number(1006))
  }

  @Test func unchangedValuesEvaluateNothingAndEarlyCutoffStopsTheWave() throws {
    let session = try ModelSession(source: Self.source(Self.chain()))
    // The same value written differently is no edit at all.
    let same = try session.apply(newSource: Self.source(Self.chain(input: "5.0")))
    #expect(same.changedInputs == 0 && same.evaluated == 0 && same.changedCells.isEmpty)
    // An input whose dependent keeps its value: one evaluation, then the wave stops.
    let cutoff = try ModelSession(source: Self.source(Self.chain(tail: "A990+X1*0")))
    let report = try cutoff.apply(newSource: Self.source(Self.chain(input: "9", tail: "A990+X1*0")))
    #expect(report.changedInputs == 1 && report.evaluated == 1)
    #expect(report.changedCells == [.init(cell: "S!X1", old: .number(5), new: .number(9))])
  }

  @Test func cellsAreAddedRemovedAndRewritten() throws {
    let session = try ModelSession(
      source: Self.source(
        """
        [In]
        B1: 2
        B2: 3
        B3: =B1*B2
        C1:C3: =B1*10
        """))
    let report = try session.apply(
      newSource: Self.source(
        """
        [In]
        B1: 2
        B3: =B1*B2
        B4: =B3+1
        C1: =B1*10
        C2: =B2*100
        C3: =B3*10
        """))
    // B2 removed, B4 added, C2 rewritten; C1 and C3 split out of the range but unchanged.
    #expect(report.changedInputs == 3)
    #expect(
      report.changedCells == [
        .init(cell: "In!B2", old: .number(3), new: .empty),
        .init(cell: "In!C2", old: .number(30), new: .number(0)),
        .init(cell: "In!B3", old: .number(6), new: .number(0)),
        .init(cell: "In!C3", old: .number(60), new: .number(0)),
        .init(cell: "In!B4", old: .empty, new: .number(1)),
      ])
    #expect(report.evaluated == 4)
  }

  @Test func textWithErrorsLeavesTheLastGoodStateLive() throws {
    let session = try ModelSession(source: Self.source(Self.chain()))
    #expect(throws: ModelLoadError.self) {
      try session.apply(newSource: Self.source(Self.chain(input: "7") + "\nB1: =SUM(\n"))
    }
    #expect(session.model.value("S!X1") == .number(5))
    #expect(session.model.value("S!A1000") == .number(1004))
    #expect(session.model.source.bytes == Array(Self.chain().utf8))
    let fixed = try session.apply(newSource: Self.source(Self.chain(input: "7")))
    #expect(fixed.changedInputs == 1 && fixed.evaluated == 10)
  }

  @Test func structuralChangesFallBackToAFullEvaluation() throws {
    let base = "name Rate = S!$B$1\n[S]\nB1: 0.5\nB2: =Rate*2\n"
    let session = try ModelSession(source: Self.source(base))
    let sheetAdded = try session.apply(newSource: Self.source(base + "[T]\nA1: =S!B2+1\n"))
    #expect(sheetAdded.full && sheetAdded.fullReason == "the sheets changed")
    #expect(sheetAdded.evaluated == 2)
    #expect(sheetAdded.changedCells == [.init(cell: "T!A1", old: .empty, new: .number(2))])
    let renamed = try session.apply(
      newSource: Self.source("name Rate = S!$B$1*10\n[S]\nB1: 0.5\nB2: =Rate*2\n[T]\nA1: =S!B2+1\n"))
    #expect(renamed.full && renamed.fullReason == "the defined names changed")
    #expect(session.model.value("T!A1") == .number(11))
    // After a fallback the session is incremental again.
    let edit = try session.apply(
      newSource: Self.source("name Rate = S!$B$1*10\n[S]\nB1: 1\nB2: =Rate*2\n[T]\nA1: =S!B2+1\n"))
    #expect(!edit.full && edit.evaluated == 2 && session.model.value("T!A1") == .number(21))
  }

  @Test func presentationFollowsTheNewText() throws {
    let session = try ModelSession(source: Self.source("[S]\nB1: 1\ncheck \"one\" = S!B1=1\n"))
    let text = "[S]\nB1: 2 | format \"0.0\"\ncheck \"two\" = S!B1=2\noutput \"twice\" = S!B1*2\n"
    _ = try session.apply(newSource: Self.source(text))
    #expect(session.model.checks.map(\.label) == ["two"])
    #expect(session.model.evaluateChecks().allSatisfy { $0.passed })
    #expect(session.model.evaluateOutputs().map(\.value) == [.number(4)])
    #expect(session.model.layouts[0].resolvedAttributes()[GridPoint(row: 0, column: 1)]?.format == "0.0")
    #expect(session.model.source.bytes == Array(text.utf8))
  }

  /// Whatever the sequence of saves, the live values equal a fresh evaluation of the last text.
  @Test func incrementalValuesEqualAFreshEvaluation() throws {
    let texts = [
      "[A]\nB1: 1\nB2:B6: =B1*2\nC1: =SUM(B1:B6)\n[B]\nA1: =A!C1/0\n",
      "[A]\nB1: 3\nB2:B4: =B1*2\nB5: =B4+1\nC1: =SUM(B1:B6)\n[B]\nA1: =A!C1/0\n",
      "[A]\nB1: 3\nB2:B4: =B1*2\nC1: =SUM(B1:B6)\nC2: =IFERROR(B!A1,\"err\")\n[B]\nA1: =A!C1/2\n",
      "[A]\nB1: \"x\"\nB2:B4: =B1*2\nC1: =SUM(B1:B6)\nC2: =IFERROR(B!A1,\"err\")\n[B]\nA1: =A!C1/2\n",
    ]
    let session = try ModelSession(source: Self.source(texts[0]))
    for text in texts.dropFirst() {
      _ = try session.apply(newSource: Self.source(text))
      let fresh = try ModelFixtures.load(text, name: "watch.fmodel")
      for sheet in fresh.workbook.sheets.indices {
        let expected = fresh.workbook.cells(onSheet: sheet).map { "\($0.point):\($0.value)" }
        let actual = session.model.workbook.cells(onSheet: sheet).map { "\($0.point):\($0.value)" }
        #expect(actual == expected, "after \(text)")
      }
    }
  }

  @Test func reportsPrintAsOneJSONLineAndAsText() throws {
    var report = UpdateReport()
    report.changedCells = [.init(cell: "'P&L'!B5", old: .number(10), new: .text("a\"b"))]
    report.changedInputs = 1
    report.evaluated = 3
    report.parse = .microseconds(1500)
    report.evaluation = .microseconds(250)
    #expect(
      report.json
        == "{\"changedCells\": [{\"cell\": \"'P&L'!B5\", \"old\": 10, \"new\": \"a\\\"b\"}], "
        + "\"changedInputs\": 1, \"evaluated\": 3, \"parseMs\": 1.500, \"evalMs\": 0.250, \"full\": false}\n")
    let text = report.text()
    #expect(text.hasPrefix("1 cell edited, 3 evaluated, 1 value changed"))
    #expect(text.contains("  'P&L'!B5: 10 → \"a\\\"b\"\n"))
  }
}
