import FormulaSyntax
import Foundation
import SpreadsheetEngine

/// Turns parsed statements into a `Model`, reporting every problem with its place in the file.
///
/// Order matters: sheets first (formulas may refer to sheets declared further down), then names,
/// then cells, then what refers to cells (checks, outputs, scenarios, charts).
struct ModelBuilder {
  let source: SourceText
  private var diagnostics: [Diagnostic] = []
  /// Binding issues already reported (message and span), see `report`.
  private var reported: Set<BindingIssue> = []
  private let workbook = Workbook()
  private var layouts: [SheetLayout] = []
  /// Every cell line placed, to say where a cell was first defined.
  private var placed: [(sheet: Int, area: GridArea, span: SourceSpan)] = []
  /// Formulas already bound, by sheet and fill key (see `FormulaExpression.fillKey`).
  private var sharedFormulas: [String: Int32] = [:]

  init(source: SourceText) {
    self.source = source
  }

  mutating func build() throws(ModelLoadError) -> Model {
    let clock = ContinuousClock()
    let started = clock.now
    let parsed = ModelParser.parse(source)
    let parsedAt = clock.now
    diagnostics = parsed.diagnostics
    let statements = parsed.statements
    declareSheets(statements)
    defineNames(statements)
    let model = Model(source: source, workbook: workbook)
    placeCellsAndLayout(statements, model: model)
    model.layouts = layouts
    bindWorkbookFormulas(statements, model: model)
    var errors = diagnostics.filter { $0.severity == .error }
    if workbook.sheets.isEmpty && errors.isEmpty {
      // An empty file, or one with only comments and directives, is almost certainly the wrong
      // file or a save that was cut short; evaluating it would silently print nothing.
      let empty = source.bytes.allSatisfy { [9, 10, 13, 32, 0xEF, 0xBB, 0xBF].contains($0) }
      errors.append(
        Diagnostic(
          empty ? "the file is empty" : "the model has no sheet", span: nil,
          suggestion: "a model needs at least one [Sheet] header followed by cell lines such as 'A1: 1'"))
      diagnostics += errors
    }
    guard errors.isEmpty else {
      throw .invalid(
        source: source, diagnostics: diagnostics.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) })
    }
    model.warnings = diagnostics
    model.placedLines = placed
    model.loadTimings = LoadTimings(parse: parsedAt - started, build: clock.now - parsedAt)
    return model
  }

  private mutating func declareSheets(_ statements: [ModelStatement]) {
    for case .sheet(let name, let span) in statements where workbook.sheetIndex(named: name) == nil {
      if let problem = NamingRules.sheetNameProblem(name) {
        diagnostics.append(Diagnostic(problem, span: span))
        continue
      }
      _ = try? workbook.addSheet(named: name)
      layouts.append(SheetLayout(name: name))
    }
    for case .sheet(let name, let span) in statements {
      if let index = workbook.sheetIndex(named: name), workbook.sheets[index].name != name {
        diagnostics.append(
          Diagnostic(
            "sheet '\(name)' differs only in case from '\(workbook.sheets[index].name)'; Excel treats them as one sheet",
            span: span, suggestion: "write '\(workbook.sheets[index].name)'"))
      }
    }
  }

  private mutating func defineNames(_ statements: [ModelStatement]) {
    for case .name(let name, let text, let offset, let span) in statements {
      if let problem = NamingRules.definedNameProblem(name) {
        diagnostics.append(Diagnostic(problem, span: span))
        continue
      }
      if workbook.definedNames[name.uppercased()] != nil {
        diagnostics.append(Diagnostic("name '\(name)' is defined twice (names ignore case)", span: span))
        continue
      }
      guard let syntax = parseFormula(text, anchor: GridPoint(row: 0, column: 0), offset: offset) else {
        continue
      }
      workbook.defineName(name, expression: syntax, text: text)
    }
    for key in workbook.nameOrder {
      report(workbook.checkName(key))
    }
  }

  private mutating func placeCellsAndLayout(_ statements: [ModelStatement], model: Model) {
    var sheet: Int?
    for statement in statements {
      switch statement {
      case .sheet(let name, _):
        sheet = workbook.sheetIndex(named: name)
      case .cells(let line):
        guard let current = requireSheet(sheet, span: line.areaSpan) else { continue }
        placeCells(line, sheet: current)
      case .format(let area, let attributes, let span):
        guard let current = requireSheet(sheet, span: span) else { continue }
        layouts[current].directiveAttributes.append((area, attributes))
      case .columnWidth(let first, let last, let width, let span):
        guard let current = requireSheet(sheet, span: span) else { continue }
        for column in first...last { layouts[current].columnWidths[column] = width }
      case .freeze(let point, let span):
        guard let current = requireSheet(sheet, span: span) else { continue }
        layouts[current].freeze = point
      case .tabColor(let color, let span):
        guard let current = requireSheet(sheet, span: span) else { continue }
        layouts[current].tabColor = color
      case .chart(let chart):
        guard let current = requireSheet(sheet, span: chart.span) else { continue }
        layouts[current].charts.append(chart)
      case .series, .categories, .axis:
        guard let current = requireSheet(sheet, span: nil) else { continue }
        ChartAssembler.attach(statement, to: &layouts[current], diagnostics: &diagnostics)
      case .name, .property, .check, .output, .scenario:
        break
      }
    }
  }

  private mutating func requireSheet(_ sheet: Int?, span: SourceSpan?) -> Int? {
    if sheet == nil, let span {
      diagnostics.append(
        Diagnostic(
          "this line must follow a [Sheet] header", span: span,
          suggestion: "add a line such as [Inputs] above it"))
    }
    return sheet
  }

  /// Files the formats typed values imply (`25%` → `0%`): one entry for the line when every
  /// value implies the same format, else one per formatted cell.
  private mutating func recordImpliedFormats(
    _ values: [(ValueLiteral, SourceSpan)], area: GridArea, sheet: Int
  ) {
    func format(_ literal: ValueLiteral) -> String? {
      if case .formattedNumber(_, let format) = literal { return format }
      return nil
    }
    guard let firstFormat = values.lazy.compactMap({ format($0.0) }).first else { return }
    var attributes = CellAttributes()
    if values.allSatisfy({ format($0.0) == firstFormat }) {
      attributes.format = firstFormat
      layouts[sheet].impliedAttributes.append((area, attributes))
      return
    }
    for (index, value) in values.enumerated() {
      guard let cellFormat = format(value.0) else { continue }
      attributes.format = cellFormat
      let point = GridPoint(
        row: area.top + index / area.columnCount, column: area.left + index % area.columnCount)
      layouts[sheet].impliedAttributes.append((GridArea(point), attributes))
    }
  }

  private mutating func placeCells(_ line: CellLine, sheet: Int) {
    if let previous = firstOverlap(line.area, sheet: sheet) {
      let (previousLine, _) = source.location(of: previous.span.start)
      diagnostics.append(
        Diagnostic(
          "\(A1Notation.areaName(line.area)) overlaps cells already defined on line \(previousLine)",
          span: line.areaSpan, suggestion: "a cell may be defined only once"))
      return
    }
    placed.append((sheet, line.area, line.areaSpan))
    if !line.attributes.isEmpty { layouts[sheet].lineAttributes.append((line.area, line.attributes)) }
    switch line.content {
    case .values(let values):
      recordImpliedFormats(values, area: line.area, sheet: sheet)
      var index = 0
      for row in line.area.top...line.area.bottom {
        for column in line.area.left...line.area.right {
          workbook.setConstant(
            values[index].0.cellValue, sheet: sheet, at: GridPoint(row: row, column: column))
          index += 1
        }
      }
    case .formula(let text, let offset):
      let anchor = line.area.topLeft
      guard let syntax = parseFormula(text, anchor: anchor, offset: offset) else { return }
      // Cells written one by one with the same relative formula share one stored formula.
      let key = "\(sheet)|" + syntax.fillKey
      let formula: Int32
      if let shared = sharedFormulas[key] {
        formula = shared
      } else {
        do {
          formula = try workbook.addFormula(syntax, sheet: sheet, anchor: anchor)
        } catch {
          report(error.issues)
          return
        }
        sharedFormulas[key] = formula
      }
      for row in line.area.top...line.area.bottom {
        for column in line.area.left...line.area.right {
          workbook.setFormula(formula, sheet: sheet, at: GridPoint(row: row, column: column))
        }
      }
    }
  }

  /// The earliest placed line that shares a cell with `area` on `sheet`.
  ///
  /// Asks the workbook whether any cell of the area is taken, which costs a look-up per cell the
  /// line is about to place anyway; only then are the lines searched. Comparing every line with
  /// every earlier one took a second on a 20,000-line model, and `finmodel watch` loads the model
  /// on every save. (A line whose formula failed placed no cells, so an overlap with it goes
  /// unreported; the file has an error already.)
  private func firstOverlap(_ area: GridArea, sheet: Int) -> (sheet: Int, area: GridArea, span: SourceSpan)? {
    let taken = (area.top...area.bottom).contains { row in
      (area.left...area.right).contains {
        workbook.content(sheet: sheet, at: GridPoint(row: row, column: $0)) != nil
      }
    }
    guard taken else { return nil }
    return placed.first { $0.sheet == sheet && overlaps($0.area, area) }
  }

  private func overlaps(_ a: GridArea, _ b: GridArea) -> Bool {
    a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom
  }

  private mutating func bindWorkbookFormulas(_ statements: [ModelStatement], model: Model) {
    var sheet = 0
    for statement in statements {
      switch statement {
      case .sheet(let name, _):
        sheet = workbook.sheetIndex(named: name) ?? sheet
      case .property(let key, let value, let span):
        let known = ["title", "subject", "author", "company", "keywords", "comments", "manager", "category"]
        guard known.contains(key) else {
          diagnostics.append(
            Diagnostic(
              "unknown property '\(key)'", span: span,
              suggestion: "properties are \(known.joined(separator: ", "))"))
          continue
        }
        model.properties.append((key, value))
      case .check(let label, let text, let offset, let span),
        .output(let label, let text, let offset, let span):
        guard !workbook.sheets.isEmpty,
          let syntax = parseFormula(text, anchor: GridPoint(row: 0, column: 0), offset: offset)
        else { continue }
        do {
          let standalone = try workbook.standalone(syntax, sheet: sheet)
          var cell: (sheet: Int, point: GridPoint)?
          if case .cell(let name, let reference) = syntax.kind {
            let target = name.flatMap { workbook.sheetIndex(named: $0) } ?? sheet
            cell = (target, reference.resolved(from: GridPoint(row: 0, column: 0)))
          }
          let labeled = LabeledFormula(
            label: label, text: text, span: span, standalone: standalone, cell: cell)
          if case .check = statement { model.checks.append(labeled) } else { model.outputs.append(labeled) }
        } catch {
          report(error.issues)
        }
      case .scenario(let name, let assignments, let span):
        if model.scenario(named: name) != nil {
          diagnostics.append(Diagnostic("scenario '\(name)' is defined twice", span: span))
          continue
        }
        for assignment in assignments {
          validate(assignment)
        }
        model.scenarios.append(Scenario(name: name, assignments: assignments, span: span))
      default:
        break
      }
    }
  }

  /// Checks a scenario assignment names an existing sheet and a parsable formula.
  private mutating func validate(_ assignment: CellAssignment) {
    guard let name = assignment.sheet, let sheet = workbook.sheetIndex(named: name) else {
      diagnostics.append(
        Diagnostic(
          assignment.sheet.map { "unknown sheet '\($0)'" } ?? "name the sheet of the cell, e.g. Inputs!B2",
          span: assignment.span,
          suggestion: assignment.sheet.flatMap {
            Suggestions.closest(to: $0, among: workbook.sheets.map(\.name))
          }
          .map { "did you mean '\($0)'?" }))
      return
    }
    if case .formula(let text, let offset) = assignment.content,
      let syntax = parseFormula(text, anchor: assignment.cell, offset: offset)
    {
      do {
        _ = try workbook.standalone(syntax, sheet: sheet)
      } catch {
        report(error.issues)
      }
    }
  }

  private mutating func parseFormula(_ text: String, anchor: GridPoint, offset: Int) -> FormulaExpression? {
    do {
      return try FormulaParser.parse(text, anchor: anchor, baseOffset: offset)
    } catch {
      diagnostics.append(Diagnostic(error.message, span: error.span, suggestion: error.suggestion))
      return nil
    }
  }

  /// Records binding issues once each: a defined name's problem surfaces again in every formula
  /// that uses it, with the same span. A set, not a search of the diagnostics, so that a file
  /// with many errors is not quadratic.
  private mutating func report(_ issues: [BindingIssue]) {
    for issue in issues where reported.insert(BindingIssue(issue.message, span: issue.span)).inserted {
      diagnostics.append(Diagnostic(issue.message, span: issue.span, suggestion: issue.suggestion))
    }
  }
}
