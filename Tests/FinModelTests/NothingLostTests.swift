import Foundation
import Testing

/// finmodel never damages a file it did not mean to write: `recalc`, `export` and `watch` leave
/// the model's bytes and modification time alone; a workbook appears whole (temporary file and
/// rename) or not at all; an export stopped by SIGINT or SIGTERM leaves the previous workbook
/// byte for byte and no temporary file; a destination that cannot or must not be written is
/// refused before any evaluation.
@Suite struct NothingLostTests {
  static let model = """
    [Inputs]
    B1: 10
    B2: =B1*2
    check "positive" = Inputs!B2 > 0
    scenario "High": Inputs!B1 = 20
    """

  /// A model whose export takes a second or two in a debug build (80,000 formula cells).
  static let large = """
    [Data]
    A1:A20000: =ROW()*1.5
    B1:B20000: =A1*2
    C1:C20000: ="t"&A1
    D1:D20000: =IF(MOD(A1,2)=0,TRUE,#N/A)
    """

  private func fingerprint(_ url: URL) throws -> (Data, Date?) {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (try Data(contentsOf: url), attributes[.modificationDate] as? Date)
  }

  /// Leftover temporary files or directories (`.<name>.tmp-<pid>-<random>`) in a folder.
  private func temporaries(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
  }

  @Test func recalcAndExportNeverModifyTheModel() throws {
    for text in [Self.model, "[S]\nA1: =SUMM(1)\n"] {
      let url = try ModelFixtures.file(text)
      let folder = url.deletingLastPathComponent()
      let before = try fingerprint(url)
      Thread.sleep(forTimeInterval: 0.02)  // a write would now show in the modification time
      let output = folder.appendingPathComponent("out.xlsx").path
      for arguments in [
        ["recalc", url.path], ["recalc", url.path, "--set", "Inputs!B1=5", "--format", "json"],
        ["recalc", url.path, "--scenario", "High"], ["recalc", url.path, "--scenarios"],
        ["export", url.path, "-o", output], ["export", url.path, "-o", output, "--scenario", "High"],
        ["export", url.path, "-o", url.path], ["export", url.path, "-o", folder.path],
      ] {
        _ = try ProcessRunner.finmodel(arguments)
        let after = try fingerprint(url)
        #expect(after.0 == before.0, "\(arguments) changed the model's bytes")
        #expect(after.1 == before.1, "\(arguments) touched the model")
      }
      #expect(try temporaries(in: folder).isEmpty)
    }
  }

  @Test func watchNeverModifiesTheModel() throws {
    let url = try ModelFixtures.file(Self.model)
    let folder = url.deletingLastPathComponent()
    let before = try fingerprint(url)
    let output = folder.appendingPathComponent("out.xlsx")
    let watcher = try WatchProcess(["watch", url.path, "-o", output.path, "--json", "--max-updates", "0"])
    _ = try watcher.nextJSON()
    #expect(try watcher.waitForExit() == 0)
    let after = try fingerprint(url)
    #expect(after.0 == before.0)
    #expect(after.1 == before.1)
    #expect(FileManager.default.fileExists(atPath: output.path))
    #expect(try temporaries(in: folder).isEmpty)
  }

  @Test func aWorkbookAppearsWholeAndReplacesTheLastOne() throws {
    let url = try ModelFixtures.file(Self.model)
    let folder = url.deletingLastPathComponent()
    let output = folder.appendingPathComponent("out.xlsx")
    #expect(try ProcessRunner.finmodel(["export", url.path, "-o", output.path]).status == 0)
    let first = try Data(contentsOf: output)
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(
      try ProcessRunner.finmodel(["export", url.path, "-o", output.path, "--set", "Inputs!B1=7"]).status == 0)
    #expect(try Data(contentsOf: output) != first)
    #expect(try temporaries(in: folder).isEmpty)
  }

  @Test(arguments: [SIGTERM, SIGINT])
  func anInterruptedExportLeavesThePreviousWorkbook(_ signalNumber: Int32) throws {
    let url = try ModelFixtures.file(Self.large, name: "large.fmodel")
    let folder = url.deletingLastPathComponent()
    let output = folder.appendingPathComponent("large.xlsx")
    try Data("PK\u{3}\u{4} previous workbook".utf8).write(to: output)
    let previous = try Data(contentsOf: output)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestPaths.binary)
    process.arguments = ["export", url.path, "-o", output.path]
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait for the export to start writing (its temporary directory appears), then interrupt
    // it halfway through the write.
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning, try temporaries(in: folder).isEmpty, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.002)
    }
    let caughtWriting = process.isRunning
    Thread.sleep(forTimeInterval: 0.3)
    kill(process.processIdentifier, signalNumber)
    process.waitUntilExit()
    #expect(caughtWriting, "the export finished before it could be interrupted; make the model larger")
    #expect(process.terminationStatus == 128 + signalNumber)
    #expect(try Data(contentsOf: output) == previous, "the previous workbook changed")
    #expect(try temporaries(in: folder).isEmpty, "a temporary file was left behind")
  }

  @Test func anUnwritableDestinationIsRefusedBeforeAnyEvaluation() throws {
    // The model takes seconds to evaluate in a debug build; the refusal must not wait for it.
    let url = try ModelFixtures.file("[S]\nA1: 1\nA2:A1000000: =A1+1\n")
    let folder = url.deletingLastPathComponent()
    let notes = folder.appendingPathComponent("notes.txt")
    try Data("keep me".utf8).write(to: notes)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("dir.xlsx"), withIntermediateDirectories: true)
    for (output, reason) in [
      ("/nonexistent/folder/out.xlsx", "the directory /nonexistent/folder does not exist"),
      (folder.appendingPathComponent("dir.xlsx").path, "a directory is in the way"),
      (url.path, "this is the model file itself"),
      (notes.path, "the file there is not a workbook"),
    ] {
      let start = ContinuousClock.now
      let result = try ProcessRunner.finmodel(["export", url.path, "-o", output])
      #expect(result.status == 4, "\(output)")
      #expect(
        result.stderr.hasPrefix("\(output): error: cannot write the workbook: \(reason)"), "\(result.stderr)")
      #expect(ContinuousClock.now - start < .seconds(2), "\(output) was refused only after evaluating")
    }
    #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me")
    let watch = try ProcessRunner.finmodel(["watch", url.path, "-o", notes.path])
    #expect(watch.status == 4)
    #expect(
      watch.stderr.hasPrefix(
        "\(notes.path): error: cannot write the workbook: the file there is not a workbook"))
    #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me")
    #expect(try temporaries(in: folder).isEmpty)
  }
}
