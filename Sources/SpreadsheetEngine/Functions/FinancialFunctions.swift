import FormulaSyntax
import Foundation

/// Financial functions: discounted cash flows (NPV, XNPV, IRR, XIRR, MIRR), the annuity family
/// (PMT, IPMT, PPMT, PV, FV, NPER, RATE, CUMIPMT, CUMPRINC, ISPMT), rates and growth (RRI,
/// EFFECT, NOMINAL, FVSCHEDULE, PDURATION) and depreciation (SLN, SYD, DB, DDB, VDB).
///
/// Cash-flow series read ranges in row-major order and count only numbers there (text, booleans
/// and blanks are skipped, errors propagate); typed arguments are coerced. Annuity `type`
/// arguments mean "payments at the start" whenever they are non-zero.
enum FinancialFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec("NPV", arguments: 2...variadic, parameters: [.value, .reference]) {
      args throws(ExcelError) in
      let rate = try args.number(0)
      let values = try args.cashFlowSeries(from: 1)
      if rate == -1 && !values.isEmpty { throw .divisionByZero }
      return .number(CashFlow.netPresentValue(values, rate: rate))
    },
    FunctionSpec("XNPV", arguments: 3...3, parameters: [.value, .reference, .reference]) {
      args throws(ExcelError) in
      let rate = try args.number(0)
      let flows = try DatedCashFlows(values: args.matrix(1), dates: args.matrix(2), empty: .rejected)
      // Excel's XNPV refuses negative rates (NPV accepts them).
      guard rate >= 0 else { throw .number }
      return .number(flows.presentValue(rate: rate))
    },
    FunctionSpec("IRR", arguments: 1...2, parameters: [.reference, .value]) {
      args throws(ExcelError) in
      let values = try args.orderedNumbers(0)
      let guess = try args.number(1, default: 0.1)
      guard CashFlow.hasBothSigns(values), guess > -1 else { throw .number }
      let root = RootFinder.rate(
        guesses: [guess], evaluate: { CashFlow.irrEvaluation(values, rate: $0) },
        value: { CashFlow.irrEvaluation(values, rate: $0).value })
      guard let root else { throw .number }
      return .number(root)
    },
    FunctionSpec("XIRR", arguments: 2...3, parameters: [.reference, .reference, .value]) {
      args throws(ExcelError) in
      let flows = try DatedCashFlows(values: args.matrix(0), dates: args.matrix(1), empty: .zero)
      let guess = try args.number(2, default: 0.1)
      guard CashFlow.hasBothSigns(flows.values), guess > -1 else { throw .number }
      let root = RootFinder.rate(
        guesses: [guess], evaluate: { flows.evaluation(rate: $0) },
        value: { flows.presentValue(rate: $0) })
      guard let root else { throw .number }
      return .number(root)
    },
    FunctionSpec("MIRR", arguments: 3...3, parameters: [.reference, .value, .value]) {
      args throws(ExcelError) in
      let values = try args.orderedNumbers(0)
      let financeRate = try args.number(1)
      let reinvestRate = try args.number(2)
      return .number(
        try CashFlow.modifiedInternalRate(
          values, financeRate: financeRate, reinvestRate: reinvestRate))
    },
    FunctionSpec("PMT", arguments: 3...5) { args throws(ExcelError) in
      .number(
        Annuity.payment(
          rate: try args.number(0), periods: try args.number(1), presentValue: try args.number(2),
          futureValue: try args.number(3, default: 0), dueAtStart: try args.paymentsDueAtStart(4)))
    },
    FunctionSpec("IPMT", arguments: 4...6) { args throws(ExcelError) in
      .number(
        try Annuity.interestPayment(
          rate: try args.number(0), period: try args.number(1), periods: try args.number(2),
          presentValue: try args.number(3), futureValue: try args.number(4, default: 0),
          dueAtStart: try args.paymentsDueAtStart(5)))
    },
    FunctionSpec("PPMT", arguments: 4...6) { args throws(ExcelError) in
      let (rate, period, periods) = (try args.number(0), try args.number(1), try args.number(2))
      let (presentValue, futureValue) = (try args.number(3), try args.number(4, default: 0))
      let dueAtStart = try args.paymentsDueAtStart(5)
      let interest = try Annuity.interestPayment(
        rate: rate, period: period, periods: periods, presentValue: presentValue,
        futureValue: futureValue, dueAtStart: dueAtStart)
      let payment = Annuity.payment(
        rate: rate, periods: periods, presentValue: presentValue, futureValue: futureValue,
        dueAtStart: dueAtStart)
      return .number(payment - interest)
    },
    FunctionSpec("PV", arguments: 3...5) { args throws(ExcelError) in
      .number(
        Annuity.presentValue(
          rate: try args.number(0), periods: try args.number(1), payment: try args.number(2),
          futureValue: try args.number(3, default: 0), dueAtStart: try args.paymentsDueAtStart(4)))
    },
    FunctionSpec("FV", arguments: 3...5) { args throws(ExcelError) in
      .number(
        Annuity.futureValue(
          rate: try args.number(0), periods: try args.number(1), payment: try args.number(2),
          presentValue: try args.number(3, default: 0), dueAtStart: try args.paymentsDueAtStart(4)))
    },
    FunctionSpec("NPER", arguments: 3...5) { args throws(ExcelError) in
      .number(
        try Annuity.periods(
          rate: try args.number(0), payment: try args.number(1), presentValue: try args.number(2),
          futureValue: try args.number(3, default: 0), dueAtStart: try args.paymentsDueAtStart(4)))
    },
    FunctionSpec("RATE", arguments: 3...6) { args throws(ExcelError) in
      let periods = try args.number(0)
      let payment = try args.number(1)
      let presentValue = try args.number(2)
      let futureValue = try args.number(3, default: 0)
      let dueAtStart = try args.paymentsDueAtStart(4)
      let guess = try args.number(5, default: 0.1)
      guard periods > 0 else { throw .number }
      let rate = Annuity.rate(
        periods: periods, payment: payment, presentValue: presentValue, futureValue: futureValue,
        dueAtStart: dueAtStart, guess: guess, guessGiven: !args.isMissing(5))
      guard let rate else { throw .number }
      return .number(rate)
    },
    FunctionSpec("RRI", arguments: 3...3, futurePrefix: true) { args throws(ExcelError) in
      let (periods, presentValue, futureValue) = (
        try args.number(0), try args.number(1), try args.number(2)
      )
      guard periods > 0, presentValue != 0 else { throw .number }
      return .number(pow(futureValue / presentValue, 1 / periods) - 1)
    },
    FunctionSpec("CUMIPMT", arguments: 6...6) { args throws(ExcelError) in
      .number(try Depreciation.cumulative(args, principal: false))
    },
    FunctionSpec("CUMPRINC", arguments: 6...6) { args throws(ExcelError) in
      .number(try Depreciation.cumulative(args, principal: true))
    },
    // npery is truncated; a rate ≤ 0 or fewer than one period a year is #NUM!.
    FunctionSpec("EFFECT", arguments: 2...2) { args throws(ExcelError) in
      let rate = try args.number(0)
      let perYear = try args.number(1).rounded(.towardZero)
      guard rate > 0, perYear >= 1 else { throw .number }
      return .number(Annuity.growthMinusOne(rate / perYear, perYear))
    },
    FunctionSpec("NOMINAL", arguments: 2...2) { args throws(ExcelError) in
      let rate = try args.number(0)
      let perYear = try args.number(1).rounded(.towardZero)
      guard rate > 0, perYear >= 1 else { throw .number }
      return .number(perYear * expm1(log1p(rate) / perYear))
    },
    FunctionSpec("SLN", arguments: 3...3) { args throws(ExcelError) in
      let (cost, salvage, life) = (try args.number(0), try args.number(1), try args.number(2))
      guard life != 0 else { throw .divisionByZero }
      return .number((cost - salvage) / life)
    },
    FunctionSpec("SYD", arguments: 4...4) { args throws(ExcelError) in
      let (cost, salvage) = (try args.number(0), try args.number(1))
      let (life, period) = (try args.number(2), try args.number(3))
      guard life > 0, period > 0, period <= life else { throw .number }
      return .number((cost - salvage) * (life - period + 1) * 2 / (life * (life + 1)))
    },
    FunctionSpec("DB", arguments: 4...5) { args throws(ExcelError) in
      .number(
        try Depreciation.fixedDecliningBalance(
          cost: try args.number(0), salvage: try args.number(1), life: try args.number(2),
          period: try args.number(3), month: try args.number(4, default: 12)))
    },
    FunctionSpec("DDB", arguments: 4...5) { args throws(ExcelError) in
      .number(
        try Depreciation.decliningBalance(
          cost: try args.number(0), salvage: try args.number(1), life: try args.number(2),
          period: try args.number(3), factor: try args.number(4, default: 2)))
    },
    // Periods may be fractional; no_switch TRUE keeps the declining balance throughout.
    FunctionSpec("VDB", arguments: 5...7) { args throws(ExcelError) in
      let (cost, salvage, life) = (try args.number(0), try args.number(1), try args.number(2))
      let (start, end) = (try args.number(3), try args.number(4))
      let factor = try args.number(5, default: 2)
      let noSwitch = try args.boolean(6, default: false)
      guard start >= 0, end >= start, end <= life, cost >= 0, salvage <= cost, factor > 0 else {
        throw .number
      }
      return .number(
        VariableDecliningBalance.depreciation(
          cost: cost, salvage: salvage, life: life, start: start, end: end, factor: factor,
          noSwitch: noSwitch))
    },
    // The schedule is read whole: blanks are 0% periods, text is #VALUE!.
    FunctionSpec("FVSCHEDULE", arguments: 2...2, parameters: [.value, .reference]) {
      args throws(ExcelError) in
      var value = try args.number(0)
      try args.matrix(1).forEachValue { rate throws(ExcelError) in
        if case .text = rate { throw .value }
        value *= 1 + (try rate.asNumber())
      }
      return .number(value)
    },
    FunctionSpec("PDURATION", arguments: 3...3, futurePrefix: true) { args throws(ExcelError) in
      let (rate, presentValue, futureValue) = (
        try args.number(0), try args.number(1), try args.number(2)
      )
      guard rate > 0, presentValue > 0, futureValue > 0 else { throw .number }
      return .number((log(futureValue) - log(presentValue)) / log1p(rate))
    },
    // Interest of period `per` (counted from 0) of a loan repaid in equal principal parts.
    FunctionSpec("ISPMT", arguments: 4...4) { args throws(ExcelError) in
      let (rate, period) = (try args.number(0), try args.number(1))
      let (periods, presentValue) = (try args.number(2), try args.number(3))
      guard periods != 0 else { throw .divisionByZero }
      return .number(presentValue * rate * (period / periods - 1))
    },
  ]
}

extension Arguments {
  /// The cash flows of NPV's value arguments from `start`, in order: numbers from ranges and
  /// arrays, typed arguments coerced (a typed "x" is #VALUE!), an omitted argument a zero flow.
  fileprivate func cashFlowSeries(from start: Int) throws(ExcelError) -> [Double] {
    var values: [Double] = []
    for index in start..<count {
      if isMissing(index) {
        values.append(0)
      } else {
        values += try orderedNumbers(index)
      }
    }
    return values
  }

  /// An annuity's `type` argument: payments at the start of periods when non-zero.
  fileprivate func paymentsDueAtStart(_ index: Int) throws(ExcelError) -> Bool {
    try number(index, default: 0) != 0
  }
}
