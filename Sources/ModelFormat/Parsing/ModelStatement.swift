import FormulaSyntax

/// A literal value typed into a cell: what a cell line holds when it is not a formula.
public enum ValueLiteral: Sendable, Hashable {
  case number(Double)
  /// A number typed with its format, such as `25%` or `2025-06-30` (see `TypedNumber`): the
  /// cell gets that format unless a `format` attribute or directive gives it another.
  case formattedNumber(Double, format: String)
  case text(String)
  case boolean(Bool)
  case error(ExcelError)
}

/// What a cell line puts into its cells.
public enum CellLineContent: Sendable {
  case values([(ValueLiteral, SourceSpan)])
  /// Formula text without the leading `=`, and the byte offset where that text starts.
  case formula(text: String, offset: Int)
}

/// Presentation attributes of a cell or range.
public struct CellAttributes: Sendable, Hashable {
  public var format: String?
  public var style: String?
  public var note: String?
  public var bold: Bool?
  public var italic: Bool?

  public init() {}

  /// These attributes with every attribute set in `other` taking precedence.
  public func overridden(by other: CellAttributes) -> CellAttributes {
    var result = self
    if let format = other.format { result.format = format }
    if let style = other.style { result.style = style }
    if let note = other.note { result.note = note }
    if let bold = other.bold { result.bold = bold }
    if let italic = other.italic { result.italic = italic }
    return result
  }

  public var isEmpty: Bool { self == CellAttributes() }
}

/// `CELL: content | attributes` or `RANGE: content | attributes`.
public struct CellLine: Sendable {
  public var area: GridArea
  public var areaSpan: SourceSpan
  public var content: CellLineContent
  public var contentSpan: SourceSpan
  public var attributes: CellAttributes
}

/// An assignment `Sheet!B2 = content` used by scenarios and by `--set`.
public struct CellAssignment: Sendable {
  public var sheet: String?
  public var cell: GridPoint
  public var content: CellLineContent
  public var span: SourceSpan
}

/// A chart declared on a sheet.
public struct ChartDeclaration: Sendable {
  public enum Kind: String, Sendable {
    case line
    case column
  }

  public var kind: Kind
  public var title: String
  public var anchor: GridPoint
  public var width: Int = 640
  public var height: Int = 320
  public var series: [(name: String, range: String, span: SourceSpan)] = []
  public var categories: (range: String, span: SourceSpan)?
  public var xAxisTitle: String?
  public var xAxisFormat: String?
  public var yAxisTitle: String?
  public var yAxisFormat: String?
  public var span: SourceSpan
}

/// One meaningful line of a model file.
public enum ModelStatement: Sendable {
  case sheet(name: String, span: SourceSpan)
  case cells(CellLine)
  case name(name: String, formula: String, offset: Int, span: SourceSpan)
  case property(key: String, value: String, span: SourceSpan)
  case check(label: String, formula: String, offset: Int, span: SourceSpan)
  case output(label: String, formula: String, offset: Int, span: SourceSpan)
  case scenario(name: String, assignments: [CellAssignment], span: SourceSpan)
  case format(area: GridArea, attributes: CellAttributes, span: SourceSpan)
  case columnWidth(first: Int, last: Int, width: Double, span: SourceSpan)
  case freeze(GridPoint, span: SourceSpan)
  case tabColor(String, span: SourceSpan)
  case chart(ChartDeclaration)
  case series(name: String, range: String, span: SourceSpan)
  case categories(range: String, span: SourceSpan)
  case axis(x: Bool, title: String, format: String?, span: SourceSpan)
}
