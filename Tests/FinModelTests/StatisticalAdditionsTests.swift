import FormulaSyntax
import SpreadsheetEngine
import Testing

/// What the goldens of the newer math and statistical functions cannot show: SUBTOTAL's
/// reference-only arguments and nested subtotals built in the model, MODE's order over a
/// sparse whole column, and the `_xlfn.` prefix the export needs for post-2007 names.
@Suite struct StatisticalAdditionsTests {
  /// Evaluates `formulas` (A1 name → formula) and constants on one sheet; returns the values.
  private func evaluate(
    _ formulas: [String: String], _ cells: [String: CellValue] = [:]
  ) throws -> [String: CellValue] {
    let workbook = Workbook()
    let sheet = try workbook.addSheet(named: "S")
    for (name, value) in cells {
      workbook.setConstant(value, sheet: sheet, at: try #require(A1Notation.parseCell(name)))
    }
    for (name, formula) in formulas {
      let point = try #require(A1Notation.parseCell(name))
      let id = try workbook.addFormula(
        FormulaParser.parse(formula, anchor: point), sheet: sheet, anchor: point)
      workbook.setFormula(id, sheet: sheet, at: point)
    }
    workbook.recalculate()
    var values: [String: CellValue] = [:]
    for name in formulas.keys {
      values[name] = workbook.value(sheet: sheet, at: try #require(A1Notation.parseCell(name)))
    }
    return values
  }

  @Test func subtotalSkipsSectionSubtotalsButNotOtherFormulas() throws {
    let values = try evaluate(
      [
        "A3": "SUBTOTAL(9,A1:A2)", "A6": "SUBTOTAL(9,A4:A5)", "A7": "SUBTOTAL(9,A1:A6)",
        "A8": "SUM(A1:A6)", "C1": "SUBTOTAL(109,A:A)",
      ],
      ["A1": .number(1), "A2": .number(2), "A4": .number(10), "A5": .number(20)])
    #expect(values["A7"] == .number(33))
    #expect(values["A8"] == .number(66))
    // The whole column skips the three subtotals but counts the SUM, a plain formula.
    #expect(values["C1"] == .number(99))
  }

  @Test(arguments: ["SUBTOTAL(9,1,2)", "SUBTOTAL(9,{1,2})", "SUBTOTAL(1,B1,3)"])
  func subtotalTakesOnlyReferences(_ formula: String) throws {
    #expect(try evaluate(["A1": formula], ["B1": .number(1)])["A1"] == .error(.value))
  }

  @Test func modeReadsAWholeColumnInRowOrder() throws {
    let cells: [String: CellValue] = [
      "B1": .number(3), "B2": .number(3), "B900": .number(2), "B901": .number(2),
    ]
    #expect(try evaluate(["A1": "MODE(B:B)"], cells)["A1"] == .number(3))
    #expect(try evaluate(["A1": "STDEV.S(B:B)"], cells)["A1"] == .number((1.0 / 3).squareRoot()))
  }

  @Test(arguments: [
    ("STDEV.S", true), ("VAR.P", true), ("PERCENTILE.EXC", true), ("QUARTILE.INC", true),
    ("RANK.AVG", true), ("MODE.SNGL", true), ("CEILING.MATH", true), ("FLOOR.MATH", true),
    ("FORECAST.LINEAR", true), ("NORM.S.DIST", true), ("NORM.INV", true), ("STDEV", false),
    ("FORECAST", false), ("NORMSDIST", false), ("SUBTOTAL", false), ("MROUND", false),
    ("AVERAGEA", false),
  ])
  func newerFunctionsNeedTheFuturePrefix(_ name: String, _ prefixed: Bool) throws {
    #expect(try #require(FunctionRegistry.function(named: name)).needsFuturePrefix == prefixed)
  }
}
