import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import Testing

/// Constants typed as one types them into Excel: percentages, currency, parenthesised negatives,
/// dates and times take their value and, like Excel, a number format for the cell.
@Suite struct TypedValueTests {
  /// The value and the resolved format of `A1` for a cell line `A1: <typed>`.
  private func typed(_ text: String, attributes: String = "") throws -> (CellValue, String?) {
    let model = try ModelFixtures.load("[S]\nA1: \(text)\(attributes)\n")
    model.workbook.recalculate()
    let point = GridPoint(row: 0, column: 0)
    return (model.workbook.value(sheet: 0, at: point), model.resolvedAttributes(sheet: 0)[point]?.format)
  }

  @Test(
    arguments: [
      ("25%", 0.25, "0%"),
      ("12.5%", 0.125, "0.00%"),
      ("$1200", 1200, "$#,##0"),
      ("$1200.5", 1200.5, "$#,##0.00"),
      ("-$5", -5, "$#,##0"),
      ("(300)", -300, nil),
      ("($7.25)", -7.25, "$#,##0.00"),
      ("2025-06-30", 45838, "yyyy-mm-dd"),
      ("1900-03-01", 61, "yyyy-mm-dd"),
      ("2024-2-29", 45351, "yyyy-mm-dd"),
      ("9:30", 0.395_833_333_333_333_3, "h:mm"),
      ("18:00:30", 0.750_347_222_222_222_2, "h:mm:ss"),
      ("2025-06-30 18:00", 45838.75, "yyyy-mm-dd h:mm"),
      ("-3", -3, nil),
      ("1.5e6", 1_500_000, nil),
    ] as [(String, Double, String?)])
  func typedNumbersTakeTheirValueAndFormat(text: String, value: Double, format: String?) throws {
    let (cellValue, cellFormat) = try typed(text)
    guard case .number(let number) = cellValue else {
      Issue.record("\(text) gave \(cellValue)")
      return
    }
    #expect(abs(number - value) <= 1e-12 * max(1, abs(value)))
    #expect(cellFormat == format)
  }

  @Test func anExplicitFormatWinsOverTheImpliedOne() throws {
    #expect(try typed("2025-06-30", attributes: " | format \"d mmm yyyy\"").1 == "d mmm yyyy")
    let model = try ModelFixtures.load(
      """
      [S]
      format A1:A2 "0.0%"
      A1: 25%
      A2: 2025-06-30
      """)
    let formats = model.resolvedAttributes(sheet: 0)
    #expect(formats[GridPoint(row: 0, column: 0)]?.format == "0.0%")
    #expect(formats[GridPoint(row: 1, column: 0)]?.format == "0.0%")
  }

  @Test func aRangeOfMixedValuesFormatsEachCellByItsOwnValue() throws {
    let model = try ModelFixtures.load("[S]\nA1:D1: 2025-01-31, 7, 50%, 2025-02-28\n")
    let formats = model.resolvedAttributes(sheet: 0)
    #expect(
      (0...3).map { formats[GridPoint(row: 0, column: $0)]?.format } == [
        "yyyy-mm-dd", nil, "0%", "yyyy-mm-dd",
      ])
  }

  @Test func datesAndTimesThatDoNotExistAreErrorsAtTheirPosition() {
    // "[S]\nA1: " is 8 bytes: every message points at the value.
    for text in ["2025-02-30", "1899-12-31", "2025-13-01", "24:00:61"] {
      let found = ModelFixtures.diagnostics("[S]\nA1: \(text)\n").map { ($0.message, $0.span?.start) }
      #expect(found.map(\.0) == ["'\(text)' is not a valid date or time"], "\(text)")
      #expect(found.map(\.1) == [8])
    }
    let ambiguous = ModelFixtures.diagnostics("[S]\nA1: 1/2/2025\n")
    #expect(
      ambiguous.map(\.message) == ["'1/2/2025' is not a number, \"text\", TRUE/FALSE or an error value"])
    #expect(ambiguous.first?.suggestion?.contains("year first") == true)
  }

  @Test func typedValuesWorkInOverrides() throws {
    let model = try ModelFixtures.load("[S]\nA1: 1\nB1: =A1+1\n")
    try model.apply(AssignmentParser.parse(override: "S!A1=2025-06-30"))
    model.workbook.recalculate()
    #expect(model.workbook.value(sheet: 0, at: GridPoint(row: 0, column: 1)) == .number(45839))
  }
}
