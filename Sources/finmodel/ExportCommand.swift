import ArgumentParser
import Foundation
import ModelFormat
import WorkbookExport

/// `finmodel export`: evaluate a model and write it as an .xlsx workbook.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Evaluate a model and write it as an .xlsx workbook (default Output/<model>.xlsx).")

  @OptionGroup var options: ModelOptions

  @Option(name: .shortAndLong, help: "The workbook to write.")
  var output: String?

  func run() throws {
    let name = URL(fileURLWithPath: options.model).deletingPathExtension().lastPathComponent
    let path = output ?? "Output/\(name).xlsx"
    // An output that cannot be written is reported before any work is spent on the model.
    do {
      try WorkbookExporter.checkDestination(path, model: options.model)
    } catch {
      Terminal.error(error.rendered(source: SourceText(path: options.model, bytes: [])))
      throw ExitStatus.outputFailed
    }
    let model = try options.load()
    let report = model.workbook.recalculate(recordChanges: false)
    reportCycles(report, model: model)
    do {
      try WorkbookExporter.export(model, to: path)
    } catch {
      Terminal.error(error.rendered(source: model.source))
      if case .invalidModel = error { throw ExitStatus.invalidModel }
      throw ExitStatus.outputFailed
    }
    Terminal.error("wrote \(path)")
    try CheckReporter.enforce(model)
  }
}
