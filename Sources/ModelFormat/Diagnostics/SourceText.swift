import Foundation

/// The text of a model file with a line table, for turning byte offsets into lines and columns.
public struct SourceText: Sendable {
  public let path: String
  public let bytes: [UInt8]
  /// Byte offset where each line starts. Line 1 starts after a UTF-8 byte-order mark, which is
  /// not content: columns on line 1 count from the first character after it.
  let lineStarts: [Int]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
    SourceText.forEachNewline(in: bytes) { starts.append($0 + 1) }
    self.lineStarts = starts
  }

  public var lineCount: Int { lineStarts.count }

  /// Calls `body` with the offset of every line feed, found with `memchr` (a byte loop made
  /// reading a million-line model take seconds in debug builds).
  static func forEachNewline(in bytes: [UInt8], _ body: (Int) -> Void) {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count, let found = memchr(base + offset, 10, buffer.count - offset) {
        let index = base.distance(to: UnsafeRawPointer(found))
        body(index)
        offset = index + 1
      }
    }
  }

  /// 1-based line and column (in characters) of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let clamped = max(lineStarts[0], min(offset, bytes.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
    }
    let prefix = bytes[lineStarts[low]..<clamped]
    let column = String(decoding: prefix, as: UTF8.self).count + 1
    return (low + 1, column)
  }

  /// The byte range of 1-based line `line`, without its line break.
  public func lineRange(_ line: Int) -> Range<Int> {
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start && bytes[end - 1] == 13 { end -= 1 }
    return start..<max(start, end)
  }

  /// The text of 1-based line `line`.
  public func lineText(_ line: Int) -> String {
    String(decoding: bytes[lineRange(line)], as: UTF8.self)
  }
}
