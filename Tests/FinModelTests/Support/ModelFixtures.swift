import FormulaSyntax
import Foundation
import ModelFormat
import SpreadsheetEngine

/// Builds models from text for tests.
enum ModelFixtures {
  /// Loads model text (as if read from `name`) and recalculates it.
  static func load(_ text: String, name: String = "test.fmodel") throws -> Model {
    let model = try Model.load(source: SourceText(path: name, bytes: Array(text.utf8)))
    model.workbook.recalculate()
    return model
  }

  /// The diagnostics of model text that fails to load (empty if it loads).
  static func diagnostics(_ text: String) -> [Diagnostic] {
    do {
      _ = try Model.load(source: SourceText(path: "test.fmodel", bytes: Array(text.utf8)))
      return []
    } catch {
      if case .invalid(_, let diagnostics) = error { return diagnostics }
      return []
    }
  }

  /// Rendered diagnostics of model text.
  static func rendered(_ text: String) -> String {
    do {
      _ = try Model.load(source: SourceText(path: "test.fmodel", bytes: Array(text.utf8)))
      return ""
    } catch {
      return error.rendered
    }
  }

  /// Writes model text to a temporary file and returns its path.
  static func file(_ text: String, name: String = "model.fmodel") throws -> URL {
    let url = try TestPaths.temporaryDirectory().appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }
}

extension Model {
  /// The value of `Sheet!A1`-style address.
  func value(_ address: String) -> CellValue {
    let parts = address.split(separator: "!", maxSplits: 1)
    let sheetName = parts.count == 2 ? String(parts[0]) : sheetNames[0]
    let cell = String(parts.last!)
    guard let sheet = workbook.sheetIndex(named: sheetName), let point = A1Notation.parseCell(cell) else {
      return .error(.reference)
    }
    return workbook.value(sheet: sheet, at: point)
  }
}
