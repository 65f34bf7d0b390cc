import FormulaSyntax
import Foundation

/// The engine's workbook: sheets, cells, shared formulas and computed values.
///
/// Cells live in flat arrays indexed by a dense cell id (structure of arrays): contents, values,
/// sheet and position. Formulas are stored once and shared by every cell they were filled into.
/// This keeps memory per formula cell small and makes evaluation order a matter of integer ids.
public final class Workbook {
  public internal(set) var sheets: [Sheet] = []
  /// Sheet indices by upper-cased name: a linear search per header made loading a model with
  /// thousands of sheets quadratic.
  private var sheetIndexByName: [String: Int] = [:]
  public private(set) var formulas: [Formula] = []
  public private(set) var definedNames: [String: DefinedName] = [:]
  /// Definition order of the names (for export and listing).
  public private(set) var nameOrder: [String] = []

  var contents: [CellContent] = []
  var values: [CellValue] = []
  var cellSheet: [Int32] = []
  var cellPosition: [GridPoint] = []
  /// Cells whose value may be out of date (the dirty cone of the edits since the last pass).
  var dirty: [Bool] = []
  /// Dirty cells that must be evaluated even if no precedent changes (edited formulas, cells
  /// next to positions that appeared or vanished, volatile cells).
  var forced: [Bool] = []
  /// Cells whose value changed in the current pass (early cutoff reads this).
  var changedInPass: [Bool] = []
  /// Cells that became dirty since the last pass: where the next pass starts its walks.
  var dirtyList: [Int] = []
  /// Constants edited since the last pass; their dependents see them as changed.
  var editedCells: [Int] = []
  /// Cells whose formula calls a volatile function (may hold stale entries; checked on use).
  var volatileCells: [Int] = []
  /// Reverse edges, built on the first edit after the initial full recalculation.
  var dependents: DependentsIndex?
  /// The dependency walk's per-cell state, reused from pass to pass.
  var walkScratch = WalkScratch()
  var needsFullRecalculation = true
  /// Candidate comparisons left for "did you mean" suggestions (see `Binder.suggest`). A model
  /// with ten thousand names and ten thousand misspelt uses would otherwise compare every pair
  /// (77 s in a release build) for messages of which 50 are shown.
  var suggestionBudget = 100_000
  var todaySerial: Double = ExcelDate.serial(of: .now)
  /// The instant of the current recalculation as a date-time serial (NOW), taken with `todaySerial`.
  var nowSerial: Double = ExcelDate.dateTimeSerial(of: .now)

  public init() {}

  // MARK: Sheets and names

  /// Adds a sheet; throws when a sheet of that name (ignoring case) exists.
  @discardableResult
  public func addSheet(named name: String) throws(BindingIssue) -> Int {
    if let existing = sheetIndex(named: name) {
      throw BindingIssue(
        "sheet '\(name)' already exists as '\(sheets[existing].name)'",
        span: SourceSpan(start: 0, end: 0))
    }
    sheets.append(Sheet(name: name))
    sheetIndexByName[name.uppercased()] = sheets.count - 1
    return sheets.count - 1
  }

  /// The index of the sheet with this name, compared ignoring case as Excel does.
  public func sheetIndex(named name: String) -> Int? {
    sheetIndexByName[name.uppercased()]
  }

  /// Defines (or redefines) a workbook-level name. `expression` is parsed with anchor A1.
  public func defineName(_ name: String, expression: FormulaExpression, text: String) {
    let key = name.uppercased()
    if definedNames[key] == nil { nameOrder.append(key) }
    definedNames[key] = DefinedName(name: name, expression: expression, text: text)
  }

  /// Binds a name's definition on its own, to report its problems where it is defined.
  public func checkName(_ name: String) -> [BindingIssue] {
    guard let definition = definedNames[name.uppercased()] else { return [] }
    var binder = Binder(workbook: self, sheet: 0)
    _ = binder.bind(definition.expression)
    return binder.issues
  }

  // MARK: Formulas and cells

  /// Binds a parsed formula written for `anchor` on `sheet` and stores it for sharing.
  public func addFormula(_ syntax: FormulaExpression, sheet: Int, anchor: GridPoint) throws(BindingIssues)
    -> Int32
  {
    var binder = Binder(workbook: self, sheet: sheet)
    let bound = binder.bind(syntax)
    guard binder.issues.isEmpty else { throw BindingIssues(issues: binder.issues) }
    formulas.append(Formula(syntax: syntax, sheet: sheet, anchor: anchor, bound: bound))
    return Int32(formulas.count - 1)
  }

  /// Places a constant in a cell, replacing what was there.
  public func setConstant(_ value: CellValue, sheet: Int, at point: GridPoint) {
    setContent(.constant(value), sheet: sheet, at: point)
  }

  /// Places one of the workbook's formulas in a cell, replacing what was there.
  public func setFormula(_ formula: Int32, sheet: Int, at point: GridPoint) {
    precondition(formulas[Int(formula)].sheet == sheet, "a formula is bound to its own sheet")
    setContent(.formula(formula), sheet: sheet, at: point)
  }

  // MARK: Reading

  /// The computed value of a cell (empty when the cell does not exist).
  public func value(sheet: Int, at point: GridPoint) -> CellValue {
    guard let id = sheets[sheet].grid.cell(at: point) else { return .empty }
    return values[Int(id)]
  }

  /// What the cell holds, or nil for a blank cell.
  public func content(sheet: Int, at point: GridPoint) -> CellContent? {
    guard let id = sheets[sheet].grid.cell(at: point) else { return nil }
    return contents[Int(id)]
  }

  /// The non-empty cells of a sheet in row-major order.
  public func cells(onSheet sheet: Int) -> [(point: GridPoint, content: CellContent, value: CellValue)] {
    // Sorting packed position keys is several times cheaper than sorting the tuples.
    let ordered = sheets[sheet].grid.index.sortedByKey()
    return ordered.map { _, id in
      let index = Int(id)
      return (cellPosition[index], contents[index], values[index])
    }
  }

  /// The non-empty cells of a sheet inside `area`, in row-major order, without visiting the rest
  /// of the sheet.
  public func cells(onSheet sheet: Int, in area: GridArea) -> [(
    point: GridPoint, content: CellContent, value: CellValue
  )] {
    var result: [(point: GridPoint, content: CellContent, value: CellValue)] = []
    sheets[sheet].grid.forEachCell(in: area) { id, point in
      result.append((point, contents[Int(id)], values[Int(id)]))
    }
    return result
  }

  /// The used area of a sheet, nil when it is empty.
  public func usedArea(ofSheet sheet: Int) -> GridArea? {
    sheets[sheet].grid.usedArea
  }

  /// Number of cells and of formula cells in the workbook.
  public var cellCount: Int { contents.count }
  public var formulaCellCount: Int {
    contents.reduce(0) { count, content in
      if case .formula = content { return count + 1 }
      return count
    }
  }

  /// The address of a cell id.
  func address(of id: Int) -> CellAddress {
    CellAddress(sheet: Int(cellSheet[id]), point: cellPosition[id])
  }

  /// "Sheet!A1", with the sheet name quoted when Excel would quote it.
  public func name(of address: CellAddress) -> String {
    SheetNames.qualified(sheets[address.sheet].name) + "!" + A1Notation.cellName(address.point)
  }
}

/// Helpers for writing sheet names in references.
public enum SheetNames {
  /// The name as it must appear before `!`: quoted when it is not a plain word.
  public static func qualified(_ name: String) -> String {
    SheetNameQuoting.quoted(name)
  }
}
