import FormulaSyntax
import SpreadsheetEngine

/// A model kept live across edits of its text: each new version of the text is loaded on its
/// own, compared with the live model, and only the cells whose content changed are written into
/// the live workbook, so the engine recomputes just their dirty cone.
///
/// Loading the new text separately is what keeps a broken save harmless: a text with errors
/// throws before anything live is touched, and the last good state stays in place.
public final class ModelSession {
  /// The live model: its workbook carries the values of the last successful evaluation.
  public private(set) var model: Model
  /// The report of the evaluation that opened the session.
  public let initialReport: UpdateReport
  private let clock = ContinuousClock()

  /// Loads and evaluates model text; throws, with every diagnostic, when it has errors.
  public init(source: SourceText) throws(ModelLoadError) {
    let clock = ContinuousClock()
    let started = clock.now
    model = try Model.load(source: source)
    let loaded = clock.now
    let recalculation = model.workbook.recalculate(recordChanges: false)
    var report = UpdateReport()
    report.changedInputs = model.workbook.sheets.reduce(0) { $0 + $1.cellCount }
    report.evaluated = recalculation.evaluatedCount
    report.parse = loaded - started
    report.evaluation = clock.now - loaded
    report.full = true
    report.isInitial = true
    report.cycles = recalculation.cycles
    initialReport = report
  }

  /// Reads, loads and evaluates a model file.
  public convenience init(path: String) throws(ModelLoadError) {
    try self.init(source: ModelFile.read(path: path))
  }

  /// Reads the model file again and applies its text (see `apply(newSource:)`); the read counts
  /// as parse time.
  public func reload(path: String) throws(ModelLoadError) -> UpdateReport {
    let started = clock.now
    let source = try ModelFile.read(path: path)
    var report = try apply(newSource: source)
    report.parse = clock.now - started - report.evaluation
    return report
  }

  /// Loads `source`, applies what changed to the live model and recalculates the dirty cells.
  ///
  /// When the sheets or defined names changed, the fresh model replaces the live one and is
  /// evaluated in full (`full` in the report). Throws without touching the live model when the
  /// text has errors.
  public func apply(newSource source: SourceText) throws(ModelLoadError) -> UpdateReport {
    let started = clock.now
    let fresh = try Model.load(source: source)
    let diff = ModelDiff(live: model, fresh: fresh)
    let formulas = diff.structureChange == nil ? bindFormulas(of: diff, from: fresh.workbook) : nil
    let compared = clock.now
    var report = UpdateReport()
    report.changedInputs = diff.edits.count
    report.parse = compared - started
    if let formulas {
      applyIncrementally(diff, formulas: formulas, report: &report)
      model.adoptPresentation(of: fresh)
    } else {
      replace(with: fresh, report: &report)
      report.fullReason = diff.structureChange ?? "a changed formula could not be bound"
    }
    report.evaluation = clock.now - compared
    return report
  }

  /// Binds every formula the edits place into the live workbook, before any edit is made, so
  /// that a failure can still fall back to replacing the model. Keyed by fresh formula index.
  private func bindFormulas(of diff: ModelDiff, from fresh: Workbook) -> [Int32: Int32]? {
    var bound: [Int32: Int32] = [:]
    for edit in diff.edits {
      guard case .formula(let index) = edit.content, bound[index] == nil else { continue }
      let formula = fresh.formulas[Int(index)]
      guard
        let live = try? model.workbook.addFormula(
          formula.syntax, sheet: formula.sheet, anchor: formula.anchor)
      else { return nil }
      bound[index] = live
    }
    return bound
  }

  private func applyIncrementally(_ diff: ModelDiff, formulas: [Int32: Int32], report: inout UpdateReport) {
    let workbook = model.workbook
    var before: [CellAddress: CellValue] = [:]
    for edit in diff.edits {
      before[CellAddress(sheet: edit.sheet, point: edit.point)] = workbook.value(
        sheet: edit.sheet, at: edit.point)
      switch edit.content {
      case .constant(let value): workbook.setConstant(value, sheet: edit.sheet, at: edit.point)
      case .formula(let index): workbook.setFormula(formulas[index]!, sheet: edit.sheet, at: edit.point)
      case .blank: workbook.clearCell(sheet: edit.sheet, at: edit.point)
      }
    }
    let recalculation = workbook.recalculate(recordChanges: true)
    report.evaluated = recalculation.evaluatedCount
    report.cycles = recalculation.cycles
    var changes: [(address: CellAddress, old: CellValue, new: CellValue)] = []
    for (address, old) in before {
      changes.append((address, old, workbook.value(sheet: address.sheet, at: address.point)))
    }
    for change in recalculation.changes where before[change.cell] == nil {
      changes.append((change.cell, change.old, change.new))
    }
    report.changedCells =
      changes
      .filter { $0.old != $0.new }
      .sorted { ($0.address.sheet, $0.address.point) < ($1.address.sheet, $1.address.point) }
      .map { UpdateReport.CellChange(cell: workbook.name(of: $0.address), old: $0.old, new: $0.new) }
  }

  /// Makes `fresh` the live model, evaluates it in full and lists the values that differ from
  /// the replaced model's at the same sheet name and cell.
  private func replace(with fresh: Model, report: inout UpdateReport) {
    let old = model.workbook
    model = fresh
    let recalculation = fresh.workbook.recalculate(recordChanges: false)
    report.full = true
    report.evaluated = recalculation.evaluatedCount
    report.cycles = recalculation.cycles
    var changes: [UpdateReport.CellChange] = []
    func record(_ sheetName: String, _ point: GridPoint, _ before: CellValue, _ after: CellValue) {
      guard before != after else { return }
      let cell = SheetNames.qualified(sheetName) + "!" + A1Notation.cellName(point)
      changes.append(UpdateReport.CellChange(cell: cell, old: before, new: after))
    }
    for (index, sheet) in fresh.workbook.sheets.enumerated() {
      let oldCells = old.sheetIndex(named: sheet.name).map { old.cells(onSheet: $0) } ?? []
      Self.join(oldCells, fresh.workbook.cells(onSheet: index)) { point, before, after in
        record(sheet.name, point, before?.value ?? .empty, after?.value ?? .empty)
      }
    }
    for (index, sheet) in old.sheets.enumerated() where fresh.workbook.sheetIndex(named: sheet.name) == nil {
      for cell in old.cells(onSheet: index) { record(sheet.name, cell.point, cell.value, .empty) }
    }
    report.changedCells = changes
  }

  private typealias Cell = (point: GridPoint, content: CellContent, value: CellValue)

  /// Walks two row-major cell lists together, calling `body` for every position in either, with
  /// the cell each list holds there (nil where it holds none).
  private static func join(_ old: [Cell], _ new: [Cell], _ body: (GridPoint, Cell?, Cell?) -> Void) {
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if j == new.count || (i < old.count && old[i].point < new[j].point) {
        body(old[i].point, old[i], nil)
        i += 1
      } else if i == old.count || new[j].point < old[i].point {
        body(new[j].point, nil, new[j])
        j += 1
      } else {
        body(old[i].point, old[i], new[j])
        i += 1
        j += 1
      }
    }
  }
}
