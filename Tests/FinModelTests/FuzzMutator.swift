/// Byte-level mutations of model text, the way files get damaged in practice: bytes deleted,
/// quotes and brackets inserted or lost, lines duplicated or swapped, a save cut short, binary
/// noise, invalid UTF-8, NUL bytes, stray carriage returns, wide and invisible characters.
enum FuzzMutator {
  /// Fragments inserted at random places.
  static let insertions: [[UInt8]] =
    [
      "\"", "'", "(", ")", "[", "]", "{", "}", "#", "|", ":", "!", "=", ",", ";", "$", "%", "&", "^",
      "\r", "\n", "\t", " ", "\r\n", "=1+", "A1:", "[S]\n", "XFD1048576", "1048577", "9999999",
      ":XFD", "#N/A", "#REF!", "\"\"", "''", "中", "é", "\u{202E}", "\u{FEFF}", "\u{200D}", "😀",
      "name ", "check \"c\" = ", "=SUM(", ")))", "(((", ",,,", "e308", ".", "-", "\\",
    ].map { Array($0.utf8) }
    + [
      [0], [0xFF], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x7F], [0x1B],
    ]

  /// Largest mutated input; keeps every input cheap.
  static let maximumSize = 65_536

  /// `bytes` with one to four random mutations applied.
  static func mutate(_ bytes: [UInt8], random: inout FuzzRandom) -> [UInt8] {
    var result = bytes
    for _ in 0..<random.int(1...4) {
      mutateOnce(&result, random: &random)
      if result.count > maximumSize { result.removeLast(result.count - maximumSize) }
    }
    return result
  }

  private static func mutateOnce(_ bytes: inout [UInt8], random: inout FuzzRandom) {
    let position = random.int(0...bytes.count)
    switch random.int(0...8) {
    case 0, 1:
      bytes.insert(contentsOf: random.pick(insertions), at: position)
    case 2:
      guard position < bytes.count else { return }
      bytes.removeSubrange(position..<min(bytes.count, position + random.int(1...16)))
    case 3:
      guard position < bytes.count else { return }
      let piece = Array(bytes[position..<min(bytes.count, position + random.int(1...64))])
      bytes.insert(contentsOf: piece, at: random.int(0...bytes.count))
    case 4:
      guard position < bytes.count else { return }
      bytes[position] = UInt8(truncatingIfNeeded: random.next())
    case 5:
      bytes.removeLast(bytes.count - position)
    case 6:
      swapLines(&bytes, random: &random)
    case 7:
      // A digit becomes a long run of digits: rows and columns past the grid, huge numbers.
      guard
        let digit = bytes.indices.filter({ bytes[$0] >= 48 && bytes[$0] <= 57 }).randomElement(using: &random)
      else { return }
      bytes.insert(contentsOf: Array(repeating: bytes[digit], count: random.int(1...8)), at: digit)
    default:
      // A whole line repeated: duplicate cells, sheets, names.
      let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
      guard let line = lines.randomElement(using: &random) else { return }
      bytes.append(10)
      bytes.append(contentsOf: line)
    }
  }

  private static func swapLines(_ bytes: inout [UInt8], random: inout FuzzRandom) {
    var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
    guard lines.count > 1 else { return }
    lines.swapAt(random.int(0...(lines.count - 1)), random.int(0...(lines.count - 1)))
    bytes = Array(lines.joined(separator: [10]))
  }
}
