import FormulaSyntax
import Foundation

/// Cash flows paired with dates, as XNPV and XIRR read them.
///
/// Values and dates are read position by position (row-major), so their counts must agree.
/// Every value must be a number; dates are truncated to whole days and must be valid serials.
/// Excel discounts each flow from the first date by (dᵢ − d₀)/365 years; a date before the first
/// one is #NUM! ("dates may be in any order" applies to the ones after it).
struct DatedCashFlows {
  let values: [Double]
  /// Years from the first date, (dᵢ − d₀)/365.
  let years: [Double]

  /// What an empty cell in either range means: XNPV rejects it with #NUM!, XIRR reads it as 0.
  enum EmptyCells { case rejected, zero }

  /// Reads `values` and `dates`: errors propagate (values first); an entry that is neither a
  /// number nor empty is #NUM! among XNPV's values and #VALUE! among dates or XIRR's values.
  init(values: MatrixView, dates: MatrixView, empty: EmptyCells) throws(ExcelError) {
    let amounts = try Self.numbers(values, empty: empty, nonNumber: empty == .rejected ? .number : .value)
    let days = try Self.numbers(dates, empty: empty, nonNumber: .value)
    // A single flow is #NUM! too (LibreOffice's analysis add-in, modelled on Excel's, agrees).
    guard amounts.count == days.count, amounts.count >= 2 else { throw .number }
    let firstDay = days[0].rounded(.down)
    var years: [Double] = []
    years.reserveCapacity(days.count)
    for day in days {
      let whole = day.rounded(.down)
      guard whole >= 0, whole <= ExcelDate.maxSerial, whole >= firstDay else { throw .number }
      years.append((whole - firstDay) / 365)
    }
    self.values = amounts
    self.years = years
  }

  private static func numbers(
    _ view: MatrixView, empty: EmptyCells, nonNumber: ExcelError
  ) throws(ExcelError) -> [Double] {
    if case .value(let value) = view.operand {  // a typed argument is coerced
      return [try value.asNumber()]
    }
    guard EvaluationLimits.allows(rows: view.rows, columns: view.columns) else { throw .number }
    var numbers: [Double] = []
    numbers.reserveCapacity(view.count)
    for index in 0..<view.count {
      switch view[linear: index] {
      case .number(let number): numbers.append(number)
      case .error(let error): throw error
      case .empty:
        guard empty == .zero else { throw .number }
        numbers.append(0)
      case .text, .boolean: throw nonNumber
      }
    }
    return numbers
  }

  /// `Σ vᵢ / (1+rate)^tᵢ`.
  func presentValue(rate: Double) -> Double {
    var total = 0.0
    for (value, time) in zip(values, years) {
      total += value / pow(1 + rate, time)
    }
    return total
  }

  /// The present value and its derivative with respect to the rate, for Newton's method.
  func evaluation(rate: Double) -> RootFinder.Evaluation {
    var total = 0.0
    var slope = 0.0
    for (value, time) in zip(values, years) {
      let discounted = value / pow(1 + rate, time)
      total += discounted
      slope -= time * discounted / (1 + rate)
    }
    return (total, slope)
  }
}
