import FormulaSyntax

/// A rectangle of cells on a sheet of the workbook: what a reference evaluates to before it is
/// read.
public struct RangeReference: Hashable, Sendable {
  public var sheet: Int
  public var area: GridArea

  public init(sheet: Int, area: GridArea) {
    self.sheet = sheet
    self.area = area
  }
}

/// A rectangular array of values (array constants, results of array evaluation).
public struct ValueMatrix: Hashable, Sendable {
  public var rows: Int
  public var columns: Int
  /// Row-major values.
  public var values: [CellValue]

  public init(rows: Int, columns: Int, values: [CellValue]) {
    precondition(rows * columns == values.count)
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  public init(rows: Int, columns: Int, repeating value: CellValue) {
    self.init(rows: rows, columns: columns, values: Array(repeating: value, count: rows * columns))
  }

  public subscript(row: Int, column: Int) -> CellValue {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }
}

/// What evaluating an expression yields: a plain value, an unread reference, or an array.
///
/// References stay unread until a consumer decides how to use them: SUM reads the whole range,
/// a scalar parameter intersects it with the formula's row or column, INDEX returns a sub-range.
public enum Operand: Sendable {
  case value(CellValue)
  case reference(RangeReference)
  case array(ValueMatrix)
  /// A reference of two or more areas on one sheet, from Excel's union operator
  /// (`(A1:B2,D1:D2)`) or an intersection of one. Only functions that accept multi-area
  /// references (SUM, COUNT, INDEX…) read it; everywhere else it is #VALUE!.
  case union([RangeReference])

  public static func number(_ number: Double) -> Operand {
    number.isFinite ? .value(.number(number)) : .value(.error(.number))
  }

  public static func text(_ text: String) -> Operand { .value(.text(text)) }
  public static func boolean(_ flag: Bool) -> Operand { .value(.boolean(flag)) }
  public static func error(_ error: ExcelError) -> Operand { .value(.error(error)) }
}
