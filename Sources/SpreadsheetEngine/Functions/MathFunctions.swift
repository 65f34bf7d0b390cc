import FormulaSyntax
import Foundation

/// Arithmetic, rounding, conditional sums and elementary functions.
enum MathFunctions {
  static let all: [FunctionSpec] =
    sums + rounding + elementary + multiples + integers + squares + trigonometry

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

  static let multiples: [FunctionSpec] = [
    FunctionSpec("TRUNC", arguments: 1...2) { args throws(ExcelError) in
      try round(args, .towardZero)
    },
    // Halves round away from zero; a number and multiple of opposite signs are #NUM!.
    FunctionSpec("MROUND", arguments: 2...2) { args throws(ExcelError) in
      let (number, multiple) = (try args.number(0), try args.number(1))
      if number == 0 || multiple == 0 { return .number(0) }
      guard (number > 0) == (multiple > 0) else { throw .number }
      return .number(multipleOf(multiple, number / multiple, .toNearestOrAwayFromZero))
    },
    // The significance's sign is ignored; a nonzero mode rounds negative numbers away from zero.
    FunctionSpec("CEILING.MATH", arguments: 1...3, futurePrefix: true) { args throws(ExcelError) in
      let (number, significance) = (try args.number(0), abs(try args.number(1, default: 1)))
      let awayFromZero = try args.number(2, default: 0) != 0
      if number == 0 || significance == 0 { return .number(0) }
      let rule: FloatingPointRoundingRule = number < 0 && awayFromZero ? .down : .up
      return .number(multipleOf(significance, number / significance, rule))
    },
    // A nonzero mode rounds negative numbers toward zero.
    FunctionSpec("FLOOR.MATH", arguments: 1...3, futurePrefix: true) { args throws(ExcelError) in
      let (number, significance) = (try args.number(0), abs(try args.number(1, default: 1)))
      let towardZero = try args.number(2, default: 0) != 0
      if number == 0 || significance == 0 { return .number(0) }
      let rule: FloatingPointRoundingRule = number < 0 && towardZero ? .up : .down
      return .number(multipleOf(significance, number / significance, rule))
    },
    // EVEN and ODD round away from zero: EVEN(-1) is -2, ODD(0) is 1.
    FunctionSpec("EVEN", arguments: 1...1) { args throws(ExcelError) in
      let number = try args.number(0)
      let magnitude = (DecimalRounding.fifteenDigits(abs(number)) / 2).rounded(.up) * 2
      return .number(number < 0 ? -magnitude : magnitude)
    },
    FunctionSpec("ODD", arguments: 1...1) { args throws(ExcelError) in
      let number = try args.number(0)
      var magnitude = DecimalRounding.fifteenDigits(abs(number)).rounded(.up)
      if magnitude.truncatingRemainder(dividingBy: 2) == 0 { magnitude += 1 }
      return .number(number < 0 ? -magnitude : magnitude)
    },
  ]

  static let integers: [FunctionSpec] = [
    // Truncated to an integer; 171! overflows a double, so 170 is the largest.
    FunctionSpec("FACT", arguments: 1...1) { args throws(ExcelError) in
      let number = (try args.number(0)).rounded(.towardZero)
      guard number >= 0, number <= 170 else { throw .number }
      return .number(stride(from: 2.0, through: number, by: 1).reduce(1, *))
    },
    FunctionSpec("COMBIN", arguments: 2...2) { args throws(ExcelError) in
      let n = (try args.number(0)).rounded(.towardZero)
      let k = (try args.number(1)).rounded(.towardZero)
      guard n >= 0, k >= 0, n >= k else { throw .number }
      let smaller = min(k, n - k)
      var result = 1.0
      for i in stride(from: 1.0, through: smaller, by: 1) {
        result = result * (n - smaller + i) / i
        guard result.isFinite else { throw .number }
      }
      return .number(result < 9.0e15 ? result.rounded() : result)
    },
    FunctionSpec("QUOTIENT", arguments: 2...2) { args throws(ExcelError) in
      let (numerator, denominator) = (try args.number(0), try args.number(1))
      guard denominator != 0 else { throw .divisionByZero }
      return .number((numerator / denominator).rounded(.towardZero))
    },
    FunctionSpec("GCD", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      .number(try wholeNumbers(args).reduce(0, greatestCommonDivisor))
    },
    // Any zero makes the least common multiple 0.
    FunctionSpec("LCM", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      let numbers = try wholeNumbers(args)
      if numbers.contains(0) { return .number(0) }
      return .number(numbers.reduce(1) { $0 / greatestCommonDivisor($0, $1) * $1 })
    },
  ]

  static let squares: [FunctionSpec] = [
    FunctionSpec("SUMSQ", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      var total = 0.0
      try args.forEachAggregateNumber { total += $0 * $0 }
      return .number(total)
    },
    FunctionSpec("SUMX2MY2", arguments: 2...2, parameters: [.array]) { args throws(ExcelError) in
      let (x, y) = try args.pairedNumbers(0, 1)
      return .number(zip(x, y).reduce(0) { $0 + $1.0 * $1.0 - $1.1 * $1.1 })
    },
    FunctionSpec("SUMX2PY2", arguments: 2...2, parameters: [.array]) { args throws(ExcelError) in
      let (x, y) = try args.pairedNumbers(0, 1)
      return .number(zip(x, y).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 })
    },
    FunctionSpec("SUMXMY2", arguments: 2...2, parameters: [.array]) { args throws(ExcelError) in
      let (x, y) = try args.pairedNumbers(0, 1)
      return .number(zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
    },
    FunctionSpec("SUBTOTAL", arguments: 2...variadic, parameters: [.value, .reference], unions: true) {
      args throws(ExcelError) in
      .number(try Subtotal.evaluate(args))
    },
  ]

  static let trigonometry: [FunctionSpec] = [
    unary("RADIANS") { $0 * Double.pi / 180 },
    unary("DEGREES") { $0 * 180 / Double.pi },
    // Excel refuses angles of 2^27 radians or more (#NUM!): reduced modulo 2π they are noise.
    unary("SIN", domain: -periodicLimit...periodicLimit) { sin($0) },
    unary("COS", domain: -periodicLimit...periodicLimit) { cos($0) },
    unary("TAN", domain: -periodicLimit...periodicLimit) { tan($0) },
    unary("ASIN", domain: -1...1) { asin($0) },
    unary("ACOS", domain: -1...1) { acos($0) },
    unary("ATAN") { atan($0) },
    // ATAN2 takes x first, unlike C's atan2(y, x); the origin has no angle (#DIV/0!).
    FunctionSpec("ATAN2", arguments: 2...2) { args throws(ExcelError) in
      let (x, y) = (try args.number(0), try args.number(1))
      guard x != 0 || y != 0 else { throw .divisionByZero }
      return .number(atan2(y, x))
    },
  ]

  /// The largest angle SIN, COS and TAN accept: just below 2^27.
  private static let periodicLimit = 134_217_728.0.nextDown

  /// A one-number function; a number outside `domain` is #NUM!.
  private static func unary(
    _ name: String, domain: ClosedRange<Double>? = nil, _ apply: @escaping @Sendable (Double) -> Double
  ) -> FunctionSpec {
    FunctionSpec(name, arguments: 1...1) { args throws(ExcelError) in
      let number = try args.number(0)
      if let domain, !domain.contains(number) { throw .number }
      return .number(apply(number))
    }
  }

  /// `quotient` rounded by `rule`, times `multiple`: the quotient loses its binary noise first
  /// (4.2/0.1 is 42.00000000000001) and so does the product (13 × 0.1 shows as 1.3).
  private static func multipleOf(
    _ multiple: Double, _ quotient: Double, _ rule: FloatingPointRoundingRule
  ) -> Double {
    DecimalRounding.fifteenDigits(DecimalRounding.fifteenDigits(quotient).rounded(rule) * multiple)
  }

  /// GCD and LCM arguments: truncated to integers; negative or beyond 2^53 is #NUM!.
  private static func wholeNumbers(_ args: Arguments) throws(ExcelError) -> [Double] {
    var numbers: [Double] = []
    try args.forEachAggregateNumber { number throws(ExcelError) in
      guard number >= 0, number < 9_007_199_254_740_992 else { throw .number }
      numbers.append(number.rounded(.towardZero))
    }
    return numbers
  }

  private static func greatestCommonDivisor(_ a: Double, _ b: Double) -> Double {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a.truncatingRemainder(dividingBy: b)) }
    return a
  }

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
