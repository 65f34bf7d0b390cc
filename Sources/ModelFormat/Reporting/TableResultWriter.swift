import FormulaSyntax
import SpreadsheetEngine

/// `--format table`: each sheet as an aligned grid with column letters and row numbers; numbers
/// shown through the cell's number format (General otherwise) and right-aligned.
public enum TableResultWriter {
  /// Cells wider than this are cut with an ellipsis so one long label cannot wreck the layout.
  static let maximumColumnWidth = 40

  public static func render(_ model: Model, selection: ResultSelection) -> String {
    var out = ""
    for sheet in selection.sheets {
      let cells = selection.cells(of: model, sheet: sheet)
      out += "[\(model.workbook.sheets[sheet].name)]\n"
      guard let first = cells.first else {
        out += "  (no cells)\n\n"
        continue
      }
      var top = first.point.row
      var bottom = first.point.row
      var left = first.point.column
      var right = first.point.column
      for cell in cells {
        top = min(top, cell.point.row)
        bottom = max(bottom, cell.point.row)
        left = min(left, cell.point.column)
        right = max(right, cell.point.column)
      }
      let boxArea = (bottom - top + 1) * (right - left + 1)
      if boxArea > max(10_000, 4 * cells.count) {
        // A sparse sheet (cells far apart) is listed cell by cell: a grid would be mostly blank
        // and, at the far corners of the sheet, billions of positions.
        out += renderList(cells, attributes: model.resolvedAttributes(sheet: sheet)) + "\n"
        continue
      }
      var grid: [GridPoint: (text: String, rightAligned: Bool)] = [:]
      let attributes = model.resolvedAttributes(sheet: sheet)
      for cell in cells {
        grid[cell.point] = display(cell.value, format: attributes[cell.point]?.format)
      }
      out += renderGrid(grid, rows: top...bottom, columns: left...right)
      out += "\n"
    }
    return out
  }

  /// The text shown for a value and whether it aligns right (numbers do, text does not).
  public static func display(_ value: CellValue, format: String?) -> (text: String, rightAligned: Bool) {
    switch value {
    case .empty: return ("", false)
    case .number(let number):
      if let format { return (NumberFormat(format).format(number), true) }
      return (GeneralFormat.display(number), true)
    case .text(let text):
      return (format.map { NumberFormat($0).format(text: text) } ?? text, false)
    case .boolean(let flag): return (flag ? "TRUE" : "FALSE", true)
    case .error(let error): return (error.rawValue, true)
    }
  }

  private static func renderList(
    _ cells: [(point: GridPoint, content: CellContent, value: CellValue)],
    attributes: [GridPoint: CellAttributes]
  ) -> String {
    let width = cells.map { A1Notation.cellName($0.point).count }.max() ?? 1
    var out = ""
    for cell in cells {
      let name = A1Notation.cellName(cell.point)
      let text = display(cell.value, format: attributes[cell.point]?.format).text
      out += "  " + name + String(repeating: " ", count: width - name.count) + "  " + clip(text) + "\n"
    }
    return out
  }

  private static func renderGrid(
    _ grid: [GridPoint: (text: String, rightAligned: Bool)], rows: ClosedRange<Int>, columns: ClosedRange<Int>
  ) -> String {
    let rowLabelWidth = String(rows.upperBound + 1).count
    var widths: [Int: Int] = [:]
    for column in columns {
      var width = A1Notation.columnName(column).count
      for row in rows {
        if let text = grid[GridPoint(row: row, column: column)]?.text {
          width = max(width, min(maximumColumnWidth, TerminalWidth.of(text)))
        }
      }
      widths[column] = width
    }
    var out = String(repeating: " ", count: rowLabelWidth)
    for column in columns {
      out += "  " + pad(A1Notation.columnName(column), widths[column]!, right: false)
    }
    out += "\n"
    for row in rows {
      var line = pad(String(row + 1), rowLabelWidth, right: true)
      for column in columns {
        let cell = grid[GridPoint(row: row, column: column)] ?? ("", false)
        line += "  " + pad(clip(cell.text), widths[column]!, right: cell.rightAligned)
      }
      while line.last == " " { line.removeLast() }
      out += line + "\n"
    }
    return out
  }

  private static func clip(_ text: String) -> String {
    let singleLine = text.replacingOccurrences(of: "\n", with: " ")
    guard TerminalWidth.of(singleLine) > maximumColumnWidth else { return singleLine }
    var kept = ""
    var width = 0
    for character in singleLine {
      let next = TerminalWidth.of(String(character))
      if width + next > maximumColumnWidth - 1 { break }
      kept.append(character)
      width += next
    }
    return kept + "…"
  }

  private static func pad(_ text: String, _ width: Int, right: Bool) -> String {
    TerminalWidth.pad(text, to: width, right: right)
  }
}
