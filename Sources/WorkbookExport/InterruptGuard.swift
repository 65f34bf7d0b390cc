import Foundation

/// Removes temporary files when the process is interrupted (SIGINT, SIGTERM), so an export that
/// is stopped halfway leaves the previous output intact and no temporary file behind. The
/// tracked paths are `AtomicFile`'s temporary directories.
final class InterruptGuard: @unchecked Sendable {
  static let shared = InterruptGuard()

  private let lock = NSLock()
  private var paths: Set<String> = []
  private var sources: [DispatchSourceSignal] = []
  /// Set by a long-running program that handles interrupts itself (see
  /// `WorkbookExporter.leaveIdleInterruptsToProgram`): the status to exit with, and the sign that
  /// an interrupt arriving while no export is in progress is the program's business.
  private var programExitStatus: Int32?

  private init() {}

  func track(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    paths.insert(path)
    if sources.isEmpty { installHandlers() }
  }

  func untrack(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    paths.remove(path)
  }

  func leaveIdleInterruptsToProgram(exitStatus: Int32) {
    lock.lock()
    defer { lock.unlock() }
    programExitStatus = exitStatus
  }

  /// Signal handlers run on a dispatch queue (not in async-signal context), remove the tracked
  /// files and exit with 128 + signal number, as shells expect, or with the status a program
  /// that handles interrupts itself asked for.
  private func installHandlers() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [weak self] in
        let (removed, programStatus) = self?.removeAll() ?? (false, nil)
        if !removed, programStatus != nil { return }
        FileHandle.standardError.write(Data("interrupted; the previous output was left untouched\n".utf8))
        // `_exit`, not `exit`: the main thread may still be inside the writer, and running
        // atexit handlers and destructors under it could crash the process on its way out.
        _exit(programStatus ?? 128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }

  /// Removes the tracked files; says whether there were any, and the program's exit status.
  private func removeAll() -> (removed: Bool, programStatus: Int32?) {
    lock.lock()
    defer { lock.unlock() }
    let removed = !paths.isEmpty
    for path in paths { AtomicFile.removeTemporary(path) }
    paths.removeAll()
    return (removed, programExitStatus)
  }
}

extension WorkbookExporter {
  /// For programs that stay running and handle SIGINT/SIGTERM themselves (`finmodel watch`): an
  /// interrupt that arrives while no export is in progress is left to the program instead of
  /// ending it, and one that arrives during an export still removes the temporary file, then
  /// exits with `exitStatus`.
  public static func leaveIdleInterruptsToProgram(exitStatus: Int32) {
    InterruptGuard.shared.leaveIdleInterruptsToProgram(exitStatus: exitStatus)
  }
}
