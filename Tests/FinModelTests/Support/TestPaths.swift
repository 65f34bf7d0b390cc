import Foundation

/// Locations the tests need: the repository and the built `finmodel` binary.
enum TestPaths {
  /// The repository root, found from this file's path.
  static let repository: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The build products directory: the test bundle runs from it, and `swift test` builds the
  /// `finmodel` executable there too.
  static let products: URL = {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    while directory.path != "/" {
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent("finmodel").path) {
        return directory
      }
      directory = directory.deletingLastPathComponent()
    }
    return repository.appendingPathComponent(".build/debug")
  }()

  static var binary: String { products.appendingPathComponent("finmodel").path }

  /// A fresh temporary directory for one test.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("finmodel-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
