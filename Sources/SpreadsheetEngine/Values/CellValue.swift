import FormulaSyntax

/// The value of one cell: what Excel can show in a cell after evaluation.
public enum CellValue: Hashable, Sendable {
  case empty
  case number(Double)
  case text(String)
  case boolean(Bool)
  case error(ExcelError)

  public var isEmpty: Bool {
    if case .empty = self { return true }
    return false
  }

  public var errorValue: ExcelError? {
    if case .error(let error) = self { return error }
    return nil
  }

  public var numberValue: Double? {
    if case .number(let number) = self { return number }
    return nil
  }

  /// Whether two results agree the way the conformance tests compare them: numbers within a
  /// relative tolerance, everything else exactly.
  public func matches(_ other: CellValue, relativeTolerance: Double = 1e-9) -> Bool {
    switch (self, other) {
    case (.number(let a), .number(let b)):
      if a == b { return true }
      return abs(a - b) <= relativeTolerance * max(abs(a), abs(b), 1e-300)
    default:
      return self == other
    }
  }
}

extension CellValue: CustomStringConvertible {
  /// A plain rendering: numbers through Excel's 15-digit text conversion, booleans upper-case.
  public var description: String {
    switch self {
    case .empty: ""
    case .number(let number): NumberText.string(number)
    case .text(let text): text
    case .boolean(let flag): flag ? "TRUE" : "FALSE"
    case .error(let error): error.rawValue
    }
  }
}
