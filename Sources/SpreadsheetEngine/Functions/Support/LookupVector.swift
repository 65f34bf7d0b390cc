import FormulaSyntax

/// One row or column of a range or array, as the lookup functions search it.
///
/// Reading goes through the `MatrixView`, so a binary search over a whole column touches only
/// the cells it probes; whole-column ranges are already cut to the sheet's used rows.
struct LookupVector {
  let view: MatrixView
  /// True when the positions run across columns (a row vector, HLOOKUP's first row).
  let runsAcrossColumns: Bool
  /// The fixed row (for a row vector) or column (for a column vector).
  let line: Int

  var count: Int { runsAcrossColumns ? view.columns : view.rows }

  /// A row vector through row `row` of `view`.
  init(_ view: MatrixView, row: Int) {
    self.view = view
    self.runsAcrossColumns = true
    self.line = row
  }

  /// A column vector through column `column` of `view`.
  init(_ view: MatrixView, column: Int) {
    self.view = view
    self.runsAcrossColumns = false
    self.line = column
  }

  /// The whole of a one-row or one-column view (a single cell counts as a column); nil for a
  /// two-dimensional one, which MATCH and XLOOKUP reject.
  init?(oneDimensional view: MatrixView) {
    if view.columns == 1 {
      self.init(view, column: 0)
    } else if view.rows == 1 {
      self.init(view, row: 0)
    } else {
      return nil
    }
  }

  subscript(position: Int) -> CellValue {
    runsAcrossColumns ? view[line, position] : view[position, line]
  }
}

/// How lookups compare a candidate with the value looked for.
///
/// Unlike the `=` operator, lookups never match across kinds: the number 1 does not match the
/// text "1" or TRUE, and blanks and errors never match anything. Text compares without regard
/// to case. Numbers compare exactly, without the `=` operator's 15-digit tolerance: a lookup
/// of `0.1+0.2` (0.30000000000000004) does not find 0.3, the classic "VLOOKUP gives #N/A
/// although the values look equal" of Excel (LibreOffice agrees).
enum LookupComparison {
  /// The order of `item` relative to `target` (-1, 0, 1), or nil when `item` is not of the
  /// target's kind (those positions are skipped by every search).
  static func order(_ item: CellValue, _ target: CellValue) -> Int? {
    switch (item, target) {
    case (.number(let a), .number(let b)):
      return a < b ? -1 : (a > b ? 1 : 0)
    case (.text, .text), (.boolean, .boolean):
      return ValueComparison.compare(item, target)
    default:
      return nil
    }
  }
}

/// The exact-match test of MATCH type 0, VLOOKUP/HLOOKUP FALSE and XLOOKUP modes 0 and 2.
struct ExactMatcher {
  private let target: CellValue
  private let pattern: WildcardPattern?

  /// `wildcards` enables `*`, `?` and `~` when the target is text (MATCH and the classic
  /// lookups always do; XLOOKUP only in match mode 2).
  init(_ target: CellValue, wildcards: Bool) {
    self.target = target
    if wildcards, case .text(let text) = target, WildcardPattern.hasWildcards(text) {
      pattern = WildcardPattern(text)
    } else {
      pattern = nil
    }
  }

  func matches(_ item: CellValue) -> Bool {
    if let pattern {
      guard case .text(let text) = item else { return false }
      return pattern.matches(text)
    }
    return LookupComparison.order(item, target) == 0
  }

  /// The first (or, searching backwards, the last) matching position.
  func firstIndex(in vector: LookupVector, reversed: Bool = false) -> Int? {
    let count = vector.count
    for step in 0..<count {
      let position = reversed ? count - 1 - step : step
      if matches(vector[position]) { return position }
    }
    return nil
  }
}
