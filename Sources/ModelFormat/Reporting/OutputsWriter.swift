import SpreadsheetEngine

/// Prints a model's declared outputs, alone or side by side per scenario.
public enum OutputsWriter {
  /// `numberFormats` (one per output, optional) shape the table's text; CSV and JSON keep the
  /// raw values.
  public static func render(
    _ outputs: [(label: String, value: CellValue)], format: String, numberFormats: [String?] = []
  ) -> String {
    renderComparison(
      columns: ["value"], rows: outputs.map { ($0.label, [$0.value]) }, format: format,
      numberFormats: numberFormats, single: true)
  }

  /// Rows are outputs, columns are scenarios.
  public static func renderComparison(
    columns: [String], rows: [(label: String, values: [CellValue])], format: String,
    numberFormats: [String?] = [], single: Bool = false
  ) -> String {
    switch format {
    case "json":
      var out = "{"
      for (index, row) in rows.enumerated() {
        out += (index == 0 ? "\n  " : ",\n  ") + JSONResultWriter.quote(row.label) + ": "
        if single {
          out += JSONResultWriter.value(row.values[0])
        } else {
          let pairs = zip(columns, row.values).map {
            JSONResultWriter.quote($0) + ": " + JSONResultWriter.value($1)
          }
          out += "{" + pairs.joined(separator: ", ") + "}"
        }
      }
      return out + (rows.isEmpty ? "}\n" : "\n}\n")
    case "csv":
      var out = (["output"] + columns).map(CSVResultWriter.field).joined(separator: ",") + "\n"
      for row in rows {
        out +=
          ([row.label] + row.values.map(CSVResultWriter.text)).map(CSVResultWriter.field).joined(
            separator: ",") + "\n"
      }
      return out
    default:
      let labelWidth = max(6, rows.map { TerminalWidth.of($0.label) }.max() ?? 0)
      let cells = rows.enumerated().map { index, row in
        let code = index < numberFormats.count ? numberFormats[index] : nil
        return row.values.map { TableResultWriter.display($0, format: code).text }
      }
      let widths = columns.indices.map { column in
        max(TerminalWidth.of(columns[column]), cells.map { TerminalWidth.of($0[column]) }.max() ?? 0)
      }
      var out = TerminalWidth.pad("output", to: labelWidth)
      for (column, name) in columns.enumerated() {
        out += "  " + TerminalWidth.pad(name, to: widths[column], right: true)
      }
      out += "\n"
      for (row, values) in zip(rows, cells) {
        out += TerminalWidth.pad(row.label, to: labelWidth)
        for (column, text) in values.enumerated() {
          out += "  " + TerminalWidth.pad(text, to: widths[column], right: true)
        }
        out += "\n"
      }
      return out
    }
  }
}
