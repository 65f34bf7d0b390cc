import FormulaSyntax
import Foundation
import SpreadsheetEngine

/// A loaded model: the engine workbook plus everything the text says about presentation,
/// checks, outputs and scenarios.
public final class Model {
  /// The text the model was loaded from; a watch session replaces it after each update so that
  /// diagnostics point at the current text.
  public internal(set) var source: SourceText
  public let workbook: Workbook
  public internal(set) var layouts: [SheetLayout] = []
  public internal(set) var properties: [(key: String, value: String)] = []
  public internal(set) var checks: [LabeledFormula] = []
  public internal(set) var outputs: [LabeledFormula] = []
  public internal(set) var scenarios: [Scenario] = []
  /// Problems that do not stop the model from loading.
  public internal(set) var warnings: [Diagnostic] = []
  /// Time spent reading the text into statements and building the workbook from them.
  public internal(set) var loadTimings = LoadTimings(parse: .zero, build: .zero)
  /// Where each cell line placed its cells, to point diagnostics about cells at their line.
  var placedLines: [(sheet: Int, area: GridArea, span: SourceSpan)] = []

  init(source: SourceText, workbook: Workbook) {
    self.source = source
    self.workbook = workbook
  }

  /// Reads, parses and binds a model file; throws with every diagnostic when it has errors.
  public static func load(path: String) throws(ModelLoadError) -> Model {
    try load(source: ModelFile.read(path: path))
  }

  /// Parses and binds model text (the path is used only in diagnostics).
  public static func load(source: SourceText) throws(ModelLoadError) -> Model {
    try ModelFile.checkText(source)
    var builder = ModelBuilder(source: source)
    return try builder.build()
  }

  /// The model's name: the file name without `.fmodel`.
  public var name: String {
    URL(fileURLWithPath: source.path).deletingPathExtension().lastPathComponent
  }

  public var sheetNames: [String] { workbook.sheets.map(\.name) }

  /// Evaluates every check; a check passes when its formula is TRUE.
  public func evaluateChecks() -> [(check: LabeledFormula, value: CellValue, passed: Bool)] {
    checks.map { check in
      let value = workbook.evaluate(check.standalone)
      return (check, value, value == .boolean(true))
    }
  }

  /// Evaluates every declared output.
  public func evaluateOutputs() -> [(label: String, value: CellValue)] {
    outputs.map { ($0.label, workbook.evaluate($0.standalone)) }
  }

  /// The number format of each declared output: that of the cell it names, if it names one.
  public func outputFormats() -> [String?] {
    outputs.map { output in
      guard let cell = output.cell, layouts.indices.contains(cell.sheet) else { return nil }
      let layout = layouts[cell.sheet]
      return layout.attributeLayers
        .last { $0.1.format != nil && $0.0.contains(cell.point) }?.1.format
    }
  }

  /// Applies one override (`--set` or a scenario line) to the workbook.
  ///
  /// Sheet-less targets are accepted only when the model has exactly one sheet.
  public func apply(_ assignment: CellAssignment) throws(Diagnostic) {
    let sheet: Int
    if let name = assignment.sheet {
      guard let index = workbook.sheetIndex(named: name) else {
        throw Diagnostic(
          "unknown sheet '\(name)'", span: assignment.span,
          suggestion: Suggestions.closest(to: name, among: sheetNames).map { "did you mean '\($0)'?" })
      }
      sheet = index
    } else {
      guard workbook.sheets.count == 1 else {
        throw Diagnostic(
          "name the sheet of the cell, e.g. Inputs!B2", span: assignment.span)
      }
      sheet = 0
    }
    switch assignment.content {
    case .values(let values):
      workbook.setConstant(values[0].0.cellValue, sheet: sheet, at: assignment.cell)
    case .formula(let text, let offset):
      let syntax: FormulaExpression
      do {
        syntax = try FormulaParser.parse(text, anchor: assignment.cell, baseOffset: offset)
      } catch {
        throw Diagnostic(error.message, span: error.span, suggestion: error.suggestion)
      }
      do {
        let formula = try workbook.addFormula(syntax, sheet: sheet, anchor: assignment.cell)
        workbook.setFormula(formula, sheet: sheet, at: assignment.cell)
      } catch {
        let issue = error.issues[0]
        throw Diagnostic(issue.message, span: issue.span, suggestion: issue.suggestion)
      }
    }
  }

  /// The effective attributes (format, style, note, emphasis) of the cells of a sheet, keyed by
  /// position: range directives first, then cell lines, later ones winning.
  ///
  /// A range is expanded position by position only while it is small next to the sheet (so that
  /// styled blank cells, such as a header band, keep their look); a huge one, such as a format
  /// over a whole block of the grid, visits only the cells that exist. Cost:
  /// Σ min(range size, cells on the sheet) — never the grid.
  public func resolvedAttributes(sheet: Int) -> [GridPoint: CellAttributes] {
    let layout = layouts[sheet]
    let budget = 4 * workbook.sheets[sheet].cellCount + 65_536
    var result: [GridPoint: CellAttributes] = [:]
    for (area, attributes) in layout.attributeLayers {
      if area.cellCount <= budget {
        for row in area.top...area.bottom {
          for column in area.left...area.right {
            let point = GridPoint(row: row, column: column)
            result[point] = (result[point] ?? CellAttributes()).overridden(by: attributes)
          }
        }
      } else {
        for cell in workbook.cells(onSheet: sheet, in: area) {
          result[cell.point] = (result[cell.point] ?? CellAttributes()).overridden(by: attributes)
        }
      }
    }
    return result
  }

  /// The span of the line that defined a cell, if any.
  public func definitionSpan(sheet: Int, at point: GridPoint) -> SourceSpan? {
    placedLines.last { $0.sheet == sheet && $0.area.contains(point) }?.span
  }

  /// Takes everything but the workbook from `fresh`, a model loaded from newer text whose edits
  /// were applied to this model's workbook (see `ModelSession`).
  ///
  /// Checks and outputs are taken as they are: their bound formulas name sheets by index and have
  /// defined names inlined, so they hold for this workbook as long as the sheets and names agree,
  /// which is the condition for applying edits at all.
  func adoptPresentation(of fresh: Model) {
    source = fresh.source
    layouts = fresh.layouts
    properties = fresh.properties
    checks = fresh.checks
    outputs = fresh.outputs
    scenarios = fresh.scenarios
    warnings = fresh.warnings
    loadTimings = fresh.loadTimings
    placedLines = fresh.placedLines
  }

  /// The scenario with this name (ignoring case).
  public func scenario(named name: String) -> Scenario? {
    scenarios.first { $0.name.lowercased() == name.lowercased() }
  }
}

extension ValueLiteral {
  public var cellValue: CellValue {
    switch self {
    case .number(let number), .formattedNumber(let number, _): .number(number)
    case .text(let text): .text(text)
    case .boolean(let flag): .boolean(flag)
    case .error(let error): .error(error)
    }
  }
}

/// How long loading took, split into text parsing and workbook building.
public struct LoadTimings: Sendable {
  public var parse: Duration
  public var build: Duration
}
