/// The value a formula cell shows before the spreadsheet application recalculates it.
///
/// finmodel evaluates every formula itself, and viewers that do not recalculate on load (LibreOffice
/// by default, previewers, parsers) show exactly this cached value, so it must keep the result's type:
/// a boolean cached as the text "TRUE" would be a different value to a reader.
public enum XLSXCachedResult: Equatable, Sendable {
  /// A finite number; NaN and infinities are rejected (write `.error(.number)` or similar instead).
  case number(Double)
  /// A text result (written as `t="str"`).
  case text(String)
  /// A logical result (written as `t="b"` with `1`/`0`).
  case boolean(Bool)
  /// A spreadsheet error result (written as `t="e"`).
  case error(XLSXErrorValue)
}

/// The seven classic spreadsheet error values, spelled as they appear in the file.
///
/// Kept separate from any engine type so that this module stays independent of the evaluator;
/// WorkbookExport maps its own error values onto these.
public enum XLSXErrorValue: String, CaseIterable, Sendable {
  case divisionByZero = "#DIV/0!"
  case notAvailable = "#N/A"
  case value = "#VALUE!"
  case reference = "#REF!"
  case name = "#NAME?"
  case number = "#NUM!"
  case null = "#NULL!"
}

/// A cached result that libxlsxwriter 1.1.4 cannot write directly and that the package rewrite fixes.
///
/// The cell is first written with `worksheet_write_formula_str` and `placeholder` as its text result;
/// after `workbook_close` the sheet XML is patched from `t="str"` / `<v>placeholder</v>` to the typed
/// form. Keeping the placeholder lets the rewrite verify it patches exactly the cell it wrote.
enum PendingCachedResult: Equatable {
  case boolean(Bool)
  case error(XLSXErrorValue)

  /// Text written through `worksheet_write_formula_str`; none of these need XML escaping.
  var placeholder: String {
    switch self {
    case .boolean(let value): return value ? "TRUE" : "FALSE"
    case .error(let error): return error.rawValue
    }
  }

  /// The `t` attribute value of the final cell.
  var typeAttribute: String {
    switch self {
    case .boolean: return "b"
    case .error: return "e"
    }
  }

  /// The content of `<v>` in the final cell.
  var cellValue: String {
    switch self {
    case .boolean(let value): return value ? "1" : "0"
    case .error(let error): return error.rawValue
    }
  }
}
