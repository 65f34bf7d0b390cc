import FormulaSyntax
import Foundation

/// Arithmetic and rounding functions.
enum MathFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec("SUM", arguments: 1...variadic, parameters: [.reference]) { args throws(ExcelError) in
      var total = 0.0
      try args.forEachAggregateNumber { total = ApproximateArithmetic.add(total, $0) }
      return .number(total)
    },
    FunctionSpec("ABS", arguments: 1...1) { args throws(ExcelError) in
      .number(abs(try args.number(0)))
    },
  ]
}
