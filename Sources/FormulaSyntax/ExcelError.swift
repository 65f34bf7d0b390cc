/// The error values a spreadsheet cell can hold.
///
/// `cycle` is finmodel's own error for cells on a reference cycle (Excel shows 0 and a warning,
/// LibreOffice shows Err:522); it is exported as `#NUM!` because the file format has no code for it.
public enum ExcelError: String, Error, CaseIterable, Hashable, Sendable {
  case null = "#NULL!"
  case divisionByZero = "#DIV/0!"
  case value = "#VALUE!"
  case reference = "#REF!"
  case name = "#NAME?"
  case number = "#NUM!"
  case notAvailable = "#N/A"
  case cycle = "#CYCLE!"

  /// Parses an error literal, ignoring case (`#n/a` is `#N/A`).
  public init?(literal: some StringProtocol) {
    let upper = literal.uppercased()
    guard let match = ExcelError.allCases.first(where: { $0.rawValue == upper }) else { return nil }
    self = match
  }

  /// Excel's ERROR.TYPE number, also the order in which the first error of an aggregate wins.
  public var code: Int {
    switch self {
    case .null: 1
    case .divisionByZero: 2
    case .value: 3
    case .reference: 4
    case .name: 5
    case .number: 6
    case .notAvailable: 7
    case .cycle: 8
    }
  }
}
