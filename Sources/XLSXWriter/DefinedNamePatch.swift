/// A defined name whose formula the package rewrite writes into `xl/workbook.xml`.
///
/// libxlsxwriter 1.1.4 refuses name formulas longer than 128 characters (Excel allows 8,192), so
/// every name is defined there with the formula `0` (which still validates the name and its
/// scope) and its real formula is put in place after `workbook_close`, the way cached booleans
/// and errors are (see `PackageRewriter`).
struct DefinedNamePatch {
  let name: String
  /// 0-based sheet index of a sheet-level name, nil for a workbook-level one.
  let sheetIndex: Int?
  /// The formula without its leading `=`.
  let formula: String

  /// The start tag libxlsxwriter writes for this name.
  var startTag: String {
    "<definedName name=\"\(name)\"" + (sheetIndex.map { " localSheetId=\"\($0)\"" } ?? "") + ">"
  }

  /// The formula as element text.
  var escapedFormula: String {
    var out = ""
    for char in formula {
      switch char {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(char)
      }
    }
    return out
  }

  /// Writes each name's formula over its placeholder `0` in one forward pass over workbook.xml.
  static func apply(_ patches: [DefinedNamePatch], to xml: [UInt8]) throws(XLSXError) -> [UInt8] {
    var byTag: [String: DefinedNamePatch] = [:]
    for patch in patches { byTag[patch.startTag] = patch }
    var output: [UInt8] = []
    output.reserveCapacity(xml.count + patches.reduce(0) { $0 + $1.formula.utf8.count })
    var cursor = 0
    var patched = 0
    while let start = xml.find("<definedName ", from: cursor), let tagEnd = xml.find(">", from: start) {
      let tag = String(decoding: xml[start...tagEnd], as: UTF8.self)
      guard let patch = byTag[tag] else {
        output.append(contentsOf: xml[cursor...tagEnd])
        cursor = tagEnd + 1
        continue
      }
      guard let end = xml.find("</definedName>", from: tagEnd),
        xml[(tagEnd + 1)..<end].elementsEqual("0".utf8)
      else {
        throw XLSXError(
          .packageRewrite, message: "defined name \(patch.name): placeholder not found in workbook.xml",
          call: PackageRewriter.call)
      }
      output.append(contentsOf: xml[cursor...tagEnd])
      output.append(contentsOf: patch.escapedFormula.utf8)
      cursor = end
      patched += 1
    }
    output.append(contentsOf: xml[cursor...])
    guard patched == patches.count else {
      throw XLSXError(
        .packageRewrite, message: "\(patches.count - patched) defined names missing from workbook.xml",
        call: PackageRewriter.call)
    }
    return output
  }
}
