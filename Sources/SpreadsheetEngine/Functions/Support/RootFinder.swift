import Foundation

/// Solves `f(rate) = 0` for the rate functions (IRR, XIRR, RATE), the way Excel does first and more
/// robustly when that fails.
///
/// Excel runs Newton's method from the caller's guess and gives up (#NUM!) when it has not
/// converged after a fixed number of steps. For ordinary cash flows Newton converges, and the
/// root it reaches is the one Excel returns, so that path runs first and unchanged. When Newton
/// diverges, cycles, or lands on a rate of -1 or below (a root of the polynomial that is not an
/// interest rate), the solver scans a fixed grid of rates in (-1, 10⁶] for sign changes and
/// bisects the bracket closest to the guess. A result is #NUM! only when neither finds a root.
enum RootFinder {
  /// A function value and its derivative at one rate.
  typealias Evaluation = (value: Double, derivative: Double)

  /// Newton steps allowed before giving up on the guess.
  static let newtonIterations = 100
  /// Newton stops when a step is smaller than this relative to the rate (Excel's documented
  /// accuracy is 1e-7; continuing to 1e-12 costs one or two steps and gives the full-precision
  /// root, so results agree with other engines to well below the tolerance they print).
  static let newtonTolerance = 1e-12

  /// The root Newton's method reaches from the first of `guesses` that converges to a rate
  /// above -1, else the bracketed root nearest to the first guess; nil if there is none.
  ///
  /// `evaluate` gives the value and derivative; `value` alone is used while bracketing.
  /// Cost: up to `newtonIterations` evaluations per guess, plus about 500 when bracketing.
  static func rate(
    guesses: [Double], evaluate: (Double) -> Evaluation, value: (Double) -> Double
  ) -> Double? {
    for guess in guesses {
      if let root = newton(from: guess, evaluate: evaluate), root > -1 { return root }
    }
    return bracketed(near: guesses.first ?? 0.1, value: value)
  }

  /// Newton's method from `start`; nil when it leaves the finite numbers or does not settle.
  static func newton(from start: Double, evaluate: (Double) -> Evaluation) -> Double? {
    var x = start
    var lastStep = Double.infinity
    for _ in 0..<newtonIterations {
      let (f, slope) = evaluate(x)
      guard f.isFinite, slope.isFinite else { return nil }
      if f == 0 { return x }
      guard slope != 0 else { return nil }
      let next = x - f / slope
      guard next.isFinite else { return nil }
      lastStep = abs(next - x)
      x = next
      if lastStep <= newtonTolerance * max(1, abs(x)) { return x }
    }
    // Rounding noise can keep the last steps just above the tight tolerance; a step below
    // Excel's own accuracy still means convergence.
    return lastStep < 1e-7 * max(1, abs(x)) ? x : nil
  }

  /// Rates scanned for sign changes, ascending: dense near -1, around ordinary rates and close to
  /// zero (long series have their roots there), sparse above.
  static let grid: [Double] = {
    var rates = [-0.999_999_999, -0.999_999, -0.999_99, -0.9999, -0.999, -0.995]
    for step in 1...300 { rates.append(-1 + 0.01 * Double(step)) }  // -0.99 … 2.0
    for exponent in 3...9 {
      let small = pow(10, -Double(exponent))
      rates += [-small, small]
    }
    rates += [2.5, 3, 4, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 200, 500, 1000, 1e4, 1e5, 1e6]
    return rates.sorted()
  }()

  /// The root inside the sign-change bracket of `grid` nearest to `guess`, by bisection.
  static func bracketed(near guess: Double, value: (Double) -> Double) -> Double? {
    var best: (low: Double, high: Double, fLow: Double)?
    var bestDistance = Double.infinity
    var previous: (x: Double, f: Double)?
    for x in grid {
      let f = value(x)
      guard f.isFinite else {
        previous = nil
        continue
      }
      if f == 0 {
        if distance(x, x, guess) < bestDistance {
          best = (x, x, 0)
          bestDistance = distance(x, x, guess)
        }
      } else if let previous, previous.f != 0, (previous.f < 0) != (f < 0),
        distance(previous.x, x, guess) < bestDistance
      {
        best = (previous.x, x, previous.f)
        bestDistance = distance(previous.x, x, guess)
      }
      previous = (x, f)
    }
    guard let best else { return nil }
    if best.low == best.high { return best.low }
    return bisect(low: best.low, high: best.high, fLow: best.fLow, value: value)
  }

  private static func distance(_ low: Double, _ high: Double, _ guess: Double) -> Double {
    guess < low ? low - guess : guess > high ? guess - high : 0
  }

  /// Bisection down to adjacent doubles (at most about 200 halvings).
  private static func bisect(
    low: Double, high: Double, fLow: Double, value: (Double) -> Double
  ) -> Double {
    var low = low
    var high = high
    let lowIsNegative = fLow < 0
    for _ in 0..<200 {
      let middle = low + (high - low) / 2
      guard middle > low, middle < high else { break }
      let f = value(middle)
      if f == 0 { return middle }
      if (f < 0) == lowIsNegative { low = middle } else { high = middle }
    }
    return low + (high - low) / 2
  }
}
