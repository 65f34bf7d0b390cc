import ArgumentParser
import ModelFormat

/// Reports failing model checks and turns them into exit status 3.
enum CheckReporter {
  static func enforce(_ model: Model) throws {
    let failing = model.evaluateChecks().filter { !$0.passed }
    guard !failing.isEmpty else { return }
    for result in failing {
      let diagnostic = Diagnostic(
        "check failed: \(result.check.label) (value: \(result.value))", span: result.check.span)
      Terminal.error(DiagnosticRenderer.render(diagnostic, in: model.source))
    }
    Terminal.error("\(failing.count) of \(model.checks.count) checks failed")
    throw ExitStatus.checkFailed
  }
}

extension ScenarioComparison {
  static func run(options: ModelOptions, format: RecalcCommand.Format) throws {
    let model = try options.load()
    guard !model.scenarios.isEmpty else {
      Terminal.error("error: the model declares no scenarios (add 'scenario \"NAME\": Sheet!B2 = …' lines)")
      throw ExitStatus.invalidModel
    }
    let result: ScenarioComparison.Result
    do {
      result = try ScenarioComparison.evaluate(model)
    } catch {
      Terminal.error(DiagnosticRenderer.render(error, in: model.source))
      throw ExitStatus.invalidModel
    }
    Terminal.output(
      OutputsWriter.renderComparison(
        columns: result.scenarios, rows: result.rows, format: format.rawValue,
        numberFormats: model.outputFormats()))
    guard result.failedChecks.isEmpty else {
      for (scenario, labels) in result.failedChecks.sorted(by: { $0.key < $1.key }) {
        Terminal.error("scenario \(scenario): check failed: \(labels.joined(separator: ", "))")
      }
      throw ExitStatus.checkFailed
    }
  }
}
