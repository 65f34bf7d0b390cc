import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import Testing

/// Excel's intersection (a space) and union (`,` inside parentheses) through binding,
/// evaluation and incremental recalculation. Values LibreOffice can referee are in the
/// `operators` goldens; these tests cover what it cannot (it gives #REF! for an empty
/// intersection, and supports neither intersections of unions nor cross-sheet errors as Excel).
@Suite struct ReferenceOperatorEngineTests {
  static let model = """
    name Revenue = S!$B$2:$E$2
    name Year2 = S!$C$1:$C$9
    [S]
    B1:E1: 1, 2, 3, 4
    B2:E2: 10, 20, 30, 40
    B3:E3: 5, 6, 7, 8
    [T]
    B2: 99
    """

  func value(_ formula: String) throws -> CellValue {
    let model = try ModelFixtures.load(Self.model + "\nZ1: =" + formula)
    return model.value("T!Z1")
  }

  @Test(arguments: [
    ("SUM(S!B1:D3 S!C2:C9)", CellValue.number(26)),
    ("Revenue Year2", .number(20)),
    ("S!B:B S!3:3", .number(5)),
    ("S!B1:E3 S!C:C S!2:2", .number(20)),
    ("S!B1:B3 S!C1:C3", .error(.null)),
    ("SUM(S!B1:B3 S!C1:C3)", .error(.null)),
    ("ISERROR(S!B1 S!C1)", .boolean(true)),
    ("S!B2 T!B2", .error(.value)),
    ("SUM(S!B1:E3 T!B1:E3)", .error(.value)),
    ("SUM((S!B1,T!B2))", .error(.value)),
    ("S!B1 #REF!", .error(.reference)),
    ("SUM((S!B1:E3,S!C1:C2) S!2:2)", .number(120)),
    ("SUM((S!B1:E1,S!B3:E3) S!2:2)", .error(.null)),
    ("SUM(S!B1:E3 (S!B1:B3,S!E1:E3))", .number(68)),
    ("AREAS((S!B1:E3,S!C1:C2) S!2:2)", .number(2)),
    ("SUM((S!B1:B2,S!D1:D2))", .number(44)),
    ("SUM((S!B1,S!B1))", .number(2)),
    ("COUNT((S!B1,S!C2:D3),1)", .number(6)),
    ("COUNTA((S!B1,S!C2:D3))", .number(5)),
    ("AVERAGE((S!B1,S!E3))", .number(4.5)),
    ("MAX((S!B1:B3,S!C1))+MIN((S!E1:E3,S!C1))", .number(12)),
    ("LARGE((S!B1:B3,S!E1:E3),2)", .number(10)),
    ("PRODUCT((S!B1,S!C1,S!D1))", .number(6)),
    ("INDEX((S!B1:C2,S!D1:E2),1,1,2)", .number(3)),
    ("INDEX((S!B1:C2,S!D1:E2),2,2,3)", .error(.reference)),
    ("INDEX((S!B1:C2,S!D1:E2),1,1,0)", .error(.value)),
    ("ROWS((S!B1:B2,S!C1:C2))", .error(.reference)),
    ("COLUMNS((S!B1:B2,S!C1:C2))", .error(.reference)),
    ("ROWS(S!B1:E3 S!C:D)", .number(3)),
    ("(S!B1,S!C1)", .error(.value)),
    ("(S!B1,S!C1)+1", .error(.value)),
    ("SUMPRODUCT((S!B1:B2,S!C1:C2))", .error(.value)),
    ("MATCH(2,(S!B1:B2,S!C1:C2),0)", .error(.value)),
    ("SUM(IF(TRUE,(S!B1,S!C1)))", .number(3)),
  ])
  func evaluates(_ formula: String, _ expected: CellValue) throws {
    #expect(try value(formula) == expected, "\(formula)")
  }

  @Test func editingACellInsideAnIntersectionRecalculatesItsDependents() throws {
    let model = try ModelFixtures.load(
      Self.model + "\n[S]\nA1: =SUM(B1:D3 C2:C9)\nA2: =Revenue Year2\nA3: =SUM((B1,E3))\nA4: =A1+A2")
    let workbook = model.workbook
    #expect(model.value("S!A4") == .number(46))
    workbook.setConstant(.number(100), sheet: 0, at: GridPoint(row: 1, column: 2))  // C2
    workbook.recalculate()
    #expect(model.value("S!A1") == .number(106))
    #expect(model.value("S!A2") == .number(100))
    #expect(model.value("S!A4") == .number(206))
    workbook.setConstant(.number(50), sheet: 0, at: GridPoint(row: 2, column: 4))  // E3
    workbook.recalculate()
    #expect(model.value("S!A3") == .number(51))
  }

  @Test func aCellOutsideTheIntersectionButInsideAnAreaIsStillAPrecedent() throws {
    // Only C2 is shared, but both areas are precedents: an edit anywhere in them re-evaluates
    // the formula, and its value stays right.
    let model = try ModelFixtures.load(Self.model + "\n[S]\nA1: =B1:D2 C2:C9")
    #expect(model.value("S!A1") == .number(20))
    model.workbook.setConstant(.number(7), sheet: 0, at: GridPoint(row: 8, column: 2))  // C9
    model.workbook.recalculate()
    #expect(model.value("S!A1") == .number(20))
  }

  @Test func nonReferenceOperandsAreReportedWhenTheModelLoads() {
    let text = Self.model + "\nA1: =1 B1\nA2: =SUM((B1,2))"
    let messages = ModelFixtures.diagnostics(text).map(\.message)
    #expect(
      messages.contains { $0.contains("intersection operator (a space) needs a reference on its left") })
    #expect(messages.contains { $0.contains("a union (',' inside parentheses) joins references only") })
  }
}
