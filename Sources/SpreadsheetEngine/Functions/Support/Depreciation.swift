import FormulaSyntax
import Foundation

/// Depreciation schedules (DB, DDB) and the cumulative annuity sums (CUMIPMT, CUMPRINC).
enum Depreciation {
  /// DB: fixed-declining balance. The rate 1 − (salvage/cost)^(1/life) is rounded to three
  /// decimals, as Excel documents; the first period is pro-rated by `month`/12 and, when the
  /// first year was partial, period life + 1 takes the remaining (12 − month)/12.
  static func fixedDecliningBalance(
    cost: Double, salvage: Double, life: Double, period: Double, month: Double
  ) throws(ExcelError) -> Double {
    guard cost >= 0, salvage >= 0, life > 0, month >= 1, month <= 12, period >= 1,
      period <= life + (month < 12 ? 1 : 0)
    else { throw .number }
    if cost == 0 { return 0 }
    let rate = ((1 - pow(salvage / cost, 1 / life)) * 1000).rounded(.toNearestOrAwayFromZero) / 1000
    let firstYear = cost * rate * month / 12
    let last = period.rounded(.towardZero)
    if last == 1 { return firstYear }
    // Each later period takes `rate` of what is left, which shrinks by (1 − rate) a period.
    let remaining = (cost - firstYear) * pow(1 - rate, last - 2)
    let depreciation = remaining * rate
    return last > life ? depreciation * (12 - month) / 12 : depreciation
  }

  /// DDB: double- (or `factor`-) declining balance for `period`, never taking the value below
  /// `salvage`; a fractional period is allowed, as in Excel.
  static func decliningBalance(
    cost: Double, salvage: Double, life: Double, period: Double, factor: Double
  ) throws(ExcelError) -> Double {
    guard cost >= 0, salvage >= 0, life > 0, period > 0, period <= life, factor > 0 else {
      throw .number
    }
    return VariableDecliningBalance.declining(cost, salvage, life, period, factor)
  }

  /// CUMIPMT (interest) or CUMPRINC (principal) summed over payments `first`…`last`.
  /// Rate, periods and present value must be positive, 1 ≤ first ≤ last ≤ periods, and type 0
  /// or 1; the periods are truncated to whole payments.
  ///
  /// The IPMTs are summed one by one, as Excel does, up to `summedPeriodsLimit` periods; beyond
  /// that (a loan of millions of periods) the sum is taken in closed form so the call stays
  /// fast: with payments in arrears the interest of period k is FV(k) − FV(k−1) + pmt, so the
  /// sum telescopes; payments in advance are payments in arrears on the balance left after
  /// the first payment, shifted by one period (whose interest is 0). The closed form loses
  /// digits to cancellation when the interest is tiny, hence the loop for ordinary loans.
  static let summedPeriodsLimit = 100_000.0

  static func cumulative(
    _ arguments: Arguments, principal: Bool
  ) throws(ExcelError) -> Double {
    let rate = try arguments.number(0)
    let periods = try arguments.number(1)
    let presentValue = try arguments.number(2)
    let first = try arguments.number(3)
    let last = try arguments.number(4)
    let type = try arguments.number(5).rounded(.towardZero)
    guard rate > 0, periods > 0, presentValue > 0, first >= 1, first <= last, last <= periods,
      type == 0 || type == 1
    else { throw .number }
    let dueAtStart = type == 1
    let payment = Annuity.payment(
      rate: rate, periods: periods, presentValue: presentValue, futureValue: 0,
      dueAtStart: dueAtStart)
    let (from, to) = (first.rounded(.towardZero), last.rounded(.towardZero))
    if to - from < summedPeriodsLimit {
      var sum = 0.0
      for period in Int(from)...Int(to) {
        let interest = try Annuity.interestPayment(
          rate: rate, period: Double(period), periods: periods, presentValue: presentValue,
          futureValue: 0, dueAtStart: dueAtStart)
        sum += principal ? payment - interest : interest
      }
      return sum
    }
    // The interest periods in arrears terms, and the balance they run on.
    let balance = dueAtStart ? presentValue + payment : presentValue
    let (start, end) = dueAtStart ? (max(from, 2) - 1, to - 1) : (from, to)
    var interest = 0.0
    if start <= end {
      let value = { (count: Double) in
        Annuity.futureValue(
          rate: rate, periods: count, payment: payment, presentValue: balance, dueAtStart: false)
      }
      interest = value(end) - value(start - 1) + payment * (end - start + 1)
    }
    return principal ? payment * (to - from + 1) - interest : interest
  }
}
