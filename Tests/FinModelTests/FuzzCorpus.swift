import Foundation

/// The committed fuzz corpus (`Golden/fuzz-corpus/`, read from the source tree so that a new
/// entry needs no rebuild) and the inputs derived from it.
enum FuzzCorpus {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/fuzz-corpus")

  /// Every corpus file, by name, in name order.
  static func entries() throws -> [(name: String, bytes: [UInt8])] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".fmodel") }.sorted()
    return try names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
  }

  /// A corpus entry (or, one time in three, a generated model) with random byte mutations.
  static func mutatedInput(seed: UInt64, corpus: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    var random = FuzzRandom(seed: seed)
    let base =
      corpus.isEmpty || random.chance(33)
      ? Array(FuzzModelGenerator.model(seed: random.next()).utf8) : random.pick(corpus).bytes
    return FuzzMutator.mutate(base, random: &random)
  }

  /// A generated formula, sometimes mutated byte by byte (and then decoded, as a file would be).
  static func formulaInput(seed: UInt64) -> String {
    var random = FuzzRandom(seed: seed)
    let generator = FuzzFormulaGenerator(sheets: ["Inputs", "P&L", "2024"], names: ["Rate"])
    let text = generator.formula(&random)
    guard random.chance(50) else { return text }
    return String(decoding: FuzzMutator.mutate(Array(text.utf8), random: &random), as: UTF8.self)
  }
}
