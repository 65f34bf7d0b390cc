import FormulaSyntax
import Foundation
import ModelFormat
import SpreadsheetEngine
import WorkbookExport

// finmodel-bench: the in-process figures `finmodel recalc --stats` cannot show.
//
//   finmodel-bench MODEL [--meta MODEL.fmodel.json] [--loads K] [--edit 'LABEL=Sheet!B5']...
//                  [--repeat N] [--budget SECONDS] [--probe Sheet!C2]... [--export OUT.xlsx]
//
// Prints one JSON object per line on stdout. Times are wall-clock; the "Cpu" fields are the
// thread's CPU time over the same span (steadier when other processes share the cores).
// - "load"     one per load: readMs (file read and checks), parseMs, buildMs, evalMs (the first,
//              full recalculation), evaluated, cells, formulas.
// - "full"     over the K loads: median and min of each phase, and rates (formula cells per second).
// - "memory"   from the first load: RSS before loading (baseline), peak RSS after the full
//              evaluation (getrusage), RSS after it; bytes per formula cell = (peak - baseline) /
//              formula cells, and the retained figure (RSS after - baseline) / formula cells.
// - "probe"    the value of a cell after the full evaluation (to compare engines).
// - "edit"     per edited input: the first edit (the process's first also builds the index of
//              dependents), then up to N alternating edits (new value, original value) within the
//              time budget: median/min/max of setConstant + recalculate(), the two parts, the
//              formula cells evaluated (the cone, less what early cutoff skips) and how many changed.
// - "memory-edits" RSS growth over all edits (mostly the index of dependents), per formula cell.
// - "export"   with --export (after the edits, which leave every input at its original value): time
//              of WorkbookExporter.export, and the peak RSS it adds over what the process holds
//              (the peak is reset just before).
// --meta reads the edits (and probes) that scripts/bench/generate_model.py wrote beside the model.

struct Options {
  var model = ""
  var loads = 1
  var edits: [(label: String, cell: String, cone: String)] = []
  var repeats = 200
  var budget = 2.0
  var probes: [String] = []
  var exportPath: String?

  static let usage = """
    usage: finmodel-bench MODEL [--meta FILE.json] [--loads K] [--edit 'LABEL=Sheet!B5']... \
    [--repeat N] [--budget SECONDS] [--probe Sheet!C2]... [--export OUT.xlsx]
    """

  static func parse(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func value() -> String {
      index += 1
      guard index < arguments.count else { fail("\(arguments[index - 1]) needs a value") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "--loads": options.loads = max(1, number(value(), "--loads"))
      case "--repeat": options.repeats = max(2, number(value(), "--repeat"))
      case "--budget":
        guard let seconds = Double(value()) else { fail("--budget takes seconds") }
        options.budget = seconds
      case "--probe": options.probes.append(value())
      case "--export": options.exportPath = value()
      case "--edit":
        let text = value()
        guard let equals = text.firstIndex(of: "=") else { fail("--edit takes LABEL=Sheet!CELL") }
        options.edits.append((String(text[..<equals]), String(text[text.index(after: equals)...]), ""))
      case "--meta": options.readMeta(value())
      case "-h", "--help":
        print(usage)
        exit(0)
      default:
        guard options.model.isEmpty, !argument.hasPrefix("-") else { fail("unexpected \(argument)") }
        options.model = argument
      }
      index += 1
    }
    if options.model.isEmpty { fail("no model given") }
    return options
  }

  /// Takes "edits" ([{label, cell, cone}]) and "probes" ([cell]) from the generator's JSON.
  mutating func readMeta(_ path: String) {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { fail("cannot read \(path)") }
    for edit in object["edits"] as? [[String: Any]] ?? [] {
      if let label = edit["label"] as? String, let cell = edit["cell"] as? String {
        edits.append((label, cell, edit["cone"] as? String ?? ""))
      }
    }
    probes += object["probes"] as? [String] ?? []
  }
}

func number(_ text: String, _ option: String) -> Int {
  guard let value = Int(text) else { fail("\(option) takes a whole number") }
  return value
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("finmodel-bench: \(message)\n\(Options.usage)\n".utf8))
  exit(64)
}

/// "Sheet!B5" (or "'My sheet'!B5") → sheet index and position.
func locate(_ text: String, in workbook: Workbook) -> (sheet: Int, point: GridPoint) {
  guard let bang = text.lastIndex(of: "!"),
    let point = A1Notation.parseCell(text[text.index(after: bang)...])
  else { fail("'\(text)' is not Sheet!CELL") }
  var name = String(text[..<bang])
  if name.hasPrefix("'"), name.hasSuffix("'"), name.count >= 2 {
    name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
  }
  guard let sheet = workbook.sheetIndex(named: name) else { fail("no sheet '\(name)' in the model") }
  return (sheet, point)
}

func valueJSON(_ value: CellValue) -> String {
  switch value {
  case .empty: "null"
  case .number(let number): number.isFinite ? "\(number)" : "null"
  case .text(let text): JSONLine.quoted(text)
  case .boolean(let flag): "\(flag)"
  case .error(let error): "{\"error\": \(JSONLine.quoted(error.rawValue))}"
  }
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))

/// Loads and fully evaluates the model once, printing a "load" line.
func loadAndEvaluate(run: Int) -> (model: Model, parse: Double, build: Double, eval: Double, evalCPU: Double)
{
  let loadWatch = Stopwatch()
  let model: Model
  do {
    model = try Model.load(path: options.model)
  } catch {
    FileHandle.standardError.write(Data(error.rendered.utf8))
    exit(1)
  }
  let loaded = loadWatch.elapsed
  let evalWatch = Stopwatch()
  let report = model.workbook.recalculate(recordChanges: false)
  let eval = evalWatch.elapsed
  let parse = model.loadTimings.parse.seconds
  let build = model.loadTimings.build.seconds
  var line = JSONLine("load")
  line.add("run", run)
  line.add("readMs", (loaded.wall - parse - build) * 1000)
  line.add("parseMs", parse * 1000)
  line.add("buildMs", build * 1000)
  line.add("loadCpuMs", loaded.cpu * 1000)
  line.add("evalMs", eval.wall * 1000)
  line.add("evalCpuMs", eval.cpu * 1000)
  line.add("evaluated", report.evaluatedCount)
  line.add("cells", model.workbook.cellCount)
  line.add("formulas", model.workbook.formulaCellCount)
  line.add("cycles", report.cycles.count)
  line.print()
  return (model, parse, build, eval.wall, eval.cpu)
}

// MARK: Loads and full evaluation

let baseline = ProcessMemory.currentBytes
let first = loadAndEvaluate(run: 1)
let model = first.model
let workbook = model.workbook
let formulaCells = workbook.formulaCellCount
do {
  let peak = ProcessMemory.peakBytes
  let current = ProcessMemory.currentBytes
  var line = JSONLine("memory")
  line.add("formulas", formulaCells)
  line.add("baselineMB", ProcessMemory.megabytes(baseline), digits: 1)
  line.add("peakMB", ProcessMemory.megabytes(peak), digits: 1)
  line.add("afterEvalMB", ProcessMemory.megabytes(current), digits: 1)
  line.add("bytesPerFormulaCell", Double(peak - baseline) / Double(max(formulaCells, 1)), digits: 1)
  line.add(
    "retainedBytesPerFormulaCell", Double(current - baseline) / Double(max(formulaCells, 1)), digits: 1)
  line.print()
}

var parses = Sample()
var builds = Sample()
var evals = Sample()
var evalCPUs = Sample()
parses.append(first.parse)
builds.append(first.build)
evals.append(first.eval)
evalCPUs.append(first.evalCPU)
for run in stride(from: 2, through: options.loads, by: 1) {
  let again = loadAndEvaluate(run: run)
  parses.append(again.parse)
  builds.append(again.build)
  evals.append(again.eval)
  evalCPUs.append(again.evalCPU)
}
do {
  var line = JSONLine("full")
  line.add("loads", options.loads)
  line.add("formulas", formulaCells)
  line.add("cells", workbook.cellCount)
  line.add("parseMsMedian", parses.median * 1000)
  line.add("parseMsMin", parses.min * 1000)
  line.add("buildMsMedian", builds.median * 1000)
  line.add("buildMsMin", builds.min * 1000)
  line.add("evalMsMedian", evals.median * 1000)
  line.add("evalMsMin", evals.min * 1000)
  line.add("evalCpuMsMedian", evalCPUs.median * 1000)
  line.add("parseCellsPerSecond", Double(workbook.cellCount) / parses.median, digits: 0)
  line.add("loadCellsPerSecond", Double(workbook.cellCount) / (parses.median + builds.median), digits: 0)
  line.add("evalFormulasPerSecond", Double(formulaCells) / evals.median, digits: 0)
  line.add("evalFormulasPerCpuSecond", Double(formulaCells) / evalCPUs.median, digits: 0)
  line.print()
}

for probe in options.probes {
  let (sheet, point) = locate(probe, in: workbook)
  var line = JSONLine("probe")
  line.add("cell", probe)
  line.addRaw("value", valueJSON(workbook.value(sheet: sheet, at: point)))
  line.print()
}

// MARK: Incremental single-input edits

func edited(_ value: Double) -> Double {
  // Integers (keys, opening values, counts) step by one so lookups still find a key;
  // fractions (rates) move by 1 %.
  value.rounded() == value ? value + 1 : value * 1.01
}

ProcessMemory.resetPeak()
let beforeEdits = ProcessMemory.currentBytes
var firstEdit = true
for edit in options.edits {
  let (sheet, point) = locate(edit.cell, in: workbook)
  guard case .number(let original) = workbook.value(sheet: sheet, at: point),
    case .constant = workbook.content(sheet: sheet, at: point)
  else { fail("\(edit.cell) is not a numeric constant") }
  let changedValue = edited(original)

  // First edit and its undo, with changes recorded (how many cells changed value).
  let firstWatch = Stopwatch()
  workbook.setConstant(.number(changedValue), sheet: sheet, at: point)
  let firstReport = workbook.recalculate(recordChanges: true)
  let firstSeconds = firstWatch.elapsed.wall
  workbook.setConstant(.number(original), sheet: sheet, at: point)
  workbook.recalculate(recordChanges: false)

  var totals = Sample()
  var marks = Sample()
  var recalcs = Sample()
  var cpus = Sample()
  var evaluated = Sample()
  let loop = Stopwatch()
  var index = 0
  while index < options.repeats {
    let value = index % 2 == 0 ? changedValue : original
    let t0 = Stopwatch()
    workbook.setConstant(.number(value), sheet: sheet, at: point)
    let marked = t0.elapsed
    let report = workbook.recalculate(recordChanges: false)
    let done = t0.elapsed
    marks.append(marked.wall)
    recalcs.append(done.wall - marked.wall)
    totals.append(done.wall)
    cpus.append(done.cpu)
    evaluated.append(Double(report.evaluatedCount))
    index += 1
    // Stop on the original value, after at least four edits, once the budget is spent.
    if index % 2 == 0, index >= 4, loop.elapsed.wall > options.budget { break }
  }
  var line = JSONLine("edit")
  line.add("label", edit.label)
  line.add("cell", edit.cell)
  if !edit.cone.isEmpty { line.add("cone", edit.cone) }
  line.add("formulas", formulaCells)
  line.add("evaluated", Int(evaluated.median))
  line.add("changed", firstReport.changes.count)
  line.add("firstMs", firstSeconds * 1000)
  line.add("firstBuildsIndex", firstEdit)
  line.add("repeats", totals.count)
  line.add("medianUs", totals.median * 1e6, digits: 1)
  line.add("minUs", totals.min * 1e6, digits: 1)
  line.add("maxUs", totals.max * 1e6, digits: 1)
  line.add("cpuMedianUs", cpus.median * 1e6, digits: 1)
  line.add("markMedianUs", marks.median * 1e6, digits: 1)
  line.add("recalcMedianUs", recalcs.median * 1e6, digits: 1)
  line.add("nsPerEvaluated", totals.median * 1e9 / max(evaluated.median, 1), digits: 0)
  line.print()
  firstEdit = false
}
if !options.edits.isEmpty {
  let after = ProcessMemory.currentBytes
  var line = JSONLine("memory-edits")
  line.add("rssBeforeMB", ProcessMemory.megabytes(beforeEdits), digits: 1)
  line.add("rssAfterMB", ProcessMemory.megabytes(after), digits: 1)
  line.add("peakMB", ProcessMemory.megabytes(ProcessMemory.peakBytes), digits: 1)
  line.add("indexBytesPerFormulaCell", Double(after - beforeEdits) / Double(max(formulaCells, 1)), digits: 1)
  line.add(
    "totalRetainedBytesPerFormulaCell", Double(after - baseline) / Double(max(formulaCells, 1)), digits: 1)
  line.print()
}

// MARK: Export

if let path = options.exportPath {
  let canReset = ProcessMemory.resetPeak()
  let before = ProcessMemory.currentBytes
  let watch = Stopwatch()
  do {
    try WorkbookExporter.export(model, to: path)
  } catch {
    FileHandle.standardError.write(Data(error.rendered(source: model.source).utf8))
    exit(4)
  }
  let (seconds, cpu) = watch.elapsed
  let peak = ProcessMemory.peakBytes
  let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
  var line = JSONLine("export")
  line.add("path", path)
  line.add("formulas", formulaCells)
  line.add("exportMs", seconds * 1000)
  line.add("exportCpuMs", cpu * 1000)
  line.add("formulasPerSecond", Double(formulaCells) / seconds, digits: 0)
  line.add("rssBeforeMB", ProcessMemory.megabytes(before), digits: 1)
  line.add("peakMB", ProcessMemory.megabytes(peak), digits: 1)
  line.add("exportExtraPeakMB", canReset ? ProcessMemory.megabytes(peak - before) : .nan, digits: 1)
  line.add("bytes", size)
  line.print()
}
