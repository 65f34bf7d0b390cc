import Foundation
import Testing

/// Runs the built `finmodel` binary and checks stdout, stderr and exit codes.
@Suite struct EndToEndTests {
  static let model = """
    name Rate = Inputs!$B$1
    [Inputs]
    A1: "Rate"
    B1: 0.1
    B2: 100
    B3: =B2*(1+Rate)
    B4: ="x"&1/3
    B5: =B2>50
    B6: =1/0
    """

  @Test func recalcJSONFollowsTheContract() throws {
    let path = try ModelFixtures.file(Self.model)
    let result = try ProcessRunner.finmodel(["recalc", path.path, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        {
          "Inputs": {
            "A1": "Rate",
            "B1": 0.1,
            "B2": 100,
            "B3": 110.00000000000001,
            "B4": "x0.333333333333333",
            "B5": true,
            "B6": {"error": "#DIV/0!"}
          }
        }

        """)
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]]
    #expect(parsed?["Inputs"]?.count == 7)
  }

  @Test func recalcTableCSVRangeAndSet() throws {
    let path = try ModelFixtures.file(Self.model)
    let table = try ProcessRunner.finmodel(["recalc", path.path])
    #expect(table.status == 0)
    #expect(table.stdout.contains("[Inputs]"))
    #expect(table.stdout.contains("#DIV/0!"))
    let csv = try ProcessRunner.finmodel([
      "recalc", path.path, "--format", "csv", "--range", "B2:B3", "--set", "Inputs!B1=0.5",
    ])
    #expect(csv.stdout == "sheet,cell,value\nInputs,B2,100\nInputs,B3,150\n", "\(csv.stdout)\(csv.stderr)")
    let formula = try ProcessRunner.finmodel([
      "recalc", path.path, "--format", "csv", "--range", "B2", "--set", "Inputs!B2==B1*1000",
    ])
    #expect(formula.stdout == "sheet,cell,value\nInputs,B2,100\n", "\(formula.stdout)\(formula.stderr)")
  }

  @Test func statsArePrintedAsJSONOnStderr() throws {
    let path = try ModelFixtures.file(Self.model)
    let result = try ProcessRunner.finmodel(["recalc", path.path, "--format", "csv", "--stats"])
    let line = try #require(result.stderr.split(separator: "\n").last)
    let stats = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    #expect(stats?["cells"] as? Int == 7)
    #expect(stats?["formulas"] as? Int == 4)
    #expect(stats?["evaluated"] as? Int == 4)
    for key in ["parseMs", "buildMs", "evalMs", "peakMemoryMB"] { #expect(stats?[key] != nil) }
  }

  @Test func brokenModelsExitOneWithEveryDiagnostic() throws {
    let path = try ModelFixtures.file("[S]\nA1: =SUMM(1)\nA2: =Nope!A1\n")
    let result = try ProcessRunner.finmodel(["recalc", path.path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("\(path.path):2:6: error: unknown function 'SUMM'"))
    #expect(result.stderr.contains("\(path.path):3:6: error: unknown sheet 'Nope'"))
    #expect(result.stderr.contains("2 error(s)"))
  }

  @Test(arguments: [
    (["recalc", "/nonexistent/model.fmodel"], "no such file"),
    (["recalc", "/tmp"], "is a directory"),
  ])
  func unreadablePathsAreReported(_ arguments: [String], _ message: String) throws {
    let result = try ProcessRunner.finmodel(arguments)
    #expect(result.status == 1)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func badOverridesAndOptionsAreReported() throws {
    let path = try ModelFixtures.file(Self.model)
    let unknownSheet = try ProcessRunner.finmodel(["recalc", path.path, "--set", "Inputz!B1=1"])
    #expect(unknownSheet.status == 1)
    #expect(unknownSheet.stderr.contains("unknown sheet 'Inputz'"))
    #expect(unknownSheet.stderr.contains("did you mean 'Inputs'?"))
    let badRange = try ProcessRunner.finmodel(["recalc", path.path, "--range", "nope"])
    #expect(badRange.status == 64)
    let noSheet = try ProcessRunner.finmodel(["recalc", path.path, "--sheet", "Nope"])
    #expect(noSheet.status == 1)
  }

  @Test func failingChecksExitThree() throws {
    let path = try ModelFixtures.file("[S]\nA1: 1\ncheck \"A1 is two\" = S!A1=2\n")
    let result = try ProcessRunner.finmodel(["recalc", path.path])
    #expect(result.status == 3)
    #expect(result.stderr.contains("check failed: A1 is two"))
  }

  @Test func cyclesAreWarningsNamingThePath() throws {
    let path = try ModelFixtures.file("[S]\nA1: =A2+1\nA2: =A1+1\nA3: 5\n")
    let result = try ProcessRunner.finmodel(["recalc", path.path, "--format", "csv"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("warning: reference cycle: S!A1 → S!A2 → S!A1"), "\(result.stderr)")
    #expect(result.stdout.contains("S,A1,#CYCLE!"))
  }

  @Test func readingAModelNeverModifiesIt() throws {
    let path = try ModelFixtures.file(Self.model)
    let before = try Data(contentsOf: path)
    let attributes = try FileManager.default.attributesOfItem(atPath: path.path)
    _ = try ProcessRunner.finmodel(["recalc", path.path, "--set", "Inputs!B1=2"])
    _ = try ProcessRunner.finmodel([
      "export", path.path, "-o", path.deletingLastPathComponent().appendingPathComponent("o.xlsx").path,
    ])
    #expect(try Data(contentsOf: path) == before)
    let after = try FileManager.default.attributesOfItem(atPath: path.path)
    #expect(attributes[.modificationDate] as? Date == after[.modificationDate] as? Date)
  }

  @Test func farApartCellsAndGridWideFormatsStayCheap() throws {
    let path = try ModelFixtures.file("[S]\nformat A1:XFD1048576 \"0.00\"\nA1: 1\nXFD1048576: =A1*2\n")
    let table = try ProcessRunner.finmodel(["recalc", path.path])
    #expect(table.status == 0)
    #expect(table.stdout == "[S]\n  A1          1.00\n  XFD1048576  2.00\n\n")
    let output = path.deletingLastPathComponent().appendingPathComponent("wide.xlsx").path
    #expect(try ProcessRunner.finmodel(["export", path.path, "-o", output]).status == 0)
  }
}
