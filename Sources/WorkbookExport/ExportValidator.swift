import FormulaSyntax
import ModelFormat
import SpreadsheetEngine

/// Checks what the file format forbids before anything is written, so problems are reported as
/// model diagnostics with line and column instead of libxlsxwriter warnings.
enum ExportValidator {
  /// Excel's limit on the length of a cell's text.
  static let maximumTextLength = 32_767

  static func problems(in model: Model) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for sheet in model.workbook.sheets.indices {
      for cell in model.workbook.cells(onSheet: sheet) {
        guard case .text(let text) = cell.value, text.utf16.count > maximumTextLength else { continue }
        let what = cell.content.isFormula ? "the result of the formula in" : "the text in"
        diagnostics.append(
          Diagnostic(
            "\(what) \(model.workbook.name(of: CellAddress(sheet: sheet, point: cell.point))) is \(text.utf16.count) characters; Excel allows \(maximumTextLength)",
            span: model.definitionSpan(sheet: sheet, at: cell.point)))
      }
    }
    return diagnostics
  }
}
