import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import XLSXWriter

/// Writes an evaluated model as an .xlsx workbook: live formulas with the engine's results cached
/// (typed: number, text, boolean, error), defined names, styles, widths, panes, notes, charts and
/// document properties. The file appears whole or not at all.
public enum WorkbookExporter {
  /// Throws when `path` cannot be written (missing or read-only directory, a directory in the
  /// way), so callers can refuse before evaluating anything.
  public static func checkWritable(_ path: String) throws(ExportError) {
    try AtomicFile.checkWritable(path)
  }

  /// Exports `model` (already recalculated) to `path`.
  public static func export(_ model: Model, to path: String) throws(ExportError) {
    try checkDestination(path, model: model.source.path)
    let problems = ExportValidator.problems(in: model)
    guard problems.isEmpty else { throw .invalidModel(problems) }
    try AtomicFile.write(to: path) { temporary throws(ExportError) in
      do {
        let workbook = try XLSXWorkbook(path: temporary)
        try write(model, into: workbook)
        try workbook.close()
      } catch let error as XLSXError {
        throw .writer(error)
      } catch let error as ExportError {
        throw error
      } catch {
        throw .unwritable(path: path, reason: "\(error)")
      }
    }
  }

  private static func write(_ model: Model, into workbook: XLSXWorkbook) throws {
    let engine = model.workbook
    let sheetNames = engine.sheets.map(\.name)
    let printer = FormulaPrinter { FunctionRegistry.function(named: $0)?.needsFuturePrefix ?? false }
    let styler = CellStyler(sheetNames: sheetNames, names: engine.definedNames)
    let charts = ChartBuilder(sheetNames: sheetNames)
    workbook.properties = properties(of: model)
    var chartProblems: [Diagnostic] = []
    for sheet in engine.sheets.indices {
      let worksheet = try workbook.addWorksheet(named: sheetNames[sheet])
      let layout = model.layouts[sheet]
      let attributes = model.resolvedAttributes(sheet: sheet)
      let cells = engine.cells(onSheet: sheet)
      var written = Set<GridPoint>()
      for cell in cells {
        written.insert(cell.point)
        var formula: Formula?
        if case .formula(let index) = cell.content { formula = engine.formulas[Int(index)] }
        let style = styler.format(content: cell.content, formula: formula, attributes: attributes[cell.point])
        // A default format is written as none: libxlsxwriter re-hashes an empty format per cell.
        let format = style == XLSXFormat() ? nil : try workbook.format(style)
        let (row, column) = (cell.point.row, cell.point.column)
        if let formula {
          let text = printer.print(formula.syntax, at: cell.point)
          try worksheet.writeFormula(
            "=" + text, cachedResult: cached(cell.value), row: row, column: column, format: format)
        } else {
          try writeConstant(cell.value, worksheet: worksheet, row: row, column: column, format: format)
        }
      }
      // Styled blank cells (header rows, borders across empty columns).
      for (point, cellAttributes) in attributes.sorted(by: { $0.key < $1.key })
      where !written.contains(point) && (cellAttributes.style != nil || cellAttributes.format != nil) {
        let format = try workbook.format(
          styler.format(content: .constant(.empty), formula: nil, attributes: cellAttributes))
        try worksheet.writeBlank(row: point.row, column: point.column, format: format)
      }
      for (point, cellAttributes) in attributes.sorted(by: { $0.key < $1.key }) {
        if let note = cellAttributes.note {
          try worksheet.insertComment(
            note, row: point.row, column: point.column, author: author(of: model), width: 300, height: 90)
        }
      }
      let fitted = ColumnWidthFitter.widths(cells: cells, attributes: attributes)
      for (column, width) in fitted.merging(
        layout.columnWidths, uniquingKeysWith: { _, explicit in explicit }
      )
      .sorted(by: { $0.key < $1.key }) {
        try worksheet.setColumnWidth(width, column: column)
      }
      if let freeze = layout.freeze {
        try worksheet.freezePanes(row: freeze.row, column: freeze.column)
        if freeze.row > 0 { try worksheet.repeatRows(0, freeze.row - 1) }
      }
      // Printed (or exported to PDF) the sheet fits the page width in landscape.
      try worksheet.setLandscape()
      try worksheet.setPaper(.a4)
      try worksheet.fitToPages(width: 1, height: 0)
      if let color = layout.tabColor.flatMap(XLSXColor.init(hex:)) { try worksheet.setTabColor(color) }
      for chart in layout.charts {
        do {
          let description = try charts.build(chart, onSheet: sheet)
          try worksheet.insertChart(
            description, row: chart.anchor.row, column: chart.anchor.column,
            size: .pixels(width: chart.width, height: chart.height))
        } catch let diagnostic as Diagnostic {
          chartProblems.append(diagnostic)
        }
      }
      if sheet == 0 { try worksheet.activate() }
    }
    guard chartProblems.isEmpty else { throw ExportError.invalidModel(chartProblems) }
    try DefinedNameExport.write(engine, printer: printer, into: workbook)
  }

  private static func writeConstant(
    _ value: CellValue, worksheet: XLSXWorksheet, row: Int, column: Int, format: XLSXFormatHandle?
  ) throws {
    switch value {
    case .number(let number): try worksheet.writeNumber(number, row: row, column: column, format: format)
    case .text(let text):
      if text.isEmpty {
        if let format { try worksheet.writeBlank(row: row, column: column, format: format) }
      } else {
        try worksheet.writeString(text, row: row, column: column, format: format)
      }
    case .boolean(let flag): try worksheet.writeBoolean(flag, row: row, column: column, format: format)
    case .error(let error):
      // The format has no error constant through libxlsxwriter; the error literal as a formula
      // evaluates to the same error everywhere.
      try worksheet.writeFormula(
        "=" + error.rawValue, cachedResult: cached(value), row: row, column: column, format: format)
    case .empty:
      if let format { try worksheet.writeBlank(row: row, column: column, format: format) }
    }
  }

  /// The engine's result as the writer's typed cached value.
  static func cached(_ value: CellValue) -> XLSXCachedResult {
    switch value {
    case .number(let number): return .number(number)
    case .text(let text): return .text(text)
    case .boolean(let flag): return .boolean(flag)
    case .empty: return .number(0)
    case .error(let error):
      let code = error == .cycle ? ExcelError.number.rawValue : error.rawValue
      return .error(XLSXErrorValue(rawValue: code) ?? .value)
    }
  }

  private static func author(of model: Model) -> String {
    model.properties.last { $0.key == "author" }?.value ?? "finmodel"
  }

  private static func properties(of model: Model) -> XLSXDocumentProperties {
    var properties = XLSXDocumentProperties()
    for (key, value) in model.properties {
      switch key {
      case "title": properties.title = value
      case "subject": properties.subject = value
      case "author": properties.author = value
      case "company": properties.company = value
      case "comments": properties.comments = value
      case "keywords": properties.keywords = value
      default: break
      }
    }
    if properties.title == nil { properties.title = model.name }
    if properties.comments == nil { properties.comments = "Generated by finmodel from \(model.name).fmodel" }
    return properties
  }
}

extension XLSXColor {
  /// Parses "#RRGGBB".
  init?(hex: String) {
    let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
    guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
    self.init(rgb: value)
  }
}
