import Foundation

/// Ends the test process when one fuzz input runs for minutes, naming the input, so that a hang
/// found by the fuzz run fails the suite (with the seed to replay) instead of stalling it forever.
/// A process cannot stop a computation running on another thread, so aborting is the only way.
final class FuzzWatchdog: @unchecked Sendable {
  static let shared = FuzzWatchdog()
  /// Far above any input's normal cost (milliseconds) and the "slow" mark (2 s).
  static let limit: TimeInterval = 180

  private let lock = NSLock()
  private var current: (label: String, started: Date)?
  private var running = false

  /// Marks the start of an input; `nil` marks the end.
  func watch(_ label: String?) {
    lock.lock()
    defer { lock.unlock() }
    current = label.map { ($0, Date()) }
    if !running {
      running = true
      Thread.detachNewThread { [self] in loop() }
    }
  }

  private func loop() {
    while true {
      Thread.sleep(forTimeInterval: 1)
      lock.lock()
      let overdue = current.flatMap { Date().timeIntervalSince($0.started) > Self.limit ? $0.label : nil }
      lock.unlock()
      guard let overdue else { continue }
      FileHandle.standardError.write(
        Data(
          "fuzz: \(overdue) has run for more than \(Int(Self.limit)) s: a hang. Its input is in \(FuzzRun.breadcrumb.path); replay it with FINMODEL_FUZZ_REPLAY.\n"
            .utf8))
      abort()
    }
  }
}
