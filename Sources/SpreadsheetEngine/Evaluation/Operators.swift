import FormulaSyntax
import Foundation

/// Excel's operators on values, lifted element-wise over arrays.
enum Operators {
  static func prefix(_ op: PrefixOperator, _ operand: Operand, context: EvaluationContext) -> Operand {
    map(operand) { value in
      switch op {
      case .plus: return value
      case .minus:
        do throws(ExcelError) { return .number(-(try value.asNumber())) } catch { return .error(error) }
      }
    }
  }

  static func percent(_ operand: Operand, context: EvaluationContext) -> Operand {
    map(operand) { value in
      do throws(ExcelError) { return .number(try value.asNumber() / 100) } catch { return .error(error) }
    }
  }

  static func infix(
    _ op: InfixOperator, _ lhs: Operand, _ rhs: Operand, context: EvaluationContext
  ) -> Operand {
    switch (lhs, rhs) {
    case (.value(let a), .value(let b)):
      return .value(apply(op, a, b))
    default:
      let left = context.matrix(lhs)
      let right = context.matrix(rhs)
      return .array(Broadcast.combine(left, right) { apply(op, $0, $1) })
    }
  }

  private static func map(_ operand: Operand, _ transform: (CellValue) -> CellValue) -> Operand {
    switch operand {
    case .value(let value): return .value(transform(value))
    case .array(let matrix):
      return .array(
        ValueMatrix(rows: matrix.rows, columns: matrix.columns, values: matrix.values.map(transform)))
    case .reference, .union:
      return .value(.error(.value))
    }
  }

  /// One binary operation on two values, errors propagating left first.
  static func apply(_ op: InfixOperator, _ a: CellValue, _ b: CellValue) -> CellValue {
    if case .error(let error) = a { return .error(error) }
    if case .error(let error) = b { return .error(error) }
    if op.isComparison {
      let order = ValueComparison.compare(a, b)
      let result: Bool
      switch op {
      case .equal: result = order == 0
      case .notEqual: result = order != 0
      case .less: result = order < 0
      case .lessOrEqual: result = order <= 0
      case .greater: result = order > 0
      default: result = order >= 0
      }
      return .boolean(result)
    }
    if op == .concatenate {
      do throws(ExcelError) {
        let text = try a.asText() + b.asText()
        // Excel's cells hold at most 32,767 characters; a longer result is #VALUE!.
        return text.utf16.count > 32_767 ? .error(.value) : .text(text)
      } catch {
        return .error(error)
      }
    }
    let x: Double
    let y: Double
    do {
      x = try a.asNumber()
      y = try b.asNumber()
    } catch {
      return .error(error)
    }
    let result: Double
    switch op {
    case .add: result = ApproximateArithmetic.add(x, y)
    case .subtract: result = ApproximateArithmetic.subtract(x, y)
    case .multiply: result = x * y
    case .divide:
      guard y != 0 else { return .error(.divisionByZero) }
      result = x / y
    case .power:
      return power(x, y)
    default: return .error(.value)
    }
    return result.isFinite ? .number(result) : .error(.number)
  }

  /// `x^y` with Excel's domain rules: 0^0 and 0^negative are errors, a negative base needs an
  /// integer exponent.
  static func power(_ x: Double, _ y: Double) -> CellValue {
    if x == 0 && y == 0 { return .error(.number) }
    if x == 0 && y < 0 { return .error(.divisionByZero) }
    if x < 0 && y.rounded() != y { return .error(.number) }
    let result = Foundation.pow(x, y)
    return result.isFinite ? .number(result) : .error(.number)
  }
}

/// Element-wise combination of two arrays with Excel's broadcasting: a single row or column is
/// repeated, and positions beyond a smaller array are #N/A.
enum Broadcast {
  static func combine(
    _ a: ValueMatrix, _ b: ValueMatrix, _ operation: (CellValue, CellValue) -> CellValue
  ) -> ValueMatrix {
    let rows = dimension(a.rows, b.rows)
    let columns = dimension(a.columns, b.columns)
    guard EvaluationLimits.allows(rows: rows, columns: columns) else {
      return ValueMatrix(rows: 1, columns: 1, values: [.error(.number)])
    }
    var values: [CellValue] = []
    values.reserveCapacity(rows * columns)
    for row in 0..<rows {
      for column in 0..<columns {
        guard let x = element(a, row, column), let y = element(b, row, column) else {
          values.append(.error(.notAvailable))
          continue
        }
        values.append(operation(x, y))
      }
    }
    return ValueMatrix(rows: rows, columns: columns, values: values)
  }

  static func dimension(_ a: Int, _ b: Int) -> Int {
    a == 1 ? b : (b == 1 ? a : max(a, b))
  }

  static func element(_ matrix: ValueMatrix, _ row: Int, _ column: Int) -> CellValue? {
    let r = matrix.rows == 1 ? 0 : row
    let c = matrix.columns == 1 ? 0 : column
    guard r < matrix.rows, c < matrix.columns else { return nil }
    return matrix[r, c]
  }
}
