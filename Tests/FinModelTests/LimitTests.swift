import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import Testing

/// Excel's limits and finmodel's own, each at the limit (accepted) and just past it (a clear
/// error with its position), for formulas, references, sheet names and defined names.
/// `docs/limits.md` lists them.
@Suite struct LimitTests {
  private func messages(_ text: String) -> [String] {
    ModelFixtures.diagnostics(text).map(\.message)
  }

  @Test func formulasMayNestTwoHundredFiftySixLevels() throws {
    let deep = String(repeating: "(", count: 255) + "1" + String(repeating: ")", count: 255)
    #expect(try ModelFixtures.load("[S]\nA1: =\(deep)\n").value("S!A1") == .number(1))
    let tooDeep = String(repeating: "(", count: 257) + "1" + String(repeating: ")", count: 257)
    #expect(messages("[S]\nA1: =\(tooDeep)\n") == ["formula is nested too deeply (more than 256 levels)"])
  }

  @Test func operatorChainsMayBeOneThousandTwentyFourLevelsTall() throws {
    let atLimit = Array(repeating: "1", count: 1_024).joined(separator: "+")
    #expect(try ModelFixtures.load("[S]\nA1: =\(atLimit)\n").value("S!A1") == .number(1_024))
    let past = Array(repeating: "1", count: 1_026).joined(separator: "+")
    #expect(messages("[S]\nA1: =\(past)\n").first?.contains("more than 1024 levels") == true)
  }

  @Test func formulasMayBeExcelsEightThousandOneHundredNinetyTwoCharactersLong() throws {
    let atLimit = "\"" + String(repeating: "x", count: 8_190) + "\""
    #expect(atLimit.count == FormulaLimits.maximumLength)
    let model = try ModelFixtures.load("[S]\nA1: =\(atLimit)\n")
    #expect(model.value("S!A1") == .text(String(repeating: "x", count: 8_190)))
    let diagnostics = ModelFixtures.diagnostics(
      "[S]\nA1: =\(atLimit) \n".replacingOccurrences(of: "\" \n", with: "\"&\"\"\n"))
    #expect(diagnostics.map(\.message) == ["formula is longer than Excel's limit of 8192 characters"])
    #expect(diagnostics.first?.span?.start == 9)
  }

  @Test func theGridEndsAtXFD1048576() throws {
    let model = try ModelFixtures.load("[S]\nXFD1048576: 7\nA1: =XFD1048576*2\nA2: =$XFD$1048576\n")
    #expect(model.value("S!A1") == .number(14))
    #expect(model.value("S!A2") == .number(7))
    for (text, message) in [
      ("[S]\nXFE1: 1\n", "'XFE1' is not a cell or range within A1:XFD1048576"),
      ("[S]\nA1048577: 1\n", "'A1048577' is not a cell or range within A1:XFD1048576"),
      ("[S]\nA1:A1048577: 1\n", "'A1:A1048577' is not a cell or range within A1:XFD1048576"),
      ("[S]\nA1: =SUM(A2:XFE2)\n", "'XFE2' is beyond Excel's grid (columns A to XFD, rows 1 to 1,048,576)"),
      (
        "[S]\nA1: =$A$1048577\n",
        "'$A$1048577' is beyond Excel's grid (columns A to XFD, rows 1 to 1,048,576)"
      ),
      ("[S]\nA1: =SUM(1:1048577)\n", "invalid row range '1:1048577' (rows run from 1 to 1,048,576)"),
      ("[S]\nA1: =XFE1\n", "unknown name 'XFE1'"),
    ] {
      #expect(messages(text).contains(message), "\(text): \(messages(text))")
    }
  }

  @Test func aRelativeReferenceFilledOffTheGridIsRef() throws {
    let model = try ModelFixtures.load("[S]\nA1048575:A1048576: =B1048576\n")
    #expect(model.value("S!A1048575") == .number(0))
    #expect(model.value("S!A1048576") == .error(.reference))
  }

  @Test func sumOverTheWholeGridDoesNotAllocateIt() throws {
    let start = ContinuousClock.now
    let model = try ModelFixtures.load(
      "[S]\nA1: =SUM(B1:XFD1048576)\nA2: =COUNTBLANK(B1:XFD1048576)\nB2: 5\nXFD1048576: 7\n")
    #expect(model.value("S!A1") == .number(12))
    #expect(model.value("S!A2") == .number(1_048_576 * 16_383 - 2))
    #expect(ContinuousClock.now - start < .seconds(5))
  }

  @Test func sheetNamesFollowExcelsRules() throws {
    let name31 = String(repeating: "S", count: 31)
    #expect(try ModelFixtures.load("[\(name31)]\nA1: 1\n").sheetNames == [name31])
    #expect(try ModelFixtures.load("[P&L 2024 (draft) #1]\nA1: 1\n").sheetNames == ["P&L 2024 (draft) #1"])
    #expect(
      messages("[\(name31)S]\nA1: 1\n").contains { $0.contains("longer than Excel's limit of 31 characters") }
    )
    for bad in ["[", "]", ":", "*", "?", "/", "\\"] {
      let found = messages("[A\(bad)B]\nA1: 1\n")
      #expect(found.contains { $0.contains("contains '\(bad)', which Excel forbids") }, "\(bad): \(found)")
    }
    #expect(messages("[   ]\nA1: 1\n").contains("a sheet name cannot be blank"))
    #expect(messages("['Quoted]\nA1: 1\n").contains("a sheet name cannot begin or end with an apostrophe"))
    #expect(messages("[history]\nA1: 1\n").contains("'History' is reserved by Excel"))
    #expect(
      messages("[Inputs]\nA1: 1\n[INPUTS]\nA2: 1\n").contains {
        $0 == "sheet 'INPUTS' differs only in case from 'Inputs'; Excel treats them as one sheet"
      })
  }

  @Test(arguments: ["A1", "a1", "XFD1048576", "TAX2024", "R1C1", "R", "C", "R2", "C7", "RC", "TRUE"])
  func namesThatLookLikeReferencesAreRefused(_ name: String) {
    let found = messages("name \(name) = 1\n[S]\nA1: 1\n")
    #expect(
      found.contains { $0.contains("looks like a cell reference") || $0.contains("boolean constant") },
      "\(found)")
  }

  @Test func namesFollowExcelsRules() throws {
    let model = try ModelFixtures.load(
      "name _tax = 0.3\nname Net.Rate = 2\nname XFE1 = 3\nname ABCD1 = 4\n[S]\nA1: =_tax+Net.Rate+XFE1+ABCD1\n"
    )
    #expect(model.value("S!A1").matches(.number(9.3)))
    let name255 = "N" + String(repeating: "x", count: 254)
    #expect((try? ModelFixtures.load("name \(name255) = 1\n[S]\nA1: =\(name255)\n")) != nil)
    #expect(
      messages("name \(name255)x = 1\n[S]\nA1: 1\n").contains(
        "name is longer than Excel's limit of 255 characters"))
    #expect(messages("name 2x = 1\n[S]\nA1: 1\n").contains("name '2x' must start with a letter, '_' or '\\'"))
    #expect(messages("name a b = 1\n[S]\nA1: 1\n").contains("expected '=' after the name"))
    #expect(
      messages("name Rate = 1\nname RATE = 2\n[S]\nA1: 1\n").contains(
        "name 'RATE' is defined twice (names ignore case)"))
    #expect(
      messages("name a = b\nname b = a\n[S]\nA1: =a\n").contains("name 'a' is defined in terms of itself"))
  }

  @Test func unterminatedTextAndBracketsAreErrorsWithPositions() {
    for (text, message, column) in [
      ("[S]\nA1: \"abc\n", "unterminated text: a closing '\"' is missing", 5),
      ("[S]\nA1: =\"abc\n", "unterminated text: a closing '\"' is missing", 6),
      ("[S]\nA1: ='My sheet!A1\n", "unterminated sheet name: a closing \"'\" is missing", 6),
      ("[S]\nA1: =SUM(1\n", "missing ')' to close SUM(", 9),
      ("[S]\nA1: =(1\n", "formula ends too early; expected ')'", 8),
      ("[S]\nA1: =1)\n", "unmatched ')'", 7),
      ("[S]\nA1: ={1,2\n", "formula ends too early; expected ',', ';' or '}' in an array constant", 10),
      ("[S\nA1: 1\n", "a sheet header must end with ']'", 1),
      ("[S]\nA1: 1 | note \"open\n", "unterminated text: a closing '\"' is missing", 14),
    ] {
      let diagnostics = ModelFixtures.diagnostics(text)
      let found = diagnostics.first { $0.message == message }
      #expect(found != nil, "\(text): \(diagnostics.map(\.message))")
      if let found, let span = found.span {
        let source = SourceText(path: "t", bytes: Array(text.utf8))
        #expect(source.location(of: span.start).column == column, "\(text)")
      }
    }
  }

  @Test func aModelMayHoldTenMillionCells() {
    let start = ContinuousClock.now
    let found = messages("[S]\nA1:XFD1048576: =1\n")
    #expect(found.first?.hasPrefix("A1:XFD1048576 takes the model past 10000000 cells") == true, "\(found)")
    let total = messages("[S]\nA1:F1048576: =1\nG1:L1048576: =2\nM1: =SUMM(1)\n")
    #expect(
      total == [
        "G1:L1048576 takes the model past 10000000 cells (this line alone fills 6291456)"
      ])
    #expect(ContinuousClock.now - start < .seconds(2))
  }

  @Test func oneFormulaReadsAtMostTenMillionPositions() throws {
    let model = try ModelFixtures.load(
      "[S]\nA1: =SUMPRODUCT(B1:XFD1048576*1)\nA2: =ROWS(B1:XFD1048576)\nXFD1048576: 1\n")
    #expect(model.value("S!A1") == .error(.number))
    #expect(model.value("S!A2") == .number(1_048_576))
  }
}
