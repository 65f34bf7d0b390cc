import FormulaSyntax

/// The searches of MATCH, VLOOKUP and HLOOKUP, and the argument readings they share.
enum LookupSearch {
  /// MATCH's match_type and the classic lookups' range_lookup, reduced to what Excel uses:
  /// the sign of the number (1 ascending approximate, 0 exact, -1 descending approximate).
  enum Mode {
    case ascending
    case exact
    case descending

    init(matchType: Double) {
      self = matchType > 0 ? .ascending : (matchType < 0 ? .descending : .exact)
    }
  }

  /// The 0-based position of `target` in `vector`, nil when there is none (#N/A).
  ///
  /// A blank target is looked up as the number 0 (Excel: `MATCH(<blank>, A1:A6, 0)` finds the
  /// cell holding 0; LibreOffice says #N/A), while blank cells in the vector never match.
  /// Exact matching honours wildcards in text targets; approximate modes bisect like Excel.
  static func position(of target: CellValue, in vector: LookupVector, mode: Mode) -> Int? {
    let target = target.isEmpty ? CellValue.number(0) : target
    switch mode {
    case .exact:
      return ExactMatcher(target, wildcards: true).firstIndex(in: vector)
    case .ascending:
      return ExcelBinarySearch.lastIndex(in: vector, target: target) { $0 <= 0 }
    case .descending:
      return ExcelBinarySearch.lastIndex(in: vector, target: target) { $0 >= 0 }
    }
  }

  /// VLOOKUP (`vertical`) and HLOOKUP: search the first column (row) of the table, return
  /// from column (row) `index` of the same row (column).
  ///
  /// The index is checked first: below 1 is #VALUE!, beyond the table #REF!, whether or not
  /// the value is found. range_lookup defaults to TRUE, but an omitted-but-present one
  /// (`VLOOKUP(x, t, 2, )`) is FALSE, as in Excel.
  static func tableLookup(_ args: Arguments, vertical: Bool) throws(ExcelError) -> Operand {
    if case .value(.error(let error))? = args.operands[1] { throw error }
    let table = args.matrix(1)
    let index = try args.position(2)
    guard index >= 1 else { throw .value }
    guard index <= (vertical ? table.columns : table.rows) else { throw .reference }
    let approximate = args.count < 4 ? true : try args.boolean(3)
    let keys = vertical ? LookupVector(table, column: 0) : LookupVector(table, row: 0)
    let mode: Mode = approximate ? .ascending : .exact
    guard let found = position(of: args.value(0), in: keys, mode: mode) else {
      throw .notAvailable
    }
    return .value(vertical ? table[found, index - 1] : table[index - 1, found])
  }

  /// The full dimensions of an argument: a reference's own size (a whole column is 1,048,576
  /// rows, unlike a `MatrixView`, which stops at the used area), an array's, or 1×1.
  static func shape(_ operand: Operand?) -> (rows: Int, columns: Int) {
    switch operand {
    case .reference(let range)?: (range.area.rowCount, range.area.columnCount)
    case .array(let matrix)?: (matrix.rows, matrix.columns)
    // A multi-area reference has no one shape; functions that accept one pick an area first.
    case .value?, .union?, nil: (1, 1)
    }
  }

  /// The sub-rectangle `rows × columns` (0-based, inclusive ranges) of a reference, array or
  /// single value: a reference stays a reference (INDEX, XLOOKUP results feed SUM or ROW), a
  /// 1×1 piece of an array becomes its value.
  static func slice(
    _ operand: Operand, rows: ClosedRange<Int>, columns: ClosedRange<Int>
  ) -> Operand {
    switch operand {
    case .reference(let range):
      let area = GridArea(
        top: range.area.top + rows.lowerBound, left: range.area.left + columns.lowerBound,
        bottom: range.area.top + rows.upperBound, right: range.area.left + columns.upperBound)
      return .reference(RangeReference(sheet: range.sheet, area: area))
    case .array(let matrix):
      if rows.count == 1 && columns.count == 1 {
        return .value(matrix[rows.lowerBound, columns.lowerBound])
      }
      var values: [CellValue] = []
      values.reserveCapacity(rows.count * columns.count)
      for row in rows {
        for column in columns { values.append(matrix[row, column]) }
      }
      return .array(ValueMatrix(rows: rows.count, columns: columns.count, values: values))
    case .value:
      return operand
    case .union:
      return .error(.value)
    }
  }
}

extension Arguments {
  /// A position argument (INDEX's row and column, VLOOKUP's column): truncated toward zero,
  /// with huge values clamped so they fail the caller's range check instead of overflowing.
  func position(_ index: Int) throws(ExcelError) -> Int {
    let number = try self.number(index).rounded(.towardZero)
    return Int(max(-1e15, min(1e15, number)))
  }
}
