import FormulaSyntax
import Foundation
import ModelFormat
import Testing
import WorkbookExport

/// A bounded, deterministic fuzz run of the model parser, the formula parser, the loader, the
/// evaluator, the writers and the formula printer (see `FuzzOracle` for what is checked).
///
/// Inputs: models from `FuzzModelGenerator`, and mutations (`FuzzMutator`) of the committed
/// corpus `Golden/fuzz-corpus/` and of generated models. Every input is a function of one seed:
/// a failure prints it, and `FINMODEL_FUZZ_REPLAY=<seed>` runs that input alone.
/// `FINMODEL_FUZZ_ITERATIONS` scales the run (default 1,500: that many generated models, twice
/// as many mutations and four times as many formulas, about 25 s in a debug build) and
/// `FINMODEL_FUZZ_SEED` changes the run's seed. A crash ends the test process before anything is
/// printed; the input being run is always in `FuzzRun.breadcrumb`, and `FuzzWatchdog` aborts
/// with its name if it hangs.
@Suite(.serialized) struct FuzzTests {
  @Test func generatedModelsLoadOrFailWithDiagnostics() throws {
    var run = FuzzRun(name: "generated")
    for index in 0..<FuzzRun.iterations {
      let seed = FuzzRandom.caseSeed(run: FuzzRun.seed, index: index)
      run.exercise(Array(FuzzModelGenerator.model(seed: seed).utf8), seed: seed, export: index % 40 == 0)
    }
    run.finish()
  }

  @Test func mutatedModelsNeverCrash() throws {
    var run = FuzzRun(name: "mutated")
    let corpus = try FuzzCorpus.entries()
    // Mutations are cheap (most stop at a diagnostic), so they get twice the inputs.
    for index in 0..<(FuzzRun.iterations * 2) {
      let seed = FuzzRandom.caseSeed(run: FuzzRun.seed ^ 0x6D75_7461_7465, index: index)
      let input = FuzzCorpus.mutatedInput(seed: seed, corpus: corpus)
      run.exercise(input, seed: seed, throughFile: index % 25 == 0)
    }
    run.finish()
  }

  @Test func everyCorpusEntryPassesTheOracle() throws {
    var run = FuzzRun(name: "corpus")
    for (name, bytes) in try FuzzCorpus.entries() {
      run.exercise(bytes, seed: 0, label: name, throughFile: true, export: true)
    }
    run.finish()
  }

  /// Random formula text straight into the formula parser; whatever parses prints to text that
  /// parses again to the same printed text.
  @Test func formulaParserNeverCrashesAndPrintsWhatItParses() {
    var failures: [String] = []
    let printer = FormulaPrinter()
    let anchor = GridPoint(row: 4, column: 3)
    for index in 0..<(FuzzRun.iterations * 4) {
      let seed = FuzzRandom.caseSeed(run: FuzzRun.seed ^ 0x666F_726D, index: index)
      let text = FuzzCorpus.formulaInput(seed: seed)
      guard let parsed = try? FormulaParser.parse(text, anchor: anchor) else { continue }
      let printed = printer.print(parsed, at: anchor)
      guard let again = try? FormulaParser.parse(printed, anchor: anchor) else {
        failures.append(
          "seed \(seed): '\(text.prefix(200))' prints as '\(printed.prefix(200))', which does not parse")
        continue
      }
      let printedAgain = printer.print(again, at: anchor)
      if printedAgain != printed {
        failures.append(
          "seed \(seed): '\(printed.prefix(200))' prints again as '\(printedAgain.prefix(200))'")
      }
    }
    print("fuzz formulas: \(FuzzRun.iterations * 4) formulas, \(failures.count) failures")
    #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
  }

  /// `FINMODEL_FUZZ_REPLAY=<seed>[:generated|mutated]` runs one input and prints it.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["FINMODEL_FUZZ_REPLAY"] != nil))
  func replay() throws {
    let spec = ProcessInfo.processInfo.environment["FINMODEL_FUZZ_REPLAY"] ?? ""
    let parts = spec.split(separator: ":")
    let seed = try #require(UInt64(parts.first ?? ""), "FINMODEL_FUZZ_REPLAY=<seed>[:mutated]")
    let input =
      parts.dropFirst().first == "mutated"
      ? FuzzCorpus.mutatedInput(seed: seed, corpus: try FuzzCorpus.entries())
      : Array(FuzzModelGenerator.model(seed: seed).utf8)
    print("--- input (seed \(seed)):\n\(String(decoding: input, as: UTF8.self))\n---")
    var run = FuzzRun(name: "replay")
    run.exercise(input, seed: seed, throughFile: true, export: true)
    run.finish()
  }
}
