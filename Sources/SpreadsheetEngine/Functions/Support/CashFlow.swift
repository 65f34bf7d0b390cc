import FormulaSyntax
import Foundation

/// Present values of periodic cash flows, for NPV, IRR and MIRR.
enum CashFlow {
  /// NPV's sum: the first value is discounted one full period, `Σ vᵢ / (1+rate)^(i+1)`.
  static func netPresentValue(_ values: [Double], rate: Double) -> Double {
    var total = 0.0
    for (index, value) in values.enumerated() {
      total += value / pow(1 + rate, Double(index + 1))
    }
    return total
  }

  /// IRR's function `Σ vᵢ (1+rate)^-i` (first value undiscounted) and its derivative.
  ///
  /// Horner's scheme in v = 1/(1+rate): one multiplication per value, so a scan over a
  /// million flows stays cheap; it overflows to ±inf only where the terms themselves would.
  static func irrEvaluation(_ values: [Double], rate: Double) -> RootFinder.Evaluation {
    let v = 1 / (1 + rate)
    var polynomial = 0.0
    var slope = 0.0
    for value in values.reversed() {
      slope = slope * v + polynomial
      polynomial = polynomial * v + value
    }
    return (polynomial, -slope * v * v)
  }

  /// Whether the flows contain both a positive and a negative value (IRR, MIRR, XIRR need one
  /// of each; otherwise no rate can bring the present value to zero).
  static func hasBothSigns(_ values: [Double]) -> Bool {
    values.contains { $0 > 0 } && values.contains { $0 < 0 }
  }

  /// MIRR: positive flows compounded forward at `reinvestRate` to the last period, negative flows
  /// discounted to the start at `financeRate`, and the growth rate between the two.
  static func modifiedInternalRate(
    _ values: [Double], financeRate: Double, reinvestRate: Double
  ) throws(ExcelError) -> Double {
    guard hasBothSigns(values), financeRate != -1, reinvestRate != -1 else {
      throw .divisionByZero
    }
    var reinvested = 0.0
    var financed = 0.0
    for (index, value) in values.enumerated() {
      let period = Double(index)
      if value > 0 {
        reinvested += value / pow(1 + reinvestRate, period)
      } else if value < 0 {
        financed += value / pow(1 + financeRate, period)
      }
    }
    let periods = Double(values.count - 1)
    let ratio = -reinvested / financed * pow(1 + reinvestRate, periods)
    return pow(ratio, 1 / periods) - 1
  }
}
