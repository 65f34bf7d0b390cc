import FormulaSyntax

extension Workbook {
  /// Evaluates what is out of date, in dependency order, and reports what changed.
  ///
  /// The first call evaluates every formula. After edits (`setConstant`, `setFormula`,
  /// `clearCell`) only the dirty cone of the edited cells is visited, and with early cutoff a
  /// cell is evaluated only when it was edited itself or a precedent changed value in this pass:
  /// a recomputed cell whose value did not change stops the wave. Volatile cells (TODAY) are
  /// always evaluated. Cost: O(cells visited + references they scan).
  @discardableResult
  public func recalculate(recordChanges: Bool = true) -> RecalculationReport {
    // One instant for the whole pass, so TODAY and NOW agree with each other and across cells.
    nowSerial = ExcelDate.dateTimeSerial(of: .now)
    todaySerial = nowSerial.rounded(.down)
    let roots: [Int]
    if needsFullRecalculation {
      roots = contents.indices.filter { contents[$0].isFormula }
      for id in roots {
        dirty[id] = true
        forced[id] = true
      }
      needsFullRecalculation = false
      dirtyList.removeAll()
    } else {
      for id in volatileCells {
        if case .formula(let f) = contents[id], formulas[Int(f)].isVolatile { markDirty(id, forced: true) }
      }
      roots = dirtyList.sorted()
      dirtyList.removeAll()
    }
    for id in editedCells { changedInPass[id] = true }
    var report = RecalculationReport()
    let scratch = walkScratch
    walkScratch = WalkScratch()  // the walk owns the arrays uniquely while it runs: no copy
    var walk = DependencyWalk(workbook: self, scratch: scratch)
    let context = EvaluationContext(workbook: self)
    var changedCells = editedCells
    for root in roots {
      walk.run(from: root) { cell, onCycle, precedentChanged in
        // A cycle error comes from where the cell sits, not from its precedents' values, so
        // early cutoff cannot keep it: a dirty cell that held one is always re-evaluated.
        let wasOnCycle = values[cell] == .error(.cycle)
        guard forced[cell] || precedentChanged || onCycle || wasOnCycle, contents[cell].isFormula else {
          dirty[cell] = false
          forced[cell] = false
          return []
        }
        let old = values[cell]
        var new = CellValue.error(.cycle)
        if !onCycle {
          context.unsettledCells = []
          new = evaluate(cell, context: context)
          let unsettled = context.unsettledCells ?? []
          context.unsettledCells = nil
          if !unsettled.isEmpty { return unsettled }
        }
        dirty[cell] = false
        forced[cell] = false
        report.evaluatedCount += 1
        if recordChanges { report.evaluatedCells.append(address(of: cell)) }
        guard old != new else { return [] }
        values[cell] = new
        changedInPass[cell] = true
        changedCells.append(cell)
        if recordChanges { report.changes.append((address(of: cell), old, new)) }
        return []
      }
    }
    walkScratch = walk.releaseScratch()
    // Every dirty flag is clear again: ranges hidden by the marking of this pass count anew.
    dependents?.advanceGeneration()
    for id in changedCells { changedInPass[id] = false }
    editedCells.removeAll()
    report.cycles = walk.cycles.map { cycle in cycle.map { address(of: $0) } }
    return report
  }

  private func evaluate(_ cell: Int, context: EvaluationContext) -> CellValue {
    guard case .formula(let f) = contents[cell] else { return values[cell] }
    let formula = formulas[Int(f)]
    context.sheet = formula.sheet
    context.origin = cellPosition[cell]
    context.arrayMode = false
    let result = context.scalar(context.evaluate(formula.bound))
    return result.isEmpty ? .number(0) : result
  }
}
