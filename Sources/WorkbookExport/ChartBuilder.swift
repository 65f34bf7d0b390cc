import FormulaSyntax
import ModelFormat
import XLSXWriter

/// Turns a chart declared in the model into the writer's chart description, resolving each
/// range to a sheet and its corners.
struct ChartBuilder {
  let sheetNames: [String]

  func build(_ chart: ChartDeclaration, onSheet sheet: Int) throws(Diagnostic) -> XLSXChart {
    guard !chart.series.isEmpty else {
      throw Diagnostic(
        "chart '\(chart.title)' has no series", span: chart.span,
        suggestion: "add a line such as: series \"Cash\" = C10:AL10")
    }
    let categories = try chart.categories.map { (range, span) throws(Diagnostic) in
      try absoluteRange(range, span: span, defaultSheet: sheet)
    }
    var series: [XLSXChartSeries] = []
    for entry in chart.series {
      series.append(
        XLSXChartSeries(
          values: try absoluteRange(entry.range, span: entry.span, defaultSheet: sheet),
          categories: categories, name: entry.name))
    }
    return XLSXChart(
      kind: chart.kind == .line ? .line : .column, title: chart.title, series: series,
      xAxis: XLSXChartAxis(title: chart.xAxisTitle, numberFormat: chart.xAxisFormat, labelsLow: true),
      yAxis: XLSXChartAxis(title: chart.yAxisTitle, numberFormat: chart.yAxisFormat),
      legendPosition: .bottom)
  }

  /// `C10:AL10` or `'Cash Runway'!C10:AL10` → the sheet `Cash Runway`, rows 9…9, columns 2…37.
  func absoluteRange(_ text: String, span: SourceSpan, defaultSheet: Int) throws(Diagnostic) -> XLSXRange {
    let expression: FormulaExpression
    do {
      expression = try FormulaParser.parse(text, baseOffset: span.start)
    } catch {
      throw Diagnostic(error.message, span: error.span)
    }
    let sheetName: String?
    let area: GridArea
    switch expression.kind {
    case .area(let sheet, let reference):
      sheetName = sheet
      area = reference.resolved(from: GridPoint(row: 0, column: 0))
    case .cell(let sheet, let reference):
      sheetName = sheet
      area = GridArea(reference.resolved(from: GridPoint(row: 0, column: 0)))
    default:
      throw Diagnostic("expected a range such as C10:AL10 or 'Cash Runway'!C10:AL10", span: span)
    }
    let name: String
    if let sheetName {
      guard let match = sheetNames.first(where: { $0.uppercased() == sheetName.uppercased() }) else {
        throw Diagnostic("unknown sheet '\(sheetName)' in chart range", span: span)
      }
      name = match
    } else {
      name = sheetNames[defaultSheet]
    }
    do {
      return try XLSXRange(
        sheet: name, firstRow: area.top, firstColumn: area.left, lastRow: area.bottom, lastColumn: area.right)
    } catch {
      throw Diagnostic("\(error.message) in chart range", span: span)
    }
  }
}
