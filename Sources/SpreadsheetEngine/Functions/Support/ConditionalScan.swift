import FormulaSyntax

/// The cells selected by one or more (range, criterion) pairs, as COUNTIFS, SUMIFS,
/// AVERAGEIFS, MINIFS and MAXIFS use them.
///
/// All ranges must have the same shape (else #VALUE!, as in Excel). Whole-column and whole-row
/// ranges are read only as far as their sheets' used areas: past them every range is blank, so
/// the scan visits O(used cells) positions and COUNTIFS adds the blank rest arithmetically.
struct ConditionalScan {
  let conditions: [(view: MatrixView, criterion: Criterion)]
  /// The ranges' full shape (not cut to the used area).
  let rows: Int
  let columns: Int

  /// SUMIF/AVERAGEIF's arguments `(range, criterion[, target])`: the scan, and the target range
  /// resized to the criteria range's shape from its own top-left cell (the range itself when the
  /// target is omitted), as Excel does.
  static func singleCriterion(_ args: Arguments) -> (scan: ConditionalScan, target: MatrixView) {
    let range = args.matrix(0)
    let scan = ConditionalScan(range: range, criterion: Criterion(args.value(1)))
    let shape = range.fullShape
    let target = args.isMissing(2) ? range : args.matrix(2).resized(rows: shape.rows, columns: shape.columns)
    return (scan, target)
  }

  /// The pairs `(range, criterion)` of the arguments from `start` on; an odd count is #VALUE!.
  init(_ args: Arguments, pairsFrom start: Int) throws(ExcelError) {
    guard (args.count - start) % 2 == 0, args.count > start else { throw .value }
    var conditions: [(view: MatrixView, criterion: Criterion)] = []
    for index in stride(from: start, to: args.count, by: 2) {
      conditions.append((args.matrix(index), Criterion(args.value(index + 1))))
    }
    let shape = conditions[0].view.fullShape
    guard conditions.allSatisfy({ $0.view.fullShape == shape }) else { throw .value }
    self.conditions = conditions
    (rows, columns) = (shape.rows, shape.columns)
  }

  /// A single-condition scan (COUNTIF, SUMIF, AVERAGEIF).
  init(range: MatrixView, criterion: Criterion) {
    conditions = [(range, criterion)]
    (rows, columns) = range.fullShape
  }

  /// The number of positions that satisfy every condition, blanks past the used area included.
  func count() throws(ExcelError) -> Int {
    let (readRows, readColumns) = extent(including: [])
    var total = 0
    try forEachCandidate(readRows, readColumns) { row, column in
      if matches(row, column) { total += 1 }
    }
    if conditions.allSatisfy({ $0.criterion.matchesEmpty }) {
      total += rows * columns - readRows * readColumns
    }
    return total
  }

  /// Visits, in row-major order, the values of `target` at the positions satisfying every
  /// condition; `target` must have the conditions' shape (SUMIFS) or be resized to it (SUMIF).
  func forEachMatch(
    in target: MatrixView, _ body: (CellValue) throws(ExcelError) -> Void
  ) throws(ExcelError) {
    let (readRows, readColumns) = extent(including: [target])
    try forEachCandidate(readRows, readColumns) { row, column throws(ExcelError) in
      if matches(row, column) { try body(target.valueInside(row, column)) }
    }
  }

  /// Calls `body` in row-major order with the positions of the `readRows × readColumns` corner
  /// that may satisfy every condition. When a condition cannot match a blank (most criteria),
  /// only the non-empty cells of its range are candidates: on a sheet whose used area is huge
  /// (a cell far out at XFD1048576), `COUNTIF(A:D,"x")` then costs the cells that exist, not
  /// four million position reads per formula.
  private func forEachCandidate(
    _ readRows: Int, _ readColumns: Int, _ body: (Int, Int) throws(ExcelError) -> Void
  ) throws(ExcelError) {
    guard readRows > 0, readColumns > 0 else { return }
    for (view, criterion) in conditions where !criterion.matchesEmpty {
      guard case .reference(let range) = view.operand else { continue }
      let corner = GridArea(
        top: range.area.top, left: range.area.left, bottom: range.area.top + readRows - 1,
        right: range.area.left + readColumns - 1)
      var positions: [(row: Int, column: Int)] = []
      view.context.workbook.sheets[range.sheet].grid.forEachCell(in: corner) { _, point in
        positions.append((point.row - corner.top, point.column - corner.left))
      }
      for position in positions { try body(position.row, position.column) }
      return
    }
    guard EvaluationLimits.allows(rows: readRows, columns: readColumns) else { throw .number }
    for row in 0..<readRows {
      for column in 0..<readColumns { try body(row, column) }
    }
  }

  /// The rectangle worth reading: past every view's used extent all values are blank.
  private func extent(including others: [MatrixView]) -> (Int, Int) {
    let extents = (conditions.map(\.view) + others).map(\.usedExtent)
    let readRows = min(rows, extents.map(\.rows).max() ?? 0)
    let readColumns = min(columns, extents.map(\.columns).max() ?? 0)
    return (readRows, readColumns)
  }

  private func matches(_ row: Int, _ column: Int) -> Bool {
    conditions.allSatisfy { $0.criterion.matches($0.view.valueInside(row, column)) }
  }
}

extension MatrixView {
  /// The shape of the range as written (a whole column is 1,048,576 rows), unlike `rows` and
  /// `columns`, which stop at the used area.
  var fullShape: (rows: Int, columns: Int) {
    if case .reference(let range) = operand { return (range.area.rowCount, range.area.columnCount) }
    return (rows, columns)
  }

  /// The leading part of the view that can hold values: a range cut at its sheet's used area
  /// (any range, not only whole columns), so `A1:A1000000` over 10 used rows reads 10 rows.
  var usedExtent: (rows: Int, columns: Int) {
    guard case .reference(let range) = operand else { return (rows, columns) }
    guard let used = context.workbook.usedArea(ofSheet: range.sheet) else { return (0, 0) }
    let area = range.area
    return (
      max(0, min(area.rowCount, used.bottom - area.top + 1)),
      max(0, min(area.columnCount, used.right - area.left + 1))
    )
  }

  /// The value at a position of the full shape; positions outside it read as blank.
  func valueInside(_ row: Int, _ column: Int) -> CellValue {
    let shape = fullShape
    guard row >= 0, column >= 0, row < shape.rows, column < shape.columns else { return .empty }
    return self[row, column]
  }

  /// The same top-left cell with another shape, as SUMIF and AVERAGEIF resize their sum range
  /// to the criteria range (cut at the sheet's edge). Arrays and values keep their shape.
  func resized(rows newRows: Int, columns newColumns: Int) -> MatrixView {
    guard case .reference(var range) = operand else { return self }
    range.area.bottom = min(range.area.top + newRows, Grid.rowCount) - 1
    range.area.right = min(range.area.left + newColumns, Grid.columnCount) - 1
    return MatrixView(operand: .reference(range), context: context)
  }
}
