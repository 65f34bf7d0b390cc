import FormulaSyntax
import SpreadsheetEngine
import Testing

/// Incremental recalculation equals a from-scratch evaluation, cell for cell, after every edit of
/// random models (chains, fans, ranges, cross-sheet references, errors, cycles), and never
/// evaluates a cell outside the dirty cone of the edits.
@Suite struct IncrementalPropertyTests {
  static let sheets = ["S1", "S2"]
  static let rows = 6
  static let columns = 5

  /// A random reference on the grid, sometimes to the other sheet.
  static func cellReference(_ random: inout FuzzRandom) -> String {
    let sheet = random.int(0...4) == 0 ? random.pick(sheets) + "!" : ""
    return sheet + A1Notation.columnName(random.int(0...columns - 1)) + String(random.int(1...rows))
  }

  static func rangeReference(_ random: inout FuzzRandom) -> String {
    let sheet = random.int(0...4) == 0 ? random.pick(sheets) + "!" : ""
    let top = random.int(1...rows)
    let left = random.int(0...columns - 1)
    let bottom = random.int(top...rows)
    let right = random.int(left...columns - 1)
    switch random.int(0...6) {
    case 0: return sheet + "$A$1:" + A1Notation.columnName(right) + String(bottom)
    case 1: return sheet + A1Notation.columnName(left) + ":" + A1Notation.columnName(left)
    default:
      return sheet + A1Notation.columnName(left) + String(top) + ":" + A1Notation.columnName(right)
        + String(bottom)
    }
  }

  static func content(_ random: inout FuzzRandom) -> String {
    switch random.int(0...15) {
    case 0...3: return String(random.int(-5...20))
    case 4: return random.pick(["\"x\"", "TRUE", "\"7\"", "#N/A", "0"])
    case 5: return "=" + cellReference(&random) + "+" + cellReference(&random)
    case 6: return "=SUM(" + rangeReference(&random) + ")"
    case 7: return "=IF(" + cellReference(&random) + ">3," + cellReference(&random) + ",-1)"
    case 8: return "=IFERROR(1/" + cellReference(&random) + ",\"div\")"
    case 9: return "=COUNT(" + rangeReference(&random) + ")*" + cellReference(&random)
    case 10: return "=MAX(" + rangeReference(&random) + ")-MIN(" + rangeReference(&random) + ")"
    case 11: return "=" + cellReference(&random) + "&\"|\""
    case 12: return "=INDEX(" + rangeReference(&random) + ",1,1)+ROUND(" + cellReference(&random) + ",0)"
    case 14: return "=SUM(" + rangeReference(&random) + " " + rangeReference(&random) + ")"
    case 15: return "=SUM((" + rangeReference(&random) + "," + cellReference(&random) + "))"
    default: return "=" + cellReference(&random) + "*2"
    }
  }

  typealias Contents = [CellAddress: String]

  /// A workbook holding exactly `contents`, evaluated from scratch.
  static func build(_ contents: Contents) throws -> Workbook {
    let workbook = Workbook()
    for name in sheets { try workbook.addSheet(named: name) }
    for (address, text) in contents.sorted(by: { ($0.key.sheet, $0.key.point) < ($1.key.sheet, $1.key.point) }
    ) {
      try set(workbook, address, text)
    }
    return workbook
  }

  static func set(_ workbook: Workbook, _ address: CellAddress, _ text: String) throws {
    if text.hasPrefix("=") {
      let syntax = try FormulaParser.parse(text.dropFirst(), anchor: address.point)
      let formula = try workbook.addFormula(syntax, sheet: address.sheet, anchor: address.point)
      workbook.setFormula(formula, sheet: address.sheet, at: address.point)
      return
    }
    let value: CellValue =
      switch text {
      case "TRUE": .boolean(true)
      case "#N/A": .error(.notAvailable)
      default: text.hasPrefix("\"") ? .text(String(text.dropFirst().dropLast())) : .number(Double(text)!)
      }
    workbook.setConstant(value, sheet: address.sheet, at: address.point)
  }

  /// The cells whose value may depend on the edited positions: static references, transitively.
  static func cone(of edited: [CellAddress], in contents: Contents) throws -> Set<CellAddress> {
    var dependents: [CellAddress: [CellAddress]] = [:]
    for (address, text) in contents where text.hasPrefix("=") {
      let syntax = try FormulaParser.parse(text.dropFirst(), anchor: address.point)
      syntax.forEachNode { node in
        var area: GridArea?
        var sheetName: String?
        switch node.kind {
        case .cell(let sheet, let reference):
          sheetName = sheet
          area = GridArea(reference.resolved(from: address.point))
        case .area(let sheet, let reference):
          sheetName = sheet
          area = reference.resolved(from: address.point)
        default: break
        }
        guard let area else { return }
        let sheet = sheetName.flatMap { sheets.firstIndex(of: $0) } ?? address.sheet
        for row in max(0, area.top)...min(rows - 1, area.bottom) {
          for column in max(0, area.left)...min(columns - 1, area.right) {
            dependents[CellAddress(sheet: sheet, point: GridPoint(row: row, column: column)), default: []]
              .append(address)
          }
        }
      }
    }
    var cone = Set(edited)
    var stack = edited
    while let cell = stack.popLast() {
      for dependent in dependents[cell] ?? [] where cone.insert(dependent).inserted {
        stack.append(dependent)
      }
    }
    return cone
  }

  @Test(arguments: 0..<200)
  func incrementalEqualsFromScratch(seed: Int) throws {
    var random = FuzzRandom(seed: UInt64(seed) &* 7919 &+ 17)
    var contents: Contents = [:]
    for sheet in 0..<Self.sheets.count {
      for row in 0..<Self.rows {
        for column in 0..<Self.columns where random.int(0...9) < 6 {
          contents[CellAddress(sheet: sheet, point: GridPoint(row: row, column: column))] = Self.content(
            &random)
        }
      }
    }
    let workbook = try Self.build(contents)
    workbook.recalculate()
    for step in 0..<25 {
      let address = CellAddress(
        sheet: random.int(0...1),
        point: GridPoint(row: random.int(0...Self.rows - 1), column: random.int(0...Self.columns - 1)))
      var edited = [address]
      if random.int(0...5) == 0 {
        contents[address] = nil
        workbook.clearCell(sheet: address.sheet, at: address.point)
      } else {
        let text = Self.content(&random)
        contents[address] = text
        try Self.set(workbook, address, text)
      }
      if random.int(0...3) == 0 {
        // Two edits before one recalculation.
        let second = CellAddress(sheet: 0, point: GridPoint(row: random.int(0...Self.rows - 1), column: 0))
        let text = Self.content(&random)
        contents[second] = text
        try Self.set(workbook, second, text)
        edited.append(second)
      }
      let report = workbook.recalculate()
      let reference = try Self.build(contents)
      reference.recalculate()
      let cone = try Self.cone(of: edited, in: contents)
      for cell in report.evaluatedCells {
        #expect(
          cone.contains(cell),
          "seed \(seed) step \(step): evaluated \(workbook.name(of: cell)) outside the dirty cone")
      }
      for sheet in 0..<Self.sheets.count {
        for row in 0..<Self.rows {
          for column in 0..<Self.columns {
            let point = GridPoint(row: row, column: column)
            let incremental = workbook.value(sheet: sheet, at: point)
            let scratch = reference.value(sheet: sheet, at: point)
            #expect(
              incremental == scratch,
              "seed \(seed) step \(step): \(Self.sheets[sheet])!\(A1Notation.cellName(point)) incremental \(incremental) vs from scratch \(scratch); contents \(contents[CellAddress(sheet: sheet, point: point)] ?? "blank")"
            )
            if incremental != scratch {
              let dump = contents.sorted { ($0.key.sheet, $0.key.point) < ($1.key.sheet, $1.key.point) }
                .map { "\(Self.sheets[$0.key.sheet])!\(A1Notation.cellName($0.key.point)) \($0.value)" }
              print(
                "DUMP seed \(seed) edited \(edited.map { workbook.name(of: $0) }): "
                  + dump.joined(separator: " ;; "))
              return
            }
          }
        }
      }
    }
  }
}
