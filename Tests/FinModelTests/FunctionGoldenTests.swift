import FormulaSyntax
import Foundation
import SpreadsheetEngine
import Testing

/// Golden tests of the function families: expected values computed by LibreOffice (or Excel's
/// documented result where the two differ), one file per family in `Golden/functions/`.
///
/// `data.tsv` fills the fixture sheet `Data`; case k of `<family>.tsv` (1-based among the case
/// lines) is entered at `Cases!B{k}`, the workbook is recalculated once, and every case is
/// compared with its expected value. Every mismatch is reported, pointing at its line in the
/// `.tsv` file, so one run shows the whole state of a family.
@Suite struct FunctionGoldenTests {
  /// The family names: every `*.tsv` in the folder except the fixture.
  static let families: [String] = {
    guard let folder = GoldenFiles.folder,
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".tsv") && $0 != "data.tsv" }
      .map { String($0.dropLast(4)) }
      .sorted()
  }()

  @Test func goldenFolderIsFound() throws {
    let folder = try #require(GoldenFiles.folder, "Golden/functions not found")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data.tsv").path))
  }

  @Test(arguments: families)
  func family(_ name: String) throws {
    let folder = try #require(GoldenFiles.folder)
    let data = try GoldenFiles.read(folder.appendingPathComponent("data.tsv"))
    let casesURL = folder.appendingPathComponent(name + ".tsv")
    let cases = try GoldenFiles.parseCases(GoldenFiles.read(casesURL))
    try #require(!cases.isEmpty, "\(name).tsv has no cases")

    let run = try GoldenRun(data: data)
    for problem in run.problems { Issue.record("\(problem)") }
    let results = run.evaluate(cases)
    var failures = 0
    for (goldenCase, outcome) in zip(cases, results) {
      let problem: String?
      switch outcome {
      case .failure(let message):
        problem = "does not compile: \(message)"
      case .success(let got):
        problem = goldenCase.expected.matches(got) ? nil : "got \(GoldenValue.render(got))"
      }
      guard let problem else { continue }
      failures += 1
      let note = goldenCase.note.isEmpty ? "" : "  [\(goldenCase.note)]"
      Issue.record(
        "\(name).tsv:\(goldenCase.line): \(goldenCase.formula)  expected \(goldenCase.expectedText), \(problem)\(note)",
        sourceLocation: SourceLocation(
          fileID: "FinModelTests/\(name).tsv", filePath: casesURL.path, line: goldenCase.line,
          column: 1))
    }
    if failures > 0 {
      Issue.record("\(name): \(failures) of \(cases.count) cases mismatch")
    }
  }
}

/// One case line: `=FORMULA<TAB>expected[<TAB>note]`.
struct GoldenCase {
  var line: Int
  var formula: String
  var expectedText: String
  var expected: GoldenValue
  var note: String
}

/// A typed value of the golden files: `n:`, `s:`, `b:`, `e:`.
enum GoldenValue {
  case number(Double)
  case text(String)
  case boolean(Bool)
  case error(String)

  init?(_ typed: Substring) {
    let payload = String(typed.dropFirst(2))
    switch typed.prefix(2) {
    case "n:":
      guard let number = Double(payload) else { return nil }
      self = .number(number)
    case "s:": self = .text(GoldenFiles.unescape(payload))
    case "b:":
      guard payload == "TRUE" || payload == "FALSE" else { return nil }
      self = .boolean(payload == "TRUE")
    case "e:": self = .error(payload)
    default: return nil
    }
  }

  /// Numbers within a relative 1e-9; text, booleans and errors exactly. An empty result
  /// counts as the empty text (the generator writes `s:` for a blank).
  func matches(_ value: CellValue) -> Bool {
    switch (self, value) {
    case (.number(let expected), .number(let got)):
      return CellValue.number(expected).matches(.number(got), relativeTolerance: 1e-9)
    case (.text(let expected), .text(let got)): return expected == got
    case (.text(let expected), .empty): return expected.isEmpty
    case (.boolean(let expected), .boolean(let got)): return expected == got
    case (.error(let expected), .error(let got)): return expected == got.rawValue
    default: return false
    }
  }

  /// A result written the way the golden files write values.
  static func render(_ value: CellValue) -> String {
    switch value {
    case .empty: "(empty)"
    case .number(let number): "n:\(number)"
    case .text(let text): "s:\(GoldenFiles.escape(text))"
    case .boolean(let flag): flag ? "b:TRUE" : "b:FALSE"
    case .error(let error): "e:\(error.rawValue)"
    }
  }
}

/// A workbook holding the fixture sheet, into which a family's cases are entered.
struct GoldenRun {
  let workbook = Workbook()
  let dataSheet: Int
  let casesSheet: Int
  /// Fixture formulas that did not compile (their cells hold #NAME?).
  private(set) var problems: [String] = []

  init(data: String) throws {
    dataSheet = try workbook.addSheet(named: "Data")
    casesSheet = try workbook.addSheet(named: "Cases")
    for (number, line) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let point = A1Notation.parseCell(parts[0]) else {
        throw GoldenFileError("data.tsv:\(number + 1): bad line \(line)")
      }
      let typed = parts[1]
      if typed.hasPrefix("f:") {
        let text = typed.dropFirst(2)
        do {
          let formula = try workbook.addFormula(
            FormulaParser.parse(text.hasPrefix("=") ? text.dropFirst() : text, anchor: point),
            sheet: dataSheet, anchor: point)
          workbook.setFormula(formula, sheet: dataSheet, at: point)
        } catch {
          // Keep going: one unsupported fixture formula must not hide every case's result.
          problems.append(
            "data.tsv:\(number + 1): \(text) does not compile: \(GoldenRun.describe(error))")
          workbook.setConstant(.error(.name), sheet: dataSheet, at: point)
        }
        continue
      }
      let value: CellValue
      switch GoldenValue(typed) {
      case .number(let number)?: value = .number(number)
      case .text(let text)?: value = .text(text)
      case .boolean(let flag)?: value = .boolean(flag)
      default: throw GoldenFileError("data.tsv:\(number + 1): bad value \(typed)")
      }
      workbook.setConstant(value, sheet: dataSheet, at: point)
    }
  }

  /// Enters every case, recalculates once, and reads the results back; a case that does not
  /// parse or bind yields its error message instead.
  func evaluate(_ cases: [GoldenCase]) -> [Result<CellValue, GoldenFileError>] {
    var entered: [Result<GridPoint, GoldenFileError>] = []
    for (index, goldenCase) in cases.enumerated() {
      let point = GridPoint(row: index, column: 1)
      do {
        let syntax = try FormulaParser.parse(goldenCase.formula.dropFirst(), anchor: point)
        let formula = try workbook.addFormula(syntax, sheet: casesSheet, anchor: point)
        workbook.setFormula(formula, sheet: casesSheet, at: point)
        entered.append(.success(point))
      } catch {
        entered.append(.failure(GoldenFileError(GoldenRun.describe(error))))
      }
    }
    _ = workbook.recalculate()
    return entered.map { outcome in
      outcome.map { workbook.value(sheet: casesSheet, at: $0) }
    }
  }
}

extension GoldenRun {
  /// A parse or binding failure as one line.
  static func describe(_ error: any Error) -> String {
    switch error {
    case let error as FormulaSyntaxError: "syntax error: \(error.message)"
    case let error as BindingIssues:
      "binding: " + error.issues.map(\.message).joined(separator: "; ")
    default: "\(error)"
    }
  }
}

struct GoldenFileError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Locating and reading the golden files.
enum GoldenFiles {
  /// `Golden/functions` from the test bundle's resources, else next to this source file.
  static let folder: URL? = {
    var candidates: [URL] = []
    if let bundled = Bundle.module.url(forResource: "Golden", withExtension: nil) {
      candidates.append(bundled.appendingPathComponent("functions"))
    }
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("functions"))
    return candidates.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("data.tsv").path)
    }
  }()

  static func read(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
  }

  /// The case lines of a family file, with their 1-based line numbers.
  static func parseCases(_ text: String) throws -> [GoldenCase] {
    var cases: [GoldenCase] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard line.hasPrefix("=") else { continue }
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard parts.count >= 2, let expected = GoldenValue(parts[1]) else {
        throw GoldenFileError("line \(index + 1): bad case \(line)")
      }
      cases.append(
        GoldenCase(
          line: index + 1, formula: String(parts[0]), expectedText: String(parts[1]),
          expected: expected, note: parts.dropFirst(2).joined(separator: "\t")))
    }
    return cases
  }

  static func unescape(_ text: String) -> String {
    var result = ""
    var iterator = text.makeIterator()
    while let character = iterator.next() {
      guard character == "\\", let next = iterator.next() else {
        result.append(character)
        continue
      }
      switch next {
      case "t": result.append("\t")
      case "n": result.append("\n")
      case "r": result.append("\r")
      case "\\": result.append("\\")
      default:
        result.append("\\")
        result.append(next)
      }
    }
    return result
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
      .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
  }
}
