import Foundation

/// Removes temporary files when the process is interrupted (SIGINT, SIGTERM), so an export that
/// is stopped halfway leaves the previous output intact and no temporary file behind.
final class InterruptGuard: @unchecked Sendable {
  static let shared = InterruptGuard()

  private let lock = NSLock()
  private var paths: Set<String> = []
  private var sources: [DispatchSourceSignal] = []

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

  /// Signal handlers run on a dispatch queue (not in async-signal context), remove the tracked
  /// files and exit with 128 + signal number, as shells expect.
  private func installHandlers() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [weak self] in
        self?.removeAll()
        FileHandle.standardError.write(Data("interrupted; the previous output was left untouched\n".utf8))
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }

  private func removeAll() {
    lock.lock()
    defer { lock.unlock() }
    for path in paths { unlink(path) }
    paths.removeAll()
  }
}
