import FormulaSyntax
import Foundation
import ModelFormat
import SpreadsheetEngine

/// Runs one fuzz input through everything finmodel does with a model and says what went wrong.
///
/// A crash or a hang cannot be caught here (it ends the process; the seed printed before each
/// input names it); everything else is checked: a model that fails to load must fail with
/// diagnostics whose spans lie in the text and render to `path:line:col: error: …`; a model that
/// loads must recalculate, print through the table, CSV and JSON writers (JSON that parses, CSV
/// with one record per cell), evaluate its checks and outputs, survive the printer round trip
/// (see `FuzzModelPrinter`) with the same values, and give after an incremental recalculation of
/// each scenario the values a fresh full recalculation gives.
///
/// Depends on the libraries only (no test framework), so that the libFuzzer harness in
/// `scripts/fuzz/` compiles this same file.
enum FuzzOracle {
  struct Outcome {
    var loaded = false
    /// Too many cells to load quickly (a mutation made `C7:E7` into `C7:E777777`); only parsed.
    var skipped = false
    var problems: [String] = []
  }

  /// Inputs placing more cells than this are parsed but not loaded: legitimate (the limit is
  /// 10,000,000 and `LimitTests` covers it), but seconds each in a debug build.
  static let maximumCells = 50_000

  static func run(_ bytes: [UInt8], path: String = "fuzz.fmodel") -> Outcome {
    var outcome = Outcome()
    let source = SourceText(path: path, bytes: bytes)
    let cells = ModelParser.parse(source).statements.reduce(0) { total, statement in
      if case .cells(let line) = statement { return total + line.area.cellCount }
      return total
    }
    guard cells <= maximumCells else {
      outcome.skipped = true
      return outcome
    }
    let model: Model
    do {
      model = try Model.load(source: source)
    } catch {
      outcome.problems = checkFailure(error, source: source)
      return outcome
    }
    outcome.loaded = true
    model.workbook.recalculate()
    outcome.problems += checkValues(model)
    outcome.problems += checkWriters(model)
    outcome.problems += checkRoundTrip(model)
    outcome.problems += checkScenarios(model, source: source)
    return outcome
  }

  /// Every diagnostic has a span inside the text (or none) and renders with its position.
  static func checkFailure(_ error: ModelLoadError, source: SourceText) -> [String] {
    guard case .invalid(_, let diagnostics) = error else { return ["unreadable from text: \(error)"] }
    var problems: [String] = []
    if !diagnostics.contains(where: { $0.severity == .error }) { problems.append("failed without an error") }
    for diagnostic in diagnostics {
      problems += checkDiagnostic(diagnostic, source: source)
    }
    if !error.rendered.hasSuffix("error(s) in \(source.path)") { problems.append("no summary line") }
    return problems
  }

  static func checkDiagnostic(_ diagnostic: Diagnostic, source: SourceText) -> [String] {
    if diagnostic.message.isEmpty { return ["empty diagnostic message"] }
    let rendered = DiagnosticRenderer.render(diagnostic, in: source)
    guard let span = diagnostic.span else {
      return rendered.hasPrefix("\(source.path): ") ? [] : ["bad rendering: \(rendered)"]
    }
    guard span.start >= 0, span.start <= source.bytes.count, span.end >= span.start,
      span.end <= source.bytes.count + 1
    else {
      return ["span \(span.start)..<\(span.end) outside \(source.bytes.count) bytes: \(diagnostic.message)"]
    }
    let (line, column) = source.location(of: span.start)
    let expected = "\(source.path):\(line):\(column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
    let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    guard renderedLines.first.map(String.init) == expected, renderedLines.count >= 3,
      renderedLines[2].contains("^")
    else { return ["bad rendering of \(diagnostic.message): \(rendered)"] }
    return []
  }

  static func checkWriters(_ model: Model) -> [String] {
    var problems: [String] = []
    let selection = ResultSelection(sheets: Array(model.workbook.sheets.indices), area: nil)
    _ = TableResultWriter.render(model, selection: selection)
    let json = JSONResultWriter.render(model, selection: selection)
    if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
      problems.append("JSON output does not parse: \(json.prefix(300))")
    }
    let cellCount = selection.sheets.reduce(0) { $0 + model.workbook.cells(onSheet: $1).count }
    let records = csvRecordCount(CSVResultWriter.render(model, selection: selection))
    if records != cellCount + 1 { problems.append("CSV has \(records) records for \(cellCount) cells") }
    _ = model.evaluateChecks()
    let outputs = model.evaluateOutputs()
    for format in ["table", "csv", "json"] { _ = OutputsWriter.render(outputs, format: format) }
    return problems
  }

  /// Records of RFC 4180 text (newlines inside quotes do not end a record).
  static func csvRecordCount(_ text: String) -> Int {
    var records = 0
    var quoted = false
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == 10 && !quoted { records += 1 }
    }
    return records
  }

  /// Printing every formula and loading the printed model gives the same values.
  static func checkRoundTrip(_ model: Model) -> [String] {
    guard let text = FuzzModelPrinter.text(of: model) else { return [] }
    let reloaded: Model
    do {
      reloaded = try Model.load(source: SourceText(path: "printed.fmodel", bytes: Array(text.utf8)))
    } catch {
      return [
        "printed model does not load:\n\(error.rendered.prefix(2_000))\n--- printed text:\n\(text.prefix(4_000))"
      ]
    }
    reloaded.workbook.recalculate()
    return compareValues(model, reloaded, what: "after the printer round trip")
  }

  /// Each scenario applied to the evaluated model (an incremental recalculation) gives the
  /// values of a fresh model with the scenario applied before its first, full recalculation.
  static func checkScenarios(_ model: Model, source: SourceText) -> [String] {
    guard let scenario = model.scenarios.first else { return [] }
    guard let fresh = try? Model.load(source: source) else { return ["the model loads only once"] }
    for assignment in scenario.assignments {
      do {
        try model.apply(assignment)
        try fresh.apply(assignment)
      } catch {
        return []
      }
    }
    model.workbook.recalculate()
    fresh.workbook.recalculate()
    return compareValues(model, fresh, what: "incrementally after scenario \(scenario.name)")
  }

  /// The engine never produces a NaN or an infinity (Excel has errors for those).
  static func checkValues(_ model: Model) -> [String] {
    for sheet in model.workbook.sheets.indices {
      for cell in model.workbook.cells(onSheet: sheet) {
        guard case .number(let number) = cell.value, !number.isFinite else { continue }
        return ["\(model.workbook.name(of: CellAddress(sheet: sheet, point: cell.point))) is \(number)"]
      }
    }
    return []
  }

  static func compareValues(_ a: Model, _ b: Model, what: String) -> [String] {
    var problems: [String] = []
    for sheet in a.workbook.sheets.indices {
      for cell in a.workbook.cells(onSheet: sheet) {
        if case .formula(let index) = cell.content, a.workbook.formulas[Int(index)].isVolatile { continue }
        let other = b.workbook.value(sheet: sheet, at: cell.point)
        guard !same(cell.value, other) else { continue }
        let name = a.workbook.name(of: CellAddress(sheet: sheet, point: cell.point))
        problems.append("\(name) is \(cell.value) but \(other) \(what)")
        if problems.count >= 5 { return problems }
      }
    }
    return problems
  }

  /// Equal values (NaN, which `checkValues` reports on its own, equals NaN here).
  static func same(_ a: CellValue, _ b: CellValue) -> Bool {
    if a == b { return true }
    if case .number(let x) = a, case .number(let y) = b, x.isNaN && y.isNaN { return true }
    return false
  }
}
