import FormulaSyntax
import SpreadsheetEngine

/// How a sheet is presented: formats, styles, notes, widths, panes and charts.
public struct SheetLayout: Sendable {
  public let name: String
  public internal(set) var columnWidths: [Int: Double] = [:]
  public internal(set) var freeze: GridPoint?
  public internal(set) var tabColor: String?
  public internal(set) var charts: [ChartDeclaration] = []
  /// Attributes from `format`/`style`/`note` directives, in file order.
  var directiveAttributes: [(GridArea, CellAttributes)] = []
  /// Attributes written on cell lines; they win over directives.
  var lineAttributes: [(GridArea, CellAttributes)] = []

  init(name: String) {
    self.name = name
  }

  /// The effective attributes of every cell that has any, keyed by position.
  ///
  /// O(total area of the attribute ranges): computed once per export, not per cell.
  public func resolvedAttributes() -> [GridPoint: CellAttributes] {
    var result: [GridPoint: CellAttributes] = [:]
    for (area, attributes) in directiveAttributes + lineAttributes {
      for row in area.top...area.bottom {
        for column in area.left...area.right {
          let point = GridPoint(row: row, column: column)
          result[point] = (result[point] ?? CellAttributes()).overridden(by: attributes)
        }
      }
    }
    return result
  }

  /// The number format of one cell, if the model gives one (used for terminal display).
  public func format(at point: GridPoint) -> String? {
    var format: String?
    for (area, attributes) in directiveAttributes + lineAttributes
    where attributes.format != nil && area.contains(point) {
      format = attributes.format
    }
    return format
  }
}

/// A workbook-level formula with a label: an integrity check or a key output.
public struct LabeledFormula: Sendable {
  public let label: String
  public let text: String
  public let span: SourceSpan
  let standalone: StandaloneFormula
}

/// A named set of cell overrides.
public struct Scenario: Sendable {
  public let name: String
  public let assignments: [CellAssignment]
  public let span: SourceSpan
}
