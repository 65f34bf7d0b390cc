import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Notices saves of a file by polling what `stat` says about its path.
///
/// Polling the path (not watching an open file) follows editors that save by writing a new file
/// and renaming it over the old one: the path then names another inode, which changes the
/// signature. It needs no platform notification API and cannot miss a save the way a watch on a
/// replaced inode can. A change is reported only once the file has stayed the same for a short
/// settling time, so a save written in several steps, or several saves in a burst, are read once.
public final class FileChangePoller {
  /// What identifies one version of the file: which inode the path names, its size, and its
  /// modification and status-change times to the nanosecond.
  public struct Signature: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    public static func == (a: Signature, b: Signature) -> Bool {
      a.device == b.device && a.inode == b.inode && a.size == b.size
        && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    /// The signature of the file at `path`, nil when there is none (for instance between the
    /// unlink and the rename of a save).
    public init?(path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      size = Int64(info.st_size)
      #if canImport(Darwin)
        modified = info.st_mtimespec
        changed = info.st_ctimespec
      #else
        modified = info.st_mtim
        changed = info.st_ctim
      #endif
    }
  }

  public let path: String
  public let interval: Duration
  public let settle: Duration
  /// The version last handed out (or present when polling started).
  private var seen: Signature?
  private var missingSince: ContinuousClock.Instant?
  private var reportedMissing = false
  private let clock = ContinuousClock()

  /// Starts from the file as it is now: only later saves count as changes.
  public init(path: String, interval: Duration = .milliseconds(100), settle: Duration = .milliseconds(30)) {
    self.path = path
    self.interval = interval
    self.settle = settle
    seen = Signature(path: path)
  }

  /// Blocks until the file is a version not handed out before and has settled, and returns
  /// true; returns false as soon as `shouldStop` does. `onMissing` is called once when the file
  /// has been missing for a second (a rename-on-save leaves it missing for far less).
  public func waitForChange(shouldStop: () -> Bool, onMissing: () -> Void = {}) -> Bool {
    while !shouldStop() {
      sleep(for: interval)
      guard let current = Signature(path: path) else {
        let since = missingSince ?? clock.now
        missingSince = since
        if !reportedMissing, clock.now - since > .seconds(1) {
          reportedMissing = true
          onMissing()
        }
        continue
      }
      missingSince = nil
      reportedMissing = false
      guard current != seen else { continue }
      sleep(for: settle)
      guard Signature(path: path) == current, !shouldStop() else { continue }
      seen = current
      return true
    }
    return false
  }

  /// Forgets the version last handed out, so that the next poll hands it out again (after a read
  /// that failed because the file vanished in between).
  public func retry() {
    seen = nil
  }

  private func sleep(for duration: Duration) {
    let (seconds, attoseconds) = duration.components
    Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
  }
}
