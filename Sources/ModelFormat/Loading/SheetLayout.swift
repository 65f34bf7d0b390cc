import FormulaSyntax
import SpreadsheetEngine

/// How a sheet is presented: formats, styles, notes, widths, panes and charts.
public struct SheetLayout: Sendable {
  public let name: String
  public internal(set) var columnWidths: [Int: Double] = [:]
  public internal(set) var freeze: GridPoint?
  public internal(set) var tabColor: String?
  public internal(set) var charts: [ChartDeclaration] = []
  /// Formats implied by typed values (`25%`, `2025-06-30`); directives and attributes win.
  public internal(set) var impliedAttributes: [(GridArea, CellAttributes)] = []
  /// Attributes from `format`/`style`/`note` directives, in file order.
  public internal(set) var directiveAttributes: [(GridArea, CellAttributes)] = []
  /// Attributes written on cell lines; they win over directives.
  public internal(set) var lineAttributes: [(GridArea, CellAttributes)] = []

  init(name: String) {
    self.name = name
  }

  /// Every attribute assignment, weakest first: later entries override earlier ones.
  public var attributeLayers: [(GridArea, CellAttributes)] {
    impliedAttributes + directiveAttributes + lineAttributes
  }

  /// The effective attributes of every position any attribute line or directive covers.
  ///
  /// O(total area of the attribute ranges); `Model.resolvedAttributes(sheet:)` is the bounded
  /// version to use on real models.
  public func resolvedAttributes() -> [GridPoint: CellAttributes] {
    var result: [GridPoint: CellAttributes] = [:]
    for (area, attributes) in attributeLayers {
      for row in area.top...area.bottom {
        for column in area.left...area.right {
          let point = GridPoint(row: row, column: column)
          result[point] = (result[point] ?? CellAttributes()).overridden(by: attributes)
        }
      }
    }
    return result
  }
}

/// A workbook-level formula with a label: an integrity check or a key output.
public struct LabeledFormula: Sendable {
  public let label: String
  public let text: String
  public let span: SourceSpan
  let standalone: StandaloneFormula
  /// The cell the formula is, when it is a plain reference: its number format shows the value.
  let cell: (sheet: Int, point: GridPoint)?
}

/// A named set of cell overrides.
public struct Scenario: Sendable {
  public let name: String
  public let assignments: [CellAssignment]
  public let span: SourceSpan
}
