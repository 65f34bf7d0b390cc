import FormulaSyntax

/// Counting, averages, extremes and order statistics, plain and conditional.
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
