import FormulaSyntax
import Foundation
import ModelFormat
import SpreadsheetEngine
import Testing

/// The workbooks committed under Output/ are what the models in Models/ evaluate to today: every
/// formula's cached value in the committed package equals a fresh evaluation of its model.
/// When this fails, regenerate with `scripts/run-main.sh` and commit Output/.
@Suite struct CommittedWorkbookTests {
  static func pairs() throws -> [(model: URL, workbook: URL)] {
    let models = TestPaths.repository.appendingPathComponent("Models")
    let output = TestPaths.repository.appendingPathComponent("Output")
    return try FileManager.default.contentsOfDirectory(atPath: models.path).sorted()
      .filter { $0.hasSuffix(".fmodel") }
      .map { file in
        (
          models.appendingPathComponent(file),
          output.appendingPathComponent(String(file.dropLast(".fmodel".count)) + ".xlsx")
        )
      }
  }

  @Test func everyModelHasItsCommittedWorkbook() throws {
    let pairs = try Self.pairs()
    #expect(!pairs.isEmpty)
    for (model, workbook) in pairs {
      #expect(
        FileManager.default.fileExists(atPath: workbook.path),
        "\(model.lastPathComponent) has no \(workbook.path)")
    }
  }

  @Test func committedCachedValuesEqualAFreshEvaluation() throws {
    for (modelURL, workbookURL) in try Self.pairs()
    where FileManager.default.fileExists(atPath: workbookURL.path) {
      let model = try Model.load(path: modelURL.path)
      model.workbook.recalculate()
      var stale: [String] = []
      var compared = 0
      for sheet in model.workbook.sheets.indices {
        let written = try WorkbookPackageReader.cells(of: workbookURL.path, sheet: sheet + 1)
        for cell in model.workbook.cells(onSheet: sheet) where cell.content.isFormula {
          let address = A1Notation.cellName(cell.point)
          var expected = cell.value
          if expected == .error(.cycle) { expected = .error(.number) }
          let cached = written[address].flatMap(WorkbookPackageReader.value(of:))
          compared += 1
          if cached.map({ $0.matches(expected, relativeTolerance: 1e-12) }) != true {
            stale.append(
              "\(model.workbook.sheets[sheet].name)!\(address): committed \(cached.map(String.init(describing:)) ?? "nothing"), model gives \(expected)"
            )
          }
        }
      }
      #expect(compared > 0)
      #expect(
        stale.isEmpty,
        "\(workbookURL.lastPathComponent) is stale (\(stale.count) cells); run scripts/run-main.sh:\n\(stale.prefix(20).joined(separator: "\n"))"
      )
    }
  }
}
