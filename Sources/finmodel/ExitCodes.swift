import ArgumentParser

/// Exit statuses, documented in the README.
enum ExitStatus {
  /// The model file is missing, unreadable or has errors.
  static let invalidModel = ExitCode(1)
  /// The model evaluated but at least one `check` is not TRUE.
  static let checkFailed = ExitCode(3)
  /// An output file could not be written.
  static let outputFailed = ExitCode(4)
}
