import FormulaSyntax
import SpreadsheetEngine
import Testing

/// The dependency graph and evaluator: order, depth, cycles.
@Suite struct EngineTests {
  /// Builds a workbook with one sheet from `(cell, content)` pairs; content starting with `=` is a
  /// formula.
  func workbook(_ cells: [(String, String)]) throws -> Workbook {
    let workbook = Workbook()
    let sheet = try workbook.addSheet(named: "S")
    for (cell, content) in cells {
      let point = try #require(A1Notation.parseCell(cell))
      if content.hasPrefix("=") {
        let formula = try workbook.addFormula(
          FormulaParser.parse(content.dropFirst(), anchor: point), sheet: sheet, anchor: point)
        workbook.setFormula(formula, sheet: sheet, at: point)
      } else {
        workbook.setConstant(.number(try #require(Double(content))), sheet: sheet, at: point)
      }
    }
    return workbook
  }

  func value(_ workbook: Workbook, _ cell: String) -> CellValue {
    workbook.value(sheet: 0, at: A1Notation.parseCell(cell)!)
  }

  @Test func formulasEvaluateAfterWhatTheyReferToWhateverTheOrder() throws {
    let wb = try workbook([
      ("A1", "=A2*2"), ("A2", "=A3+1"), ("A3", "=SUM(B1:B3)"), ("B1", "1"), ("B2", "2"), ("B3", "=B1+B2"),
    ])
    wb.recalculate()
    #expect(value(wb, "A1") == .number(14))
  }

  @Test func aChainOfAMillionCellsEvaluatesWithoutRecursion() throws {
    let wb = Workbook()
    let sheet = try wb.addSheet(named: "S")
    wb.setConstant(.number(1), sheet: sheet, at: GridPoint(row: 0, column: 0))
    let anchor = GridPoint(row: 1, column: 0)
    let formula = try wb.addFormula(FormulaParser.parse("A1+1", anchor: anchor), sheet: sheet, anchor: anchor)
    // Placed bottom-up so the evaluator must walk the whole chain from the last cell.
    for row in stride(from: 999_999, through: 1, by: -1) {
      wb.setFormula(formula, sheet: sheet, at: GridPoint(row: row, column: 0))
    }
    let report = wb.recalculate(recordChanges: false)
    #expect(report.evaluatedCount == 999_999)
    #expect(wb.value(sheet: sheet, at: GridPoint(row: 999_999, column: 0)) == .number(1_000_000))
  }

  @Test func cyclesGetTheCycleErrorAndAreReported() throws {
    let wb = try workbook([("A1", "=A3+1"), ("A2", "=A1+1"), ("A3", "=A2+1"), ("B1", "=A1*2"), ("C1", "=C1")])
    let report = wb.recalculate()
    #expect(value(wb, "A1") == .error(.cycle))
    #expect(value(wb, "A3") == .error(.cycle))
    #expect(value(wb, "B1") == .error(.cycle))
    #expect(value(wb, "C1") == .error(.cycle))
    #expect(report.cycles.count == 2)
    #expect(report.cycles.allSatisfy { $0.first == $0.last })
  }

  @Test func wholeColumnReferencesAreBoundedToTheUsedRange() throws {
    let wb = try workbook([
      ("B1", "1"), ("B5", "2"), ("B1000", "3"), ("C1", "=SUM(B:B)"), ("C2", "=SUM(A1:B1048576)"),
    ])
    wb.recalculate()
    #expect(value(wb, "C1") == .number(6))
    #expect(value(wb, "C2") == .number(6))
  }

  @Test func settingACellAndRecalculatingUpdatesDependents() throws {
    let wb = try workbook([("A1", "2"), ("A2", "=A1*10"), ("A3", "=A2+1")])
    wb.recalculate()
    wb.setConstant(.number(5), sheet: 0, at: GridPoint(row: 0, column: 0))
    let report = wb.recalculate()
    #expect(value(wb, "A3") == .number(51))
    #expect(report.changes.count >= 2)
  }

  @Test func runningTotalsMatchASequentialSumAndUpdateIncrementally() throws {
    let wb = Workbook()
    let sheet = try wb.addSheet(named: "S")
    let rows = 5_000
    for row in 1...rows {
      wb.setConstant(.number(Double(row % 7) + 0.1), sheet: sheet, at: GridPoint(row: row, column: 1))
    }
    wb.setConstant(.error(.notAvailable), sheet: sheet, at: GridPoint(row: rows + 1, column: 1))
    let anchor = GridPoint(row: 1, column: 2)
    let formula = try wb.addFormula(
      FormulaParser.parse("SUM($B$2:B2)", anchor: anchor), sheet: sheet, anchor: anchor)
    for row in 1...(rows + 1) { wb.setFormula(formula, sheet: sheet, at: GridPoint(row: row, column: 2)) }
    wb.recalculate()
    var expected = 0.0
    for row in 1...rows {
      expected = ApproximateArithmetic.add(expected, Double(row % 7) + 0.1)
      if row % 997 == 0 || row == rows {
        #expect(wb.value(sheet: sheet, at: GridPoint(row: row, column: 2)) == .number(expected))
      }
    }
    #expect(wb.value(sheet: sheet, at: GridPoint(row: rows + 1, column: 2)) == .error(.notAvailable))
    // Editing the first input changes every running total.
    wb.setConstant(.number(1000), sheet: sheet, at: GridPoint(row: 1, column: 1))
    let report = wb.recalculate()
    #expect(report.evaluatedCount == rows + 1)
  }
}
