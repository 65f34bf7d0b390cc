import ArgumentParser
import Foundation
import ModelFormat
import SpreadsheetEngine
import WorkbookExport

/// `finmodel watch`: evaluate a model, then on every save re-evaluate only what the save changed.
///
/// The work is ModelSession's (diff, incremental recalculation) and FileChangePoller's (noticing
/// saves); this command wires them to the terminal, the export and the signals.
struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Evaluate a model, then re-evaluate only what changed on every save.",
    discussion: """
      Prints the changed values after every save (with --json, one JSON object per evaluation, \
      one line each). A save with errors is reported and the last good state stays live. \
      Stops with status 0 on Ctrl-C (SIGINT) or SIGTERM.
      """)

  @Argument(help: "The model file (.fmodel).")
  var model: String

  @Option(name: .shortAndLong, help: "Re-export this workbook (atomically) after every evaluation.")
  var output: String?

  @Flag(help: "Print one JSON object per evaluation on stdout, one line each.")
  var json = false

  @Option(
    help: ArgumentHelp("Exit after this many updates following the initial evaluation.", visibility: .hidden))
  var maxUpdates: Int?

  @Option(
    name: .customLong("poll-ms"), help: ArgumentHelp("How often to look at the file.", visibility: .hidden))
  var pollMilliseconds = 100

  func validate() throws {
    if let maxUpdates, maxUpdates < 0 { throw ValidationError("--max-updates must be 0 or more") }
    guard (5...10_000).contains(pollMilliseconds) else {
      throw ValidationError("--poll-ms must be between 5 and 10000")
    }
  }

  func run() throws {
    // A re-export target that can never be written is refused before the first evaluation.
    if let output {
      do {
        try WorkbookExporter.checkDestination(output, model: model)
      } catch {
        Terminal.error(error.rendered(source: SourceText(path: model, bytes: [])))
        throw ExitStatus.outputFailed
      }
    }
    let stop = StopRequest()
    WorkbookExporter.leaveIdleInterruptsToProgram(exitStatus: 0)
    let poller = FileChangePoller(path: model, interval: .milliseconds(pollMilliseconds))
    let shouldStop = { stop.isRequested }
    let onMissing = { Terminal.error("\(model) is missing; waiting for it to reappear") }
    Terminal.error("watching \(model) (Ctrl-C to stop)")
    guard let session = try open(poller: poller, shouldStop: shouldStop) else { return }
    var updates = 0
    while updates < maxUpdates ?? .max, poller.waitForChange(shouldStop: shouldStop, onMissing: onMissing) {
      do {
        publish(try session.reload(path: model), model: session.model)
        updates += 1
      } catch {
        reportLoadFailure(error, poller: poller, keepsLastGood: true)
      }
    }
  }

  /// The initial evaluation. A missing or unreadable file ends the command; a model with errors
  /// is reported and waited on until a save fixes it. Nil when stopped before that.
  private func open(poller: FileChangePoller, shouldStop: () -> Bool) throws -> ModelSession? {
    do {
      return try start()
    } catch .unreadable(let path, let reason) {
      Terminal.error("\(path): error: \(reason)")
      throw ExitStatus.invalidModel
    } catch {
      reportLoadFailure(error, poller: poller, keepsLastGood: false)
    }
    while poller.waitForChange(shouldStop: shouldStop) {
      do {
        return try start()
      } catch {
        reportLoadFailure(error, poller: poller, keepsLastGood: false)
      }
    }
    return nil
  }

  private func start() throws(ModelLoadError) -> ModelSession {
    let session = try ModelSession(path: model)
    publish(session.initialReport, model: session.model)
    return session
  }

  /// Exports (when asked), then prints the report and what the evaluation found wrong, so that a
  /// printed report means the workbook on disk is up to date too.
  private func publish(_ report: UpdateReport, model: Model) {
    for warning in model.warnings {
      Terminal.error(DiagnosticRenderer.render(warning, in: model.source))
    }
    reportCycles(report.cycles, model: model)
    try? CheckReporter.enforce(model)
    if let output {
      do {
        try WorkbookExporter.export(model, to: output)
        Terminal.error("wrote \(output)")
      } catch {
        Terminal.error(error.rendered(source: model.source))
      }
    }
    if json {
      Terminal.output(report.json)
    } else {
      Terminal.output("[\(Self.clockTime())] " + report.text())
    }
  }

  /// A save that cannot be loaded leaves the live model as it was. A file that vanished between
  /// the poll and the read is mid-rename: it is read again on the next poll, without a word.
  private func reportLoadFailure(_ error: ModelLoadError, poller: FileChangePoller, keepsLastGood: Bool) {
    if case .unreadable = error, !FileManager.default.fileExists(atPath: model) {
      poller.retry()
      return
    }
    Terminal.error(error.rendered)
    Terminal.error(
      keepsLastGood
        ? "the last good evaluation stays live; fix the file and save again"
        : "waiting for a save that fixes the file")
  }

  private static func clockTime() -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    return formatter.string(from: Date())
  }
}

/// SIGINT and SIGTERM turned into a flag that `finmodel watch` checks between polls, so that it
/// stops between updates and exits with status 0 instead of being killed mid-way.
///
/// An export in progress when the signal arrives is the export's business: WorkbookExport's
/// guard removes its temporary file and exits (see `leaveIdleInterruptsToProgram`).
private final class StopRequest: @unchecked Sendable {
  private let lock = NSLock()
  private var requested = false
  private var sources: [DispatchSourceSignal] = []

  /// Installs the handlers; from then on the signals no longer end the process by themselves.
  init() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [weak self] in self?.request() }
      source.resume()
      sources.append(source)
    }
  }

  var isRequested: Bool {
    lock.lock()
    defer { lock.unlock() }
    return requested
  }

  private func request() {
    lock.lock()
    defer { lock.unlock() }
    requested = true
  }
}
