import ArgumentParser
import FormulaSyntax
import Foundation
import ModelFormat
import SpreadsheetEngine

/// `finmodel recalc`: evaluate a model and print its values.
struct RecalcCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recalc", abstract: "Evaluate a model and print the values of its cells.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
  }

  @OptionGroup var options: ModelOptions

  @Option(help: "Only this sheet (repeatable).")
  var sheet: [String] = []

  @Option(help: "Only cells inside this range, e.g. A1:F20.")
  var range: String?

  @Option(help: "Output format: table, csv or json.")
  var format: Format = .table

  @Flag(help: "Print the model's declared outputs instead of cells.")
  var outputs = false

  @Flag(help: "Evaluate every declared scenario and print the outputs side by side.")
  var scenarios = false

  @Flag(help: "Print timing and size figures as one JSON object on stderr.")
  var stats = false

  func validate() throws {
    if let range, A1Notation.parseArea(range) == nil {
      throw ValidationError("--range '\(range)' is not a range such as A1:F20")
    }
    if scenarios && options.scenario != nil {
      throw ValidationError("--scenarios evaluates every scenario; do not combine it with --scenario")
    }
  }

  func run() throws {
    if scenarios {
      try ScenarioComparison.run(options: options, format: format)
      return
    }
    let model = try options.load()
    let clock = ContinuousClock()
    let started = clock.now
    let report = model.workbook.recalculate(recordChanges: false)
    let evaluation = clock.now - started
    reportCycles(report, model: model)
    let selection = try selection(for: model)
    if outputs {
      Terminal.output(
        OutputsWriter.render(
          model.evaluateOutputs(), format: format.rawValue, numberFormats: model.outputFormats()))
    } else {
      switch format {
      case .table: Terminal.output(TableResultWriter.render(model, selection: selection))
      case .csv: Terminal.output(CSVResultWriter.render(model, selection: selection))
      case .json: Terminal.output(JSONResultWriter.render(model, selection: selection))
      }
    }
    if stats {
      Terminal.error(
        RunStatistics(model: model, evaluated: report.evaluatedCount, evaluation: evaluation).json)
    }
    try CheckReporter.enforce(model)
  }

  private func selection(for model: Model) throws -> ResultSelection {
    var sheets: [Int] = []
    for name in sheet {
      guard let index = model.workbook.sheetIndex(named: name) else {
        let hint =
          Suggestions.closest(to: name, among: model.sheetNames).map { " (did you mean '\($0)'?)" } ?? ""
        Terminal.error("error: the model has no sheet '\(name)'\(hint)")
        throw ExitStatus.invalidModel
      }
      sheets.append(index)
    }
    return ResultSelection(
      sheets: sheets.isEmpty ? Array(model.workbook.sheets.indices) : sheets,
      area: range.flatMap { A1Notation.parseArea($0) })
  }
}

/// Prints reference cycles as warnings pointing at the line that defines each cycle's first cell.
func reportCycles(_ report: RecalculationReport, model: Model) {
  reportCycles(report.cycles, model: model)
}

/// Prints each cycle (its cells, ending with the first again) as a warning.
func reportCycles(_ cycles: [[CellAddress]], model: Model) {
  for cycle in cycles {
    let path = cycle.map { model.workbook.name(of: $0) }.joined(separator: " → ")
    let first = cycle[0]
    let diagnostic = Diagnostic(
      "reference cycle: \(path); these cells evaluate to #CYCLE!",
      span: model.definitionSpan(sheet: first.sheet, at: first.point), severity: .warning)
    Terminal.error(DiagnosticRenderer.render(diagnostic, in: model.source))
  }
}
