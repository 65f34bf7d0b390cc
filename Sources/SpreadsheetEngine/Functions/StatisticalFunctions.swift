import FormulaSyntax
import Foundation

/// Counting, averages, extremes, spread, order statistics, regression and the normal
/// distribution, plain and conditional.
///
/// The plain aggregates follow Excel's argument rule (`forEachAggregateNumber`): typed
/// arguments are coerced (`AVERAGE(1,"3",TRUE)` is 5/3), values in ranges and arrays count only
/// when they are numbers, and the first error met is the result.
enum StatisticalFunctions {
  static let all: [FunctionSpec] = counting + averages + extremes + analysis

  static let counting: [FunctionSpec] = [
    // Typed numbers, logicals and numeric text count; in ranges only numbers. Errors never stop
    // COUNT: they are simply not numbers.
    FunctionSpec("COUNT", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      var count = 0
      for index in 0..<args.count {
        guard let operand = args.operands[index] else { continue }
        if case .value(let value) = operand {
          if (try? value.asNumber()) != nil, !value.isEmpty { count += 1 }
          continue
        }
        for area in args.areas(index) {
          try area.forEachNonEmpty { if case .number = $0 { count += 1 } }
        }
      }
      return .number(Double(count))
    },
    // Everything that is not a blank cell counts, errors and empty text included.
    FunctionSpec("COUNTA", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      var count = 0
      for index in 0..<args.count where !args.isMissing(index) {
        for area in args.areas(index) { try area.forEachNonEmpty { _ in count += 1 } }
      }
      return .number(Double(count))
    },
    // Blank cells and empty text; a whole column counts its blanks past the used area too.
    FunctionSpec("COUNTBLANK", arguments: 1...1, parameters: [.reference]) { args throws(ExcelError) in
      let view = args.matrix(0)
      let shape = view.fullShape
      var filled = 0
      try view.forEachNonEmpty { value in
        if case .text(let text) = value, text.isEmpty { return }
        filled += 1
      }
      return .number(Double(shape.rows * shape.columns - filled))
    },
    FunctionSpec("COUNTIF", arguments: 2...2, parameters: [.reference, .valueOrError]) {
      args throws(ExcelError) in
      let scan = ConditionalScan(range: args.matrix(0), criterion: Criterion(args.value(1)))
      return .number(Double(try scan.count()))
    },
    FunctionSpec(
      "COUNTIFS", arguments: 2...variadic, parameters: Array(MathFunctions.rangeCriterionPairs.dropFirst())
    ) {
      args throws(ExcelError) in
      .number(Double(try ConditionalScan(args, pairsFrom: 0).count()))
    },
  ]

  static let averages: [FunctionSpec] = [
    FunctionSpec("AVERAGE", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      var total = 0.0
      var count = 0
      try args.forEachAggregateNumber {
        total = ApproximateArithmetic.add(total, $0)
        count += 1
      }
      guard count > 0 else { throw .divisionByZero }
      return .number(total / Double(count))
    },
    // The average range is resized to the criteria range's shape, as SUMIF's sum range is.
    FunctionSpec("AVERAGEIF", arguments: 2...3, parameters: [.reference, .valueOrError, .reference]) {
      args throws(ExcelError) in
      let (scan, target) = ConditionalScan.singleCriterion(args)
      return .number(try scan.average(of: target))
    },
    FunctionSpec("AVERAGEIFS", arguments: 3...variadic, parameters: MathFunctions.rangeCriterionPairs) {
      args throws(ExcelError) in
      .number(try conditionalScan(args).average(of: args.matrix(0)))
    },
    FunctionSpec("MEDIAN", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      let numbers = try args.aggregateNumbers().sorted()
      guard !numbers.isEmpty else { throw .number }
      let middle = numbers.count / 2
      if numbers.count % 2 == 1 { return .number(numbers[middle]) }
      return .number((numbers[middle - 1] + numbers[middle]) / 2)
    },
  ]

  static let extremes: [FunctionSpec] = [
    FunctionSpec("MIN", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      var best: Double?
      try args.forEachAggregateNumber { best = min(best ?? $0, $0) }
      return .number(best ?? 0)
    },
    FunctionSpec("MAX", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      var best: Double?
      try args.forEachAggregateNumber { best = max(best ?? $0, $0) }
      return .number(best ?? 0)
    },
    FunctionSpec(
      "MINIFS", arguments: 3...variadic, parameters: MathFunctions.rangeCriterionPairs, futurePrefix: true
    ) {
      args throws(ExcelError) in
      .number(try conditionalScan(args).extreme(of: args.matrix(0), largest: false))
    },
    FunctionSpec(
      "MAXIFS", arguments: 3...variadic, parameters: MathFunctions.rangeCriterionPairs, futurePrefix: true
    ) {
      args throws(ExcelError) in
      .number(try conditionalScan(args).extreme(of: args.matrix(0), largest: true))
    },
    FunctionSpec("LARGE", arguments: 2...2, parameters: [.reference, .value], unions: true) {
      args throws(ExcelError) in
      try kth(args, largest: true)
    },
    FunctionSpec("SMALL", arguments: 2...2, parameters: [.reference, .value], unions: true) {
      args throws(ExcelError) in
      try kth(args, largest: false)
    },
  ]

  /// The scan of a SUMIFS-style call whose target (argument 0) must match the criteria ranges.
  static func conditionalScan(_ args: Arguments) throws(ExcelError) -> ConditionalScan {
    let scan = try ConditionalScan(args, pairsFrom: 1)
    guard args.matrix(0).fullShape == (scan.rows, scan.columns) else { throw .value }
    return scan
  }

  /// LARGE and SMALL: k is truncated; k below 1 or beyond the count of numbers is #NUM!.
  private static func kth(_ args: Arguments, largest: Bool) throws(ExcelError) -> Operand {
    var numbers: [Double] = []
    if case .value(let value)? = args.operands.first {
      numbers = value.isEmpty ? [] : [try value.asNumber()]
    } else {
      for area in args.areas(0) {
        try area.forEachNonEmpty { value throws(ExcelError) in
          switch value {
          case .number(let number): numbers.append(number)
          case .error(let error): throw error
          default: break
          }
        }
      }
    }
    let k = (try args.number(1)).rounded(.towardZero)
    guard k >= 1, k <= Double(numbers.count) else { throw .number }
    let sorted = numbers.sorted(by: largest ? (>) : (<))
    return .number(sorted[Int(k) - 1])
  }
}

// MARK: Spread, order statistics, regression, the normal distribution

/// Samples follow the aggregate rule (typed arguments coerced, only numbers counted inside
/// ranges) unless the name ends in A; see `Arguments+Statistics.swift`.
extension StatisticalFunctions {
  static let analysis: [FunctionSpec] = spread + textCounting + orderStatistics + regression + normal

  static let spread: [FunctionSpec] = [
    variance("STDEV", population: false, root: true),
    variance("STDEV.S", population: false, root: true, futurePrefix: true),
    variance("STDEVP", population: true, root: true),
    variance("STDEV.P", population: true, root: true, futurePrefix: true),
    variance("VAR", population: false, root: false),
    variance("VAR.S", population: false, root: false, futurePrefix: true),
    variance("VARP", population: true, root: false),
    variance("VAR.P", population: true, root: false, futurePrefix: true),
    // No numbers: DEVSQ #DIV/0! but AVEDEV #NUM! (as LibreOffice; Excel does not document it).
    sample("DEVSQ") { numbers throws(ExcelError) in
      guard !numbers.isEmpty else { throw .divisionByZero }
      return Moments.squaredDeviations(numbers)
    },
    sample("AVEDEV") { numbers throws(ExcelError) in
      guard !numbers.isEmpty else { throw .number }
      let center = Moments.mean(numbers)
      return numbers.reduce(0) { $0 + abs($1 - center) } / Double(numbers.count)
    },
    // Every number must be positive.
    sample("GEOMEAN") { numbers throws(ExcelError) in
      guard !numbers.isEmpty, numbers.allSatisfy({ $0 > 0 }) else { throw .number }
      return exp(numbers.reduce(0) { $0 + log($1) } / Double(numbers.count))
    },
    sample("HARMEAN") { numbers throws(ExcelError) in
      guard !numbers.isEmpty, numbers.allSatisfy({ $0 > 0 }) else { throw .number }
      return Double(numbers.count) / numbers.reduce(0) { $0 + 1 / $1 }
    },
    FunctionSpec("STANDARDIZE", arguments: 3...3) { args throws(ExcelError) in
      let (x, mean, deviation) = (try args.number(0), try args.number(1), try args.number(2))
      guard deviation > 0 else { throw .number }
      return .number((x - mean) / deviation)
    },
  ]

  /// AVERAGEA, MAXA, MINA: text and logicals in ranges count (text as 0, TRUE as 1).
  static let textCounting: [FunctionSpec] = [
    FunctionSpec("AVERAGEA", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      let numbers = try args.sampleNumbersCountingText()
      guard !numbers.isEmpty else { throw .divisionByZero }
      return .number(Moments.mean(numbers))
    },
    FunctionSpec("MAXA", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      .number(try args.sampleNumbersCountingText().max() ?? 0)
    },
    FunctionSpec("MINA", arguments: 1...variadic, parameters: [.reference], unions: true) {
      args throws(ExcelError) in
      .number(try args.sampleNumbersCountingText().min() ?? 0)
    },
  ]

  static let orderStatistics: [FunctionSpec] = [
    percentile("PERCENTILE") { numbers, k throws(ExcelError) in try Quantiles.inclusive(numbers, k) },
    percentile("PERCENTILE.INC", futurePrefix: true) { numbers, k throws(ExcelError) in
      try Quantiles.inclusive(numbers, k)
    },
    percentile("PERCENTILE.EXC", futurePrefix: true) { numbers, k throws(ExcelError) in
      try Quantiles.exclusive(numbers, k)
    },
    // The quartile is truncated: 0 is the minimum, 4 the maximum (INC); EXC takes 1 to 3.
    percentile("QUARTILE") { numbers, quart throws(ExcelError) in
      try Quantiles.inclusive(numbers, quart.rounded(.towardZero) / 4)
    },
    percentile("QUARTILE.INC", futurePrefix: true) { numbers, quart throws(ExcelError) in
      try Quantiles.inclusive(numbers, quart.rounded(.towardZero) / 4)
    },
    percentile("QUARTILE.EXC", futurePrefix: true) { numbers, quart throws(ExcelError) in
      try Quantiles.exclusive(numbers, quart.rounded(.towardZero) / 4)
    },
    // The rank of x among the numbers, interpolated between neighbours and truncated (not
    // rounded) to `significance` digits (3 by default); x outside the numbers is #N/A.
    percentRank("PERCENTRANK", inclusive: true),
    percentRank("PERCENTRANK.INC", inclusive: true, futurePrefix: true),
    percentRank("PERCENTRANK.EXC", inclusive: false, futurePrefix: true),
    // The mean without the given fraction of the numbers, half from each end; the count left
    // out is rounded down to an even number.
    FunctionSpec("TRIMMEAN", arguments: 2...2, parameters: [.reference, .value], unions: true) {
      args throws(ExcelError) in
      let numbers = try args.sampleNumbers(0)
      return .number(try Quantiles.trimmedMean(numbers, excluding: args.number(1)))
    },
    rank("RANK", average: false),
    rank("RANK.EQ", average: false, futurePrefix: true),
    rank("RANK.AVG", average: true, futurePrefix: true),
    sample("MODE", ordered: true) { numbers throws(ExcelError) in try Quantiles.mode(numbers) },
    sample("MODE.SNGL", futurePrefix: true, ordered: true) { numbers throws(ExcelError) in
      try Quantiles.mode(numbers)
    },
  ]

  /// Functions of paired samples (known y's first, then known x's, as Excel orders them).
  static let regression: [FunctionSpec] = [
    paired("CORREL") { x, y throws(ExcelError) in try Moments.correlation(x: x, y: y) },
    paired("PEARSON") { x, y throws(ExcelError) in try Moments.correlation(x: x, y: y) },
    paired("RSQ") { x, y throws(ExcelError) in
      let r = try Moments.correlation(x: x, y: y)
      return r * r
    },
    paired("SLOPE") { x, y throws(ExcelError) in try Moments.line(x: y, y: x).slope },
    paired("INTERCEPT") { x, y throws(ExcelError) in try Moments.line(x: y, y: x).intercept },
    forecast("FORECAST"),
    forecast("FORECAST.LINEAR", futurePrefix: true),
  ]

  static let normal: [FunctionSpec] = [
    FunctionSpec("NORM.S.DIST", arguments: 2...2, futurePrefix: true) { args throws(ExcelError) in
      let z = try args.number(0)
      let cumulative = try args.boolean(1)
      return .number(cumulative ? NormalDistribution.cumulative(z) : NormalDistribution.density(z))
    },
    FunctionSpec("NORMSDIST", arguments: 1...1) { args throws(ExcelError) in
      .number(NormalDistribution.cumulative(try args.number(0)))
    },
    normalDistribution("NORM.DIST", futurePrefix: true),
    normalDistribution("NORMDIST"),
    FunctionSpec("NORM.S.INV", arguments: 1...1, futurePrefix: true) { args throws(ExcelError) in
      .number(try normalInverse(args.number(0)))
    },
    FunctionSpec("NORMSINV", arguments: 1...1) { args throws(ExcelError) in
      .number(try normalInverse(args.number(0)))
    },
    normalInverse("NORM.INV", futurePrefix: true),
    normalInverse("NORMINV"),
  ]

  // MARK: Builders

  /// A function of all its arguments' numbers under the aggregate rule (`ordered`: in
  /// argument and row-major order).
  private static func sample(
    _ name: String, futurePrefix: Bool = false, ordered: Bool = false,
    _ compute: @escaping @Sendable ([Double]) throws(ExcelError) -> Double
  ) -> FunctionSpec {
    FunctionSpec(
      name, arguments: 1...variadic, parameters: [.reference], futurePrefix: futurePrefix, unions: true
    ) { args throws(ExcelError) in
      .number(try compute(args.sampleNumbers(ordered: ordered)))
    }
  }

  /// STDEV, VAR and their population and 2010 forms.
  private static func variance(
    _ name: String, population: Bool, root: Bool, futurePrefix: Bool = false
  ) -> FunctionSpec {
    sample(name, futurePrefix: futurePrefix) { numbers throws(ExcelError) in
      let variance = try Moments.variance(numbers, population: population)
      return root ? variance.squareRoot() : variance
    }
  }

  /// PERCENTILE and QUARTILE forms: an array and a number.
  private static func percentile(
    _ name: String, futurePrefix: Bool = false,
    _ compute: @escaping @Sendable ([Double], Double) throws(ExcelError) -> Double
  ) -> FunctionSpec {
    FunctionSpec(
      name, arguments: 2...2, parameters: [.reference, .value], futurePrefix: futurePrefix, unions: true
    ) { args throws(ExcelError) in
      let numbers = try args.sampleNumbers(0)
      return .number(try compute(numbers, args.number(1)))
    }
  }

  /// PERCENTRANK forms: an array, x and an optional significance (digits kept, at least 1).
  private static func percentRank(_ name: String, inclusive: Bool, futurePrefix: Bool = false)
    -> FunctionSpec
  {
    FunctionSpec(
      name, arguments: 2...3, parameters: [.reference, .value, .value], futurePrefix: futurePrefix,
      unions: true
    ) { args throws(ExcelError) in
      let numbers = try args.sampleNumbers(0)
      let x = try args.number(1)
      let significance = args.isMissing(2) ? 3 : try args.number(2).rounded(.towardZero)
      guard significance >= 1 else { throw .number }
      let rank = try Quantiles.percentRank(of: x, in: numbers, inclusive: inclusive)
      let digits = Int(min(significance, 400))
      return .number(DecimalRounding.round(rank, digits: digits, mode: .towardZero))
    }
  }

  /// RANK forms: a nonzero order ranks ascending.
  private static func rank(_ name: String, average: Bool, futurePrefix: Bool = false) -> FunctionSpec {
    FunctionSpec(
      name, arguments: 2...3, parameters: [.value, .reference, .value], futurePrefix: futurePrefix,
      unions: true
    ) { args throws(ExcelError) in
      let number = try args.number(0)
      let ascending = try args.number(2, default: 0) != 0
      let numbers = try args.sampleNumbers(1)
      return .number(try Quantiles.rank(of: number, in: numbers, ascending: ascending, average: average))
    }
  }

  /// A function of two same-sized arrays, evaluated as arrays (CORREL(A1:A9*2,B1:B9) works).
  private static func paired(
    _ name: String, _ compute: @escaping @Sendable ([Double], [Double]) throws(ExcelError) -> Double
  ) -> FunctionSpec {
    FunctionSpec(name, arguments: 2...2, parameters: [.array]) { args throws(ExcelError) in
      let (first, second) = try args.pairedNumbers(0, 1)
      return .number(try compute(first, second))
    }
  }

  private static func forecast(_ name: String, futurePrefix: Bool = false) -> FunctionSpec {
    FunctionSpec(
      name, arguments: 3...3, parameters: [.value, .array, .array], futurePrefix: futurePrefix
    ) { args throws(ExcelError) in
      let x = try args.number(0)
      let (knownY, knownX) = try args.pairedNumbers(1, 2)
      let line = try Moments.line(x: knownX, y: knownY)
      return .number(line.intercept + line.slope * x)
    }
  }

  /// NORM.DIST/NORMDIST(x, mean, standard deviation, cumulative).
  private static func normalDistribution(_ name: String, futurePrefix: Bool = false) -> FunctionSpec {
    FunctionSpec(name, arguments: 4...4, futurePrefix: futurePrefix) { args throws(ExcelError) in
      let (x, mean, deviation) = (try args.number(0), try args.number(1), try args.number(2))
      let cumulative = try args.boolean(3)
      guard deviation > 0 else { throw .number }
      let z = (x - mean) / deviation
      if cumulative { return .number(NormalDistribution.cumulative(z)) }
      return .number(NormalDistribution.density(z) / deviation)
    }
  }

  /// NORM.INV/NORMINV(probability, mean, standard deviation).
  private static func normalInverse(_ name: String, futurePrefix: Bool = false) -> FunctionSpec {
    FunctionSpec(name, arguments: 3...3, futurePrefix: futurePrefix) { args throws(ExcelError) in
      let (p, mean, deviation) = (try args.number(0), try args.number(1), try args.number(2))
      guard deviation > 0 else { throw .number }
      return .number(mean + deviation * (try normalInverse(p)))
    }
  }

  /// Φ⁻¹(p); a probability outside (0, 1) is #NUM!.
  private static func normalInverse(_ p: Double) throws(ExcelError) -> Double {
    guard p > 0, p < 1 else { throw .number }
    return NormalDistribution.inverse(p)
  }
}
