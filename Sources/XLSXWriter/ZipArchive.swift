/// Just enough of the ZIP format to read the package libxlsxwriter wrote and write it back.
///
/// libxlsxwriter's minizip writes plain ZIP (no ZIP64 unless `use_zip64`, which XLSXWriter never
/// sets; no extra fields; sizes in the local headers; DOS time 1980-01-01 00:00). The writer
/// reproduces exactly that header layout, so entries copied unchanged come out byte-identical and the
/// whole archive depends only on its entries, their order and their contents.
struct ZipArchive {
  /// One member of the archive, with its compressed data located inside `bytes`.
  struct Entry {
    let name: String
    let method: UInt16
    let crc32: UInt32
    let uncompressedSize: Int
    /// "Internal file attributes": minizip sets bit 0 when zlib judged the data to be text.
    let internalAttributes: UInt16
    /// Byte range of the compressed data in the archive.
    let data: Range<Int>
  }

  static let call = "PackageRewriter (zip)"
  let bytes: [UInt8]
  let entries: [Entry]

  /// Parses the central directory. Throws for ZIP64, multi-disk or unknown compression methods.
  init(bytes: [UInt8]) throws(XLSXError) {
    self.bytes = bytes
    let end = try ZipArchive.findEndOfCentralDirectory(bytes)
    let count = Int(bytes.le16(end + 10))
    let directoryOffset = Int(bytes.le32(end + 16))
    guard bytes.le16(end + 4) == 0, bytes.le16(end + 6) == 0, count != 0xFFFF,
      directoryOffset != 0xFFFF_FFFF
    else { throw ZipArchive.failure("ZIP64 or multi-disk archives are not supported") }
    var entries: [Entry] = []
    var cursor = directoryOffset
    for _ in 0..<count {
      guard cursor + 46 <= bytes.count, bytes.le32(cursor) == 0x0201_4B50 else {
        throw ZipArchive.failure("bad central directory header at \(cursor)")
      }
      let method = bytes.le16(cursor + 10)
      let compressedSize = Int(bytes.le32(cursor + 20))
      let uncompressedSize = Int(bytes.le32(cursor + 24))
      let nameLength = Int(bytes.le16(cursor + 28))
      let extraLength = Int(bytes.le16(cursor + 30))
      let commentLength = Int(bytes.le16(cursor + 32))
      let localOffset = Int(bytes.le32(cursor + 42))
      guard method == 0 || method == 8, cursor + 46 + nameLength <= bytes.count,
        localOffset + 30 <= bytes.count, bytes.le32(localOffset) == 0x0403_4B50
      else { throw ZipArchive.failure("unsupported or corrupt entry at \(cursor)") }
      let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
      let dataStart =
        localOffset + 30 + Int(bytes.le16(localOffset + 26)) + Int(bytes.le16(localOffset + 28))
      guard dataStart + compressedSize <= bytes.count else {
        throw ZipArchive.failure("entry \(name) runs past the end of the file")
      }
      entries.append(
        Entry(
          name: name, method: method, crc32: bytes.le32(cursor + 16),
          uncompressedSize: uncompressedSize, internalAttributes: bytes.le16(cursor + 36),
          data: dataStart..<(dataStart + compressedSize)))
      cursor += 46 + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }

  /// The uncompressed contents of `entry`, CRC-checked.
  func contents(of entry: Entry) throws(XLSXError) -> [UInt8] {
    let slice = bytes[entry.data]
    let result: [UInt8]
    if entry.method == 0 {
      result = Array(slice)
    } else {
      result = try slice.withUnsafeBufferPointer { input throws(XLSXError) in
        try Zlib.inflate(input, uncompressedSize: entry.uncompressedSize)
      }
    }
    guard result.withUnsafeBufferPointer(Zlib.crc32) == entry.crc32 else {
      throw ZipArchive.failure("CRC mismatch in \(entry.name)")
    }
    return result
  }

  private static func findEndOfCentralDirectory(_ bytes: [UInt8]) throws(XLSXError) -> Int {
    guard bytes.count >= 22 else { throw failure("file too short to be a ZIP archive") }
    var position = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    while position >= lowest {
      if bytes.le32(position) == 0x0605_4B50 { return position }
      position -= 1
    }
    throw failure("no end-of-central-directory record")
  }

  static func failure(_ message: String) -> XLSXError {
    XLSXError(.packageRewrite, message: message, call: call)
  }
}

/// Little-endian field access, the byte order of every ZIP header field.
extension Array where Element == UInt8 {
  func le16(_ offset: Int) -> UInt16 {
    UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
  }

  func le32(_ offset: Int) -> UInt32 {
    UInt32(le16(offset)) | UInt32(le16(offset + 2)) << 16
  }

  mutating func appendLE16(_ value: UInt16) {
    append(UInt8(truncatingIfNeeded: value))
    append(UInt8(truncatingIfNeeded: value >> 8))
  }

  mutating func appendLE32(_ value: UInt32) {
    appendLE16(UInt16(truncatingIfNeeded: value))
    appendLE16(UInt16(truncatingIfNeeded: value >> 16))
  }
}
