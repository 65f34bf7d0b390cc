import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import Testing
import XLSXWriter

@testable import WorkbookExport

/// The financial colour convention applied by default: inputs blue, formulas black, links to
/// other sheets green — through a defined name too — unless the model styles the cell.
@Suite struct CellStylerTests {
  static let model = """
    name TaxRate = Inputs!$B$1
    name Indirect = TaxRate*2
    name Local = $B$1
    name Constant = 0.3
    [Inputs]
    B1: 0.25
    B2: "label"
    [Calc]
    B1: 10
    A1: =B1*2
    A2: =Inputs!B1
    A3: =TaxRate
    A4: =Indirect+1
    A5: =Local+Constant
    A6: =Inputs!B1 | style total
    """

  private func styles() throws -> [String: String] {
    let model = try ModelFixtures.load(Self.model)
    let engine = model.workbook
    let styler = CellStyler(sheetNames: engine.sheets.map(\.name), names: engine.definedNames)
    var result: [String: String] = [:]
    for sheet in engine.sheets.indices {
      let attributes = model.resolvedAttributes(sheet: sheet)
      for cell in engine.cells(onSheet: sheet) {
        var formula: Formula?
        if case .formula(let index) = cell.content { formula = engine.formulas[Int(index)] }
        let key = "\(engine.sheets[sheet].name)!\(A1Notation.cellName(cell.point))"
        result[key] =
          attributes[cell.point]?.style ?? styler.defaultStyle(content: cell.content, formula: formula)
      }
    }
    return result
  }

  @Test func inputsFormulasAndLinksFollowTheConvention() throws {
    let styles = try styles()
    #expect(styles["Inputs!B1"] == "input")
    #expect(styles["Inputs!B2"] == "label")
    #expect(styles["Calc!A1"] == "calc")
    #expect(styles["Calc!A2"] == "link")
    #expect(styles["Calc!A3"] == "link", "a name pointing at another sheet is a link")
    #expect(styles["Calc!A4"] == "link", "so is a name defined through such a name")
    #expect(styles["Calc!A5"] == "calc", "names on the own sheet or constants are not")
    #expect(styles["Calc!A6"] == "total", "the model's own style wins")
  }

  @Test func linksAreGreenInputsBlue() {
    #expect(CellStyler.base("link").fontColor == CellStyler.green)
    #expect(CellStyler.base("input").fontColor == CellStyler.blue)
    #expect(CellStyler.base("calc").fontColor == nil)
  }
}
