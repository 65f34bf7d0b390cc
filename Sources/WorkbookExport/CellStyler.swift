import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import XLSXWriter

/// Chooses each cell's look: the model's named style or, by default, the financial colour
/// convention (inputs blue, formulas black, links to other sheets green), plus number format
/// and emphasis.
struct CellStyler {
  let sheetNames: [String]
  /// The workbook's names by upper-cased name: a formula using a name that points at another
  /// sheet (`=TaxRate` for `Inputs!$B$3`) is a link too.
  let names: [String: DefinedName]

  static let blue = XLSXColor(rgb: 0x0000FF)
  static let green = XLSXColor(rgb: 0x008000)
  static let grey = XLSXColor(rgb: 0x7F7F7F)
  static let inputFill = XLSXColor(rgb: 0xFFF2CC)
  static let headerFill = XLSXColor(rgb: 0xDDEBF7)
  static let navy = XLSXColor(rgb: 0x1F3864)

  /// The format of a cell given what it holds and the attributes the model gives it.
  func format(content: CellContent, formula: Formula?, attributes: CellAttributes?) -> XLSXFormat {
    let style = attributes?.style ?? defaultStyle(content: content, formula: formula)
    var format = Self.base(style)
    if let code = attributes?.format { format.numberFormat = code }
    if let bold = attributes?.bold { format.bold = bold }
    if let italic = attributes?.italic { format.italic = italic }
    return format
  }

  /// The convention's style for a cell the model does not style.
  func defaultStyle(content: CellContent, formula: Formula?) -> String {
    switch content {
    case .constant(.number), .constant(.boolean): return "input"
    case .constant: return "label"
    case .formula: return formula.map(refersToOtherSheet) == true ? "link" : "calc"
    }
  }

  static func base(_ style: String) -> XLSXFormat {
    switch style {
    case "title": XLSXFormat(bold: true, fontSize: 14, fontColor: navy)
    case "header": XLSXFormat(bold: true, fontColor: navy, fillColor: headerFill, bottomBorder: .thin)
    case "input": XLSXFormat(fontColor: blue, fillColor: inputFill)
    case "link": XLSXFormat(fontColor: green)
    case "total": XLSXFormat(bold: true, topBorder: .thin, bottomBorder: .double)
    case "check": XLSXFormat(bold: true, horizontalAlignment: .center)
    case "subtle": XLSXFormat(italic: true, fontColor: grey)
    default: XLSXFormat()
    }
  }

  /// Whether a formula names a sheet other than its own (a "link" in the colour convention),
  /// directly or through a defined name.
  func refersToOtherSheet(_ formula: Formula) -> Bool {
    var visitedNames: Set<String> = []
    return refersToOtherSheet(formula.syntax, ownSheet: sheetNames[formula.sheet].uppercased(), &visitedNames)
  }

  /// `visitedNames` stops names that use each other (or themselves) and names used many times
  /// from being walked more than once.
  private func refersToOtherSheet(
    _ expression: FormulaExpression, ownSheet: String, _ visitedNames: inout Set<String>
  ) -> Bool {
    var found = false
    var namesUsed: [String] = []
    expression.forEachNode { node in
      switch node.kind {
      case .cell(let sheet?, _), .area(let sheet?, _):
        if sheet.uppercased() != ownSheet { found = true }
      case .name(let name):
        namesUsed.append(name.uppercased())
      default: break
      }
    }
    if found { return true }
    for name in namesUsed where visitedNames.insert(name).inserted {
      if let definition = names[name],
        refersToOtherSheet(definition.expression, ownSheet: ownSheet, &visitedNames)
      {
        return true
      }
    }
    return false
  }
}
