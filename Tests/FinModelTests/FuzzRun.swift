import Foundation
import ModelFormat
import Testing
import WorkbookExport

/// One fuzz test's loop state: counts, failures with their seeds, and the breadcrumb file.
struct FuzzRun {
  /// Inputs per test; `FINMODEL_FUZZ_ITERATIONS` scales the run for long campaigns.
  static let iterations =
    ProcessInfo.processInfo.environment["FINMODEL_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1_500
  /// The run's seed; `FINMODEL_FUZZ_SEED` picks another run.
  static let seed =
    ProcessInfo.processInfo.environment["FINMODEL_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_251_122
  /// Slower than this for one small input counts as a hang.
  static let hang: Duration = .seconds(60)
  /// Slower than this is counted (and listed) as slow: bounded work that a debug build does
  /// slowly, such as TEXTJOIN over a whole column of a sheet that uses row 1,048,576.
  static let slow: Duration = .seconds(2)
  /// The input being run, rewritten before each one: if the process dies, this is the culprit.
  static let breadcrumb = FileManager.default.temporaryDirectory.appendingPathComponent(
    "finmodel-fuzz-current.fmodel")

  let name: String
  var executions = 0
  var loaded = 0
  var rejected = 0
  var exported = 0
  var skipped = 0
  var slowInputs: [String] = []
  var failures: [String] = []
  let started = ContinuousClock.now
  let scratch: URL

  init(name: String) {
    self.name = name
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "finmodel-fuzz-\(name)-\(getpid())")
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  mutating func exercise(
    _ input: [UInt8], seed: UInt64, label: String? = nil, throughFile: Bool = false, export: Bool = false
  ) {
    try? Data(input).write(to: Self.breadcrumb)
    FuzzWatchdog.shared.watch("\(name) input \(label ?? "seed \(seed)")")
    defer { FuzzWatchdog.shared.watch(nil) }
    let clock = ContinuousClock()
    let start = clock.now
    executions += 1
    var outcome = FuzzOracle.run(input)
    if outcome.skipped {
      skipped += 1
    } else if outcome.loaded {
      loaded += 1
    } else {
      rejected += 1
    }
    if throughFile { outcome.problems += checkFile(input) }
    if export && outcome.loaded { outcome.problems += checkExport(input) }
    let elapsed = clock.now - start
    if elapsed > Self.hang { outcome.problems.append("took \(elapsed)") }
    if elapsed > Self.slow { slowInputs.append("\(label ?? "seed \(seed)"): \(elapsed)") }
    guard !outcome.problems.isEmpty else { return }
    let saved = scratch.appendingPathComponent("failure-\(failures.count).fmodel")
    try? Data(input).write(to: saved)
    let failure =
      "\(label ?? "seed \(seed)") (input saved as \(saved.path)):\n  "
      + outcome.problems.prefix(3).map { String($0.prefix(1_500)) }.joined(separator: "\n  ")
    print("FUZZ FAILURE \(name) " + failure)
    failures.append(failure)
  }

  /// Through a real file: the reader's checks (NUL, invalid UTF-8, size) answer with a message.
  private func checkFile(_ input: [UInt8]) -> [String] {
    let url = scratch.appendingPathComponent("input.fmodel")
    guard (try? Data(input).write(to: url)) != nil else { return ["cannot write \(url.path)"] }
    do {
      _ = try Model.load(path: url.path)
      return []
    } catch {
      switch error {
      case .unreadable(_, let reason): return reason.isEmpty ? ["empty reason"] : []
      case .invalid(let source, _): return FuzzOracle.checkFailure(error, source: source)
      }
    }
  }

  /// The exporter on a fresh copy of the model: a workbook, or diagnostics that render.
  private mutating func checkExport(_ input: [UInt8]) -> [String] {
    let source = SourceText(path: "fuzz.fmodel", bytes: input)
    guard let model = try? Model.load(source: source) else { return ["loads only once"] }
    model.workbook.recalculate()
    let target = scratch.appendingPathComponent("out.xlsx").path
    do {
      try WorkbookExporter.export(model, to: target)
      exported += 1
      return []
    } catch .invalidModel(let diagnostics) {
      return diagnostics.flatMap { FuzzOracle.checkDiagnostic($0, source: source) }
    } catch {
      return ["export failed: \(error)"]
    }
  }

  func finish() {
    let elapsed = ContinuousClock.now - started
    print(
      "fuzz \(name): \(executions) inputs (\(loaded) loaded, \(rejected) rejected with diagnostics, \(skipped) too large to load, \(exported) exported) in \(elapsed), seed \(Self.seed), \(failures.count) failures, \(slowInputs.count) slower than \(Self.slow)"
    )
    for slow in slowInputs.prefix(10) { print("fuzz \(name): slow input \(slow)") }
    if failures.isEmpty { try? FileManager.default.removeItem(at: scratch) }
    #expect(
      failures.isEmpty,
      "\(failures.count) fuzz failures; replay one with FINMODEL_FUZZ_REPLAY=<seed>[:mutated]:\n\(failures.prefix(5).joined(separator: "\n"))"
    )
  }
}
