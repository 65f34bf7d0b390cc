import Foundation

/// Writes a file whole or not at all: the content goes to a temporary file beside the target,
/// which is renamed over the target only when complete.
///
/// A failure (or an interruption, see `InterruptGuard`) removes the temporary file and leaves an
/// earlier target untouched; a file at the target that is not a workbook is never replaced.
enum AtomicFile {
  /// Checks up front that `path` can be written, so no work is wasted on an unwritable target.
  static func checkWritable(_ path: String) throws(ExportError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw .unwritable(path: path, reason: "the directory \(directory) does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: directory) else {
      throw .unwritable(path: path, reason: "the directory \(directory) is not writable")
    }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw .unwritable(path: path, reason: "a directory is in the way")
    }
    if !holdsWorkbookOrNothing(path) {
      throw .unwritable(
        path: path,
        reason: "the file there is not a workbook; finmodel replaces only .xlsx files (move it away first)")
    }
  }

  /// True when nothing is at `path`, or an empty file, or a zip package (an earlier export): an
  /// export must never destroy another kind of file named by mistake (`-o model.fmodel`).
  static func holdsWorkbookOrNothing(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4)) ?? Data()
    return head.isEmpty || head == Data([0x50, 0x4B, 0x03, 0x04])
  }

  /// A fresh temporary directory path beside `path` (same file system, so the rename is atomic).
  static func temporaryPath(beside path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let name = ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    return url.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// Writes through `write(temporaryPath)` and renames the result over `path`.
  ///
  /// The temporary file lives in a private directory beside the target. An interrupt removes the
  /// directory (see `InterruptGuard`); a writer still running on the main thread then cannot
  /// create the file again (its directory is gone), which a bare temporary file could not
  /// prevent between the handler's unlink and the process's exit.
  static func write(to path: String, _ write: (String) throws(ExportError) -> Void) throws(ExportError) {
    try checkWritable(path)
    let directory = temporaryPath(beside: path)
    guard mkdir(directory, 0o700) == 0 else {
      throw .unwritable(
        path: path,
        reason: "cannot create a temporary directory beside it: \(String(cString: strerror(errno)))")
    }
    InterruptGuard.shared.track(directory)
    defer {
      removeTemporary(directory)
      InterruptGuard.shared.untrack(directory)
    }
    let temporary = directory + "/" + URL(fileURLWithPath: path).lastPathComponent
    try write(temporary)
    guard rename(temporary, path) == 0 else {
      throw .unwritable(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Removes a temporary directory and what is in it, again while something reappears (a writer
  /// on another thread), so that once it returns nothing more can be created there.
  static func removeTemporary(_ directory: String) {
    for _ in 0..<100 {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
        unlink(directory + "/" + name)
      }
      if rmdir(directory) == 0 || errno == ENOENT { return }
    }
  }
}
