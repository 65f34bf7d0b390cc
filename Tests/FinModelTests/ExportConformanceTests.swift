import FormulaSyntax
import Foundation
import ModelFormat
import SpreadsheetEngine
import Testing
import WorkbookExport

/// The exported workbook, proven by LibreOffice: recalculated from scratch, every formula cell
/// equals finmodel's value; read back without recalculation, every cached value has the right
/// value and type; the export is deterministic and atomic.
@Suite(.serialized) struct ExportConformanceTests {
  /// The conformance set: a model using every supported function, one using defined names in
  /// every form, one using references made at evaluation time, four realistic models (a loan
  /// schedule, a DCF, a SaaS cohort model, an operations statistics sheet) and every model in Models/.
  static func conformanceModels() throws -> [(name: String, model: Model)] {
    let everyFunction = try ModelFixtures.load(ConformanceModel.text(), name: "conformance.fmodel")
    let names = try ModelFixtures.load(NamesConformanceModel.text, name: "names.fmodel")
    let dynamic = try ModelFixtures.load(DynamicReferenceConformanceModel.text, name: "dynamic.fmodel")
    var models: [(String, Model)] = [("conformance", everyFunction), ("names", names), ("dynamic", dynamic)]
    let realistic = [
      ("loan-schedule", RealisticModels.loanSchedule), ("dcf-valuation", RealisticModels.dcfValuation),
      ("saas-cohorts", RealisticModels.saasCohorts), ("ops-statistics", RealisticModels.opsStatistics),
    ]
    for (name, text) in realistic {
      models.append((name, try ModelFixtures.load(text, name: name + ".fmodel")))
    }
    let directory = TestPaths.repository.appendingPathComponent("Models")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    for file in files where file.hasSuffix(".fmodel") {
      let model = try Model.load(path: directory.appendingPathComponent(file).path)
      model.workbook.recalculate()
      models.append((file, model))
    }
    return models
  }

  /// Numbers agree within a relative 1e-9 (and an absolute 1e-12 for results that cancel to
  /// nearly zero); text, booleans and errors agree exactly.
  static func agree(_ ours: CellValue, _ theirs: CellValue) -> Bool {
    if case .number(let a) = ours, case .number(let b) = theirs, abs(a - b) <= 1e-12 { return true }
    return ours.matches(theirs, relativeTolerance: 1e-9)
  }

  @Test func libreOfficeRecalculationMatchesEveryFormulaCell() throws {
    let directory = try TestPaths.temporaryDirectory()
    let models = try Self.conformanceModels()
    var paths: [String] = []
    for (name, model) in models {
      let path = directory.appendingPathComponent(name + ".xlsx").path
      try WorkbookExporter.export(model, to: path)
      paths.append(path)
    }
    let referee = try LibreOfficeReferee.recalculate(paths)
    for ((name, model), path) in zip(models, paths) {
      let recalculated = try #require(referee[path], "LibreOffice returned nothing for \(name)")
      var compared = 0
      var mismatches: [String] = []
      for sheet in model.workbook.sheets.indices {
        let sheetName = model.workbook.sheets[sheet].name
        for cell in model.workbook.cells(onSheet: sheet) where cell.content.isFormula {
          let address = A1Notation.cellName(cell.point)
          let theirs = recalculated.values[sheetName]?[address]?.value ?? .empty
          compared += 1
          if !Self.agree(cell.value, theirs) {
            mismatches.append(
              "\(sheetName)!\(address): finmodel \(cell.value) vs LibreOffice \(theirs)")
          }
        }
      }
      #expect(compared > 0, "\(name) has no formula cells")
      let listing = mismatches.prefix(40).joined(separator: "\n")
      #expect(
        mismatches.isEmpty, "\(name): \(mismatches.count) of \(compared) formula cells differ:\n\(listing)")
    }
  }

  @Test func cachedValuesReadBackWithTheirTypes() throws {
    let directory = try TestPaths.temporaryDirectory()
    for (name, model) in try Self.conformanceModels() {
      let path = directory.appendingPathComponent(name + ".xlsx").path
      try WorkbookExporter.export(model, to: path)
      var problems: [String] = []
      for sheet in model.workbook.sheets.indices {
        let cells = try WorkbookPackageReader.cells(of: path, sheet: sheet + 1)
        for cell in model.workbook.cells(onSheet: sheet) where cell.content.isFormula {
          let address = A1Notation.cellName(cell.point)
          guard let written = cells[address], written.formula != nil else {
            problems.append("\(address): no formula written")
            continue
          }
          var expected = cell.value
          if expected == .error(.cycle) { expected = .error(.number) }
          let cached = WorkbookPackageReader.value(of: written)
          if cached.map({ $0.matches(expected, relativeTolerance: 1e-15) }) != true {
            let type = written.type ?? "n"
            problems.append(
              "\(address): cached \(String(describing: cached)) (t=\(type)) but finmodel has \(expected)")
          }
        }
      }
      #expect(problems.isEmpty, "\(name):\n\(problems.prefix(30).joined(separator: "\n"))")
    }
  }

  @Test func theSameModelExportsByteIdentically() throws {
    let directory = try TestPaths.temporaryDirectory()
    let model = try ModelFixtures.load(ConformanceModel.text())
    let first = directory.appendingPathComponent("a.xlsx").path
    let second = directory.appendingPathComponent("b.xlsx").path
    try WorkbookExporter.export(model, to: first)
    Thread.sleep(forTimeInterval: 1.1)
    try WorkbookExporter.export(model, to: second)
    let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
    #expect(try firstBytes == Data(contentsOf: URL(fileURLWithPath: second)))
  }

  @Test func aFailedExportLeavesThePreviousFileAndNoTemporaryFile() throws {
    let directory = try TestPaths.temporaryDirectory()
    let target = directory.appendingPathComponent("out.xlsx")
    try Data("previous".utf8).write(to: target)
    let model = try ModelFixtures.load(
      "[S]\nA1: 1\nchart line \"Broken\" at C3\nseries \"x\" = Nowhere!A1:A3\n")
    #expect(throws: ExportError.self) { try WorkbookExporter.export(model, to: target.path) }
    #expect(try Data(contentsOf: target) == Data("previous".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.xlsx"])
  }

  @Test func anUnwritableTargetIsReportedWithExitFour() throws {
    let path = try ModelFixtures.file("[S]\nA1: 1\n")
    let result = try ProcessRunner.finmodel(["export", path.path, "-o", "/nonexistent-dir/out.xlsx"])
    #expect(result.status == 4)
    #expect(result.stderr.contains("does not exist"), "\(result.stderr)")
  }

  @Test func textLongerThanExcelAllowsIsADiagnosticBeforeWriting() throws {
    let long = String(repeating: "x", count: 40_000)
    let model = try ModelFixtures.load("[S]\nA1: \"\(long)\"\nA2: =LEFT(A1,3)&A1\n")
    // Like Excel, a formula whose text result would pass the limit is #VALUE!.
    #expect(model.value("S!A2") == .error(.value))
    do {
      let target = try TestPaths.temporaryDirectory().appendingPathComponent("x.xlsx")
      try WorkbookExporter.export(model, to: target.path)
      Issue.record("expected the export to refuse a 40,000-character text")
    } catch let error as ExportError {
      guard case .invalidModel(let diagnostics) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(diagnostics.first?.message.contains("Excel allows 32767") == true)
      #expect(diagnostics.first?.span != nil)
    }
  }
}
