/// A small seeded random generator (SplitMix64) for the fuzz run and the property tests.
///
/// The system generator cannot be seeded; this one makes every generated input a pure function of
/// its seed, so a failure printed with its seed can be replayed exactly on any machine.
struct FuzzRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniformly chosen integer in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// True with probability `percent` / 100.
  mutating func chance(_ percent: Int) -> Bool {
    int(0...99) < percent
  }

  /// One element of a non-empty collection.
  mutating func pick<C: Collection>(_ items: C) -> C.Element {
    items[items.index(items.startIndex, offsetBy: int(0...(items.count - 1)))]
  }

  /// The seed of the `index`-th input of a run started with `seed`: inputs are independent, so
  /// one can be replayed without generating the ones before it.
  static func caseSeed(run seed: UInt64, index: Int) -> UInt64 {
    var mixer = FuzzRandom(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
    return mixer.next()
  }
}
