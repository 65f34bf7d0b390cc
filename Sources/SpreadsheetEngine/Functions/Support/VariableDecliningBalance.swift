import Foundation

/// VDB: declining-balance depreciation between two (possibly fractional) periods, switching
/// to straight line once that is larger, unless told not to.
///
/// The partial first and last periods are pro-rated the way Excel (and LibreOffice, whose
/// algorithm this follows) does: the whole periods around the interval are computed and the
/// parts outside it subtracted.
enum VariableDecliningBalance {
  static func depreciation(
    cost: Double, salvage: Double, life: Double, start: Double, end: Double, factor: Double,
    noSwitch: Bool
  ) -> Double {
    let startWhole = start.rounded(.down)
    let endWhole = end.rounded(.up)
    if noSwitch {
      var total = 0.0
      var period = startWhole + 1
      while period <= endWhole {
        var term = declining(cost, salvage, life, period, factor)
        if period == startWhole + 1 {
          term *= min(end, startWhole + 1) - start
        } else if period == endWhole {
          term *= end + 1 - endWhole
        }
        total += term
        period += 1
      }
      return total
    }
    var outside = 0.0
    if start != startWhole {
      let value = cost - interval(cost, salvage, life, life, startWhole, factor)
      outside +=
        (start - startWhole) * interval(value, salvage, life, life - startWhole, 1, factor)
    }
    if end != endWhole {
      let lastStart = endWhole - 1
      let value = cost - interval(cost, salvage, life, life, lastStart, factor)
      outside += (endWhole - end) * interval(value, salvage, life, life - lastStart, 1, factor)
    }
    let remaining = cost - interval(cost, salvage, life, life, startWhole, factor)
    return interval(remaining, salvage, life, life - startWhole, endWhole - startWhole, factor)
      - outside
  }

  /// Depreciation of the first `periods` periods of an asset worth `cost` with `remainingLife`
  /// periods left, switching to straight line when that gives more.
  private static func interval(
    _ cost: Double, _ salvage: Double, _ life: Double, _ remainingLife: Double,
    _ periods: Double, _ factor: Double
  ) -> Double {
    let last = periods.rounded(.up)
    var total = 0.0
    var depreciable = cost - salvage
    var straightLine = 0.0
    var switched = false
    var period = 1.0
    while period <= last {
      var term: Double
      if switched {
        term = straightLine
      } else {
        let declining = declining(cost, salvage, life, period, factor)
        straightLine = depreciable / (remainingLife - (period - 1))
        if straightLine > declining {
          term = straightLine
          switched = true
        } else {
          term = declining
          depreciable -= declining
        }
      }
      if period == last { term *= periods + 1 - last }
      total += term
      period += 1
    }
    return total
  }

  /// DDB's closed form for one period (fractional periods allowed), without validation.
  static func declining(
    _ cost: Double, _ salvage: Double, _ life: Double, _ period: Double, _ factor: Double
  ) -> Double {
    var rate = factor / life
    let before: Double
    if rate >= 1 {
      rate = 1
      before = period == 1 ? cost : 0
    } else {
      before = cost * pow(1 - rate, period - 1)
    }
    let after = cost * pow(1 - rate, period)
    return max(after < salvage ? before - salvage : before - after, 0)
  }
}
