import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import Testing

/// OFFSET and INDIRECT build references while evaluating: the cells they reach are evaluated
/// first, a reference back to the formula is a cycle, and edits reach them (they are volatile).
/// ROW, COLUMN, ROWS and COLUMNS use a reference only for its position: no cycle in its own cell.
@Suite struct OffsetIndirectTests {
  private func values(_ model: Model, sheet: Int = 0, _ cells: [String]) -> [CellValue] {
    cells.map { model.workbook.value(sheet: sheet, at: A1Notation.parseCell($0)!) }
  }

  @Test func positionOnlyReferencesInTheirOwnCellAreNoCycle() throws {
    let model = try ModelFixtures.load(
      "[S]\nA1: =ROW(A1)\nB1: =COLUMN(B1)\nC1:E1: =COLUMNS($C1:C1)\nA2: =ROWS(A1:A2)+AREAS(A2)+ISREF(A2)\n")
    #expect(values(model, ["A1", "B1", "C1", "E1", "A2"]) == [1.0, 2, 1, 3, 4].map { CellValue.number($0) })
    #expect(model.workbook.recalculate().cycles.isEmpty)
  }

  @Test func readCellsAreEvaluatedFirstWhateverTheirOrder() throws {
    // A1 reads A5:A7 through OFFSET; they are defined (and would be evaluated) after it.
    let model = try ModelFixtures.load(
      "[S]\nA1: =SUM(OFFSET(A4,1,0,3,1))\nB1: 1\nA5: =B1*10\nA6: =A5+1\nA7: =INDIRECT(\"A6\")+1\n")
    #expect(values(model, ["A1"]) == [.number(10 + 11 + 12)])
  }

  @Test func aRunTimeReferenceBackToItsCellIsACycle() throws {
    let model = try ModelFixtures.load("[S]\nA1: =OFFSET(B1,0,-1)\nB1: =INDIRECT(\"A1\")+1\nC1: =A1\n")
    #expect(values(model, ["A1", "B1", "C1"]) == [.error(.cycle), .error(.cycle), .error(.cycle)])
  }

  @Test func editsReachCellsReadThroughOffsetAndIndirect() throws {
    let model = try ModelFixtures.load(
      """
      [S]
      A1: 1
      A2: =A1*2
      B1: =SUM(OFFSET(A1,0,0,2,1))
      B2: =INDIRECT("A2")
      B3: =B1+B2
      """)
    #expect(values(model, ["B1", "B2", "B3"]) == [.number(3), .number(2), .number(5)])
    model.workbook.setConstant(.number(10), sheet: 0, at: GridPoint(row: 0, column: 0))
    let report = model.workbook.recalculate()
    #expect(values(model, ["B1", "B2", "B3"]) == [.number(30), .number(20), .number(50)])
    #expect(report.cycles.isEmpty)
  }

  @Test func offsetShapesFollowExcel() throws {
    let model = try ModelFixtures.load(
      """
      [S]
      A1:E1: 1, 2, 3, 4, 5
      A2: =SUM(OFFSET(E1,0,0,1,-3))
      A3: =SUM(OFFSET(A1,0,1.9,1,2.7))
      A4: =OFFSET(A1,0,0,0,1)
      A5: =OFFSET(A1,-1,0)
      A6: =OFFSET(A1,0,16383)
      A7: =OFFSET((A1,B1),0,0)
      A8: =OFFSET(5,0,0)
      """)
    // A negative width extends left from the moved corner: C1:E1 (LibreOffice 7.4 says #NUM!).
    #expect(values(model, ["A2", "A3"]) == [.number(12), .number(5)])
    #expect(
      values(model, ["A4", "A5", "A6", "A7", "A8"]) == [
        .error(.reference), .error(.reference), .number(0), .error(.value), .error(.value),
      ])
  }

  @Test func indirectReadsA1R1C1SheetsAndNames() throws {
    let model = try ModelFixtures.load(
      """
      name Rates = 'Cash Runway'!$A$1:$A$2
      [S]
      A1: =INDIRECT("'Cash Runway'!A2")
      A2: =SUM(INDIRECT("Rates"))
      A3: =INDIRECT("R1C1", FALSE)
      A4: =INDIRECT("R[-1]C", FALSE)
      A5: =INDIRECT("Nowhere!A1")
      A6: =INDIRECT("A1:")
      A7: =INDIRECT("XFE1")
      [Cash Runway]
      A1: 3
      A2: 4
      """)
    #expect(values(model, ["A1", "A2", "A3", "A4"]) == [4.0, 7, 4, 4].map { CellValue.number($0) })
    #expect(values(model, ["A5", "A6", "A7"]) == Array(repeating: .error(.reference), count: 3))
  }
}
