import FormulaSyntax

/// Attaches `series`, `categories` and `axis` lines to the last chart declared on a sheet.
enum ChartAssembler {
  static func attach(
    _ statement: ModelStatement, to layout: inout SheetLayout, diagnostics: inout [Diagnostic]
  ) {
    guard !layout.charts.isEmpty else {
      let span: SourceSpan? =
        switch statement {
        case .series(_, _, let span), .categories(_, let span), .axis(_, _, _, let span): span
        default: nil
        }
      diagnostics.append(
        Diagnostic("this line must follow a 'chart' line on the same sheet", span: span))
      return
    }
    let last = layout.charts.count - 1
    switch statement {
    case .series(let name, let range, let span):
      layout.charts[last].series.append((name, range, span))
    case .categories(let range, let span):
      layout.charts[last].categories = (range, span)
    case .axis(let isX, let title, let format, _):
      if isX {
        layout.charts[last].xAxisTitle = title
        layout.charts[last].xAxisFormat = format
      } else {
        layout.charts[last].yAxisTitle = title
        layout.charts[last].yAxisFormat = format
      }
    default:
      break
    }
  }
}
