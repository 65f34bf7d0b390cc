import FormulaSyntax
import SpreadsheetEngine

/// The cell edits that turn a live model's workbook into that of a model loaded from newer text.
///
/// Cells are compared by what the text puts in them, never by object identity: constants by
/// value, formulas by their anchored syntax trees (see `isSameFormula(as:)`), so re-splitting a
/// filled range or moving a line edits nothing. Sheets are paired by name; when the sheets or the
/// defined names differ, edits cannot express the change (indices move, names are inlined into
/// every formula that uses them) and `structureChange` says why.
struct ModelDiff {
  /// What a cell must hold after the edit.
  enum Content {
    case constant(CellValue)
    /// The index of a formula of the fresh workbook.
    case formula(Int32)
    case blank
  }

  struct Edit {
    /// The sheet index; live and fresh indices agree whenever edits are applied.
    var sheet: Int
    var point: GridPoint
    var content: Content
  }

  /// Every cell whose content differs, added and removed cells included.
  private(set) var edits: [Edit] = []
  /// Why the fresh model must replace the live one instead; nil when the edits suffice.
  private(set) var structureChange: String?

  /// Compares the cells of the two models, visiting them line by line as the text placed them:
  /// two look-ups per cell and no sorting, O(cells). Cells the fresh text no longer defines are
  /// searched for only on sheets that lost some.
  init(live: Model, fresh: Model) {
    let (old, new) = (live.workbook, fresh.workbook)
    structureChange = Self.structureChange(live: old, fresh: new)
    let liveSheet = new.sheets.map { sheet in old.sheets.firstIndex { $0.name == sheet.name } }
    var kept = [Int](repeating: 0, count: old.sheets.count)
    var sameFormula: [Int64: Bool] = [:]
    var last: (key: Int64, same: Bool) = (-1, false)
    for line in fresh.placedLines {
      let sheet = line.sheet
      line.area.forEachPoint { point in
        guard let content = new.content(sheet: sheet, at: point) else { return }
        let previous = liveSheet[sheet].flatMap { old.content(sheet: $0, at: point) }
        if previous != nil { kept[liveSheet[sheet]!] += 1 }
        switch (previous, content) {
        case (.constant(let a), .constant(let b)) where a == b:
          return
        case (.formula(let a), .formula(let b)):
          let key = Int64(a) << 32 | Int64(b)
          if key != last.key {
            let same =
              sameFormula[key] ?? old.formulas[Int(a)].syntax.isSameFormula(as: new.formulas[Int(b)].syntax)
            sameFormula[key] = same
            last = (key, same)
          }
          if last.same { return }
        default:
          break
        }
        switch content {
        case .constant(let value): edits.append(Edit(sheet: sheet, point: point, content: .constant(value)))
        case .formula(let index): edits.append(Edit(sheet: sheet, point: point, content: .formula(index)))
        }
      }
    }
    for (sheet, count) in kept.enumerated() where count < old.sheets[sheet].cellCount {
      let freshSheet = new.sheets.firstIndex { $0.name == old.sheets[sheet].name }
      for line in live.placedLines where line.sheet == sheet {
        line.area.forEachPoint { point in
          guard old.content(sheet: sheet, at: point) != nil,
            freshSheet.flatMap({ new.content(sheet: $0, at: point) }) == nil
          else { return }
          edits.append(Edit(sheet: sheet, point: point, content: .blank))
        }
      }
    }
  }

  /// Why edits cannot carry `live` to `fresh`, or nil when they can.
  private static func structureChange(live: Workbook, fresh: Workbook) -> String? {
    if live.sheets.map(\.name) != fresh.sheets.map(\.name) {
      return "the sheets changed"
    }
    let liveNames = live.nameOrder.map { live.definedNames[$0].map { [$0.name, $0.text] } }
    let freshNames = fresh.nameOrder.map { fresh.definedNames[$0].map { [$0.name, $0.text] } }
    if liveNames != freshNames {
      return "the defined names changed"
    }
    return nil
  }
}

extension GridArea {
  /// Calls `body` with every cell of the area, row by row.
  func forEachPoint(_ body: (GridPoint) -> Void) {
    for row in top...bottom {
      for column in left...right { body(GridPoint(row: row, column: column)) }
    }
  }
}

extension FormulaExpression {
  /// Whether two parsed formulas are the same formula in every cell they could be placed in.
  ///
  /// Relative references are stored as offsets from the cell that holds the formula, so two trees
  /// that match node for node print the same text at any cell. Comparing trees instead of printed
  /// text lets `ModelDiff` decide once per pair of shared formulas rather than once per cell, and
  /// costs no string building. Source spans are ignored: moving a line does not change a formula.
  /// Names of sheets and defined names compare as written, so a change of case counts as an edit
  /// (a harmless re-evaluation), never the reverse.
  func isSameFormula(as other: FormulaExpression) -> Bool {
    switch (kind, other.kind) {
    case (.number(let a), .number(let b)): a == b
    case (.text(let a), .text(let b)): a == b
    case (.boolean(let a), .boolean(let b)): a == b
    case (.error(let a), .error(let b)): a == b
    case (.missing, .missing): true
    case (.name(let a), .name(let b)): a == b
    case (.cell(let sheetA, let a), .cell(let sheetB, let b)): sheetA == sheetB && a == b
    case (.area(let sheetA, let a), .area(let sheetB, let b)): sheetA == sheetB && a == b
    case (.prefix(let opA, let a), .prefix(let opB, let b)): opA == opB && a.isSameFormula(as: b)
    case (.postfix(let opA, let a), .postfix(let opB, let b)): opA == opB && a.isSameFormula(as: b)
    case (.parenthesized(let a), .parenthesized(let b)): a.isSameFormula(as: b)
    case (.intersection(let lhsA, let rhsA), .intersection(let lhsB, let rhsB)):
      lhsA.isSameFormula(as: lhsB) && rhsA.isSameFormula(as: rhsB)
    case (.union(let areasA), .union(let areasB)): Self.areSameFormulas(areasA, areasB)
    case (.infix(let opA, let lhsA, let rhsA), .infix(let opB, let lhsB, let rhsB)):
      opA == opB && lhsA.isSameFormula(as: lhsB) && rhsA.isSameFormula(as: rhsB)
    case (.call(let nameA, _, let argumentsA), .call(let nameB, _, let argumentsB)):
      nameA == nameB && Self.areSameFormulas(argumentsA, argumentsB)
    case (.array(let rowsA), .array(let rowsB)):
      rowsA.count == rowsB.count && zip(rowsA, rowsB).allSatisfy { Self.areSameFormulas($0, $1) }
    default: false
    }
  }

  private static func areSameFormulas(_ a: [FormulaExpression], _ b: [FormulaExpression]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.isSameFormula(as: $1) }
  }
}
