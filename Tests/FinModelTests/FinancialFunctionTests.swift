import FormulaSyntax
import Foundation
import SpreadsheetEngine
import Testing

/// Financial semantics the LibreOffice goldens cannot show: where Excel and LibreOffice differ,
/// the robust root finding, and inputs no golden covers.
@Suite struct FinancialFunctionTests {
  /// Cells A1… of column A, then the formula in C1; returns its value.
  static func evaluate(_ formula: String, column values: [CellValue] = [], dates: [Double] = [])
    throws -> CellValue
  {
    let workbook = Workbook()
    let sheet = try workbook.addSheet(named: "S")
    for (row, value) in values.enumerated() {
      workbook.setConstant(value, sheet: sheet, at: GridPoint(row: row, column: 0))
    }
    for (row, date) in dates.enumerated() {
      workbook.setConstant(.number(date), sheet: sheet, at: GridPoint(row: row, column: 1))
    }
    let point = GridPoint(row: 0, column: 2)
    let syntax = try FormulaParser.parse(formula, anchor: point)
    let bound = try workbook.addFormula(syntax, sheet: sheet, anchor: point)
    workbook.setFormula(bound, sheet: sheet, at: point)
    _ = workbook.recalculate()
    return workbook.value(sheet: sheet, at: point)
  }

  static func number(_ formula: String, column values: [CellValue] = [], dates: [Double] = [])
    throws -> Double?
  {
    try evaluate(formula, column: values, dates: dates).numberValue
  }

  static func close(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance * max(1, abs(expected))
  }

  // MARK: NPV

  @Test func npvCoercesTypedArgumentsAndSkipsNonNumbersInRanges() throws {
    // Typed "2" and TRUE count (Excel); LibreOffice says #VALUE!.
    let typed = try Self.number(#"NPV(0.1,1,"2",TRUE)"#)
    let expected: Double = 1 / 1.1 + 2 / 1.21 + 1 / 1.331
    #expect(Self.close(typed, expected))
    #expect(try Self.evaluate(#"NPV(0.1,"abc")"#) == .error(.value))
    let cells: [CellValue] = [.number(5), .text("x"), .boolean(true), .empty, .number(-3)]
    let skipping: Double = 5 / 1.1 - 3 / 1.21
    #expect(Self.close(try Self.number("NPV(0.1,A1:A5)", column: cells), skipping))
    // An omitted argument is a zero flow that still takes a period.
    let omitted: Double = 100 / 1.21
    #expect(Self.close(try Self.number("NPV(0.1,,100)"), omitted))
  }

  @Test func npvAtRateMinusOneIsDivisionByZero() throws {
    #expect(try Self.evaluate("NPV(-1,1,2)") == .error(.divisionByZero))
    #expect(Self.close(try Self.number("NPV(-2,1,2)"), 1))
  }

  @Test func npvPropagatesTheFirstErrorOfARange() throws {
    let cells: [CellValue] = [.number(1), .error(.notAvailable), .error(.divisionByZero)]
    #expect(try Self.evaluate("NPV(0.1,A1:A3)", column: cells) == .error(.notAvailable))
  }

  // MARK: XNPV, XIRR

  @Test func xnpvRejectsEarlierDatesNegativeRatesBlanksAndSingleFlows() throws {
    let flows: [CellValue] = [.number(100), .number(200), .number(300)]
    #expect(
      try Self.evaluate("XNPV(0.09,A1:A3,B1:B3)", column: flows, dates: [45292, 45322, 45000])
        == .error(.number))
    #expect(
      try Self.evaluate("XNPV(-0.1,A1:A2,B1:B2)", column: flows, dates: [45292, 45322]) == .error(.number))
    #expect(try Self.evaluate("XNPV(0.09,A1:A1,B1:B1)", column: flows, dates: [45292]) == .error(.number))
    let gap: [CellValue] = [.number(100), .empty, .number(300)]
    #expect(
      try Self.evaluate("XNPV(0.09,A1:A3,B1:B3)", column: gap, dates: [45292, 45322, 45351])
        == .error(.number))
    let text: [CellValue] = [.number(100), .text("x")]
    #expect(
      try Self.evaluate("XNPV(0.09,A1:A2,B1:B2)", column: text, dates: [45292, 45322]) == .error(.number))
    // Dates after the first may come in any order; fractions of days are dropped.
    let shuffled = try Self.number("XNPV(0.09,A1:A3,B1:B3)", column: flows, dates: [45000.7, 45322, 45292.2])
    let expected: Double = 100 + 200 / pow(1.09, 322.0 / 365) + 300 / pow(1.09, 292.0 / 365)
    #expect(Self.close(shuffled, expected))
  }

  @Test func xirrReadsBlankCellsAsZeroAndTextAsValueError() throws {
    let flows: [CellValue] = [.number(-1000), .empty, .number(1100)]
    let rate = try Self.number("XIRR(A1:A3,B1:B3)", column: flows, dates: [45000, 45100, 45365])
    #expect(Self.close(rate, 0.1))
    let text: [CellValue] = [.number(-1000), .text("x"), .number(1100)]
    #expect(
      try Self.evaluate("XIRR(A1:A3,B1:B3)", column: text, dates: [45000, 45100, 45365]) == .error(.value))
  }

  @Test func xirrFindsARootWhereNewtonFromTheGuessDiverges() throws {
    let flows: [CellValue] = [.number(-10000), .number(2750), .number(4250), .number(3250), .number(2750)]
    let dates: [Double] = [39448, 39508, 39751, 39859, 39904]
    #expect(
      Self.close(try Self.number("XIRR(A1:A5,B1:B5,5)", column: flows, dates: dates), 0.3733625335188315))
  }

  // MARK: IRR, MIRR, RATE

  @Test func irrFallsBackToBracketingWhenNewtonFails() throws {
    let flows: [CellValue] = [-70000, 12000, 15000, 18000, 21000, 26000].map { .number($0) }
    // LibreOffice gives #NUM! for both guesses; the root is the one the default guess finds.
    #expect(Self.close(try Self.number("IRR(A1:A6,0.9)", column: flows), 0.08663094803653158))
    #expect(Self.close(try Self.number("IRR(A1:A6,-0.99)", column: flows), 0.08663094803653158))
    let quadratic: [CellValue] = [.number(-3542), .number(-1479), .number(986)]
    #expect(
      Self.close(try Self.number("IRR(A1:A3)", column: quadratic), -0.6413624840508378, tolerance: 1e-7))
  }

  @Test func irrIgnoresLogicalsAndNeedsBothSigns() throws {
    let cells: [CellValue] = [.number(5), .boolean(true), .number(-3)]
    #expect(Self.close(try Self.number("IRR(A1:A3)", column: cells), -0.4))
    #expect(try Self.evaluate("IRR(A1:A3)", column: [.number(1), .number(2), .number(3)]) == .error(.number))
    #expect(try Self.evaluate("IRR(A1:A2,-1)", column: [.number(-1), .number(2)]) == .error(.number))
  }

  @Test func irrOverALongSeriesWithATinyRate() throws {
    var flows: [CellValue] = [.number(-1_000_000)]
    flows += Array(repeating: CellValue.number(99.9), count: 10_000)
    let rate = try #require(try Self.number("IRR(A1:A10001)", column: flows))
    var total = -1_000_000.0
    var discount = 1.0
    for _ in 0..<10_000 {
      discount /= 1 + rate
      total += 99.9 * discount
    }
    #expect(abs(total) < 1e-3)
  }

  @Test func mirrWithoutBothSignsIsDivisionByZero() throws {
    let cells: [CellValue] = [.number(100), .number(200), .number(300)]
    #expect(try Self.evaluate("MIRR(A1:A3,0.1,0.12)", column: cells) == .error(.divisionByZero))
  }

  @Test func rateRetriesOtherGuessesLikeLibreOffice() throws {
    // Newton from 0.1 runs away below -1; LibreOffice's retry from 0.2 finds the root.
    let rate = try #require(try Self.number("RATE(60,-1074,3979,-5000,0)"))
    #expect(Self.close(rate, 0.26991710570028576, tolerance: 1e-7))
    #expect(try Self.evaluate("RATE(0,-100,800)") == .error(.number))
    #expect(try Self.evaluate("RATE(10,100,800)") == .error(.number))
    #expect(Self.close(try Self.number("RATE(10,-100,1000,0,1)"), 0, tolerance: 1e-9))
  }

  @Test func annuityEdgeCases() throws {
    #expect(try Self.evaluate("PMT(0.1,0,1000)") == .error(.number))
    #expect(try Self.evaluate("NPER(0,0,1000)") == .error(.number))
    #expect(try Self.evaluate("NPER(-1,100,1000)") == .error(.number))
    #expect(try Self.evaluate("IPMT(0.1,3.5,3,8000)") == .error(.number))
    #expect(
      Self.close(try Self.number("PMT(0.1,10,10000,500,2)"), try Self.number("PMT(0.1,10,10000,500,1)") ?? 0))
    #expect(try Self.evaluate("RRI(2,0,200)") == .error(.number))
    #expect(Self.close(try Self.number("RRI(2,100,0)"), -1))
  }
}
