import Testing

@testable import SpreadsheetEngine

/// The open-addressing map behind every cell lookup agrees with a Dictionary through random
/// inserts, replacements and removals, with keys packed as grid positions (rows of neighbouring
/// columns share a home run, so probing and backward-shift deletion are exercised hard).
@Suite struct PositionMapTests {
  @Test(arguments: 1...20)
  func agreesWithADictionary(seed: Int) {
    var random = FuzzRandom(seed: UInt64(seed))
    var map = PositionMap()
    var reference: [Int: Int32] = [:]
    for step in 0..<20_000 {
      let key = random.int(0...63) << 14 | random.int(0...39)
      switch random.int(0...2) {
      case 0, 1:
        let value = Int32(step)
        map.insert(value, for: key)
        reference[key] = value
      default:
        map.remove(key)
        reference[key] = nil
      }
      if step % 997 == 0 {
        #expect(map.count == reference.count, "seed \(seed) step \(step)")
        for probe in 0..<(64 * 40) {
          let probeKey = (probe / 40) << 14 | (probe % 40)
          #expect(map[probeKey] == reference[probeKey], "seed \(seed) step \(step) key \(probeKey)")
        }
      }
    }
    var seen: [Int: Int32] = [:]
    map.forEachEntry { seen[$0] = $1 }
    #expect(seen == reference)
  }
}
