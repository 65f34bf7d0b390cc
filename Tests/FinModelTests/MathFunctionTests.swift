import FormulaSyntax
import SpreadsheetEngine
import Testing

/// Semantics of the math, statistical and information functions that the goldens do not pin
/// down: decimal rounding, criteria corner cases, range resizing, whole columns and size.
@Suite struct MathFunctionTests {
  /// Evaluates `formula` on sheet S2, with `cells` ("A1" → value) on sheet S.
  private func evaluate(_ formula: String, _ cells: [String: CellValue] = [:]) throws -> CellValue {
    let workbook = Workbook()
    let data = try workbook.addSheet(named: "S")
    let sheet = try workbook.addSheet(named: "S2")
    for (name, value) in cells {
      let point = try #require(A1Notation.parseCell(name))
      workbook.setConstant(value, sheet: data, at: point)
    }
    let point = GridPoint(row: 0, column: 0)
    let id = try workbook.addFormula(FormulaParser.parse(formula, anchor: point), sheet: sheet, anchor: point)
    workbook.setFormula(id, sheet: sheet, at: point)
    workbook.recalculate()
    return workbook.value(sheet: sheet, at: point)
  }

  /// A1:A8 = 1, 5, "5", 10, "10", TRUE, "TRUE", -2; B1:B8 = 1…8.
  private var mixed: [String: CellValue] {
    let a: [CellValue] = [
      .number(1), .number(5), .text("5"), .number(10), .text("10"), .boolean(true), .text("TRUE"),
      .number(-2),
    ]
    var cells: [String: CellValue] = [:]
    for (index, value) in a.enumerated() {
      cells["A\(index + 1)"] = value
      cells["B\(index + 1)"] = .number(Double(index + 1))
    }
    return cells
  }

  @Test(arguments: [
    ("ROUND(2.675,2)", 2.68), ("ROUND(-2.5,0)", -3), ("ROUND(1.45,1)", 1.5),
    ("ROUND(-1.005,2)", -1.01), ("ROUND(5,-1)", 10), ("ROUND(123456.789,-10)", 0),
    ("ROUND(1E+300,2)", 1e300), ("ROUND(0.1+0.2,30)", 0.30000000000000004),
    ("ROUND(2.5,0.9)", 3), ("ROUNDUP(0.0001,2)", 0.01), ("ROUNDUP(1.1,-5)", 100_000),
    ("ROUNDDOWN(-0.0001,2)", 0), ("ROUNDDOWN(2.99999,2)", 2.99),
    ("CEILING(4.2,0.1)", 4.2), ("CEILING(-2.5,2)", -2), ("CEILING(-2.5,-2)", -4),
    ("CEILING(2.5,0)", 0), ("FLOOR(-2.5,2)", -4), ("FLOOR(-2.5,-2)", -2), ("FLOOR(0,0)", 0),
    ("MOD(0.9,0.3)", 5.551115123125783e-17), ("MOD(7,2.5)", 2), ("PI()", Double.pi),
  ])
  func numbers(_ formula: String, _ expected: Double) throws {
    #expect(try evaluate(formula) == .number(expected))
  }

  @Test(arguments: [
    ("CEILING(2.5,-2)", ExcelError.number), ("FLOOR(2.5,-2)", .number),
    ("FLOOR(2.5,0)", .divisionByZero), ("SUMPRODUCT({1,#N/A},{#DIV/0!,1})", .notAvailable),
    ("SUMPRODUCT({1,2},{1;2})", .value), ("COUNTIFS(S!A1:A2,1,S!B1:B2)", .value),
    ("SUMIFS(S!B1:B3,S!A1:A3,1,S!A1:A2,1)", .value), ("SMALL({3,1,2},0.5)", .number),
  ])
  func errors(_ formula: String, _ expected: ExcelError) throws {
    #expect(try evaluate(formula, mixed) == .error(expected))
  }

  /// Criteria semantics, against A1:A8 = 1, 5, "5", 10, "10", TRUE, "TRUE", -2.
  @Test(arguments: [
    // Numeric text in a criterion also matches numeric text cells; a typed number does not.
    ("COUNTIF(S!A1:A8,\"=5\")", 2.0), ("COUNTIF(S!A1:A8,5)", 1), ("COUNTIF(S!A1:A8,\"<>5\")", 6),
    // Orderings see numbers only (not TRUE, not "10").
    ("COUNTIF(S!A1:A8,\">4\")", 2), ("COUNTIF(S!A1:A8,\"<=5\")", 3),
    // "TRUE" matches the logical and the text; typed TRUE only the logical.
    ("COUNTIF(S!A1:A8,\"TRUE\")", 2), ("COUNTIF(S!A1:A8,TRUE)", 1),
    // Wildcards match text only, never a number's digits.
    ("COUNTIF(S!A1:A8,\"1*\")", 1),
    // An empty criterion cell means 0.
    ("COUNTIF(S!A1:A8,S!C1)", 0), ("COUNTIF(S!A1:A9,S!C1)", 0),
    // Array criteria give one count each.
    ("SUM(COUNTIF(S!A1:A8,{\">1\",\"<5\"}))", 4),
    // The sum range takes the criteria range's shape from its own top-left cell.
    ("SUMIF(S!A1:A8,\">0\",S!B1:B2)", 7), ("SUMIF(S!A1:A8,\">0\",S!B3)", 13),
    ("AVERAGEIF(S!A1:A8,\">0\",S!B1)", 7.0 / 3),
    // Whole columns: blanks past the used area count.
    ("COUNTIF(S!C:C,\"\")", 1_048_576), ("COUNTIF(S!A:A,\"<>1\")", 1_048_575),
    ("COUNTBLANK(S!A:A)", 1_048_568), ("COUNTIFS(S!A:A,\"\",S!B:B,\"\")", 1_048_568),
    ("SUMIFS(S!B:B,S!A:A,\">0\")", 7),
    // Text and logicals compare greater than any number, so only -2 and the blanks fail.
    ("SUMPRODUCT((S!A:A>0)*S!B:B)", 28),
    ("COUNT(S!A1:A8)", 4), ("COUNTA(S!A:A)", 8),
    // Large ranges that are not whole columns are read only as far as the used area.
    ("COUNTIF(S!A1:Z1000000,\"\")", 25_999_984), ("COUNTBLANK(S!A1:Z1000000)", 25_999_984),
    ("SUMIFS(S!B1:B1000000,S!A1:A1000000,\"<>5\")", 31),
  ])
  func criteria(_ formula: String, _ expected: Double) throws {
    let result = try evaluate(formula, mixed)
    #expect(result.matches(.number(expected)), "\(formula) = \(result)")
  }

  /// A conditional sum over 200,000 rows of a whole column stays fast (linear in the used area).
  @Test func largeWholeColumnRanges() throws {
    let workbook = Workbook()
    let sheet = try workbook.addSheet(named: "S")
    for row in 0..<200_000 {
      workbook.setConstant(.number(Double(row % 10)), sheet: sheet, at: GridPoint(row: row, column: 0))
      workbook.setConstant(.number(1), sheet: sheet, at: GridPoint(row: row, column: 1))
    }
    let formulas = [
      "SUMIF(A:A,\">4\",B:B)", "COUNTIFS(A:A,5,B:B,1)", "SUMPRODUCT(A:A,B:B)", "COUNTIF(A:A,\"\")",
    ]
    var points: [GridPoint] = []
    for (index, text) in formulas.enumerated() {
      let point = GridPoint(row: index, column: 4)
      let id = try workbook.addFormula(FormulaParser.parse(text, anchor: point), sheet: sheet, anchor: point)
      workbook.setFormula(id, sheet: sheet, at: point)
      points.append(point)
    }
    let clock = ContinuousClock()
    let elapsed = clock.measure { workbook.recalculate() }
    #expect(workbook.value(sheet: sheet, at: points[0]) == .number(100_000))
    #expect(workbook.value(sheet: sheet, at: points[1]) == .number(20_000))
    #expect(workbook.value(sheet: sheet, at: points[2]) == .number(900_000))
    #expect(workbook.value(sheet: sheet, at: points[3]) == .number(Double(1_048_576 - 200_000)))
    #expect(elapsed < .seconds(20))
  }
}
