import FormulaSyntax

/// A rectangle of values read through the workbook: a range, an array or a single value seen as
/// a 1×1 array. Reading a range costs one cell lookup per position. A multi-area reference is
/// no rectangle: it reads as a single #VALUE! (functions that accept one see its areas through
/// `Arguments.areas`).
public struct MatrixView {
  public let operand: Operand
  let context: EvaluationContext
  public let rows: Int
  public let columns: Int

  init(operand: Operand, context: EvaluationContext) {
    self.operand = operand
    self.context = context
    switch operand {
    case .value, .union:
      rows = 1
      columns = 1
    case .array(let matrix):
      rows = matrix.rows
      columns = matrix.columns
    case .reference(let range):
      let area = context.boundedArea(range)
      rows = area.rowCount
      columns = area.columnCount
    }
  }

  public var count: Int { rows * columns }

  /// Whether the values came from cells (SUM ignores text in ranges but not typed text).
  public var isReference: Bool {
    if case .reference = operand { return true }
    return false
  }

  public subscript(row: Int, column: Int) -> CellValue {
    switch operand {
    case .value(let value): return value
    case .union: return .error(.value)
    case .array(let matrix): return matrix[row, column]
    case .reference(let range):
      return context.cellValue(
        sheet: range.sheet,
        at: GridPoint(row: range.area.top + row, column: range.area.left + column))
    }
  }

  /// The i-th value in row-major order.
  public subscript(linear index: Int) -> CellValue {
    self[index / columns, index % columns]
  }

  /// Visits values in row-major order.
  public func forEachValue(_ body: (CellValue) throws(ExcelError) -> Void) throws(ExcelError) {
    switch operand {
    case .value(let value): try body(value)
    case .union: try body(.error(.value))
    case .array(let matrix): for value in matrix.values { try body(value) }
    case .reference:
      guard EvaluationLimits.allows(rows: rows, columns: columns) else { throw .number }
      for row in 0..<rows {
        for column in 0..<columns { try body(self[row, column]) }
      }
    }
  }

  /// Visits only the non-empty cells (any order for ranges): the fast path for aggregates over
  /// large sparse ranges such as `B:B`.
  public func forEachNonEmpty(_ body: (CellValue) throws(ExcelError) -> Void) throws(ExcelError) {
    switch operand {
    case .value(let value): if !value.isEmpty { try body(value) }
    case .union: try body(.error(.value))
    case .array(let matrix): for value in matrix.values where !value.isEmpty { try body(value) }
    case .reference(let range):
      var failure: ExcelError?
      context.forEachCell(in: range) { value in
        guard failure == nil, !value.isEmpty else { return }
        do throws(ExcelError) { try body(value) } catch { failure = error }
      }
      if let failure { throw failure }
    }
  }

  /// All values as a materialised matrix.
  public func materialized() -> ValueMatrix {
    if case .array(let matrix) = operand { return matrix }
    guard EvaluationLimits.allows(rows: rows, columns: columns) else {
      return ValueMatrix(rows: 1, columns: 1, values: [.error(.number)])
    }
    var values: [CellValue] = []
    values.reserveCapacity(count)
    for row in 0..<rows {
      for column in 0..<columns { values.append(self[row, column]) }
    }
    return ValueMatrix(rows: rows, columns: columns, values: values)
  }
}
