import FormulaSyntax
import Testing

/// Excel's reference operators in the syntax layer: spans, printing back (export writes the
/// printed text, so Excel must read it) and fill shifting.
@Suite struct ReferenceOperatorSyntaxTests {
  let origin = GridPoint(row: 0, column: 0)

  @Test func intersectionSpansCoverBothOperands() throws {
    let text = "SUM(B1:D3 C2:C9)"
    let formula = try FormulaParser.parse(text, baseOffset: 10)
    guard case .call(_, _, let arguments) = formula.kind,
      case .intersection(let lhs, let rhs) = arguments[0].kind
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(lhs.span == SourceSpan(start: 14, end: 19))
    #expect(rhs.span == SourceSpan(start: 20, end: 25))
    #expect(arguments[0].span == SourceSpan(start: 14, end: 25))
  }

  @Test func unionSpanIncludesItsParentheses() throws {
    let formula = try FormulaParser.parse("SUM((B1:B2,Data!D1:D2))")
    guard case .call(_, _, let arguments) = formula.kind,
      case .union(let areas) = arguments[0].kind
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(arguments[0].span == SourceSpan(start: 4, end: 22))
    #expect(areas.map(\.span) == [SourceSpan(start: 5, end: 10), SourceSpan(start: 11, end: 21)])
  }

  @Test(arguments: [
    "SUM(B1:D3 C2:C9)",
    "Revenue Year2",
    "B:B 3:3",
    "-A1:B2 B2%",
    "SUM((B1:B2,D1:D2))",
    "INDEX((A1:B2,D1:E2),1,1,2)",
    "((A1,B1))",
    "(A1:B2,C1) 'My sheet'!B1:C1",
    "SUM(Data!A1:A9 INDEX(Data!A1:C9,0,1))",
  ])
  func printingGivesTheTextBack(_ text: String) throws {
    let printed = FormulaPrinter().print(try FormulaParser.parse(text), at: origin)
    #expect(printed == text)
  }

  @Test func spacesThatAreNotIntersectionsAreNotPrinted() throws {
    let printer = FormulaPrinter()
    #expect(printer.print(try FormulaParser.parse("SUM( A1 , B1 ) + C1 "), at: origin) == "SUM(A1,B1)+C1")
  }

  @Test func fillShiftsEveryAreaOfBothOperators() throws {
    let anchor = GridPoint(row: 1, column: 2)  // C2
    let formula = try FormulaParser.parse("SUM(A1:B5 $A2:D2,(A1,B$1))", anchor: anchor)
    let printed = FormulaPrinter().print(formula, at: GridPoint(row: 3, column: 3))  // D4
    #expect(printed == "SUM(B3:C7 $A4:E4,(B3,C$1))")
  }

  @Test func anAreaShiftedOffTheGridPrintsAsAReferenceErrorThatParsesBack() throws {
    let formula = try FormulaParser.parse("A2:B3 B2", anchor: GridPoint(row: 1, column: 1))
    let printed = FormulaPrinter().print(formula, at: GridPoint(row: 0, column: 0))
    #expect(printed == "#REF! A1")
    #expect(throws: Never.self) { try FormulaParser.parse(printed) }
  }

  @Test func fillKeysTellTheOperatorsApart() throws {
    let keys = try ["A1 B1", "(A1,B1)", "A1+B1", "(A1 B1)"].map { try FormulaParser.parse($0).fillKey }
    #expect(Set(keys).count == keys.count)
  }
}
