import FormulaSyntax
import Foundation

/// Order statistics: PERCENTILE/QUARTILE and PERCENTRANK in their inclusive and exclusive forms,
/// TRIMMEAN, RANK and MODE.
enum Quantiles {
  /// Inclusive percentile: rank k·(n − 1) from 0, interpolated; k outside 0…1 or no numbers
  /// is #NUM!.
  static func inclusive(_ numbers: [Double], _ k: Double) throws(ExcelError) -> Double {
    guard !numbers.isEmpty, k >= 0, k <= 1 else { throw .number }
    return interpolate(numbers.sorted(), at: k * Double(numbers.count - 1))
  }

  /// Exclusive percentile: rank k·(n + 1) from 1, interpolated; a rank below 1 or above n (k
  /// too close to 0 or 1 for the sample) is #NUM!.
  static func exclusive(_ numbers: [Double], _ k: Double) throws(ExcelError) -> Double {
    guard !numbers.isEmpty, k > 0, k < 1 else { throw .number }
    let rank = k * Double(numbers.count + 1)
    guard rank >= 1, rank <= Double(numbers.count) else { throw .number }
    return interpolate(numbers.sorted(), at: rank - 1)
  }

  /// The value at fractional 0-based position `position` of sorted numbers.
  private static func interpolate(_ sorted: [Double], at position: Double) -> Double {
    let lower = Int(position.rounded(.down))
    let fraction = position - Double(lower)
    guard fraction > 0, lower + 1 < sorted.count else { return sorted[lower] }
    return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
  }

  /// PERCENTRANK.INC (`inclusive`) and .EXC, before truncation: a number of the list ranks
  /// (numbers below it) / (n − 1), or (numbers below it + 1) / (n + 1) exclusively; x between
  /// two neighbours interpolates linearly between their ranks. No numbers is #NUM!, x outside
  /// the list #N/A; a list of one number ranks it 1.
  static func percentRank(of x: Double, in numbers: [Double], inclusive: Bool) throws(ExcelError)
    -> Double
  {
    guard !numbers.isEmpty else { throw .number }
    let sorted = numbers.sorted()
    guard let first = sorted.first, let last = sorted.last, x >= first, x <= last else {
      throw .notAvailable
    }
    if sorted.count == 1 { return 1 }
    let count = Double(sorted.count)
    let below = sorted.firstIndex { $0 >= x } ?? sorted.count - 1
    if sorted[below] == x {
      return inclusive ? Double(below) / (count - 1) : Double(below + 1) / (count + 1)
    }
    let (lower, upper) = (sorted[below - 1], sorted[below])
    let fraction = (x - lower) / (upper - lower)
    return inclusive ? (Double(below - 1) + fraction) / (count - 1) : (Double(below) + fraction) / (count + 1)
  }

  /// TRIMMEAN: the mean after dropping `fraction` of the numbers, half from the bottom and half
  /// from the top, the count dropped rounded down to an even number. A fraction outside [0, 1)
  /// or no numbers is #NUM!.
  static func trimmedMean(_ numbers: [Double], excluding fraction: Double) throws(ExcelError) -> Double {
    guard !numbers.isEmpty, fraction >= 0, fraction < 1 else { throw .number }
    // 15 digits first, so 0.57 × 100 (56.99999999999999) leaves out 57 numbers, not 56.
    let excluded = DecimalRounding.fifteenDigits(Double(numbers.count) * fraction).rounded(.down)
    let perSide = Int(excluded) / 2
    let kept = numbers.sorted()[perSide..<(numbers.count - perSide)]
    return kept.reduce(0, +) / Double(kept.count)
  }

  /// RANK.EQ (`average` false) and RANK.AVG: the 1-based position of `number` among `numbers`,
  /// descending unless `ascending`; ties share the best rank or average their ranks. A number
  /// not in the list is #N/A.
  static func rank(
    of number: Double, in numbers: [Double], ascending: Bool, average: Bool
  ) throws(ExcelError) -> Double {
    var before = 0
    var equal = 0
    for value in numbers {
      if value == number {
        equal += 1
      } else if ascending ? value < number : value > number {
        before += 1
      }
    }
    guard equal > 0 else { throw .notAvailable }
    return average ? Double(before) + Double(equal + 1) / 2 : Double(before + 1)
  }

  /// MODE: the most frequent number, the first one met among equally frequent ones; no
  /// repeated number is #N/A.
  static func mode(_ numbers: [Double]) throws(ExcelError) -> Double {
    var counts: [Double: Int] = [:]
    for number in numbers { counts[number, default: 0] += 1 }
    var best: (number: Double, count: Int)?
    for number in numbers {
      let count = counts[number] ?? 0
      if count > (best?.count ?? 1) { best = (number, count) }
    }
    guard let best else { throw .notAvailable }
    return best.number
  }
}
