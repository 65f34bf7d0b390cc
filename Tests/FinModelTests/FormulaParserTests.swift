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
    ("A1 B1", "intersection operator is not supported", 3),
    ("1+@", "unexpected character '@'", 2),
    ("#FOO!", "unknown error value", 0),
    ("'Sheet", "unterminated sheet name", 0),
    ("{1,A1}", "array constant may hold only", 3),
    ("", "empty formula", 0),
    ("1..2", "invalid number", 0),
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
