import Foundation

/// Writes a file whole or not at all: the content goes to a temporary file beside the target,
/// which is renamed over the target only when complete.
///
/// A failure (or an interruption, see `InterruptGuard`) removes the temporary file and leaves an
/// earlier target untouched.
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
  }

  /// A fresh temporary path beside `path` (same directory, so the rename is atomic).
  static func temporaryPath(beside path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let name = ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    return url.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// Writes through `write(temporaryPath)` and renames the result over `path`.
  static func write(to path: String, _ write: (String) throws(ExportError) -> Void) throws(ExportError) {
    try checkWritable(path)
    let temporary = temporaryPath(beside: path)
    InterruptGuard.shared.track(temporary)
    defer { InterruptGuard.shared.untrack(temporary) }
    do {
      try write(temporary)
    } catch {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .unwritable(path: path, reason: reason)
    }
  }
}
