import FormulaSyntax
import Testing

/// The formula parser: Excel's precedence and associativity, references, and source spans.
@Suite struct FormulaParserTests {
  /// A compact rendering of the tree, to assert its shape.
  func shape(_ text: String) throws -> String {
    describe(try FormulaParser.parse(text))
  }

  func describe(_ e: FormulaExpression) -> String {
    switch e.kind {
    case .number(let n): return FormulaPrinter.number(n)
    case .text(let t): return "\"\(t)\""
    case .boolean(let b): return b ? "TRUE" : "FALSE"
    case .error(let e): return e.rawValue
    case .missing: return "_"
    case .name(let n): return n
    case .cell, .area, .array: return FormulaPrinter().print(e, at: GridPoint(row: 0, column: 0))
    case .prefix(let op, let x): return "(\(op.rawValue)\(describe(x)))"
    case .postfix(let op, let x): return "(\(describe(x))\(op.rawValue))"
    case .infix(let op, let a, let b): return "(\(describe(a))\(op.rawValue)\(describe(b)))"
    case .parenthesized(let x): return describe(x)
    case .intersection(let a, let b): return "(\(describe(a)) \(describe(b)))"
    case .union(let areas): return "U(" + areas.map(describe).joined(separator: ",") + ")"
    case .call(let name, _, let args): return name + "(" + args.map(describe).joined(separator: ",") + ")"
    }
  }

  @Test(arguments: [
    ("-2^2", "((-2)^2)"),
    ("2^3^2", "((2^3)^2)"),
    ("2^-2", "(2^(-2))"),
    ("1+2*3", "(1+(2*3))"),
    ("1-2-3", "((1-2)-3)"),
    ("\"a\"&1+2", "(\"a\"&(1+2))"),
    ("1+2&3", "((1+2)&3)"),
    ("A1&B1=C1", "((A1&B1)=C1)"),
    ("1<2=TRUE", "((1<2)=TRUE)"),
    ("50%^2", "((50%)^2)"),
    ("-A1%", "((-A1)%)"),
    ("--1", "(-(-1))"),
    ("1<>2", "(1<>2)"),
    ("1>=2", "(1>=2)"),
    ("IF(A1,,2)", "IF(A1,_,2)"),
    ("_xlfn.IFS(TRUE,1)", "IFS(TRUE,1)"),
    ("sum(a1:b2)", "SUM(A1:B2)"),
    ("{1,2;3,-4}", "{1,2;3,-4}"),
    ("#N/A", "#N/A"),
    ("#div/0!", "#DIV/0!"),
    ("TaxRate*2", "(TaxRate*2)"),
    ("LOG10(100)", "LOG10(100)"),
    // Reference operators: a space between references intersects, ':' binds tighter, and the
    // space binds tighter than unary minus, '%' and '^'; other spaces are plain whitespace.
    ("A1:C3 B2:B9", "(A1:C3 B2:B9)"),
    ("Revenue Year2", "(Revenue Year2)"),
    ("B:B 3:3", "(B:B 3:3)"),
    ("A1:C3 B1:B9 A2:C2", "((A1:C3 B1:B9) A2:C2)"),
    ("-A1:B2 B2", "(-(A1:B2 B2))"),
    ("A1:B2 B2%", "((A1:B2 B2)%)"),
    ("A1:B2 B2^2", "((A1:B2 B2)^2)"),
    ("A1 +B1", "(A1+B1)"),
    ("A1 - B1", "(A1-B1)"),
    ("( A1 )", "A1"),
    ("SUM( A1 , B1 )", "SUM(A1,B1)"),
    ("SUM (A1)", "SUM(A1)"),
    ("Rate *2", "(Rate*2)"),
    ("A1:B9 INDEX(A1:B9,0,2)", "(A1:B9 INDEX(A1:B9,0,2))"),
    ("(A1:B2) B2", "(A1:B2 B2)"),
    ("#REF! A1", "(#REF! A1)"),
    ("SUM((A1,B2:C3))", "SUM(U(A1,B2:C3))"),
    ("(A1:B2,C1) B1:C1", "(U(A1:B2,C1) B1:C1)"),
    ("(A1:B2 B2,C3)", "U((A1:B2 B2),C3)"),
    ("INDEX((A1:B2,D1:E2),1,1,2)", "INDEX(U(A1:B2,D1:E2),1,1,2)"),
    ("SUM(S!B2:S!D2)", "SUM(S!B2:D2)"),
    ("SUM('My T'!A1:'my t'!$A$2)", "SUM('My T'!A1:$A$2)"),
    ("'Q1''24'!B2:'Q1''24'!C3*2", "('Q1''24'!B2:C3*2)"),
  ])
  func precedence(_ formula: String, _ expected: String) throws {
    #expect(try shape(formula) == expected)
  }

  @Test func referencesKeepSheetsAndAbsoluteParts() throws {
    let printer = FormulaPrinter()
    let origin = GridPoint(row: 0, column: 0)
    for text in ["'P&L'!$B$4:$E$4", "Inputs!B2", "B:B", "$3:$3", "A1:XFD1048576", "'Cash Runway'!C$10"] {
      #expect(printer.print(try FormulaParser.parse(text), at: origin) == text)
    }
  }

  @Test func relativeReferencesShiftWhenPrintedForAnotherCell() throws {
    let anchor = try #require(A1Notation.parseCell("C7"))
    let formula = try FormulaParser.parse("B7*(1+$B$2)+C$1+$A6", anchor: anchor)
    let printer = FormulaPrinter()
    #expect(printer.print(formula, at: anchor) == "B7*(1+$B$2)+C$1+$A6")
    #expect(printer.print(formula, at: try #require(A1Notation.parseCell("E9"))) == "D9*(1+$B$2)+E$1+$A8")
    // Shifting off the grid gives #REF!, as Excel's fill does.
    #expect(
      printer.print(formula, at: try #require(A1Notation.parseCell("A1"))) == "#REF!*(1+$B$2)+A$1+#REF!")
  }

  @Test func futurePrefixesAreAddedOnRequest() throws {
    let printer = FormulaPrinter { $0 == "IFS" }
    #expect(
      printer.print(try FormulaParser.parse("IFS(A1>0,1)+SUM(1)"), at: GridPoint(row: 0, column: 0))
        == "_xlfn.IFS(A1>0,1)+SUM(1)")
  }

  @Test func spansPointIntoTheSourceText() throws {
    let text = "SUM(B2:B4)*Rate"
    let formula = try FormulaParser.parse(text, baseOffset: 100)
    guard case .infix(_, let call, let name) = formula.kind,
      case .call(_, let nameSpan, let arguments) = call.kind
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(nameSpan == SourceSpan(start: 100, end: 103))
    #expect(arguments[0].span == SourceSpan(start: 104, end: 109))
    #expect(call.span == SourceSpan(start: 100, end: 110))
    #expect(name.span == SourceSpan(start: 111, end: 115))
    #expect(formula.span == SourceSpan(start: 100, end: 115))
  }

  @Test(arguments: [
    ("\"abc", "unterminated text", 0),
    ("1+", "formula ends too early", 2),
    ("(1+2", "expected ')'", 4),
    ("SUM(1,2", "missing ')'", 3),
    ("1+2)", "unmatched ')'", 3),
    ("1 A1", "the intersection operator (a space) needs a reference on its left", 2),
    ("\"x\" A1", "the intersection operator (a space) needs a reference on its left", 4),
    ("A1 TRUE", "needs a reference on its right, not 'TRUE'", 3),
    ("A1 (1+2)", "needs a reference on its right, not 'a calculation'", 3),
    ("1 2", "unexpected '2.0'", 2),
    ("SUM((A1,2))", "joins references only, not '2'", 8),
    ("(A1,)", "expected a reference after ','", 3),
    ("(A1,B1", "',' or ')' in a union", 6),
    ("1+@", "unexpected character '@'", 2),
    ("#FOO!", "unknown error value", 0),
    ("'Sheet", "unterminated sheet name", 0),
    ("{1,A1}", "array constant may hold only", 3),
    ("", "empty formula", 0),
    ("1..2", "invalid number", 0),
    ("SUM(S!B2:T!D2)", "a range cannot span two sheets", 6),
    ("SUM(B2:S!D2)", "a range cannot span two sheets", 4),
  ])
  func syntaxErrorsCarryTheirPosition(_ text: String, _ message: String, _ start: Int) {
    do {
      _ = try FormulaParser.parse(text)
      Issue.record("expected a syntax error for \(text)")
    } catch {
      #expect(error.message.contains(message), "\(error.message)")
      #expect(error.span.start == start, "\(text): \(error.span)")
    }
  }

  @Test func nestingDepthIsLimitedInsteadOfOverflowingTheStack() {
    let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
    #expect(throws: FormulaSyntaxError.self) { try FormulaParser.parse(deep) }
    let deepCalls = String(repeating: "ABS(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
    #expect(throws: FormulaSyntaxError.self) { try FormulaParser.parse(deepCalls) }
  }

  @Test func formulasLongerThanExcelsLimitAreRejected() {
    let long = Array(repeating: "1", count: 5_000).joined(separator: "+")
    #expect(throws: FormulaSyntaxError.self) { try FormulaParser.parse(long) }
  }
}
