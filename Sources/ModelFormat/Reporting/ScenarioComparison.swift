import SpreadsheetEngine

/// Evaluates a model once per declared scenario and collects the declared outputs.
public enum ScenarioComparison {
  public struct Result: Sendable {
    public var scenarios: [String]
    public var rows: [(label: String, values: [CellValue])]
    /// Failing checks per scenario, by label.
    public var failedChecks: [String: [String]]
  }

  /// Each scenario starts from the model as written (the text is bound afresh for each), then
  /// `extra` overrides apply on top.
  public static func evaluate(_ model: Model, extra: [CellAssignment] = []) throws(Diagnostic) -> Result {
    var rows = model.outputs.map { (label: $0.label, values: [CellValue]()) }
    var failed: [String: [String]] = [:]
    for scenario in model.scenarios {
      let fresh: Model
      do {
        fresh = try Model.load(source: model.source)
      } catch {
        throw Diagnostic("the model no longer loads", span: nil)
      }
      for assignment in scenario.assignments + extra { try fresh.apply(assignment) }
      fresh.workbook.recalculate(recordChanges: false)
      for (index, output) in fresh.evaluateOutputs().enumerated() { rows[index].values.append(output.value) }
      let failing = fresh.evaluateChecks().filter { !$0.passed }.map(\.check.label)
      if !failing.isEmpty { failed[scenario.name] = failing }
    }
    return Result(scenarios: model.scenarios.map(\.name), rows: rows, failedChecks: failed)
  }
}
