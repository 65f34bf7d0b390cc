import ArgumentParser

/// The `finmodel` command: a thin front end over the ModelFormat and WorkbookExport libraries.
@main
struct FinModel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "finmodel",
    abstract: "Recalculate and export financial models kept as plain text.",
    discussion: """
      Exit codes: 0 success; 1 the model could not be read or has errors; 3 the model evaluated \
      but an integrity check failed; 4 an output file could not be written; 64 invalid \
      command-line usage.
      """,
    subcommands: [RecalcCommand.self, ExportCommand.self, WatchCommand.self]
  )
}
