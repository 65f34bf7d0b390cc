import SpreadsheetEngine

/// Prints a model's declared outputs, alone or side by side per scenario.
public enum OutputsWriter {
  public static func render(_ outputs: [(label: String, value: CellValue)], format: String) -> String {
    renderComparison(
      columns: ["value"], rows: outputs.map { ($0.label, [$0.value]) }, format: format, single: true)
  }

  /// Rows are outputs, columns are scenarios.
  public static func renderComparison(
    columns: [String], rows: [(label: String, values: [CellValue])], format: String, single: Bool = false
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
      let labelWidth = max(6, rows.map(\.label.count).max() ?? 0)
      let cells = rows.map { row in row.values.map { TableResultWriter.display($0, format: nil).text } }
      let widths = columns.indices.map { column in
        max(columns[column].count, cells.map { $0[column].count }.max() ?? 0)
      }
      var out = "output".padding(toLength: labelWidth, withPad: " ", startingAt: 0)
      for (column, name) in columns.enumerated() {
        out += "  " + String(repeating: " ", count: widths[column] - name.count) + name
      }
      out += "\n"
      for (row, values) in zip(rows, cells) {
        out += row.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
        for (column, text) in values.enumerated() {
          out += "  " + String(repeating: " ", count: max(0, widths[column] - text.count)) + text
        }
        out += "\n"
      }
      return out
    }
  }
}
