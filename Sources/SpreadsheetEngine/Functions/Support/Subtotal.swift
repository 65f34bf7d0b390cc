import FormulaSyntax

/// SUBTOTAL: one of eleven aggregates over references, skipping cells that are themselves
/// subtotals so that a column of section subtotals and a grand subtotal does not count twice.
///
/// Function numbers 101–111 are 1–11 that also skip hidden rows; finmodel has no hidden rows,
/// so both sets behave alike. Arguments must be references, as in Excel.
enum Subtotal {
  static func evaluate(_ args: Arguments) throws(ExcelError) -> Double {
    let code = try args.integer(0)
    let function = code > 100 ? code - 100 : code
    guard (1...11).contains(function), args.count > 1 else { throw .value }
    var values: [CellValue] = []
    for index in 1..<args.count {
      switch args.operands[index] {
      case .reference?, .union?: break
      default: throw .value
      }
      for area in args.areas(index) {
        guard case .reference(let range) = area.operand else { throw .value }
        args.context.forEachCellOutsideSubtotals(in: range) { values.append($0) }
      }
    }
    switch function {
    case 2: return Double(values.filter { $0.numberValue != nil }.count)
    case 3: return Double(values.count)
    default: break
    }
    var numbers: [Double] = []
    for value in values {
      switch value {
      case .number(let number): numbers.append(number)
      case .error(let error): throw error
      default: break
      }
    }
    switch function {
    case 1:
      guard !numbers.isEmpty else { throw .divisionByZero }
      return numbers.reduce(0, ApproximateArithmetic.add) / Double(numbers.count)
    case 4: return numbers.max() ?? 0
    case 5: return numbers.min() ?? 0
    case 6: return numbers.isEmpty ? 0 : numbers.reduce(1, *)
    case 7: return try Moments.variance(numbers, population: false).squareRoot()
    case 8: return try Moments.variance(numbers, population: true).squareRoot()
    case 10: return try Moments.variance(numbers, population: false)
    case 11: return try Moments.variance(numbers, population: true)
    default: return numbers.reduce(0, ApproximateArithmetic.add)
    }
  }
}

extension EvaluationContext {
  /// Visits the values of a range's existing cells, except cells whose formula calls SUBTOTAL
  /// or AGGREGATE (Excel leaves those out of an enclosing SUBTOTAL).
  func forEachCellOutsideSubtotals(in range: RangeReference, _ body: (CellValue) -> Void) {
    let workbook = self.workbook
    workbook.sheets[range.sheet].grid.forEachCell(in: range.area) { id, _ in
      if case .formula(let index) = workbook.contents[Int(id)],
        workbook.formulas[Int(index)].bound.callsSubtotal
      {
        return
      }
      body(workbook.values[Int(id)])
    }
  }
}

extension BoundExpression {
  /// Whether the expression calls SUBTOTAL or AGGREGATE anywhere.
  var callsSubtotal: Bool {
    switch self {
    case .call(let spec, let arguments):
      spec.name == "SUBTOTAL" || spec.name == "AGGREGATE" || arguments.contains { $0.callsSubtotal }
    case .prefix(_, let operand), .percent(let operand): operand.callsSubtotal
    case .infix(_, let lhs, let rhs), .intersection(let lhs, let rhs): lhs.callsSubtotal || rhs.callsSubtotal
    case .union(let areas): areas.contains { $0.callsSubtotal }
    case .constant, .array, .cell, .area, .missing: false
    }
  }
}
