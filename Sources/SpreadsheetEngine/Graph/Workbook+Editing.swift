import FormulaSyntax

/// Edits: keeping the dependents index current and marking only the dirty cone of each edit.
///
/// Before the first recalculation nothing is tracked (everything will be evaluated anyway); the
/// index of dependents is built on the first edit after it.
extension Workbook {
  /// Removes a cell, so that it reads as blank.
  public func clearCell(sheet: Int, at point: GridPoint) {
    guard let existing = sheets[sheet].grid.cell(at: point) else { return }
    if !needsFullRecalculation { _ = index }
    let id = Int(existing)
    unlinkFormula(of: id)
    sheets[sheet].grid.remove(at: point)
    contents[id] = .constant(.empty)
    values[id] = .empty
    dirty[id] = false
    forced[id] = false
    positionChanged(sheet: sheet, at: point, forceDependents: true)
  }

  /// Replaces what a cell holds, keeping the index and the dirty cone up to date.
  func setContent(_ content: CellContent, sheet: Int, at point: GridPoint) {
    // Build the index from the contents as they were, before this edit changes them.
    if !needsFullRecalculation { _ = index }
    if let existing = sheets[sheet].grid.cell(at: point) {
      let id = Int(existing)
      unlinkFormula(of: id)
      contents[id] = content
      switch content {
      case .constant(let value):
        let previous = values[id]
        values[id] = value
        forced[id] = false
        if value != previous { editedCells.append(id) }
        positionChanged(sheet: sheet, at: point, forceDependents: false)
      case .formula:
        linkFormula(of: id)
        markDirty(id, forced: true)
      }
      return
    }
    let id = contents.count
    contents.append(content)
    cellSheet.append(Int32(sheet))
    cellPosition.append(point)
    changedInPass.append(false)
    dirty.append(false)
    forced.append(false)
    if case .constant(let value) = content { values.append(value) } else { values.append(.empty) }
    sheets[sheet].grid.insert(Int32(id), at: point)
    if needsFullRecalculation {
      if content.isFormula { dirty[id] = true }
      noteVolatile(id)
      return
    }
    linkFormula(of: id)
    if content.isFormula { markDirty(id, forced: true) }
    // A new cell can fill a position formulas already refer to.
    positionChanged(sheet: sheet, at: point, forceDependents: true)
  }

  /// Marks `id` and its transitive dependents dirty; `forced` makes `id` itself evaluate.
  func markDirty(_ id: Int, forced isForced: Bool) {
    if isForced { forced[id] = true }
    markCone(from: [id])
  }

  /// The dependents of a position become dirty; with `forceDependents` they are evaluated even if
  /// no precedent value changes (the position itself appeared or vanished).
  private func positionChanged(sheet: Int, at point: GridPoint, forceDependents: Bool) {
    guard !needsFullRecalculation else { return }
    var direct: [Int] = []
    // Forcing needs every dependent; plain marking may skip those already marked this pass.
    _ = index
    dependents!.forEachDependent(sheet: sheet, at: point, draining: !forceDependents) {
      direct.append(Int($0))
    }
    if forceDependents { for cell in direct { forced[cell] = true } }
    markCone(from: direct)
  }

  /// Marks the roots and their transitive dependents dirty. A cell already dirty has its cone
  /// marked already (every dirty cell's dependents are dirty), so the walk stops there.
  /// O(size of the newly dirty cone).
  private func markCone(from roots: [Int]) {
    guard !needsFullRecalculation else { return }
    _ = index
    var stack = roots
    while let cell = stack.popLast() {
      guard !dirty[cell], contents[cell].isFormula else { continue }
      dirty[cell] = true
      dirtyList.append(cell)
      dependents!.forEachDependent(sheet: Int(cellSheet[cell]), at: cellPosition[cell], draining: true) {
        dependent in
        if !dirty[Int(dependent)] { stack.append(Int(dependent)) }
      }
    }
  }

  /// The index of dependents, built on first use after the initial full recalculation.
  /// O(total references) once.
  var index: DependentsIndex {
    if let dependents { return dependents }
    var built = DependentsIndex()
    for id in contents.indices {
      guard case .formula(let f) = contents[id] else { continue }
      built.add(cell: Int32(id), formula: formulas[Int(f)], origin: cellPosition[id])
    }
    dependents = built
    return built
  }

  private func linkFormula(of id: Int) {
    guard case .formula(let f) = contents[id] else { return }
    noteVolatile(id)
    guard !needsFullRecalculation else { return }
    _ = index
    dependents?.add(cell: Int32(id), formula: formulas[Int(f)], origin: cellPosition[id])
  }

  private func unlinkFormula(of id: Int) {
    guard !needsFullRecalculation, case .formula(let f) = contents[id] else { return }
    _ = index
    dependents?.remove(cell: Int32(id), formula: formulas[Int(f)], origin: cellPosition[id])
  }

  private func noteVolatile(_ id: Int) {
    if case .formula(let f) = contents[id], formulas[Int(f)].isVolatile { volatileCells.append(id) }
  }
}
