import ArgumentParser
import Foundation
import ModelFormat
import SpreadsheetEngine

/// Options shared by the commands that read a model.
struct ModelOptions: ParsableArguments {
  @Argument(help: "The model file (.fmodel).")
  var model: String

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a cell for this run: 'Sheet!B2=0.4', or a formula with 'Sheet!B2==B1*2'. Repeatable.",
      valueName: "Sheet!CELL=content"))
  var overrides: [String] = []

  @Option(name: .customLong("scenario"), help: "Apply a scenario declared in the model.")
  var scenario: String?

  /// Loads the model and applies the scenario and overrides, or exits with diagnostics.
  func load() throws -> Model {
    let model: Model
    do {
      model = try Model.load(path: self.model)
    } catch {
      Terminal.error(error.rendered)
      throw ExitStatus.invalidModel
    }
    for warning in model.warnings {
      Terminal.error(DiagnosticRenderer.render(warning, in: model.source))
    }
    if let name = scenario {
      guard let scenario = model.scenario(named: name) else {
        let known = model.scenarios.map(\.name)
        Terminal.error(
          "error: unknown scenario '\(name)'"
            + (known.isEmpty
              ? "; the model declares none" : "; the model declares \(known.joined(separator: ", "))"))
        throw ExitStatus.invalidModel
      }
      for assignment in scenario.assignments {
        do {
          try model.apply(assignment)
        } catch {
          Terminal.error(DiagnosticRenderer.render(error, in: model.source))
          throw ExitStatus.invalidModel
        }
      }
    }
    for text in overrides {
      let overrideSource = SourceText(path: "--set", bytes: Array(text.utf8))
      do {
        try model.apply(try AssignmentParser.parse(override: text))
      } catch {
        Terminal.error(DiagnosticRenderer.render(error, in: overrideSource))
        throw ExitStatus.invalidModel
      }
    }
    return model
  }
}

/// Writing to the terminal's streams.
enum Terminal {
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
