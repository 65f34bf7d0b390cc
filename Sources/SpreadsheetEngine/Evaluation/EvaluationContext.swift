import FormulaSyntax

/// Evaluates bound expressions for one formula cell at a time.
///
/// Holds the cell being evaluated (sheet and position, for relative references and implicit
/// intersection) and whether the current sub-expression is evaluated as an array formula.
public final class EvaluationContext {
  let workbook: Workbook
  /// Sheet and position of the formula cell being evaluated.
  public internal(set) var sheet = 0
  public internal(set) var origin = GridPoint(row: 0, column: 0)
  /// True inside arguments that classic Excel evaluates as arrays (SUMPRODUCT, INDEX's array).
  var arrayMode = false
  /// Sums of large ranges in this pass (running totals stay linear).
  private var rangeSums = RangeSumCache()
  /// Formula cells that a reference made at evaluation time (OFFSET) covers but this pass has not
  /// evaluated yet: [] while the recalculation walk evaluates a cell, nil elsewhere (then every
  /// cell is up to date). The walk evaluates them and then the formula again.
  var unsettledCells: [Int]?

  init(workbook: Workbook) {
    self.workbook = workbook
  }

  /// The serial number of today's date (TODAY), fixed for one recalculation.
  public var today: Double { workbook.todaySerial }
  /// The date and time of this recalculation (NOW), fixed for one recalculation.
  public var now: Double { workbook.nowSerial }

  // MARK: Reading cells

  /// The value of a cell; positions off the grid read as #REF!.
  public func cellValue(sheet: Int, at point: GridPoint) -> CellValue {
    guard let id = workbook.sheets[sheet].grid.cell(at: point) else { return .empty }
    return workbook.values[Int(id)]
  }

  /// A range with whole rows/columns cut to the sheet's used bounds (never a million cells).
  func boundedArea(_ range: RangeReference) -> GridArea {
    let area = range.area
    let fullColumns = area.top == 0 && area.bottom == Grid.rowCount - 1
    let fullRows = area.left == 0 && area.right == Grid.columnCount - 1
    guard fullColumns || fullRows else { return area }
    let used = workbook.sheets[range.sheet].grid.usedArea ?? GridArea(top: 0, left: 0, bottom: 0, right: 0)
    return GridArea(
      top: area.top, left: area.left,
      bottom: fullColumns ? max(area.top, min(area.bottom, used.bottom)) : area.bottom,
      right: fullRows ? max(area.left, min(area.right, used.right)) : area.right)
  }

  /// Visits the values of the existing cells of a range, in no particular order.
  func forEachCell(in range: RangeReference, _ body: (CellValue) -> Void) {
    let values = workbook.values
    workbook.sheets[range.sheet].grid.forEachCell(in: range.area) { id, _ in body(values[Int(id)]) }
  }

  /// The sum of a large range through the pass's cache, or nil for small ranges (summed
  /// directly by the caller).
  func cachedSum(of range: RangeReference?) -> RangeSumCache.Sum? {
    guard let range else { return nil }
    let area = boundedArea(range)
    guard area.cellCount >= RangeSumCache.minimumCells else { return nil }
    return rangeSums.sum(of: range, area: area, context: self)
  }

  // MARK: Reducing operands

  /// A single value from an operand: classic implicit intersection for ranges, the top-left
  /// element for arrays.
  public func scalar(_ operand: Operand) -> CellValue {
    switch operand {
    case .value(let value): return value
    case .array(let matrix): return matrix.values.first ?? .error(.value)
    case .reference(let range): return intersect(range)
    case .union: return .error(.value)
    }
  }

  /// Implicit intersection of a range with the formula cell's row or column.
  func intersect(_ range: RangeReference) -> CellValue {
    let area = range.area
    if area.cellCount == 1 { return cellValue(sheet: range.sheet, at: area.topLeft) }
    if area.columnCount == 1, origin.row >= area.top, origin.row <= area.bottom {
      return cellValue(sheet: range.sheet, at: GridPoint(row: origin.row, column: area.left))
    }
    if area.rowCount == 1, origin.column >= area.left, origin.column <= area.right {
      return cellValue(sheet: range.sheet, at: GridPoint(row: area.top, column: origin.column))
    }
    return .error(.value)
  }

  /// An operand as an array (ranges are read whole), for array-mode evaluation.
  func matrix(_ operand: Operand) -> ValueMatrix {
    switch operand {
    case .value(let value): ValueMatrix(rows: 1, columns: 1, values: [value])
    case .array(let matrix): matrix
    case .reference: MatrixView(operand: operand, context: self).materialized()
    case .union: ValueMatrix(rows: 1, columns: 1, values: [.error(.value)])
    }
  }

  // MARK: Evaluating

  func evaluate(_ expression: BoundExpression) -> Operand {
    switch expression {
    case .constant(let value): return .value(value)
    case .array(let matrix): return .array(matrix)
    case .missing: return .value(.empty)
    case .cell(let sheet, let reference):
      let point = reference.resolved(from: origin)
      guard point.isOnGrid else { return .error(.reference) }
      return .reference(RangeReference(sheet: sheet, area: GridArea(point)))
    case .area(let sheet, let reference):
      let area = reference.resolved(from: origin)
      guard area.isOnGrid else { return .error(.reference) }
      return .reference(RangeReference(sheet: sheet, area: area))
    case .prefix(let op, let operand):
      return Operators.prefix(op, evaluateOperatorOperand(operand), context: self)
    case .percent(let operand):
      return Operators.percent(evaluateOperatorOperand(operand), context: self)
    case .infix(let op, let lhs, let rhs):
      return Operators.infix(
        op, evaluateOperatorOperand(lhs), evaluateOperatorOperand(rhs), context: self)
    case .call(let spec, let arguments):
      return FunctionRunner.call(spec, arguments, context: self)
    case .intersection(let lhs, let rhs):
      return ReferenceOperators.intersection(evaluate(lhs), evaluate(rhs))
    case .union(let areas):
      return ReferenceOperators.union(areas.map { evaluate($0) })
    }
  }

  /// Operator operands: outside array mode a range is intersected to one value; inside, it is
  /// read as an array.
  private func evaluateOperatorOperand(_ expression: BoundExpression) -> Operand {
    // The most common operand, a single cell, is read directly (no reference in between).
    if case .cell(let sheet, let reference) = expression {
      let point = reference.resolved(from: origin)
      guard point.isOnGrid else { return .error(.reference) }
      return .value(cellValue(sheet: sheet, at: point))
    }
    let operand = evaluate(expression)
    if case .union = operand { return .error(.value) }
    guard case .reference(let range) = operand else { return operand }
    if arrayMode && range.area.cellCount > 1 { return .array(matrix(operand)) }
    return .value(intersect(range))
  }
}

extension EvaluationContext {
  /// Makes sure a reference computed during evaluation covers only up-to-date cells.
  ///
  /// The dependency graph knows the references written in a formula, not those a function
  /// builds from values (OFFSET): their cells may still be waiting in this pass. Those are
  /// recorded and evaluation stops with an error value that is thrown away: the walk evaluates
  /// them first and then this formula again (or finds that they form a cycle with it).
  func requireSettled(_ range: RangeReference) throws(ExcelError) {
    guard unsettledCells != nil else { return }
    let dirty = workbook.dirty
    var found: [Int] = []
    workbook.sheets[range.sheet].grid.forEachCell(in: boundedArea(range)) { id, _ in
      if dirty[Int(id)] { found.append(Int(id)) }
    }
    guard !found.isEmpty else { return }
    unsettledCells?.append(contentsOf: found)
    throw .value
  }
}
