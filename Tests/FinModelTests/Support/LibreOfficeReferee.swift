import FormulaSyntax
import Foundation
import SpreadsheetEngine

/// Recalculates workbooks from scratch in LibreOffice (through `scripts/lo_recalc.py`, UNO
/// `calculateAll()` under Debian's python3) and returns every sheet's values.
enum LibreOfficeReferee {
  struct Workbook: Decodable {
    var values: [String: [String: RefereeValue]]
    var formulas: [String: [String]]?
  }

  /// A value as lo_recalc.py prints it: number, text, boolean or `{"error": code}`.
  struct RefereeValue: Decodable {
    var value: CellValue

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let flag = try? container.decode(Bool.self) {
        value = .boolean(flag)
      } else if let number = try? container.decode(Double.self) {
        value = .number(number)
      } else if let text = try? container.decode(String.self) {
        value = .text(text)
      } else {
        let error = try container.decode([String: String].self)["error"] ?? "?"
        value = ExcelError(literal: error).map(CellValue.error) ?? .text("unknown error \(error)")
      }
    }
  }

  /// One LibreOffice process for all `paths`.
  static func recalculate(_ paths: [String]) throws -> [String: Workbook] {
    let script = TestPaths.repository.appendingPathComponent("scripts/lo_recalc.py").path
    let result = try ProcessRunner.run("/usr/bin/python3", [script] + paths)
    guard result.status == 0 else {
      throw RefereeError(
        message: "lo_recalc.py exited \(result.status): \(result.stderr) \(result.stdout.prefix(2000))")
    }
    return try JSONDecoder().decode([String: Workbook].self, from: Data(result.stdout.utf8))
  }

  struct RefereeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
