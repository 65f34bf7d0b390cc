import FormulaSyntax
import Foundation
import SpreadsheetEngine
import Testing

/// Excel semantics of the logical, lookup and text functions that the LibreOffice-made goldens
/// cannot show (LibreOffice differs from Excel there) or do not cover.
///
/// Each case is evaluated in the golden fixture workbook (`data.tsv`), with a few extra cells
/// in columns AB… of sheet Data.
@Suite struct LookupFunctionTests {
  /// Extra fixture cells: AB1:AB7 unsorted numbers, AC1:AC6 numbers and text interleaved,
  /// AD1 a text longer than a cell may hold when concatenated.
  static let extraCells: [(String, CellValue)] = [
    ("AB1", .number(1)), ("AB2", .number(5)), ("AB3", .number(3)), ("AB4", .number(2)),
    ("AB5", .number(9)), ("AB6", .number(4)), ("AB7", .number(7)),
    ("AC1", .number(1)), ("AC2", .text("a")), ("AC3", .number(3)), ("AC4", .text("b")),
    ("AC5", .text("c")), ("AC6", .number(5)),
    ("AD1", .text(String(repeating: "x", count: 20_000))),
  ]

  static let cases: [(formula: String, expected: String)] = [
    // Approximate match bisects like Excel, even on unsorted data (LibreOffice: #N/A).
    ("=MATCH(5,Data!A1:A10,1)", "n:4"),
    ("=MATCH(5,Data!A1:A10)", "n:4"),
    ("=VLOOKUP(5,Data!A1:B10,2,TRUE)", "n:4"),
    ("=MATCH(4,Data!AB1:AB7,1)", "n:6"),
    ("=MATCH(3,Data!AB1:AB7,1)", "n:4"),
    ("=MATCH(2,{1,2,2,2,3},1)", "n:4"),
    ("=MATCH(30,{50,40,30,30,20},-1)", "n:4"),
    // Other kinds, blanks and errors are skipped by the bisection.
    ("=MATCH(2,INDEX(1/(Data!C1:C10=\"apple\"),0),1)", "n:4"),
    ("=MATCH(9.99E+307,Data!D1:D11)", "n:8"),
    ("=MATCH(\"zzz\",Data!AC1:AC6,1)", "n:5"),
    ("=MATCH(99,Data!AC1:AC6,1)", "n:6"),
    ("=MATCH(\"c\",{\"a\",1,\"b\",2,3,4},1)", "n:3"),
    // Lookups never match across kinds; blank cells never match; a blank lookup value is
    // looked up as 0 by MATCH and VLOOKUP (LibreOffice: #N/A) but as a blank by XLOOKUP.
    ("=MATCH(TRUE,{1,TRUE,FALSE},0)", "n:2"),
    ("=MATCH(1,{TRUE,1},0)", "n:2"),
    ("=MATCH(0,Data!D1:D9,0)", "n:8"),
    ("=MATCH(\"10\",Data!D1:D9,0)", "n:6"),
    ("=MATCH(Data!Z1,Data!A1:A10,0)", "n:3"),
    ("=VLOOKUP(Data!Z1,Data!A1:B10,2,FALSE)", "n:3"),
    ("=MATCH(0,Data!Z1:Z3,0)", "e:#N/A"),
    ("=XLOOKUP(Data!Z1,Data!D1:D9,Data!B1:B9)", "n:4"),
    ("=XLOOKUP(Data!Z1,Data!A1:A10,Data!B1:B10,\"none\")", "s:none"),
    // Wildcards and their escape.
    ("=MATCH(\"x~*y\",Data!Y1:Y12,0)", "n:8"),
    ("=MATCH(\"x~?y\",Data!Y1:Y12,0)", "n:9"),
    ("=MATCH(\"?b\",Data!C1:C10,0)", "n:7"),
    // An omitted-but-present match type or range_lookup is 0/FALSE: exact match.
    ("=MATCH(3,Data!A1:A10,)", "n:6"),
    ("=VLOOKUP(3,Data!A1:B10,2,)", "n:6"),
    ("=MATCH(5,Data!A1:B3,0)", "e:#N/A"),
    ("=HLOOKUP(\"Feb\",Data!M20:P22,0,FALSE)", "e:#VALUE!"),
    // INDEX returns references; 0 selects a whole row or column.
    ("=ROW(INDEX(Data!A1:C3,2,3))", "n:2"),
    ("=COLUMN(INDEX(Data!A1:C3,2,3))", "n:3"),
    ("=SUM(INDEX(Data!A1:B10,0,2))", "n:55"),
    ("=INDEX(Data!A:A,5)", "n:7"),
    ("=INDEX(Data!A1:A10,2.9)", "n:-5"),
    ("=SUM(INDEX({1,2;3,4},2))", "n:7"),
    ("=INDEX(Data!A1:A10,1,1,2)", "e:#REF!"),
    ("=MATCH(1,INDEX((Data!C1:C10=\"apple\")*(Data!B1:B10>3),0),0)", "n:4"),
    // Classic Excel: MATCH's lookup array does not force array evaluation, so without the
    // INDEX wrapper the comparison intersects the formula's row (below C1:C10): #VALUE!.
    ("=MATCH(1,(Data!C1:C10=\"apple\")*(Data!B1:B10>3),0)", "e:#VALUE!"),
    ("=SUMPRODUCT(MATCH(Data!C1:C3,Data!C1:C10,0))", "n:6"),
    // XLOOKUP's modes and results.
    ("=XLOOKUP(750,Data!S2:S6,Data!U2:U6,,-1,2)", "s:mid"),
    ("=XLOOKUP(750,Data!S2:S6,Data!U2:U6,,1,2)", "s:high"),
    ("=XLOOKUP(500,Data!S2:S6,Data!U2:U6,,0,2)", "s:mid"),
    ("=XLOOKUP(35,Data!X1:X5,Data!X1:X5,,-1,-2)", "n:30"),
    ("=XLOOKUP(35,Data!X1:X5,Data!X1:X5,,1,-2)", "n:40"),
    ("=XLOOKUP(20,Data!X1:X5,Data!X1:X5,,0,-2)", "n:20"),
    ("=XLOOKUP(5,Data!A1:A10,Data!B1:B10,,-1)", "n:10"),
    ("=XLOOKUP(5,Data!A1:A10,Data!B1:B10,,1)", "n:5"),
    ("=XLOOKUP(\"P-101\",Data!M2:M8,Data!N2:Q8)", "s:Gadget"),
    ("=SUM(XLOOKUP(\"P-101\",Data!M2:M8,Data!N2:Q8))", "n:35"),
    ("=XLOOKUP(\"P-102\",Data!M2:M8,Data!N2:N8,1/0)", "s:Doohickey"),
    ("=XLOOKUP(\"P-102\",Data!M2:M8,Data!N2:N7)", "e:#VALUE!"),
    ("=XLOOKUP(\"P-102\",Data!M2:M8,Data!N2:N8,,3)", "e:#VALUE!"),
    ("=XLOOKUP(\"P-102\",Data!M2:M8,Data!N2:N8,,0,0)", "e:#VALUE!"),
    ("=XLOOKUP(\"P-10*\",Data!M2:M8,Data!N2:N8)", "e:#N/A"),
    // ROW/COLUMN of a multi-cell range are arrays.
    ("=SUMPRODUCT(ROW(Data!A1:A3))", "n:6"),
    ("=SUM(COLUMN(Data!A1:C1))", "n:6"),
    ("=ROWS({1,2;3,4;5,6})", "n:3"),
    // Lazy functions element-wise inside array formulas and over array selectors.
    ("=SUMPRODUCT(IFERROR(Data!D1:D11*1,0))", "n:13"),
    ("=SUMPRODUCT(IFNA(Data!D10:D11,0))", "e:#DIV/0!"),
    ("=SUMPRODUCT(IF(Data!A1:A10>2,Data!B1:B10,0))", "n:34"),
    ("=SUMPRODUCT(IFS(Data!A1:A10>50,1,Data!A1:A10>5,2,TRUE,0))", "n:5"),
    ("=SUMPRODUCT(SWITCH(Data!B1:B10,1,10,2,20,0))", "n:30"),
    ("=INDEX(IF({TRUE,FALSE},1),1,2)", "b:FALSE"),
    ("=VLOOKUP(2,CHOOSE({1,2},Data!B1:B10,Data!A1:A10),2,0)", "n:-5"),
    ("=SUM(IF(TRUE,Data!A1:A3))", "n:5"),
    // AND/OR/XOR: typed "TRUE" is coerced, text inside arrays is skipped.
    ("=AND(\"TRUE\",1)", "b:TRUE"),
    ("=AND({1,\"a\",TRUE})", "b:TRUE"),
    ("=OR({\"a\"})", "e:#VALUE!"),
    ("=XOR(Data!D1:D9)", "b:TRUE"),
    ("=AND(TRUE,)", "b:FALSE"),
    // SWITCH compares without coercion between kinds.
    ("=SWITCH(1,\"1\",\"text\",1,\"number\")", "s:number"),
    // Text: UTF-16 lengths, one-to-one case mapping, the 32,767-character limit.
    ("=LEN(\"😀\")", "n:2"),
    ("=LEFT(\"😀a\",2)", "s:😀"),
    ("=UPPER(\"straße\")", "s:STRAßE"),
    ("=TRIM(\"  a \tb  \")", "s:a \tb"),
    ("=LEN(Data!AD1)", "n:20000"),
    ("=LEN(CONCAT(Data!AD1,Data!AD1))", "e:#VALUE!"),
    ("=LEN(CONCATENATE(Data!AD1,Data!AD1))", "e:#VALUE!"),
    ("=LEN(TEXTJOIN(\",\",TRUE,Data!AD1,Data!AD1))", "e:#VALUE!"),
    ("=TEXTJOIN({\"-\",\"+\"},TRUE,1,2,3,4)", "s:1-2+3-4"),
    ("=TEXT(TRUE,\"0\")", "s:TRUE"),
    ("=TEXT(\"123\",\"0.00\")", "s:123.00"),
    ("=VALUE(TRUE)", "e:#VALUE!"),
  ]

  @Test func excelSemantics() throws {
    let folder = try #require(GoldenFiles.folder)
    let run = try GoldenRun(data: GoldenFiles.read(folder.appendingPathComponent("data.tsv")))
    for (address, value) in Self.extraCells {
      let point = try #require(A1Notation.parseCell(Substring(address)))
      run.workbook.setConstant(value, sheet: run.dataSheet, at: point)
    }
    let goldenCases = try Self.cases.enumerated().map { index, item in
      GoldenCase(
        line: index + 1, formula: item.formula, expectedText: item.expected,
        expected: try #require(GoldenValue(Substring(item.expected))), note: "")
    }
    for (goldenCase, outcome) in zip(goldenCases, run.evaluate(goldenCases)) {
      switch outcome {
      case .failure(let error):
        Issue.record("\(goldenCase.formula) does not compile: \(error)")
      case .success(let value):
        #expect(
          goldenCase.expected.matches(value),
          "\(goldenCase.formula): expected \(goldenCase.expectedText), got \(GoldenValue.render(value))")
      }
    }
  }

  @Test func wildcardPatterns() {
    #expect(WildcardPattern("a*").matches("Apple"))
    #expect(WildcardPattern("*an*").matches("banana"))
    #expect(!WildcardPattern("?b").matches("cab"))
    #expect(WildcardPattern("x~*y").matches("x*y"))
    #expect(!WildcardPattern("x~*y").matches("xzy"))
    #expect(WildcardPattern("a~b").matches("a~b"))
    #expect(WildcardPattern("*").matches(""))
    #expect(
      !WildcardPattern(String(repeating: "*a", count: 30) + "b").matches(String(repeating: "a", count: 200)))
  }

  /// Whole-column lookups over a large sheet stay fast: bisection probes a few cells, and
  /// exact matching reads each cell once.
  @Test func largeColumnLookups() throws {
    let workbook = Workbook()
    let sheet = try workbook.addSheet(named: "S")
    let count = 200_000
    for row in 0..<count {
      workbook.setConstant(.number(Double(row * 2)), sheet: sheet, at: GridPoint(row: row, column: 0))
    }
    let formulas = ["MATCH(199999,A:A,1)", "MATCH(399998,A:A,0)", "XLOOKUP(7,A:A,A:A,,1)", "ROWS(A:A)"]
    var points: [GridPoint] = []
    for (index, text) in formulas.enumerated() {
      let point = GridPoint(row: index, column: 2)
      let formula = try workbook.addFormula(
        FormulaParser.parse(Substring(text), anchor: point), sheet: sheet, anchor: point)
      workbook.setFormula(formula, sheet: sheet, at: point)
      points.append(point)
    }
    _ = workbook.recalculate()
    #expect(workbook.value(sheet: sheet, at: points[0]) == .number(100_000))
    #expect(workbook.value(sheet: sheet, at: points[1]) == .number(200_000))
    #expect(workbook.value(sheet: sheet, at: points[2]) == .number(8))
    #expect(workbook.value(sheet: sheet, at: points[3]) == .number(1_048_576))
  }
}
