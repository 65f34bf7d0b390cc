import Foundation
import Testing

/// The exact messages of `finmodel recalc` for broken models: each `Golden/diagnostics/<case>.fmodel`
/// is run with the golden folder as the current directory (so paths print as bare file names) and
/// its stderr must equal `<case>.expected` byte for byte: position, message, source line, caret
/// and help.
///
/// `FINMODEL_RECORD_GOLDENS=1 swift test --filter DiagnosticGoldenTests` rewrites the `.expected`
/// files from the current binary and fails, so that the new baseline is reviewed (`git diff`)
/// before it is committed.
@Suite struct DiagnosticGoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/diagnostics")
  static let recording = ProcessInfo.processInfo.environment["FINMODEL_RECORD_GOLDENS"] == "1"

  /// Every case, by name (the file name without `.fmodel`).
  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".fmodel") }.map { String($0.dropLast(".fmodel".count)) }.sorted()
  }()

  @Test func theCorpusCoversAtLeastTwentyFiveCases() {
    #expect(Self.cases.count >= 25, "\(Self.cases)")
  }

  @Test(arguments: cases)
  func stderrMatchesTheGolden(_ name: String) throws {
    let result = try ProcessRunner.finmodel(["recalc", name + ".fmodel"], currentDirectory: Self.folder)
    let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
    if Self.recording {
      try Data(result.stderr.utf8).write(to: expectedURL)
      Issue.record(
        "recorded \(name).expected; review it with git diff, then run again without FINMODEL_RECORD_GOLDENS")
      return
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(result.status == 1, "exit status of \(name)")
    #expect(result.stdout.isEmpty, "stdout of \(name): \(result.stdout.prefix(500))")
    #expect(
      result.stderr == expected,
      "stderr of \(name) differs from \(name).expected; if the change is intended, rerun with FINMODEL_RECORD_GOLDENS=1 and review:\n\(firstDifference(result.stderr, expected))"
    )
  }

  /// The first differing line, to keep a failure readable.
  private func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, e.count) {
      let got = index < a.count ? String(a[index]) : "<end>"
      let want = index < e.count ? String(e[index]) : "<end>"
      if got != want {
        return "line \(index + 1):\n  got:      \(got.prefix(300))\n  expected: \(want.prefix(300))"
      }
    }
    return "(no line differs)"
  }
}
