import FormulaSyntax
import Foundation

/// The time-value-of-money equation behind PV, FV, PMT, NPER, RATE, IPMT and PPMT:
///
///     pv·(1+r)ⁿ + pmt·(1+r·type)·((1+r)ⁿ − 1)/r + fv = 0     (r ≠ 0)
///     pv + pmt·n + fv = 0                                     (r = 0)
///
/// `dueAtStart` is Excel's `type` argument: any non-zero type means payments at the start of each
/// period. Results that are not finite become #NUM! in the function runner, which is what Excel
/// shows for an impossible combination (PMT with zero periods, NPER with no payment…).
enum Annuity {
  /// (1+r)ⁿ, through log1p for accuracy when the rate is small.
  static func growth(_ rate: Double, _ periods: Double) -> Double {
    rate > -1 ? exp(periods * log1p(rate)) : pow(1 + rate, periods)
  }

  /// (1+r)ⁿ − 1 without cancellation for small rates.
  static func growthMinusOne(_ rate: Double, _ periods: Double) -> Double {
    rate > -1 ? expm1(periods * log1p(rate)) : pow(1 + rate, periods) - 1
  }

  static func payment(
    rate: Double, periods: Double, presentValue: Double, futureValue: Double, dueAtStart: Bool
  ) -> Double {
    if rate == 0 { return -(presentValue + futureValue) / periods }
    let compounded = futureValue + presentValue * growth(rate, periods)
    // (1+r)·((1+r)ⁿ − 1) = (1+r)ⁿ⁺¹ − 1 − r, computed without a second rounding.
    let annuity =
      dueAtStart ? growthMinusOne(rate, periods + 1) - rate : growthMinusOne(rate, periods)
    return -compounded * rate / annuity
  }

  static func futureValue(
    rate: Double, periods: Double, payment: Double, presentValue: Double, dueAtStart: Bool
  ) -> Double {
    if rate == 0 { return -(presentValue + payment * periods) }
    let timing = dueAtStart ? 1 + rate : 1
    return
      -(presentValue * growth(rate, periods)
      + payment * timing * growthMinusOne(rate, periods) / rate)
  }

  static func presentValue(
    rate: Double, periods: Double, payment: Double, futureValue: Double, dueAtStart: Bool
  ) -> Double {
    if rate == 0 { return -(futureValue + payment * periods) }
    let timing = dueAtStart ? 1 + rate : 1
    let discount = pow(1 + rate, -periods)
    return -(futureValue * discount + payment * timing * (1 - discount) / rate)
  }

  static func periods(
    rate: Double, payment: Double, presentValue: Double, futureValue: Double, dueAtStart: Bool
  ) throws(ExcelError) -> Double {
    if rate == 0 { return -(presentValue + futureValue) / payment }
    guard rate > -1 else { throw .number }
    let timing = dueAtStart ? payment * (1 + rate) : payment
    let ratio = (timing - rate * futureValue) / (timing + rate * presentValue)
    guard ratio > 0 else { throw .number }
    return log(ratio) / log1p(rate)
  }

  /// The interest part of payment `period` (1-based): the balance after `period − 1` payments
  /// times the rate. With payments in advance the first payment carries no interest.
  static func interestPayment(
    rate: Double, period: Double, periods: Double, presentValue: Double, futureValue: Double,
    dueAtStart: Bool
  ) throws(ExcelError) -> Double {
    guard period >= 1, period <= periods else { throw .number }
    let payment = payment(
      rate: rate, periods: periods, presentValue: presentValue, futureValue: futureValue,
      dueAtStart: dueAtStart)
    if period == 1 { return dueAtStart ? 0 : -presentValue * rate }
    let balance =
      dueAtStart
      ? Self.futureValue(
        rate: rate, periods: period - 2, payment: payment, presentValue: presentValue,
        dueAtStart: true) - payment
      : Self.futureValue(
        rate: rate, periods: period - 1, payment: payment, presentValue: presentValue,
        dueAtStart: false)
    return balance * rate
  }

  /// RATE: Newton's method on the equation above from `guess`, as Excel and LibreOffice do.
  ///
  /// When the default guess fails, LibreOffice retries from 0.2, 0.05, 0.3, 0.033… (the default
  /// times and divided by 2…10); after that the sign-change scan of `RootFinder` looks for a
  /// root. nil (#NUM!) when there is no rate above -1.
  static func rate(
    periods: Double, payment: Double, presentValue: Double, futureValue: Double, dueAtStart: Bool,
    guess: Double, guessGiven: Bool
  ) -> Double? {
    // Payments in advance are payments in arrears on a shifted balance.
    let pv = dueAtStart ? presentValue + payment : presentValue
    let fv = dueAtStart ? futureValue - payment : futureValue
    var guesses = [guess]
    if !guessGiven {
      for factor in 2...10 { guesses += [guess * Double(factor), guess / Double(factor)] }
    }
    let equation = { (rate: Double) in
      rateEquation(rate, periods: periods, payment: payment, presentValue: pv, futureValue: fv)
    }
    return RootFinder.rate(guesses: guesses, evaluate: equation, value: { equation($0).value })
  }

  /// fv + pv·(1+r)ⁿ + pmt·((1+r)ⁿ − 1)/r and its derivative in r.
  private static func rateEquation(
    _ rate: Double, periods n: Double, payment: Double, presentValue: Double, futureValue: Double
  ) -> RootFinder.Evaluation {
    let powerBelow = pow(1 + rate, n - 1)  // (1+r)ⁿ⁻¹
    let power = growth(rate, n)
    let series: Double  // ((1+r)ⁿ − 1)/r
    let seriesSlope: Double
    if abs(rate) < 1e-10 {
      series = n + n * (n - 1) / 2 * rate
      seriesSlope = n * (n - 1) / 2
    } else {
      series = growthMinusOne(rate, n) / rate
      seriesSlope = (n * powerBelow - series) / rate
    }
    let value = futureValue + presentValue * power + payment * series
    let slope = presentValue * n * powerBelow + payment * seriesSlope
    return (value, slope)
  }
}
