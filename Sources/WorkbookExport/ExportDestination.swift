import Foundation

extension WorkbookExporter {
  /// Checks, before any work, that the workbook can be written to `path` for the model read from
  /// `modelPath`: the directory exists and is writable, no directory is in the way, the target is
  /// not the model itself, and a file already there is a workbook (an earlier export) that may be
  /// replaced. `finmodel export` calls this before loading the model, so that a bad `-o` is
  /// reported at once instead of after minutes of evaluation.
  public static func checkDestination(_ path: String, model modelPath: String) throws(ExportError) {
    if isSameFile(path, modelPath) {
      throw .unwritable(
        path: path, reason: "this is the model file itself; write the workbook to an .xlsx path")
    }
    try AtomicFile.checkWritable(path)
  }

  /// Whether two paths name the same existing file (device and inode, so links count too).
  static func isSameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }
}
