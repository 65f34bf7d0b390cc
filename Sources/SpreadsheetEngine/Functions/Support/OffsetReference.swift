import FormulaSyntax

/// OFFSET: a reference moved and resized from a base reference, built at evaluation time.
///
/// Excel's rules: rows and columns are truncated toward zero; height and width default to the
/// base's and are truncated too; a zero height or width, or a result beyond the grid, is #REF!;
/// a base that is not one rectangle (a value, a union) is #VALUE!. The cells of the result are
/// not known to the dependency graph, so OFFSET is volatile (as in Excel) and asks the
/// recalculation walk to settle them first (`EvaluationContext.requireSettled`).
enum OffsetReference {
  static func evaluate(_ args: Arguments) throws(ExcelError) -> Operand {
    if case .value(.error(let error))? = args.operands[0] { throw error }
    guard let base = args.reference(0) else { throw .value }
    let rows = try args.integer(1)
    let columns = try args.integer(2)
    let height = args.isMissing(3) ? base.area.rowCount : try args.integer(3)
    let width = args.isMissing(4) ? base.area.columnCount : try args.integer(4)
    guard height != 0, width != 0 else { throw .reference }
    // A negative height or width extends up or left from the moved corner, as Excel does.
    let top = base.area.top + rows
    let left = base.area.left + columns
    let area = GridArea(
      top: min(top, top + height + 1), left: min(left, left + width + 1),
      bottom: max(top, top + height - 1), right: max(left, left + width - 1))
    guard area.isOnGrid else { throw .reference }
    let result = RangeReference(sheet: base.sheet, area: area)
    try args.context.requireSettled(result)
    return .reference(result)
  }
}
