import FormulaSyntax
import SpreadsheetEngine
import Testing

/// Date semantics of Excel's 1900 system that LibreOffice (the golden referee) does not share,
/// and the day-count rules of YEARFRAC.
@Suite struct DateFunctionTests {
  static func evaluate(_ formula: String) throws -> CellValue {
    try FinancialFunctionTests.evaluate(formula)
  }

  @Test func dateKeepsThePhantomLeapDayAndYearOffsets() throws {
    #expect(try Self.evaluate("DATE(1900,1,0)") == .number(0))
    #expect(try Self.evaluate("DATE(1900,2,29)") == .number(60))
    #expect(try Self.evaluate("DATE(1900,3,0)") == .number(60))
    #expect(try Self.evaluate("DATE(1900,3,1)") == .number(61))
    #expect(try Self.evaluate("DATE(1900,0,40)") == .number(9))  // 1899-12-01 + 39 days
    #expect(try Self.evaluate("DATE(1900,1,-1)") == .error(.number))
    #expect(try Self.evaluate("DATE(29,1,1)") == .number(10594))  // 1929, not 2029
    #expect(try Self.evaluate("DATE(100,1,1)") == .number(36526))  // 2000
    #expect(try Self.evaluate("DATE(9999,12,31)") == .number(2_958_465))
    #expect(try Self.evaluate("DATE(9999,12,32)") == .error(.number))
    #expect(try Self.evaluate("DATE(2024,1e15,1)") == .error(.number))
  }

  @Test func serialZeroAndSixty() throws {
    #expect(try Self.evaluate("YEAR(0)") == .number(1900))
    #expect(try Self.evaluate("MONTH(0)") == .number(1))
    #expect(try Self.evaluate("DAY(0)") == .number(0))
    #expect(try Self.evaluate("MONTH(60)") == .number(2))
    #expect(try Self.evaluate("DAY(59)") == .number(28))
    #expect(try Self.evaluate("DAY(-0.5)") == .error(.number))
    #expect(try Self.evaluate("YEAR(2958465.9)") == .number(9999))
    #expect(try Self.evaluate("YEAR(2958466)") == .error(.number))
  }

  @Test func monthArithmetic() throws {
    #expect(try Self.evaluate("EDATE(45322,1)") == .number(45351))  // 2024-01-31 → 02-29
    #expect(try Self.evaluate("EDATE(45322.9,-1)") == .number(45291))
    #expect(try Self.evaluate("EDATE(61,-1)") == .number(32))  // 1900-03-01 → 1900-02-01
    #expect(try Self.evaluate("EOMONTH(32,0)") == .number(60))  // Excel's February 1900 has 29 days
    #expect(try Self.evaluate("EDATE(1,-1)") == .error(.number))
    #expect(try Self.evaluate("EOMONTH(-1,0)") == .error(.number))
    #expect(try Self.evaluate("EOMONTH(2958465,1)") == .error(.number))
    #expect(try Self.evaluate("EDATE(1,-1e15)") == .error(.number))
  }

  @Test func daysTruncatesAndChecksRange() throws {
    #expect(try Self.evaluate("DAYS(45322.9,45292.1)") == .number(30))
    #expect(try Self.evaluate("DAYS(-1,0)") == .error(.number))
  }

  @Test func yearFracUS30360EndOfFebruary() throws {
    // 2023-02-28 (last day) → 2023-03-31: the start counts as the 30th, the end stays 31.
    #expect(try Self.evaluate("YEARFRAC(44985,45016,0)") == .number(31.0 / 360))
    // Both the last day of February: both count as the 30th.
    #expect(try Self.evaluate("YEARFRAC(45351,45716,0)") == .number(1))
    // A start on the 31st takes precedence over the February rule for the end.
    #expect(try Self.evaluate("YEARFRAC(45322,45351,0)") == .number(29.0 / 360))
    #expect(try Self.evaluate("YEARFRAC(45351,45292,0)") == .number(58.0 / 360))
  }

  @Test func yearFracActualActual() throws {
    // Within one year, touching 29 February: 366-day year.
    #expect(try Self.evaluate("YEARFRAC(45000,45351,1)") == .number(351.0 / 366))
    // More than a year: average length of the years touched (2023, 2024, 2025).
    #expect(try Self.evaluate("YEARFRAC(45000,45700,1)") == .number(700.0 / (1096.0 / 3)))
    #expect(try Self.evaluate("YEARFRAC(-1,45292)") == .error(.number))
    #expect(try Self.evaluate("YEARFRAC(45292,45657,5)") == .error(.number))
  }

  @Test func todayIsVolatile() throws {
    #expect(FunctionRegistry.function(named: "TODAY")?.isVolatile == true)
    guard case .number(let today) = try Self.evaluate("TODAY()") else {
      Issue.record("TODAY() is not a number")
      return
    }
    #expect(today == today.rounded(.down) && today > 45000)
  }
}
