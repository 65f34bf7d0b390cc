import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The figures `--stats` prints: sizes, phase times and peak memory.
public struct RunStatistics: Sendable {
  public var cells: Int
  public var formulas: Int
  public var evaluated: Int
  public var parse: Duration
  public var build: Duration
  public var evaluation: Duration

  public init(model: Model, evaluated: Int, evaluation: Duration) {
    cells = model.workbook.cellCount
    formulas = model.workbook.formulaCellCount
    self.evaluated = evaluated
    parse = model.loadTimings.parse
    build = model.loadTimings.build
    self.evaluation = evaluation
  }

  /// Peak resident memory of this process in MB (Linux reports ru_maxrss in KB).
  public static var peakMemoryMB: Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }

  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return String(format: "%.3f", ms)
  }

  /// `{"cells": N, "formulas": N, "evaluated": N, "parseMs": x, "buildMs": y, "evalMs": z, "peakMemoryMB": m}`
  public var json: String {
    "{\"cells\": \(cells), \"formulas\": \(formulas), \"evaluated\": \(evaluated), "
      + "\"parseMs\": \(Self.milliseconds(parse)), \"buildMs\": \(Self.milliseconds(build)), "
      + "\"evalMs\": \(Self.milliseconds(evaluation)), "
      + "\"peakMemoryMB\": \(String(format: "%.1f", Self.peakMemoryMB))}"
  }
}
