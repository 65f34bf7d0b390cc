import Foundation

/// A long-running `finmodel` process whose output is read line by line while the test changes
/// its input: for `finmodel watch`.
///
/// Every wait has a deadline, so a watcher that hangs or never answers fails the test instead of
/// blocking the suite; the process is killed when the helper goes away.
final class WatchProcess: @unchecked Sendable {
  struct Timeout: Error, CustomStringConvertible {
    var description: String
  }

  private let process = Process()
  private let condition = NSCondition()
  private var stdoutBuffer = Data()
  private var stderrBuffer = Data()
  private var openStreams = 2

  init(_ arguments: [String]) throws {
    process.executableURL = URL(fileURLWithPath: TestPaths.binary)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    read(out.fileHandleForReading, isStdout: true)
    read(err.fileHandleForReading, isStdout: false)
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  /// Collects a stream on a background thread until it ends.
  private func read(_ handle: FileHandle, isStdout: Bool) {
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        condition.lock()
        if data.isEmpty {
          openStreams -= 1
        } else if isStdout {
          stdoutBuffer.append(data)
        } else {
          stderrBuffer.append(data)
        }
        condition.broadcast()
        condition.unlock()
        if data.isEmpty { return }
      }
    }
  }

  /// The next complete line on stdout (without its newline).
  func nextLine(timeout: TimeInterval = 20) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let newline = stdoutBuffer.firstIndex(of: 10) {
        let line = String(decoding: stdoutBuffer[stdoutBuffer.startIndex..<newline], as: UTF8.self)
        stdoutBuffer.removeSubrange(stdoutBuffer.startIndex...newline)
        return line
      }
      if openStreams == 0 || !condition.wait(until: deadline) {
        throw Timeout(description: "no line on stdout within \(timeout) s; stderr: \(stderrText)")
      }
    }
  }

  /// The next stdout line parsed as a JSON object.
  func nextJSON(timeout: TimeInterval = 20) throws -> [String: Any] {
    let line = try nextLine(timeout: timeout)
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
      throw Timeout(description: "not a JSON object: \(line)")
    }
    return object
  }

  /// Waits until stderr contains `text`.
  func waitForStderr(containing text: String, timeout: TimeInterval = 20) throws {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while !stderrText.contains(text) {
      if openStreams == 0 || !condition.wait(until: deadline) {
        throw Timeout(description: "stderr never contained \(text); it holds: \(stderrText)")
      }
    }
  }

  /// What the process printed on stdout and has not been read as lines yet.
  var pendingStdout: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: stdoutBuffer, as: UTF8.self)
  }

  var stderr: String {
    condition.lock()
    defer { condition.unlock() }
    return stderrText
  }

  private var stderrText: String { String(decoding: stderrBuffer, as: UTF8.self) }

  func signal(_ number: Int32) {
    kill(process.processIdentifier, number)
  }

  /// Waits for the process to exit and returns its status.
  func waitForExit(timeout: TimeInterval = 20) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      guard Date() < deadline else {
        kill(process.processIdentifier, SIGKILL)
        throw Timeout(description: "the process did not exit within \(timeout) s; stderr: \(stderr)")
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return process.terminationStatus
  }
}
