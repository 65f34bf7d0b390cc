import FormulaSyntax

/// The bodies of INDEX, XLOOKUP, ROW and COLUMN: functions that pick part of a reference or
/// array and return it as a reference when they were given one.
enum ReferenceSelection {
  // MARK: INDEX

  /// INDEX(array, row, [column], [area]).
  ///
  /// Row or column 0 (or omitted) means the whole column or row; with a single index a
  /// one-row range is indexed by column, any other by row (a 2-D range then yields the whole
  /// row). Negative indexes are #VALUE!, indexes beyond the array #REF!. `area` picks one
  /// area of a multi-area reference (`INDEX((A1:B2,D1:E2),1,1,2)` is D1); an area below 1 is
  /// #VALUE!, beyond the areas #REF!. A reference argument gives a reference, so
  /// `SUM(INDEX(A1:C3, 0, 2))` sums B1:B3 and ROW(INDEX(…)) sees the address.
  static func index(_ args: Arguments) throws(ExcelError) -> Operand {
    var source = args.operands[0] ?? .value(.empty)
    if case .value(.error(let error)) = source { throw error }
    var row = args.isMissing(1) ? 0 : try args.position(1)
    var column = args.isMissing(2) ? nil : try args.position(2)
    let area = args.count > 3 ? try args.position(3) : 1
    guard area >= 1 else { throw .value }
    if case .union(let ranges) = source {
      guard area <= ranges.count else { throw .reference }
      source = .reference(ranges[area - 1])
    } else {
      guard area == 1 else { throw .reference }
    }
    let shape = LookupSearch.shape(source)
    guard shape.rows > 0, shape.columns > 0 else { throw .reference }
    guard row >= 0, (column ?? 0) >= 0 else { throw .value }
    if column == nil {
      if shape.rows == 1 {
        column = row
        row = 0
      } else {
        column = 0
      }
    }
    let selectedColumn = column ?? 0
    guard row <= shape.rows, selectedColumn <= shape.columns else { throw .reference }
    let rows = row == 0 ? 0...(shape.rows - 1) : (row - 1)...(row - 1)
    let columns = selectedColumn == 0 ? 0...(shape.columns - 1) : (selectedColumn - 1)...(selectedColumn - 1)
    return LookupSearch.slice(source, rows: rows, columns: columns)
  }

  // MARK: XLOOKUP

  /// XLOOKUP(value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode]).
  ///
  /// lookup_array must be one row or column, and return_array as long along that direction
  /// (#VALUE! otherwise). The result is the matching row (or column) of return_array: a single
  /// cell comes back as a reference; several cells as an array, which a formula cell shows by
  /// its top-left value.
  static func xlookup(_ args: Arguments) throws(ExcelError) -> Operand {
    for index in 1...2 {
      if case .value(.error(let error))? = args.operands[index] { throw error }
    }
    let lookupShape = LookupSearch.shape(args.operands[1])
    let returnShape = LookupSearch.shape(args.operands[2])
    guard let keys = LookupVector(oneDimensional: args.matrix(1)) else { throw .value }
    guard returnShape.rows > 0, returnShape.columns > 0 else { throw .value }
    let vertical = lookupShape.columns == 1
    guard vertical ? returnShape.rows == lookupShape.rows : returnShape.columns == lookupShape.columns
    else { throw .value }
    let match = try XLookupSearch.MatchMode(args.isMissing(4) ? 0 : try args.position(4))
    let search = try XLookupSearch.SearchMode(args.isMissing(5) ? 1 : try args.position(5))
    guard
      let found = XLookupSearch.position(
        of: args.value(0), in: keys, fullCount: vertical ? lookupShape.rows : lookupShape.columns,
        match: match, search: search)
    else {
      if args.count > 3, let fallback = args.operands[3] { return fallback }
      throw .notAvailable
    }
    let rows = vertical ? found...found : 0...(returnShape.rows - 1)
    let columns = vertical ? 0...(returnShape.columns - 1) : found...found
    let result = LookupSearch.slice(
      args.operands[2] ?? .value(.empty), rows: rows, columns: columns)
    if case .reference(let range) = result, range.area.cellCount > 1 {
      return .array(args.context.matrix(result))
    }
    return result
  }

  // MARK: ROW, COLUMN

  /// ROW/COLUMN: without an argument the formula cell's own row or column; with a reference
  /// its row (column) numbers, a single number for one row (column), else an array, which a
  /// formula cell shows by its first value and SUM/SUMPRODUCT read whole. Whole-column
  /// references stop at the sheet's used rows, so ROW(A:A) never builds a million numbers.
  static func positions(_ args: Arguments, rows: Bool) throws(ExcelError) -> Operand {
    guard args.count > 0, let operand = args.operands[0] else {
      let origin = args.context.origin
      return .number(Double((rows ? origin.row : origin.column) + 1))
    }
    switch operand {
    case .reference(let range):
      let view = args.matrix(0)
      let first = rows ? range.area.top : range.area.left
      let count = rows ? view.rows : view.columns
      if count == 1 { return .number(Double(first + 1)) }
      let values = (0..<count).map { CellValue.number(Double(first + $0 + 1)) }
      return .array(ValueMatrix(rows: rows ? count : 1, columns: rows ? 1 : count, values: values))
    case .value(.error(let error)):
      throw error
    case .value, .array, .union:
      throw .value
    }
  }
}
