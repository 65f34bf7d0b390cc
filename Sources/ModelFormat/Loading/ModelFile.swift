import Foundation

/// Reads a model file's bytes, refusing what is clearly not a model before parsing.
enum ModelFile {
  /// The bytes at `path`, refused when the path is no file, is too large or too long to be a
  /// model, or is a zip (an .xlsx passed by mistake); the text itself is checked on loading.
  static func read(path: String) throws(ModelLoadError) -> SourceText {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .unreadable(path: path, reason: "is a directory, not a model file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "cannot be opened for reading (permission denied?)")
    }
    defer { try? handle.close() }
    var status = stat()
    if fstat(handle.fileDescriptor, &status) == 0 {
      let kind = status.st_mode & S_IFMT
      guard kind != S_IFCHR && kind != S_IFBLK else {
        throw .unreadable(path: path, reason: "is a device, not a model file")
      }
      guard kind != S_IFREG || Int(status.st_size) <= ModelLimits.maximumFileSize else {
        throw .unreadable(
          path: path,
          reason: "is larger than \(ModelLimits.maximumFileSize / 1_048_576) MB; this cannot be a model")
      }
    }
    let data: Data
    do {
      // Bounded even for a pipe, which has no size to check first.
      data = try handle.read(upToCount: ModelLimits.maximumFileSize + 1) ?? Data()
    } catch {
      throw .unreadable(path: path, reason: "cannot be read: \(error.localizedDescription)")
    }
    guard data.count <= ModelLimits.maximumFileSize else {
      throw .unreadable(
        path: path,
        reason: "is larger than \(ModelLimits.maximumFileSize / 1_048_576) MB; this cannot be a model")
    }
    let bytes = [UInt8](data)
    var lines = 1
    SourceText.forEachNewline(in: bytes) { _ in lines += 1 }
    guard lines <= ModelLimits.maximumLines else {
      throw .unreadable(
        path: path,
        reason: "has \(lines) lines; finmodel reads at most \(ModelLimits.maximumLines) lines")
    }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      throw .unreadable(
        path: path, reason: "is a zip/xlsx file, not a model text file (model files are .fmodel text)")
    }
    return SourceText(path: path, bytes: bytes)
  }

  /// Refuses text the parsers must never see: NUL bytes (a binary file) and invalid UTF-8, whose
  /// replacement characters would shift every byte offset after them, and with them the
  /// positions of diagnostics. `Model.load(source:)` calls it, so text that does not come from a
  /// file is checked too.
  static func checkText(_ source: SourceText) throws(ModelLoadError) {
    let bytes = source.bytes
    if let nul = bytes.firstIndex(of: 0) {
      throw .invalid(
        source: source,
        diagnostics: [
          Diagnostic(
            "NUL byte: this looks like a binary file, not a model", span: .init(start: nul, end: nul + 1))
        ])
    }
    if let bad = firstInvalidUTF8(bytes) {
      throw .invalid(
        source: source,
        diagnostics: [
          Diagnostic("invalid UTF-8; model files must be UTF-8 text", span: .init(start: bad, end: bad + 1))
        ])
    }
  }

  /// Offset of the first byte that breaks UTF-8 decoding, or nil for valid text.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
      case .emptyInput:
        return nil
      case .error:
        return min(offset, max(0, bytes.count - 1))
      }
    }
  }
}
