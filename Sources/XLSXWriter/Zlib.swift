import CXLSXWriter
import Dispatch

/// Raw DEFLATE and CRC-32 through zlib, for re-zipping the package after patching.
///
/// Raw streams (negative window bits) because ZIP entries carry no zlib header. Window, memLevel and
/// strategy match libxlsxwriter's minizip; the level is `Z_BEST_SPEED` rather than minizip's default
/// because re-deflating is the whole cost of the rewrite: on a 1M-formula sheet (68 MB of XML) level 1
/// took about 0.7 s against 2.5-3 s for level 6, for an entry about 11% larger. Same input, same bytes.
enum Zlib {
  /// Errors carry this call name.
  static let call = "PackageRewriter (zlib)"
  /// Compression level for re-deflated entries (see the type comment).
  static let level = Z_BEST_SPEED

  /// CRC-32 of `bytes`, as stored in ZIP headers.
  static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var crc: uLong = CXLSXWriter.crc32(0, nil, 0)
    var offset = 0
    while offset < bytes.count {
      let chunk = min(bytes.count - offset, Int(UInt32.max))
      crc = CXLSXWriter.crc32(crc, bytes.baseAddress! + offset, uInt(chunk))
      offset += chunk
    }
    return UInt32(truncatingIfNeeded: crc)
  }

  /// Inflates a raw DEFLATE stream whose uncompressed size is known from the ZIP directory.
  static func inflate(_ input: UnsafeBufferPointer<UInt8>, uncompressedSize: Int) throws(XLSXError)
    -> [UInt8]
  {
    guard input.count <= Int(UInt32.max), uncompressedSize <= Int(UInt32.max) else {
      throw XLSXError(.packageRewrite, message: "entry larger than 4 GiB", call: call)
    }
    var stream = z_stream()
    var status = inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      throw XLSXError(.packageRewrite, message: "inflateInit2 failed (\(status))", call: call)
    }
    defer { inflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: uncompressedSize)
    let produced = output.withUnsafeMutableBufferPointer { out -> Int in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      stream.next_out = out.baseAddress
      stream.avail_out = uInt(out.count)
      status = CXLSXWriter.inflate(&stream, Z_FINISH)
      return out.count - Int(stream.avail_out)
    }
    guard status == Z_STREAM_END, produced == uncompressedSize else {
      throw XLSXError(
        .packageRewrite, message: "corrupt DEFLATE data (zlib status \(status))", call: call)
    }
    return output
  }

  /// Deflates `input` into a raw DEFLATE stream in one call.
  static func deflate(_ input: UnsafeBufferPointer<UInt8>) throws(XLSXError) -> [UInt8] {
    guard input.count <= Int(UInt32.max) else {
      throw XLSXError(.packageRewrite, message: "entry larger than 4 GiB", call: call)
    }
    var stream = z_stream()
    var status = deflateInit2_(
      &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
      Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      throw XLSXError(.packageRewrite, message: "deflateInit2 failed (\(status))", call: call)
    }
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, uLong(input.count)))
    var output = [UInt8](repeating: 0, count: bound)
    let produced = output.withUnsafeMutableBufferPointer { out -> Int in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      stream.next_out = out.baseAddress
      stream.avail_out = uInt(out.count)
      status = CXLSXWriter.deflate(&stream, Z_FINISH)
      return out.count - Int(stream.avail_out)
    }
    guard status == Z_STREAM_END else {
      throw XLSXError(.packageRewrite, message: "deflate failed (zlib status \(status))", call: call)
    }
    output.removeSubrange(produced...)
    return output
  }

  /// Input bytes per independently compressed chunk in `deflateInParallel`.
  static let chunkSize = 1 << 20

  /// Deflates large inputs on all cores, pigz-style: fixed 1 MiB chunks, each primed with the 32 KiB
  /// before it as a preset dictionary and ended with `Z_SYNC_FLUSH` (the last with `Z_FINISH`), so the
  /// concatenation is one valid raw DEFLATE stream. Chunk boundaries depend only on the input, so the
  /// output is the same on any machine and core count. Deflating is the dominant cost of the package
  /// rewrite, and this divides it by the number of idle cores. Inputs of up to 2 MiB use `deflate`.
  static func deflateInParallel(_ input: UnsafeBufferPointer<UInt8>) throws(XLSXError) -> [UInt8] {
    let chunks = (input.count + chunkSize - 1) / chunkSize
    guard chunks > 2 else { return try deflate(input) }
    var results = [[UInt8]?](repeating: nil, count: chunks)
    results.withUnsafeMutableBufferPointer { slots in
      nonisolated(unsafe) let slots = slots
      nonisolated(unsafe) let input = input
      DispatchQueue.concurrentPerform(iterations: chunks) { index in
        slots[index] = deflateChunk(input, index: index, isLast: index == chunks - 1)
      }
    }
    var output: [UInt8] = []
    output.reserveCapacity(results.reduce(0) { $0 + ($1?.count ?? 0) })
    for result in results {
      guard let result else {
        throw XLSXError(.packageRewrite, message: "parallel deflate failed", call: call)
      }
      output.append(contentsOf: result)
    }
    return output
  }

  /// One chunk of `deflateInParallel`, or nil if zlib reported an error.
  private static func deflateChunk(
    _ input: UnsafeBufferPointer<UInt8>, index: Int, isLast: Bool
  ) -> [UInt8]? {
    let start = index * chunkSize
    let end = min(input.count, start + chunkSize)
    let base = UnsafeMutablePointer(mutating: input.baseAddress!)
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return nil }
    defer { deflateEnd(&stream) }
    let window = min(start, 32 * 1024)
    if window > 0, deflateSetDictionary(&stream, base + (start - window), uInt(window)) != Z_OK {
      return nil
    }
    // deflateBound plus room for the sync-flush marker.
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(end - start))) + 64)
    var status: Int32 = Z_OK
    let produced = output.withUnsafeMutableBufferPointer { out -> Int in
      stream.next_in = base + start
      stream.avail_in = uInt(end - start)
      stream.next_out = out.baseAddress
      stream.avail_out = uInt(out.count)
      status = CXLSXWriter.deflate(&stream, isLast ? Z_FINISH : Z_SYNC_FLUSH)
      return out.count - Int(stream.avail_out)
    }
    let finished = isLast ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0)
    guard finished else { return nil }
    output.removeSubrange(produced...)
    return output
  }
}
