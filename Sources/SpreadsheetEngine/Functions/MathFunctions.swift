import FormulaSyntax
import Foundation

/// Arithmetic, rounding, conditional sums and elementary functions.
enum MathFunctions {
  static let all: [FunctionSpec] = sums + rounding + elementary

  /// Parameter kinds of SUMIFS-style functions: a target range, then (range, criterion) pairs.
  static let rangeCriterionPairs: [ParameterKind] =
    [.reference] + Array(repeating: [ParameterKind.reference, .valueOrError], count: 127).joined()

  static let sums: [FunctionSpec] = [
    FunctionSpec("SUM", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      if args.count == 1, let sum = args.context.cachedSum(of: args.reference(0)) {
        if let error = sum.error { throw error }
        return .number(sum.total)
      }
      var total = 0.0
      try args.forEachAggregateNumber { total = ApproximateArithmetic.add(total, $0) }
      return .number(total)
    },
    // Arguments are evaluated as arrays; all must have one shape; non-numbers (text, TRUE,
    // blanks) count as 0, and the first error met is the result.
    FunctionSpec("SUMPRODUCT", arguments: 1...variadic, parameters: [.array]) { args throws(ExcelError) in
      .number(try SumProduct.evaluate(args))
    },
    // The sum range is resized to the criteria range's shape from its own top-left cell.
    FunctionSpec("SUMIF", arguments: 2...3, parameters: [.reference, .valueOrError, .reference]) {
      args throws(ExcelError) in
      let (scan, target) = ConditionalScan.singleCriterion(args)
      return .number(try scan.sum(of: target))
    },
    FunctionSpec("SUMIFS", arguments: 3...variadic, parameters: rangeCriterionPairs) {
      args throws(ExcelError) in
      .number(try StatisticalFunctions.conditionalScan(args).sum(of: args.matrix(0)))
    },
    FunctionSpec("PRODUCT", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      var product = 1.0
      var seen = false
      try args.forEachAggregateNumber {
        product *= $0
        seen = true
      }
      return .number(seen ? product : 0)
    },
  ]

  static let rounding: [FunctionSpec] = [
    FunctionSpec("ROUND", arguments: 2...2) { args throws(ExcelError) in
      try round(args, .halfAwayFromZero)
    },
    FunctionSpec("ROUNDUP", arguments: 2...2) { args throws(ExcelError) in
      try round(args, .awayFromZero)
    },
    FunctionSpec("ROUNDDOWN", arguments: 2...2) { args throws(ExcelError) in
      try round(args, .towardZero)
    },
    FunctionSpec("INT", arguments: 1...1) { args throws(ExcelError) in
      .number((try args.number(0)).rounded(.down))
    },
    // The result takes the divisor's sign: MOD(-10,3) is 2, MOD(10,-3) is -2.
    FunctionSpec("MOD", arguments: 2...2) { args throws(ExcelError) in
      let (number, divisor) = (try args.number(0), try args.number(1))
      guard divisor != 0 else { throw .divisionByZero }
      var remainder = fmod(number, divisor)
      if remainder != 0, (remainder < 0) != (divisor < 0) { remainder += divisor }
      return .number(remainder)
    },
    // Classic CEILING/FLOOR: a positive number with a negative significance is #NUM!; the
    // quotient loses its binary noise first so CEILING(4.2,0.1) stays 4.2.
    FunctionSpec("CEILING", arguments: 2...2) { args throws(ExcelError) in
      let (number, significance) = (try args.number(0), try args.number(1))
      if number == 0 || significance == 0 { return .number(0) }
      guard !(number > 0 && significance < 0) else { throw .number }
      return .number(DecimalRounding.fifteenDigits(number / significance).rounded(.up) * significance)
    },
    FunctionSpec("FLOOR", arguments: 2...2) { args throws(ExcelError) in
      let (number, significance) = (try args.number(0), try args.number(1))
      guard !(number > 0 && significance < 0) else { throw .number }
      if number == 0 { return .number(0) }
      guard significance != 0 else { throw .divisionByZero }
      return .number(DecimalRounding.fifteenDigits(number / significance).rounded(.down) * significance)
    },
  ]

  static let elementary: [FunctionSpec] = [
    FunctionSpec("ABS", arguments: 1...1) { args throws(ExcelError) in
      .number(abs(try args.number(0)))
    },
    FunctionSpec("SIGN", arguments: 1...1) { args throws(ExcelError) in
      let number = try args.number(0)
      return .number(number > 0 ? 1 : (number < 0 ? -1 : 0))
    },
    FunctionSpec("PI", arguments: 0...0) { _ throws(ExcelError) in .number(Double.pi) },
    FunctionSpec("SQRT", arguments: 1...1) { args throws(ExcelError) in
      let number = try args.number(0)
      guard number >= 0 else { throw .number }
      return .number(number.squareRoot())
    },
    FunctionSpec("POWER", arguments: 2...2) { args throws(ExcelError) in
      .number(try power(args.number(0), args.number(1)))
    },
    FunctionSpec("EXP", arguments: 1...1) { args throws(ExcelError) in
      .number(exp(try args.number(0)))
    },
    FunctionSpec("LN", arguments: 1...1) { args throws(ExcelError) in
      let number = try args.number(0)
      guard number > 0 else { throw .number }
      return .number(log(number))
    },
    FunctionSpec("LOG", arguments: 1...2) { args throws(ExcelError) in
      let number = try args.number(0)
      let base = try args.number(1, default: 10)
      guard number > 0, base > 0 else { throw .number }
      guard base != 1 else { throw .divisionByZero }
      if base == 10 { return .number(log10(number)) }
      if base == 2 { return .number(log2(number)) }
      return .number(log(number) / log(base))
    },
    FunctionSpec("LOG10", arguments: 1...1) { args throws(ExcelError) in
      let number = try args.number(0)
      guard number > 0 else { throw .number }
      return .number(log10(number))
    },
  ]

  /// ROUND, ROUNDUP, ROUNDDOWN: digits are truncated toward zero.
  private static func round(_ args: Arguments, _ mode: DecimalRounding.Mode) throws(ExcelError) -> Operand {
    let number = try args.number(0)
    let digits = try args.number(1)
    let clamped = Int(max(-1000, min(1000, digits.rounded(.towardZero))))
    return .number(DecimalRounding.round(number, digits: clamped, mode: mode))
  }

  /// Excel's POWER: 0^0 is #NUM!, 0 to a negative power #DIV/0!, a negative base with a
  /// fractional exponent #NUM!, overflow #NUM!.
  static func power(_ base: Double, _ exponent: Double) throws(ExcelError) -> Double {
    if base == 0 {
      if exponent == 0 { throw .number }
      if exponent < 0 { throw .divisionByZero }
      return 0
    }
    if base < 0, exponent != exponent.rounded() { throw .number }
    let result = pow(base, exponent)
    guard result.isFinite else { throw .number }
    return result
  }
}
