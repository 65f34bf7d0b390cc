import FormulaSyntax
import Foundation

/// Means and sums of squared deviations, computed the way Excel does: the mean first, then the
/// deviations from it (two passes), which keeps VAR of large, close numbers (1e9+1, 1e9+2…)
/// exact where the one-pass Σx² − (Σx)²/n formula cancels to noise.
enum Moments {
  static func mean(_ numbers: [Double]) -> Double {
    numbers.reduce(0, +) / Double(numbers.count)
  }

  /// Σ(x − mean)²; 0 for no numbers.
  static func squaredDeviations(_ numbers: [Double]) -> Double {
    guard !numbers.isEmpty else { return 0 }
    let center = mean(numbers)
    return numbers.reduce(0) { $0 + ($1 - center) * ($1 - center) }
  }

  /// Sample (`population` false: n − 1 degrees of freedom, needs two numbers) or population
  /// variance (needs one); too few numbers is #DIV/0!, as in Excel.
  static func variance(_ numbers: [Double], population: Bool) throws(ExcelError) -> Double {
    let degrees = numbers.count - (population ? 0 : 1)
    guard degrees > 0 else { throw .divisionByZero }
    return squaredDeviations(numbers) / Double(degrees)
  }

  /// Σ(x − mean x)(y − mean y), Σ(x − mean x)² and Σ(y − mean y)² of paired samples.
  static func coMoments(_ x: [Double], _ y: [Double]) -> (xy: Double, xx: Double, yy: Double) {
    let (mx, my) = (mean(x), mean(y))
    var sums = (xy: 0.0, xx: 0.0, yy: 0.0)
    for (a, b) in zip(x, y) {
      sums.xy += (a - mx) * (b - my)
      sums.xx += (a - mx) * (a - mx)
      sums.yy += (b - my) * (b - my)
    }
    return sums
  }

  /// The least-squares line through paired samples (SLOPE, INTERCEPT, FORECAST); no pairs or
  /// all x equal is #DIV/0!.
  static func line(x: [Double], y: [Double]) throws(ExcelError) -> (slope: Double, intercept: Double) {
    guard !x.isEmpty else { throw .divisionByZero }
    let sums = coMoments(x, y)
    guard sums.xx != 0 else { throw .divisionByZero }
    let slope = sums.xy / sums.xx
    return (slope, mean(y) - slope * mean(x))
  }

  /// Pearson's correlation (CORREL, PEARSON, RSQ); a constant side is #DIV/0!.
  static func correlation(x: [Double], y: [Double]) throws(ExcelError) -> Double {
    guard x.count >= 2 else { throw .divisionByZero }
    let sums = coMoments(x, y)
    let denominator = (sums.xx * sums.yy).squareRoot()
    guard denominator != 0 else { throw .divisionByZero }
    return sums.xy / denominator
  }
}
