import Foundation

/// Runs a program and captures what it printed and how it exited.
struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum ProcessRunner {
  static func run(
    _ executable: String, _ arguments: [String], currentDirectory: URL? = nil,
    environment: [String: String]? = nil
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so a full pipe cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Runs the built `finmodel` binary.
  static func finmodel(_ arguments: [String], currentDirectory: URL? = nil) throws -> ProcessResult {
    try run(TestPaths.binary, arguments, currentDirectory: currentDirectory)
  }
}
