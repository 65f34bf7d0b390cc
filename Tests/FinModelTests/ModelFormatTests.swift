import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import Testing

/// The `.fmodel` contract: cells, fills, names, attributes, comments, and errors with positions.
@Suite struct ModelFormatTests {
  static let contract = """
    # a full-line comment
    name TaxRate = Inputs!$B$3
    name Revenue = 'P&L'!$B$4:$E$4

    [Inputs]
    A1: "Company inputs"
    B2: 0.35
    B3: 25%
    B4: TRUE
    B5: =B2*(1+B3)
    B6:E6: 0.5, 0.55, 0.6, 0.62
    B7: 100
    C7:E7: =B7*(1+$B$2)
    B8: =SUM(Revenue)*TaxRate
    B9: "say ""hi"" now"
    B10: -3
    B11: 1.5e6
    B12: 12.5%

    [P&L]
    B4:E4: 1, 2, 3, 4
    """

  @Test func theCoreContractLoadsAndEvaluates() throws {
    let model = try ModelFixtures.load(Self.contract)
    #expect(model.sheetNames == ["Inputs", "P&L"])
    #expect(model.value("Inputs!A1") == .text("Company inputs"))
    #expect(model.value("Inputs!B3") == .number(0.25))
    #expect(model.value("Inputs!B4") == .boolean(true))
    #expect(model.value("Inputs!B5").matches(.number(0.4375)))
    #expect(model.value("Inputs!D6") == .number(0.6))
    #expect(model.value("Inputs!C7").matches(.number(135)))
    #expect(model.value("Inputs!E7").matches(.number(100 * 1.35 * 1.35 * 1.35)))
    #expect(model.value("Inputs!B8").matches(.number(2.5)))
    #expect(model.value("Inputs!B9") == .text("say \"hi\" now"))
    #expect(model.value("Inputs!B10") == .number(-3))
    #expect(model.value("Inputs!B11") == .number(1.5e6))
    #expect(model.value("Inputs!B12") == .number(0.125))
  }

  @Test func aFilledFormulaIsStoredOnce() throws {
    let model = try ModelFixtures.load("[S]\nA1: 1\nA2:A1000: =A1+1\n")
    #expect(model.workbook.formulas.count == 1)
    #expect(model.value("S!A1000") == .number(1000))
  }

  @Test func cellsWrittenOneByOneShareTheirRelativeFormula() throws {
    let model = try ModelFixtures.load(
      "[S]\nA1: 1\nA2: =A1+1\nA3: =A2+1\nA4: =A3 + 1\nB4: =$A$1+1\nB5: =$A$1+1\n")
    #expect(model.workbook.formulas.count == 2)
    #expect(model.value("S!A4") == .number(4))
    #expect(model.value("S!B5") == .number(2))
  }

  @Test func trailingCommentsDoNotSwallowErrorsOrFormats() throws {
    let model = try ModelFixtures.load(
      """
      [S]
      A1: =IFNA(#N/A, "x")   # a comment
      A2: #N/A # constant error
      A3: 1234.5 | format "#,##0.0" # formatted
      A4: "# not a comment"
      """)
    #expect(model.value("S!A1") == .text("x"))
    #expect(model.value("S!A2") == .error(.notAvailable))
    #expect(model.resolvedAttributes(sheet: 0)[GridPoint(row: 2, column: 0)]?.format == "#,##0.0")
    #expect(model.value("S!A4") == .text("# not a comment"))
  }

  @Test func crlfLineEndingsAndAByteOrderMarkAreAccepted() throws {
    let text = "\u{FEFF}[S]\r\nA1: 2\r\nA2: =A1*3\r\n"
    let model = try ModelFixtures.load(text)
    #expect(model.value("S!A2") == .number(6))
  }

  @Test func attributesAndDirectivesAreRecorded() throws {
    let model = try ModelFixtures.load(
      """
      property title = "Demo"
      [S]
      column A width 30
      column B:D width 12
      freeze B2
      format B2:D2 "0.0%"
      style A1 title
      note B2 "Source: S1"
      A1: "Title"
      B2:D2: 0.1, 0.2, 0.3 | style input
      chart line "Growth" at F2 size 400 x 200
      series "g" = B2:D2
      axis y "Rate" format "0%"
      """)
    let layout = model.layouts[0]
    #expect(layout.columnWidths[0] == 30)
    #expect(layout.columnWidths[3] == 12)
    #expect(layout.freeze == GridPoint(row: 1, column: 1))
    let attributes = model.resolvedAttributes(sheet: 0)
    #expect(attributes[GridPoint(row: 1, column: 2)]?.format == "0.0%")
    #expect(attributes[GridPoint(row: 1, column: 2)]?.style == "input")
    #expect(attributes[GridPoint(row: 1, column: 1)]?.note == "Source: S1")
    #expect(attributes[GridPoint(row: 0, column: 0)]?.style == "title")
    #expect(layout.charts.count == 1)
    #expect(layout.charts[0].series.count == 1)
    #expect(layout.charts[0].width == 400)
    #expect(layout.charts[0].yAxisFormat == "0%")
    #expect(model.properties.first?.value == "Demo")
  }

  @Test func checksOutputsAndScenarios() throws {
    let model = try ModelFixtures.load(
      """
      [S]
      A1: 2
      A2: =A1*10
      check "A2 is ten times A1" = S!A2=S!A1*10
      check "A2 is big" = A2>100
      output "A2" = S!A2
      scenario "High": S!A1 = 50
      """)
    let checks = model.evaluateChecks()
    #expect(checks.map(\.passed) == [true, false])
    #expect(model.evaluateOutputs().first?.value == .number(20))
    let comparison = try ScenarioComparison.evaluate(model)
    #expect(comparison.rows.first?.values == [.number(500)])
    #expect(comparison.failedChecks.isEmpty)
  }

  @Test func overridesSetValuesAndFormulas() throws {
    let model = try ModelFixtures.load("[S]\nA1: 2\nA2: =A1*10\n")
    try model.apply(try AssignmentParser.parse(override: "S!A1=3"))
    try model.apply(try AssignmentParser.parse(override: "S!A3==A2+1"))
    model.workbook.recalculate()
    #expect(model.value("S!A2") == .number(30))
    #expect(model.value("S!A3") == .number(31))
  }

  @Test func everyErrorOfAFileIsReportedWithItsPosition() {
    let diagnostics = ModelFixtures.diagnostics(
      """
      [Inputs]
      B2: 0.35
      B3: =SUMM(B2)
      B4: =Inputz!B2
      B5: =Rate*2
      B2: 1
      B6:C6: 1, 2, 3
      B7: hello
      B8: =1+
      [Bad/Name]
      """)
    let messages = diagnostics.map(\.message)
    #expect(messages.contains("unknown function 'SUMM'"))
    #expect(messages.contains("unknown sheet 'Inputz'"))
    #expect(messages.contains("unknown name 'Rate'"))
    #expect(messages.contains { $0.contains("overlaps cells already defined on line 2") })
    #expect(messages.contains { $0.contains("has 2 cells but 3 values are given") })
    #expect(messages.contains { $0.contains("'hello' is not a number") })
    #expect(messages.contains { $0.contains("formula ends too early") })
    #expect(messages.contains { $0.contains("contains '/'") })
    #expect(diagnostics.count == 8)
    #expect(diagnostics.first { $0.message == "unknown function 'SUMM'" }?.suggestion == "did you mean SUM?")
    #expect(
      diagnostics.first { $0.message == "unknown sheet 'Inputz'" }?.suggestion == "did you mean 'Inputs'?")
  }

  @Test func diagnosticsRenderWithLineColumnSourceAndCaret() {
    let rendered = ModelFixtures.rendered("[S]\nA1: 1\nA2: =SUMM(A1)\n")
    #expect(
      rendered.hasPrefix(
        """
        test.fmodel:3:6: error: unknown function 'SUMM'
         3 | A2: =SUMM(A1)
           |      ^~~~
           = help: did you mean SUM?
        """), "\(rendered)")
  }

  @Test(arguments: [
    ("[S]\nA1: 1\n[s]\nA2: 2\n", "differs only in case"),
    ("[S]\nname A1 = S!$A$1\nA1: 1\n", "looks like a cell reference"),
    ("[S]\nname TAX2024 = 1\nA1: 1\n", "looks like a cell reference"),
    ("[S]\nname R1C1 = 1\nA1: 1\n", "looks like a cell reference"),
    ("[S]\nname x = 1\nname X = 2\nA1: 1\n", "defined twice"),
    ("[S]\nname a = b\nname b = a\nA1: =a\n", "defined in terms of itself"),
    ("[\(String(repeating: "x", count: 32))]\nA1: 1\n", "longer than Excel's limit of 31"),
    ("A1: 1\n", "must follow a [Sheet] header"),
    ("[S]\nXFE1: 1\n", "is not a cell or range"),
    ("[S]\nA1048577: 1\n", "is not a cell or range"),
    ("[S]\nA1: =SUM(1\n", "missing ')'"),
    ("[S]\nA1: \"abc\n", "unterminated text"),
    ("[S]\nA1: 1 | colour red\n", "unknown attribute 'colour'"),
    ("[S]\nA1: 1 | style fancy\n", "unknown style 'fancy'"),
    ("[S]\nA1: =ROUND(1,2,3)\n", "ROUND takes 2 arguments, not 3"),
  ])
  func badInputIsAnErrorNotACrash(_ text: String, _ message: String) {
    let diagnostics = ModelFixtures.diagnostics(text)
    #expect(diagnostics.contains { $0.message.contains(message) }, "\(diagnostics.map(\.message))")
  }
}
