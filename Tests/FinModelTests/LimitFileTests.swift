import Foundation
import ModelFormat
import SpreadsheetEngine
import Testing

/// What `finmodel` does with files that are not models or are far larger than usual: a clear
/// message and exit status 1 for every kind of bad input, never a crash, a hang or a silent
/// success; and the scale limits (a million lines, a million-cell chain) within seconds.
@Suite struct LimitFileTests {
  private func recalc(_ bytes: [UInt8], name: String = "model.fmodel") throws -> ProcessResult {
    let url = try TestPaths.temporaryDirectory().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try ProcessRunner.finmodel(
      ["recalc", url.lastPathComponent], currentDirectory: url.deletingLastPathComponent())
  }

  @Test(arguments: [
    ("empty", [UInt8](), "model.fmodel: error: the file is empty"),
    ("only blank lines", Array("\n\n  \n".utf8), "model.fmodel: error: the file is empty"),
    ("only comments", Array("# nothing\n".utf8), "model.fmodel: error: the model has no sheet"),
    ("a NUL byte", Array("[S]\nA1: 1".utf8) + [0] + Array("\n".utf8), "model.fmodel:2:6: error: NUL byte"),
    (
      "invalid UTF-8", Array("[S]\nA1: \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8),
      "model.fmodel:2:6: error: invalid UTF-8"
    ),
    ("an overlong encoding", Array("[S]\n".utf8) + [0xC0, 0x80], "model.fmodel:2:1: error: invalid UTF-8"),
    ("an ELF binary", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0], "model.fmodel:1:8: error: NUL byte"),
    ("a zip", [0x50, 0x4B, 0x03, 0x04, 20, 0], "model.fmodel: error: is a zip/xlsx file"),
    (
      "a PDF", Array("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8) + [0xE2, 0xE3, 0xCF, 0xD3],
      "model.fmodel:3:1: error: invalid UTF-8"
    ),
  ])
  func badFilesExitOneWithAMessage(_ what: String, _ bytes: [UInt8], _ message: String) throws {
    let result = try recalc(bytes)
    #expect(result.status == 1, "\(what)")
    #expect(result.stdout.isEmpty, "\(what)")
    #expect(result.stderr.hasPrefix(message), "\(what): \(result.stderr.prefix(300))")
  }

  @Test func crlfLineEndingsAndAByteOrderMarkAreReadAndColumnsIgnoreThem() throws {
    let good = try recalc(Array("\u{FEFF}[S]\r\nA1: 2\r\nA2: =A1*3\r\n".utf8))
    #expect(good.status == 0)
    #expect(good.stdout.contains("6"))
    let bad = try recalc(Array("\u{FEFF}[S/]\r\nA1: =SUMM(1)\r\n".utf8))
    #expect(bad.stderr.hasPrefix("model.fmodel:1:2: error: sheet name 'S/' contains '/'"), "\(bad.stderr)")
    #expect(!bad.stderr.contains("\r"))
  }

  @Test(arguments: [
    (["recalc", "/nonexistent/model.fmodel"], "/nonexistent/model.fmodel: error: no such file"),
    (["recalc", "/tmp"], "/tmp: error: is a directory, not a model file"),
    (["recalc", "/dev/zero"], "/dev/zero: error: is a device, not a model file"),
    (["recalc", ""], ": error: no such file"),
    (
      ["export", "/nonexistent/model.fmodel", "-o", "/tmp/finmodel-never.xlsx"],
      "/nonexistent/model.fmodel: error: no such file"
    ),
  ])
  func missingPathsDirectoriesAndDevicesAreRefused(_ arguments: [String], _ message: String) throws {
    let result = try ProcessRunner.finmodel(arguments)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
  }

  @Test func filesPastTheSizeAndLineLimitsAreRefusedUnread() throws {
    let folder = try TestPaths.temporaryDirectory()
    let huge = folder.appendingPathComponent("huge.fmodel")
    #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: UInt64(ModelLimits.maximumFileSize) + 1)  // sparse: nothing is written
    try handle.close()
    let start = ContinuousClock.now
    let big = try ProcessRunner.finmodel(["recalc", huge.path])
    #expect(big.status == 1)
    #expect(big.stderr.contains("is larger than 512 MB"), "\(big.stderr)")
    #expect(ContinuousClock.now - start < .seconds(5))
    let lines = folder.appendingPathComponent("lines.fmodel")
    try Data(repeating: 10, count: ModelLimits.maximumLines).write(to: lines)
    let long = try ProcessRunner.finmodel(["recalc", lines.path])
    #expect(long.status == 1)
    #expect(
      long.stderr.contains("has 10000001 lines; finmodel reads at most 10000000 lines"), "\(long.stderr)")
  }

  /// A million lines, each a cell line: measured, and bounded generously so a slow machine does
  /// not fail it (a debug build on two cores: about 15 s; see docs/limits.md).
  @Test func aMillionLineModelLoads() throws {
    var text = "[S]\n"
    text.reserveCapacity(16_000_000)
    for row in 1...999_998 { text += "A\(row): \(row)\n" }
    text += "B1: =SUM(A:A)\n"
    let start = ContinuousClock.now
    let model = try ModelFixtures.load(text)
    let elapsed = ContinuousClock.now - start
    print("limits: a 1,000,000-line model loaded and recalculated in \(elapsed)")
    #expect(SourceText(path: "m", bytes: Array(text.utf8)).lineCount == 1_000_001)
    #expect(model.value("S!B1") == .number(999_998.0 * 999_999.0 / 2))
    #expect(elapsed < .seconds(120))
  }

  @Test func aMillionCellDependencyChainEvaluatesWithoutRecursion() throws {
    let start = ContinuousClock.now
    let model = try ModelFixtures.load("[S]\nA1: 1\nA2:A1000000: =A1+1\nB1: =A1000000\n")
    let elapsed = ContinuousClock.now - start
    print("limits: a 1,000,000-cell chain loaded and recalculated in \(elapsed)")
    #expect(model.value("S!B1") == .number(1_000_000))
    #expect(elapsed < .seconds(120))
  }
}
