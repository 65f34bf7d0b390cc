import Foundation

/// One JSON object printed on one line of stdout, keys in the order they were added.
struct JSONLine {
  private var fields: [String] = []

  init(_ measure: String) {
    add("measure", measure)
  }

  mutating func add(_ key: String, _ value: String) {
    fields.append("\(Self.quoted(key)): \(Self.quoted(value))")
  }

  mutating func add(_ key: String, _ value: Int) {
    fields.append("\(Self.quoted(key)): \(value)")
  }

  mutating func add(_ key: String, _ value: Bool) {
    fields.append("\(Self.quoted(key)): \(value)")
  }

  /// A number with `digits` decimals (non-finite numbers become null).
  mutating func add(_ key: String, _ value: Double, digits: Int = 3) {
    let text = value.isFinite ? String(format: "%.\(digits)f", value) : "null"
    fields.append("\(Self.quoted(key)): \(text)")
  }

  /// Raw JSON text (already encoded).
  mutating func addRaw(_ key: String, _ json: String) {
    fields.append("\(Self.quoted(key)): \(json)")
  }

  func print() {
    FileHandle.standardOutput.write(Data(("{" + fields.joined(separator: ", ") + "}\n").utf8))
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// Order statistics of timings.
struct Sample {
  private(set) var values: [Double] = []

  mutating func append(_ value: Double) { values.append(value) }

  var count: Int { values.count }
  var min: Double { values.min() ?? .nan }
  var max: Double { values.max() ?? .nan }
  var median: Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

extension Duration {
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }
}
