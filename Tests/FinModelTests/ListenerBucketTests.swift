import FormulaSyntax
import ModelFormat
import Testing

@testable import SpreadsheetEngine

/// The interval index behind range dependents: it must report exactly the ranges containing a
/// position (draining questions: each at most once per generation), and marking a chained column
/// read by running totals must cost one visit per range, not one per range and cell.
@Suite struct ListenerBucketTests {
  @Test(arguments: 1...40)
  func reportsWhatABruteForceScanReports(seed: Int) {
    var random = FuzzRandom(seed: UInt64(seed))
    var bucket = ListenerBucket()
    var intervals: [Int32: (start: Int, end: Int)] = [:]
    var alive: Set<Int32> = []
    var generation = 0
    var reportedThisGeneration: Set<Int32> = []
    for step in 0..<400 {
      switch random.int(0...9) {
      case 0...2:
        let id = Int32(intervals.count)
        let start = random.int(0...199)
        let end = start + random.int(0...59)
        intervals[id] = (start, end)
        alive.insert(id)
        bucket.add(id, start: start, end: end)
      case 3 where !alive.isEmpty:
        let id = alive.sorted()[random.int(0...alive.count - 1)]
        alive.remove(id)
        bucket.noteDead()
      case 4:
        generation += 1
        reportedThisGeneration = []
      default:
        let position = random.int(0...259)
        let draining = random.int(0...1) == 0
        var reported: [Int32] = []
        bucket.forEach(
          containing: position, draining: draining, generation: generation, isAlive: alive.contains
        ) {
          reported.append($0)
        }
        let live = Set(reported.filter(alive.contains))
        #expect(reported.count == Set(reported).count, "seed \(seed) step \(step): reported twice")
        let containing = Set(
          alive.filter { intervals[$0]!.start <= position && position <= intervals[$0]!.end })
        #expect(live.isSubset(of: containing), "seed \(seed) step \(step)")
        if draining {
          // Ranges already reported may come again only while few and unsorted (pending).
          #expect(
            containing.subtracting(reportedThisGeneration).isSubset(of: live), "seed \(seed) step \(step)")
          #expect(live.intersection(reportedThisGeneration).count <= 32, "seed \(seed) step \(step)")
          reportedThisGeneration.formUnion(live)
        } else {
          #expect(live == containing, "seed \(seed) step \(step)")
        }
        for id in reported {
          #expect(intervals[id].map { $0.start <= position && position <= $0.end } == true)
        }
      }
    }
  }

  /// Column B is a chain and column C sums it cumulatively: an edit of A1 dirties everything.
  static func chainWithRunningTotals(rows: Int) -> String {
    "[S]\nA1: 1\nB1: =A1\nB2:B\(rows): =B1+1\nC1:C\(rows): =SUM($B$1:B1)\nD1: =SUM(B5:B9)\n"
  }

  @Test func editsBetweenRecalculationsMatchAFreshEvaluation() throws {
    let rows = 300
    let model = try ModelFixtures.load(Self.chainWithRunningTotals(rows: rows))
    let workbook = model.workbook
    // Two edits before one recalculation: the second finds the ranges already reported.
    workbook.setConstant(.number(5), sheet: 0, at: GridPoint(row: 0, column: 0))
    workbook.setConstant(.number(7), sheet: 0, at: GridPoint(row: 0, column: 0))
    #expect(workbook.recalculate().evaluatedCount == 2 * rows + 1)
    // A formula added after a marking, in the same generation, still listens.
    workbook.setConstant(.number(8), sheet: 0, at: GridPoint(row: 0, column: 0))
    let anchor = GridPoint(row: 0, column: 4)
    let formula = try workbook.addFormula(
      FormulaParser.parse("SUM(B1:B3)", anchor: anchor), sheet: 0, anchor: anchor)
    workbook.setFormula(formula, sheet: 0, at: anchor)
    workbook.recalculate()
    workbook.setConstant(.number(9), sheet: 0, at: GridPoint(row: 0, column: 0))
    workbook.recalculate()
    #expect(workbook.value(sheet: 0, at: anchor) == .number(3 * 9 + 3))
    let fresh = try ModelFixtures.load(
      Self.chainWithRunningTotals(rows: rows).replacingOccurrences(of: "A1: 1\n", with: "A1: 9\n"))
    for row in 0..<rows {
      for column in 1...3 {
        let point = GridPoint(row: row, column: column)
        #expect(workbook.value(sheet: 0, at: point) == fresh.workbook.value(sheet: 0, at: point), "\(point)")
      }
    }
  }
}
