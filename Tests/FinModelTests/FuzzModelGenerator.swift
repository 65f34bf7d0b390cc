import FormulaSyntax
import Foundation

/// Random model files that exercise every construct of the format: sheets, names, constants,
/// formulas, filled ranges, value lists, attributes, every directive, checks, outputs,
/// scenarios and charts, with CRLF line endings, byte-order marks and trailing comments.
///
/// Two models in three are valid, so that the evaluator, the writers and the printer get real
/// work; the third kind makes the mistakes people make (sheet and name rules broken, duplicate
/// cells, wrong counts, unknown functions, lines before any sheet, limits exceeded), so that the
/// loader must answer with diagnostics. A model is a pure function of its seed.
struct FuzzModelGenerator {
  static let sheetPool = ["Inputs", "P&L", "Cash Runway", "2024", "Données", "中文表", "A1", "Q1'24", "Sheet_2"]
  static let badSheets = ["inputs", "History", "Bad/Name", String(repeating: "L", count: 32), "", "'x"]
  static let namePool = ["Rate", "Growth", "Span", "Total_2", "_tax", "\\back", "Données.2024"]
  static let badNames = ["A1", "R1C1", "TAX2024", "TRUE", "1st", "a-b"]
  static let styles = [
    "title", "header", "input", "calc", "link", "total", "check", "label", "subtle", "plain",
  ]
  static let formats = ["0.0%", "#,##0", "#,##0;(#,##0);-", "yyyy-mm-dd", "\"OK\";\"FAIL\"", "@", "0.00E+00"]

  private var random: FuzzRandom
  private var lines: [String] = []
  private var formulas = FuzzFormulaGenerator(sheets: [], names: [])
  private let mistakes: Bool
  /// Cells already placed on the current sheet (valid models define each cell once).
  private var used: Set<GridPoint> = []

  private init(seed: UInt64) {
    random = FuzzRandom(seed: seed)
    mistakes = random.chance(33)
  }

  /// The text of the model for `seed`.
  static func model(seed: UInt64) -> String {
    var generator = FuzzModelGenerator(seed: seed)
    return generator.build()
  }

  /// A mistake, at most one line in twenty of a model that makes mistakes.
  private mutating func wrong() -> Bool { mistakes && random.chance(5) }

  private mutating func build() -> String {
    var sheets: [String] = []
    for _ in 0..<random.int(1...3) {
      let name = wrong() ? random.pick(Self.badSheets) : random.pick(Self.sheetPool)
      if !sheets.contains(where: { $0.uppercased() == name.uppercased() }) || mistakes { sheets.append(name) }
    }
    var names: [String] = []
    for _ in 0..<random.int(0...3) {
      let name = wrong() ? random.pick(Self.badNames) : random.pick(Self.namePool)
      if !names.contains(name) || mistakes { names.append(name) }
    }
    formulas = FuzzFormulaGenerator(sheets: sheets, names: names, mistakes: mistakes)
    if wrong() { lines.append("A1: 1") }
    for (index, name) in names.enumerated() {
      // A name may use only the names before it, unless mistakes (cycles) are allowed.
      var limited = formulas
      if !mistakes { limited.names = Array(names[..<index]) }
      lines.append("name \(name) = " + (random.chance(50) ? reference(sheets) : limited.formula(&random)))
    }
    if random.chance(30) { lines.append("property title = \"Fuzz \(random.int(0...99))\"") }
    for sheet in sheets {
      lines.append("[\(sheet)]")
      used = []
      for _ in 0..<random.int(2...20) { sheetLine(sheets) }
    }
    if random.chance(40) { lines.append("check \"fuzz\" = \(formulas.formula(&random))") }
    if random.chance(40) { lines.append("output \"value\" = \(formulas.formula(&random))") }
    if random.chance(30) {
      let target = SheetNameQuoting.quoted(random.pick(sheets)) + "!" + formulas.address(&random)
      lines.append("scenario \"S\": \(target) = \(literal()), \(target) = =\(formulas.formula(&random))")
    }
    if wrong() {
      lines.append(random.pick(["[Unclosed", "bogus directive", "[]", "|", "name = 1", "A1:B2: =A1"]))
    }
    let ending = random.chance(15) ? "\r\n" : "\n"
    let text = lines.map { random.chance(8) ? $0 + "   # comment" : $0 }.joined(separator: ending)
    return (random.chance(10) ? "\u{FEFF}" : "") + text + (random.chance(80) ? ending : "")
  }

  private mutating func reference(_ sheets: [String]) -> String {
    SheetNameQuoting.quoted(random.pick(sheets)) + "!$" + A1Notation.columnName(random.int(0...5)) + "$"
      + String(random.int(1...20))
  }

  private mutating func sheetLine(_ sheets: [String]) {
    switch random.int(0...19) {
    case 0...6:
      if let cell = freeArea(rows: 1, columns: 1) { lines.append(cell + ": " + literal() + attributes()) }
    case 7...11:
      if let cell = freeArea(rows: 1, columns: 1) {
        lines.append(cell + ": =" + formulas.formula(&random) + attributes())
      }
    case 12, 13:
      if let area = freeArea(rows: random.int(1...6), columns: random.int(1...5)) {
        lines.append(area + ": =" + formulas.formula(&random) + attributes())
      }
    case 14:
      let rows = random.int(1...6)
      let columns = random.int(1...5)
      if let area = freeArea(rows: rows, columns: columns) {
        let count = rows * columns + (wrong() ? 1 : 0)
        lines.append(area + ": " + (0..<count).map { _ in literal() }.joined(separator: ", ") + attributes())
      }
    case 15: lines.append(directive())
    case 16: lines.append(random.chance(50) ? "" : "# a comment line")
    case 17: chartLines(sheets)
    default:
      if let cell = freeArea(rows: 1, columns: 1) {
        lines.append(cell + ": =" + formulas.cell(&random) + "+" + formulas.cell(&random))
      }
    }
  }

  /// An area of the given size whose cells are all free (marked used), or a bad address now and
  /// then when mistakes are allowed; nil when no free place was found.
  private mutating func freeArea(rows: Int, columns: Int) -> String? {
    if wrong() { return random.pick(["XFE1", "A1048577", "A0", "AAAA1", "B2:B1048577", "A1"]) }
    for _ in 0..<8 {
      let far = random.chance(2)
      let top = far ? Grid.rowCount - rows : random.int(0...24)
      let left = far ? Grid.columnCount - columns : random.int(0...7)
      let area = GridArea(top: top, left: left, bottom: top + rows - 1, right: left + columns - 1)
      let points = (area.top...area.bottom).flatMap { row in
        (area.left...area.right).map { GridPoint(row: row, column: $0) }
      }
      guard points.allSatisfy({ !used.contains($0) }) else { continue }
      used.formUnion(points)
      let name = A1Notation.areaName(area)
      return random.chance(5) ? name.lowercased() : name
    }
    return nil
  }

  private mutating func literal() -> String {
    if wrong() {
      return random.pick(["hello", "'x'", "1,5", "--1", "\"unterminated", "1e999", "#NOPE!", ""])
    }
    switch random.int(0...9) {
    case 0: return String(random.int(-100...100_000))
    case 1: return random.pick(["0.35", "12.5%", "1.5e6", "-3", ".5", "1e-7", "+4", "-0"])
    case 2: return "\"" + random.pick(FuzzFormulaGenerator.texts) + "\""
    case 3: return random.pick(["TRUE", "false", "True"])
    case 4: return random.pick(FuzzFormulaGenerator.errors)
    default: return String(random.int(0...1000))
    }
  }

  private mutating func attributes() -> String {
    guard random.chance(25) else { return "" }
    if wrong() { return random.pick([" | colour red", " | style fancy", " | format 0%", " |"]) }
    switch random.int(0...4) {
    case 0: return " | format " + quotedFormat()
    case 1: return " | style " + random.pick(Self.styles)
    case 2: return " | note \"source: p. \(random.int(1...99))\""
    case 3: return " | bold | italic"
    default: return " | format \"0.0\" | style input"
    }
  }

  /// A number format as model text: in double quotes, inner quotes doubled.
  private mutating func quotedFormat() -> String {
    "\"" + random.pick(Self.formats).replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private mutating func directive() -> String {
    let top = random.int(1...20)
    let area = "B\(top):" + A1Notation.columnName(random.int(1...6)) + String(top + random.int(0...5))
    if wrong() {
      return random.pick(["format A1", "column A:XFE width 3", "freeze", "tab color red", "style A1 fancy"])
    }
    switch random.int(0...5) {
    case 0: return "format \(area) " + quotedFormat()
    case 1: return "style \(area) " + random.pick(Self.styles)
    case 2: return "note C\(top) \"a note\""
    case 3: return "column " + random.pick(["A", "B:D", "XFD"]) + " width \(random.int(0...255))"
    case 4: return "freeze B\(random.int(2...5))"
    default: return "tab color \"" + random.pick(["#1F4E79", "#FF0000"]) + "\""
    }
  }

  private mutating func chartLines(_ sheets: [String]) {
    let top = random.int(1...20)
    let area = "B\(top):F\(top)"
    let sheet = SheetNameQuoting.quoted(random.pick(sheets))
    let kind = wrong() ? "pie" : random.pick(["line", "column"])
    lines.append(
      "chart \(kind) \"Chart\" at H\(random.int(1...40))" + (random.chance(30) ? " size 480 x 240" : ""))
    lines.append("series \"S\" = \(random.chance(30) ? sheet + "!" : "")\(area)")
    if random.chance(50) { lines.append("categories = B1:F1") }
    if random.chance(50) {
      lines.append("axis \(random.pick(["x", "y"])) \"Axis\"" + (random.chance(30) ? " format \"0%\"" : ""))
    }
  }
}
