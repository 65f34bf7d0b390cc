import Foundation

/// Turns placeholder text results into boolean and error cached results after `workbook_close`.
///
/// libxlsxwriter 1.1.4 can cache only numbers (`worksheet_write_formula_num`) or text
/// (`worksheet_write_formula_str`, written as `<c r="B5" s="3" t="str"><f>…</f><v>TRUE</v></c>`).
/// For booleans and errors the worksheet wrote a text placeholder and recorded the cell; here each
/// recorded cell is found in its sheet XML (in one forward pass, since cells appear in row-major
/// order), checked to hold exactly the placeholder, and rewritten to `t="b"` + `<v>1</v>` or
/// `t="e"` + `<v>#N/A</v>`. Only sheets with such cells are inflated and re-deflated; every other
/// entry is copied compressed, unchanged, in the original order with the same fixed header fields
/// (1980-01-01 00:00), so the result is as deterministic as libxlsxwriter's own output.
enum PackageRewriter {
  static let call = "PackageRewriter"

  /// Rewrites the package at `path` in place if any sheet has pending cached results or any
  /// defined name waits for its formula.
  static func applyPendingResults(
    path: String, sheets: [SheetRecord], names: [DefinedNamePatch] = []
  ) throws(XLSXError) {
    let pendingSheets = sheets.filter { !$0.pendingResults.isEmpty }
    guard !pendingSheets.isEmpty || !names.isEmpty else { return }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw XLSXError(.io, message: "cannot read back \(path)", call: call)
    }
    let archive = try ZipArchive(bytes: [UInt8](data))
    let rewritten = try rewrite(archive, sheets: pendingSheets, names: names)
    do {
      try Data(rewritten).write(to: URL(fileURLWithPath: path))
    } catch {
      throw XLSXError(.io, message: "cannot write \(path): \(error.localizedDescription)", call: call)
    }
  }

  /// Builds the new archive bytes; separated from file I/O so tests can run it on any package.
  static func rewrite(
    _ archive: ZipArchive, sheets: [SheetRecord], names: [DefinedNamePatch] = []
  ) throws(XLSXError) -> [UInt8] {
    var bySheetEntry: [String: SheetRecord] = [:]
    for sheet in sheets { bySheetEntry[sheet.entryName] = sheet }
    var writer = ZipArchiveWriter(reservingCapacity: archive.bytes.count + 4096)
    for entry in archive.entries {
      if entry.name == "xl/workbook.xml" && !names.isEmpty {
        let patched = try DefinedNamePatch.apply(names, to: try archive.contents(of: entry))
        let (crc, compressed) = try patched.withUnsafeBufferPointer { buffer throws(XLSXError) in
          (Zlib.crc32(buffer), try Zlib.deflateInParallel(buffer))
        }
        try writer.add(
          name: entry.name, method: 8, crc32: crc, uncompressedSize: patched.count,
          internalAttributes: entry.internalAttributes, compressed: compressed[...])
        continue
      }
      guard let sheet = bySheetEntry.removeValue(forKey: entry.name) else {
        try writer.add(
          name: entry.name, method: entry.method, crc32: entry.crc32,
          uncompressedSize: entry.uncompressedSize, internalAttributes: entry.internalAttributes,
          compressed: archive.bytes[entry.data])
        continue
      }
      let xml = try archive.contents(of: entry)
      let pending = sheet.pendingResults.sorted { $0.key < $1.key }
      let patched = try patch(xml, pending: pending, sheet: sheet.name)
      let (crc, compressed) = try patched.withUnsafeBufferPointer { buffer throws(XLSXError) in
        (Zlib.crc32(buffer), try Zlib.deflateInParallel(buffer))
      }
      try writer.add(
        name: entry.name, method: 8, crc32: crc, uncompressedSize: patched.count,
        internalAttributes: entry.internalAttributes, compressed: compressed[...])
    }
    if let missing = bySheetEntry.values.first {
      throw XLSXError(
        .packageRewrite, message: "\(missing.entryName) is missing from the package", call: call,
        sheet: missing.name)
    }
    return try writer.finish()
  }

  /// Rewrites each pending cell of one sheet XML. `pending` must be sorted by `CellAddress.sortKey`.
  static func patch(
    _ xml: [UInt8], pending: [(key: UInt64, value: PendingCachedResult)], sheet: String
  ) throws(XLSXError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(xml.count + 16)
    var cursor = 0
    for (key, result) in pending {
      let reference = CellAddress(sortKey: key).a1
      func fail(_ why: String) -> XLSXError {
        XLSXError(.packageRewrite, message: why, call: call, sheet: sheet, cell: reference)
      }
      // `<c r="B5"` with the closing quote cannot match B50; formulas and strings are XML-escaped,
      // so `<c r=`, `<v>` and `</c>` only occur as markup.
      guard let start = xml.find("<c r=\"\(reference)\"", from: cursor),
        let tagEnd = xml.find(">", from: start),
        let cellEnd = xml.find("</c>", from: tagEnd),
        let typeAt = xml.find(" t=\"str\"", from: start), typeAt < tagEnd,
        let valueStart = xml.find("<v>", from: tagEnd), valueStart < cellEnd,
        let valueEnd = xml.find("</v>", from: valueStart), valueEnd < cellEnd
      else { throw fail("formula cell with a text placeholder not found in the sheet XML") }
      guard xml[(valueStart + 3)..<valueEnd].elementsEqual(result.placeholder.utf8) else {
        throw fail("cached placeholder differs from what was written")
      }
      output.append(contentsOf: xml[cursor..<typeAt])
      output.append(contentsOf: " t=\"\(result.typeAttribute)\"".utf8)
      output.append(contentsOf: xml[(typeAt + 8)..<(valueStart + 3)])
      output.append(contentsOf: result.cellValue.utf8)
      cursor = valueEnd
    }
    output.append(contentsOf: xml[cursor...])
    return output
  }
}

extension Array where Element == UInt8 {
  /// Index of the first occurrence of `needle` at or after `start`: `memchr` for the first byte, then
  /// `memcmp` (glibc's `memmem` is a GNU extension that Swift's Glibc module does not export).
  func find(_ needle: String, from start: Int) -> Int? {
    var pattern = needle
    return pattern.withUTF8 { needleBytes -> Int? in
      let length = needleBytes.count
      guard length > 0, start >= 0, start + length <= count else { return nil }
      return withUnsafeBufferPointer { haystack -> Int? in
        let base = haystack.baseAddress!
        let first = Int32(needleBytes[0])
        var position = start
        while position + length <= haystack.count {
          guard let hit = memchr(base + position, first, haystack.count - length + 1 - position)
          else { return nil }
          let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
          if memcmp(base + index, needleBytes.baseAddress!, length) == 0 { return index }
          position = index + 1
        }
        return nil
      }
    }
  }
}
