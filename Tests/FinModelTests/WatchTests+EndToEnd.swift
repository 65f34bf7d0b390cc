import Foundation
import Testing

extension WatchTests {
  /// `finmodel watch` run as a process: the test saves the model the ways editors do and reads
  /// what the watcher prints. Every wait is bounded (see `WatchProcess`).
  @Suite(.timeLimit(.minutes(2))) struct EndToEnd {
    static func model(_ b1: String, formula: String = "B1*2") -> String {
      "[Inputs]\nB1: \(b1)\nB2: =\(formula)\nB3: =B2+1\n"
    }

    /// Rewrites the file in place (same inode), as `>` in a shell does.
    static func writeInPlace(_ text: String, to url: URL) throws {
      let handle = try FileHandle(forWritingTo: url)
      try handle.truncate(atOffset: 0)
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    }

    /// Writes a new file beside the model and renames it over the model, as many editors save.
    static func writeByRename(_ text: String, to url: URL) throws {
      let temporary = url.deletingLastPathComponent().appendingPathComponent(".model.fmodel.swp")
      try Data(text.utf8).write(to: temporary)
      #expect(rename(temporary.path, url.path) == 0)
    }

    static func changes(_ line: [String: Any]) -> [String] {
      (line["changedCells"] as? [[String: Any]] ?? []).map { change in
        "\(change["cell"] ?? "?"): \(change["old"] ?? "?") → \(change["new"] ?? "?")"
      }
    }

    @Test func jsonLinesFollowInPlaceRenamedBrokenAndFixedSaves() throws {
      let url = try ModelFixtures.file(Self.model("10"))
      let watcher = try WatchProcess(["watch", url.path, "--json", "--max-updates", "3", "--poll-ms", "50"])
      let initial = try watcher.nextJSON()
      #expect(initial["evaluated"] as? Int == 2)
      #expect(initial["full"] as? Bool == true)
      #expect(initial["parseMs"] is Double && initial["evalMs"] is Double)
      #expect((initial["changedCells"] as? [Any])?.isEmpty == true)

      try Self.writeInPlace(Self.model("12"), to: url)
      let inPlace = try watcher.nextJSON()
      #expect(Self.changes(inPlace) == ["Inputs!B1: 10 → 12", "Inputs!B2: 20 → 24", "Inputs!B3: 21 → 25"])
      #expect(inPlace["changedInputs"] as? Int == 1)
      #expect(inPlace["evaluated"] as? Int == 2)
      #expect(inPlace["full"] as? Bool == false)

      try Self.writeByRename(Self.model("12", formula: "B1*3"), to: url)
      let renamed = try watcher.nextJSON()
      #expect(Self.changes(renamed) == ["Inputs!B2: 24 → 36", "Inputs!B3: 25 → 37"])

      try Self.writeInPlace(Self.model("12", formula: "B1*3+"), to: url)
      try watcher.waitForStderr(containing: "\(url.path):3:")
      #expect(watcher.stderr.contains("\(url.path):3:11: error:"))
      Thread.sleep(forTimeInterval: 0.3)
      #expect(watcher.pendingStdout.isEmpty, "a broken save prints no JSON line")

      try Self.writeByRename(Self.model("1", formula: "B1*3"), to: url)
      let fixed = try watcher.nextJSON()
      #expect(Self.changes(fixed) == ["Inputs!B1: 12 → 1", "Inputs!B2: 36 → 3", "Inputs!B3: 37 → 4"])
      #expect(try watcher.waitForExit() == 0)
      #expect(try String(contentsOf: url, encoding: .utf8) == Self.model("1", formula: "B1*3"))
    }

    @Test func reexportsAfterEverySaveAndSurvivesAMissingFile() throws {
      let url = try ModelFixtures.file(Self.model("10"))
      let directory = url.deletingLastPathComponent()
      let output = directory.appendingPathComponent("out.xlsx")
      let watcher = try WatchProcess([
        "watch", url.path, "-o", output.path, "--json", "--max-updates", "2", "--poll-ms", "50",
      ])
      _ = try watcher.nextJSON()
      let first = try #require(try modificationDate(output))
      Thread.sleep(forTimeInterval: 0.05)

      try Self.writeInPlace(Self.model("11"), to: url)
      _ = try watcher.nextJSON()
      let second = try #require(try modificationDate(output))
      #expect(second > first)

      // The file vanishes for a while (longer than a rename takes), then comes back.
      try FileManager.default.removeItem(at: url)
      try watcher.waitForStderr(containing: "is missing")
      try Data(Self.model("13").utf8).write(to: url)
      let back = try watcher.nextJSON()
      #expect(Self.changes(back).first == "Inputs!B1: 11 → 13")
      #expect(try watcher.waitForExit() == 0)
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      #expect(Set(leftovers) == ["model.fmodel", "out.xlsx"], "no temporary export file is left")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func stopsWithStatusZeroOnSignals(_ signalNumber: Int32) throws {
      let url = try ModelFixtures.file(Self.model("10"))
      let output = url.deletingLastPathComponent().appendingPathComponent("out.xlsx")
      let watcher = try WatchProcess(["watch", url.path, "-o", output.path])
      let line = try watcher.nextLine()
      #expect(line.contains("evaluated 3 cells, 2 formulas"))
      try Self.writeInPlace(Self.model("12"), to: url)
      #expect(try watcher.nextLine().contains("1 cell edited, 2 evaluated, 3 values changed"))
      #expect(try watcher.nextLine() == "  Inputs!B1: 10 → 12")
      watcher.signal(signalNumber)
      #expect(try watcher.waitForExit() == 0)
      #expect(!watcher.stderr.contains("interrupted"))
    }

    @Test func aModelWithErrorsAtStartIsWaitedOnUntilFixed() throws {
      let url = try ModelFixtures.file(Self.model("10", formula: "SUMM(B1)"))
      let watcher = try WatchProcess(["watch", url.path, "--json", "--max-updates", "0", "--poll-ms", "50"])
      try watcher.waitForStderr(containing: "unknown function")
      try Self.writeByRename(Self.model("10"), to: url)
      #expect(try watcher.nextJSON()["evaluated"] as? Int == 2)
      #expect(try watcher.waitForExit() == 0)

      let missing = try ProcessRunner.finmodel(["watch", url.path + ".nope"])
      #expect(missing.status == 1)
      #expect(missing.stderr.contains("no such file"))
    }

    private func modificationDate(_ url: URL) throws -> Date? {
      try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }
  }
}
