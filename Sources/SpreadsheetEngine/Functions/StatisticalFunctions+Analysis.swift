import FormulaSyntax
import Foundation

/// Spread, order statistics, regression and the normal distribution: the second file of the
/// statistical family (the first grew past its size budget).
///
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
    sample("DEVSQ") { numbers throws(ExcelError) in
      guard !numbers.isEmpty else { throw .number }
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
    rank("RANK", average: false),
    rank("RANK.EQ", average: false, futurePrefix: true),
    rank("RANK.AVG", average: true, futurePrefix: true),
    sample("MODE") { numbers throws(ExcelError) in try Quantiles.mode(numbers) },
    sample("MODE.SNGL", futurePrefix: true) { numbers throws(ExcelError) in try Quantiles.mode(numbers) },
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

  /// A function of all its arguments' numbers under the aggregate rule.
  private static func sample(
    _ name: String, futurePrefix: Bool = false,
    _ compute: @escaping @Sendable ([Double]) throws(ExcelError) -> Double
  ) -> FunctionSpec {
    FunctionSpec(
      name, arguments: 1...variadic, parameters: [.reference], futurePrefix: futurePrefix, unions: true
    ) { args throws(ExcelError) in
      .number(try compute(args.sampleNumbers()))
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
