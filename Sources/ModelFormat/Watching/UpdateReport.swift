import Foundation
import SpreadsheetEngine

/// What one evaluation of a watch session did: the initial one, or one per successful save.
public struct UpdateReport: Sendable {
  /// A cell whose value differs after the update: inputs whose constant was edited, formula
  /// cells that evaluated to something else, and cells that appeared or vanished (blank old or
  /// new value).
  public struct CellChange: Sendable, Equatable {
    /// `Sheet!A1`, the sheet quoted as in formulas when it needs quotes.
    public var cell: String
    public var old: CellValue
    public var new: CellValue

    public init(cell: String, old: CellValue, new: CellValue) {
      self.cell = cell
      self.old = old
      self.new = new
    }
  }

  /// Value changes in workbook order (sheet, then row, then column). Empty for the initial
  /// evaluation, which has no earlier state to differ from.
  public var changedCells: [CellChange] = []
  /// Cells whose content (constant or formula) changed, including added and removed cells; for
  /// the initial evaluation, every cell of the model.
  public var changedInputs = 0
  /// Formula cells evaluated.
  public var evaluated = 0
  /// Reading, parsing and building the new text, and comparing it with the live model.
  public var parse: Duration = .zero
  /// Applying the edits to the live workbook and recalculating.
  public var evaluation: Duration = .zero
  /// Whether the whole model was replaced and recalculated from scratch (the initial evaluation,
  /// or a change that cell edits cannot express).
  public var full = false
  /// Why the update could not be incremental; nil when it was (and for the initial evaluation).
  public var fullReason: String?
  /// Whether this is the session's first evaluation.
  public var isInitial = false
  /// Reference cycles found while evaluating, each ending with its first cell again.
  public var cycles: [[CellAddress]] = []

  public init() {}
}

/// The two ways `finmodel watch` prints an evaluation: one JSON object on one line, for programs,
/// or a short summary with the changed values, for people.
extension UpdateReport {
  /// `{"changedCells": [{"cell": "Sheet!A1", "old": …, "new": …}], "changedInputs": N,
  /// "evaluated": N, "parseMs": x, "evalMs": y, "full": bool}` on one line, values encoded as in
  /// `recalc --format json` (a blank is `null`), followed by a newline.
  public var json: String {
    let cells = changedCells.map { change in
      "{\"cell\": \(JSONResultWriter.quote(change.cell)), \"old\": \(JSONResultWriter.value(change.old)), "
        + "\"new\": \(JSONResultWriter.value(change.new))}"
    }
    return "{\"changedCells\": [\(cells.joined(separator: ", "))], "
      + "\"changedInputs\": \(changedInputs), \"evaluated\": \(evaluated), "
      + "\"parseMs\": \(RunStatistics.milliseconds(parse)), "
      + "\"evalMs\": \(RunStatistics.milliseconds(evaluation)), \"full\": \(full)}\n"
  }

  /// A headline with counts and times, then one `Sheet!B5: 10 → 12` line per changed value (the
  /// first `limit` of them), ending with a newline.
  public func text(limit: Int = 40) -> String {
    var headline: String
    if isInitial {
      headline = "evaluated \(Self.count(changedInputs, "cell")), \(evaluated) formulas"
    } else {
      headline = "\(Self.count(changedInputs, "cell")) edited, \(evaluated) evaluated, "
      headline += "\(Self.count(changedCells.count, "value")) changed"
      if let reason = fullReason { headline += " (full recalculation: \(reason))" }
    }
    headline += " — parse \(Self.milliseconds(parse)) ms, eval \(Self.milliseconds(evaluation)) ms"
    var lines = [headline]
    for change in changedCells.prefix(limit) {
      lines.append("  \(change.cell): \(Self.display(change.old)) → \(Self.display(change.new))")
    }
    if changedCells.count > limit {
      lines.append("  … and \(changedCells.count - limit) more")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A value as a person reads it: numbers plainly, text quoted, errors and booleans as Excel
  /// shows them, a blank as `blank`.
  static func display(_ value: CellValue) -> String {
    switch value {
    case .empty: "blank"
    case .number(let number): JSONResultWriter.number(number)
    case .text(let text): JSONResultWriter.quote(text)
    case .boolean(let flag): flag ? "TRUE" : "FALSE"
    case .error(let error): error.rawValue
    }
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  private static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
  }
}
