/// Writes a ZIP archive with fixed metadata: DOS date 1980-01-01 00:00, no extra fields, no comments,
/// version 2.0, external attributes 0, internal attributes as given — the same as libxlsxwriter's minizip output.
struct ZipArchiveWriter {
  private(set) var output: [UInt8] = []
  private var directory: [UInt8] = []
  private var count = 0
  /// 1980-01-01 in DOS date format: (year - 1980) << 9 | month << 5 | day.
  private static let dosDate: UInt16 = 0x0021

  init(reservingCapacity capacity: Int) {
    output.reserveCapacity(capacity)
  }

  /// Adds an entry whose data is already compressed with `method` (0 = stored, 8 = deflated).
  mutating func add(
    name: String, method: UInt16, crc32: UInt32, uncompressedSize: Int, internalAttributes: UInt16,
    compressed: ArraySlice<UInt8>
  ) throws(XLSXError) {
    let nameBytes = Array(name.utf8)
    let offset = output.count
    guard offset < 0xFFFF_FFFF, compressed.count < 0xFFFF_FFFF, uncompressedSize < 0xFFFF_FFFF,
      nameBytes.count <= 0xFFFF, count < 0xFFFF
    else { throw ZipArchive.failure("entry \(name) would need ZIP64") }
    output.appendLE32(0x0403_4B50)
    appendCommonFields(to: &output, method, crc32, compressed.count, uncompressedSize, nameBytes.count)
    output.appendLE16(0)  // extra field length
    output.append(contentsOf: nameBytes)
    output.append(contentsOf: compressed)

    directory.appendLE32(0x0201_4B50)
    directory.appendLE16(0)  // version made by: 0.0 on MS-DOS, as minizip writes it
    appendCommonFields(
      to: &directory, method, crc32, compressed.count, uncompressedSize, nameBytes.count)
    directory.appendLE16(0)  // extra field length
    directory.appendLE16(0)  // comment length
    directory.appendLE16(0)  // disk number start
    directory.appendLE16(internalAttributes)
    directory.appendLE32(0)  // external attributes
    directory.appendLE32(UInt32(offset))
    directory.append(contentsOf: nameBytes)
    count += 1
  }

  /// Fields shared by local and central headers, from "version needed" to "name length".
  private func appendCommonFields(
    to buffer: inout [UInt8], _ method: UInt16, _ crc32: UInt32, _ compressedSize: Int,
    _ uncompressedSize: Int, _ nameLength: Int
  ) {
    buffer.appendLE16(20)  // version needed to extract: 2.0
    buffer.appendLE16(0)  // flags
    buffer.appendLE16(method)
    buffer.appendLE16(0)  // DOS time 00:00:00
    buffer.appendLE16(Self.dosDate)
    buffer.appendLE32(crc32)
    buffer.appendLE32(UInt32(compressedSize))
    buffer.appendLE32(UInt32(uncompressedSize))
    buffer.appendLE16(UInt16(nameLength))
  }

  /// Appends the central directory and end record; returns the finished archive.
  mutating func finish() throws(XLSXError) -> [UInt8] {
    let directoryOffset = output.count
    guard directoryOffset + directory.count < 0xFFFF_FFFF else {
      throw ZipArchive.failure("archive would need ZIP64")
    }
    output.append(contentsOf: directory)
    output.appendLE32(0x0605_4B50)
    output.appendLE16(0)  // this disk
    output.appendLE16(0)  // disk with the central directory
    output.appendLE16(UInt16(count))
    output.appendLE16(UInt16(count))
    output.appendLE32(UInt32(directory.count))
    output.appendLE32(UInt32(directoryOffset))
    output.appendLE16(0)  // comment length
    return output
  }
}
