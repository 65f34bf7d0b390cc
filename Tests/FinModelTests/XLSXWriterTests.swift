import Foundation
import Testing

@testable import XLSXWriter

/// XLSXWriter against the real libxlsxwriter: every cell kind, package contents read back with
/// `unzip`, determinism, and the errors callers rely on. Serialized because libxlsxwriter keeps no
/// promise about running several workbooks on different threads at once.
@Suite(.serialized)
final class XLSXWriterTests {
  /// A fresh directory per test (Swift Testing makes one instance per test), removed in `deinit`.
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("xlsxwriter-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: directory)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  // MARK: - Contents

  @Test func everyCellKindIsWrittenWithItsType() throws {
    let path = path("cells.xlsx")
    try Self.writeSample(to: path)
    #expect(try Self.run("/usr/bin/unzip", ["-tq", path]).status == 0)
    let cells = try Self.cells(try Self.entry("xl/worksheets/sheet1.xml", of: path))

    #expect(cells["A1"]?.attributes.contains("t=\"s\"") == true)  // shared string "Month"
    #expect(cells["B2"]?.body == "<v>1000</v>")
    #expect(cells["C2"]?.body == "<f>B2*0.1</f><v>100</v>")
    #expect(cells["H1"]?.attributes.contains("t=\"b\"") == true)
    #expect(cells["H1"]?.body == "<v>1</v>")
    #expect(cells["I1"]?.body == nil && cells["I1"]?.attributes.contains("s=\"") == true)  // blank
    #expect(cells["A8"]?.attributes.contains("t=\"str\"") == true)
    #expect(cells["A8"]?.body == "<f>A2&amp;\"!\"</f><v>M1!</v>")
    #expect(cells["B8"]?.attributes.contains("t=\"b\"") == true)
    #expect(cells["B8"]?.body == "<f>B2&gt;0</f><v>1</v>")
    #expect(cells["C8"]?.body == "<f>B2&lt;0</f><v>0</v>")
    for (offset, error) in XLSXErrorValue.allCases.enumerated() {
      let cell = try #require(cells[try XLSXReference.cell(row: 8, column: offset)])
      #expect(cell.attributes.contains("t=\"e\""))
      #expect(cell.body?.hasSuffix("<v>\(error.rawValue)</v>") == true)
    }
    // Overwriting a boolean formula with a number cancels its patch.
    #expect(cells["D8"]?.body == "<v>7</v>")
    #expect(cells["E8"]?.attributes == " t=\"b\"" && cells["E8"]?.body == "<f>1=1</f><v>1</v>")

    let workbook = try Self.entry("xl/workbook.xml", of: path)
    #expect(workbook.contains("<definedName name=\"Rate\">0.96</definedName>"))
    #expect(workbook.contains("<definedName name=\"Cash\">'Cash Runway'!$B$2:$B$6</definedName>"))
    let core = try Self.entry("docProps/core.xml", of: path)
    #expect(core.contains("<dc:title>Runway</dc:title>"))
    #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z"))
    let app = try Self.entry("docProps/app.xml", of: path)
    #expect(app.contains("<Company>ACME</Company>"))
    let comments = try Self.entry("xl/comments1.xml", of: path)
    #expect(comments.contains("<author>Analyst</author>") && comments.contains("Opening balance"))
    let chart = try Self.entry("xl/charts/chart1.xml", of: path)
    #expect(chart.contains("<c:f>'Cash Runway'!$B$2:$B$6</c:f>"))
    #expect(chart.contains("<c:f>'Cash Runway'!$A$2:$A$6</c:f>"))
    #expect(chart.contains("Cash balance") && chart.contains("#,##0"))
    #expect(try Self.entry("xl/charts/chart2.xml", of: path).contains("<c:barDir val=\"col\"/>"))
    let styles = try Self.entry("xl/styles.xml", of: path)
    #expect(styles.contains("formatCode=\"#,##0.00\"") && styles.contains("<b/>"))
  }

  @Test func equalFormatDescriptionsShareOneObject() throws {
    let workbook = try XLSXWorkbook(path: path("formats.xlsx"))
    let first = try workbook.format(XLSXFormat(bold: true, numberFormat: "0.0%"))
    let second = try workbook.format(XLSXFormat(bold: true, numberFormat: "0.0%"))
    let third = try workbook.format(XLSXFormat(italic: true))
    #expect(first.pointer == second.pointer && first.pointer != third.pointer)
    #expect(workbook.distinctFormatCount == 2)
    let tooLong = XLSXFormat(numberFormat: String(repeating: "0", count: 200))
    #expect(throws: XLSXError.self) { _ = try workbook.format(tooLong) }
  }

  // MARK: - Determinism

  @Test func sameCallsGiveByteIdenticalFiles() throws {
    let withPatches = [path("a.xlsx"), path("b.xlsx")]
    let plain = [path("c.xlsx"), path("d.xlsx")]
    for index in 0..<2 {
      if index == 1 { Thread.sleep(forTimeInterval: 1.1) }  // a different wall-clock second
      try Self.writeSample(to: withPatches[index])
      try Self.writePlain(to: plain[index], constantMemory: true)
    }
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: withPatches[0]))
        == Data(contentsOf: URL(fileURLWithPath: withPatches[1])))
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: plain[0])) == Data(contentsOf: URL(fileURLWithPath: plain[1]))
    )
    let listing = try Self.run("/usr/bin/unzip", ["-Z", "-T", withPatches[0]]).output
    #expect(!listing.isEmpty && !listing.contains(" 2000") && listing.contains("19800101.000000"))
  }

  @Test func rewritingWithoutPatchesReproducesLibxlsxwriterBytes() throws {
    let path = path("plain.xlsx")
    try Self.writePlain(to: path, constantMemory: false)
    let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let archive = try ZipArchive(bytes: original)
    #expect(try PackageRewriter.rewrite(archive, sheets: []) == original)
  }

  @Test func largeSheetsArePatchedThroughTheParallelDeflate() throws {
    let paths = [path("large-a.xlsx"), path("large-b.xlsx")]
    for file in paths {
      let workbook = try XLSXWorkbook(path: file)
      let sheet = try workbook.addWorksheet(named: "Model")
      for row in 0..<8_000 {
        for column in 0..<12 {
          let result: XLSXCachedResult =
            column == 5 ? .boolean(row % 2 == 0) : column == 9 ? .error(.notAvailable) : .number(Double(row))
          try sheet.writeFormula("=A\(row + 1)*1.01", cachedResult: result, row: row, column: column)
        }
      }
      try workbook.close()
    }
    let bytes = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    #expect(bytes[0] == bytes[1])
    #expect(try Self.run("/usr/bin/unzip", ["-tq", paths[0]]).status == 0)
    let xml = try Self.entry("xl/worksheets/sheet1.xml", of: paths[0])
    #expect(xml.utf8.count > 3 * Zlib.chunkSize)
    let cells = try Self.cells(xml)
    #expect(cells["F7999"]?.attributes == " t=\"b\"" && cells["F7999"]?.body == "<f>A7999*1.01</f><v>1</v>")
    #expect(cells["F8000"]?.body == "<f>A8000*1.01</f><v>0</v>")
    #expect(cells["J1"]?.attributes == " t=\"e\"" && cells["J1"]?.body == "<f>A1*1.01</f><v>#N/A</v>")
    #expect(cells.values.filter { $0.attributes.contains("t=\"str\"") }.isEmpty)
  }

  // MARK: - Errors

  @Test func unwritablePathIsReportedAtClose() throws {
    let workbook = try XLSXWorkbook(path: "/nonexistent-directory/out.xlsx")
    _ = try workbook.addWorksheet(named: "Sheet1")
    let error = try #require(throws: XLSXError.self) { try workbook.close() }
    #expect(error.code == .library(2))  // LXW_ERROR_CREATING_XLSX_FILE
    #expect(error.message.hasPrefix("Error creating output xlsx file."))
    #expect(error.call == "workbook_close")
    #expect(error.description.contains("/nonexistent-directory/out.xlsx"))
    #expect(workbook.isClosed)
    try workbook.close()  // a second close is a no-op
  }

  @Test func outOfRangeCellsAndNonFiniteNumbersThrow() throws {
    let workbook = try XLSXWorkbook(path: path("range.xlsx"))
    let sheet = try workbook.addWorksheet(named: "Data")
    let row = try #require(throws: XLSXError.self) {
      try sheet.writeNumber(1, row: 1_048_576, column: 0)
    }
    #expect(row.code == .rowOutOfRange(1_048_576) && row.sheet == "Data")
    #expect(row.description.contains("outside 0..<1048576"))
    let column = try #require(throws: XLSXError.self) { try sheet.writeString("x", row: 0, column: 16_384) }
    #expect(column.code == .columnOutOfRange(16_384))
    #expect(throws: XLSXError.self) { try sheet.writeNumber(1, row: -1, column: 0) }
    let nan = try #require(throws: XLSXError.self) { try sheet.writeNumber(.nan, row: 0, column: 0) }
    #expect(nan.code == .nonFiniteNumber && nan.cell == "A1")
    #expect(throws: XLSXError.self) {
      try sheet.writeFormula("=1/0", cachedResult: .number(.infinity), row: 0, column: 1)
    }
    try sheet.writeNumber(1_048_575, row: 1_048_575, column: 16_383)  // the last cell is fine
  }

  @Test func invalidNamesAndForeignFormatsThrow() throws {
    let workbook = try XLSXWorkbook(path: path("names.xlsx"))
    let badSheet = try #require(throws: XLSXError.self) { _ = try workbook.addWorksheet(named: "a/b") }
    #expect(badSheet.code == .library(15))  // LXW_ERROR_INVALID_SHEETNAME_CHARACTER
    #expect(badSheet.message.contains("invalid characters") && badSheet.sheet == "a/b")
    let sheet = try workbook.addWorksheet(named: "Data")
    let duplicate = try #require(throws: XLSXError.self) { _ = try workbook.addWorksheet(named: "data") }
    #expect(duplicate.message == "Worksheet name is already in use.")
    #expect(throws: XLSXError.self) { try workbook.defineName("Rate", formula: "") }
    let other = try XLSXWorkbook(path: path("other.xlsx"))
    let foreign = try other.format(XLSXFormat(bold: true))
    let error = try #require(throws: XLSXError.self) {
      try sheet.writeNumber(1, row: 0, column: 0, format: foreign)
    }
    #expect(error.code == .foreignFormat)
    #expect(throws: XLSXError.self) { try sheet.setZoom(5) }
    #expect(throws: XLSXError.self) { try sheet.setTabColor(XLSXColor(rgb: 0x1_000_000)) }
  }

  @Test func closedOrDroppedWorkbooksWriteNothingMore() throws {
    let dropped = path("dropped.xlsx")
    do {
      let workbook = try XLSXWorkbook(path: dropped, options: XLSXWorkbookOptions(constantMemory: true))
      try workbook.addWorksheet(named: "S").writeNumber(1, row: 0, column: 0)
    }
    #expect(!FileManager.default.fileExists(atPath: dropped))

    let path = path("closed.xlsx")
    let workbook = try XLSXWorkbook(path: path)
    let sheet = try workbook.addWorksheet(named: "S")
    try workbook.close()
    let error = try #require(throws: XLSXError.self) { try sheet.writeNumber(1, row: 0, column: 0) }
    #expect(error.code == .workbookClosed)
    #expect(throws: XLSXError.self) { _ = try workbook.addWorksheet(named: "T") }
    try workbook.close()
  }

  @Test func constantMemoryRejectsEarlierRows() throws {
    let options = XLSXWorkbookOptions(constantMemory: true, temporaryDirectory: directory.path)
    let workbook = try XLSXWorkbook(path: path("cm.xlsx"), options: options)
    let sheet = try workbook.addWorksheet(named: "S")
    try sheet.writeFormula("=1>0", cachedResult: .boolean(true), row: 5, column: 0)
    try sheet.writeNumber(1, row: 6, column: 0)
    #expect(throws: XLSXError.self) { try sheet.writeNumber(1, row: 2, column: 0) }
    try workbook.close()
    let cells = try Self.cells(try Self.entry("xl/worksheets/sheet1.xml", of: workbook.path))
    #expect(cells["A6"]?.attributes.contains("t=\"b\"") == true)
  }

  /// libxlsxwriter alone stops at 128 characters and cannot scope a name to `Q1'24`.
  @Test func definedNamesTakeLongFormulasAndAnySheetScope() throws {
    let file = path("long-names.xlsx")
    let workbook = try XLSXWorkbook(path: file)
    _ = try workbook.addWorksheet(named: "Q1'24")
    _ = try workbook.addWorksheet(named: "Cash Runway")
    let long = "=" + Array(repeating: "'Cash Runway'!$B$1", count: 20).joined(separator: "+")
    try workbook.defineName("Total", formula: long)
    try workbook.defineName("Rate", formula: "='Q1''24'!$B$1", sheet: "Q1'24")
    try workbook.defineName("Rate", formula: "='Cash Runway'!$B$1<1", sheet: "Cash Runway")
    #expect(throws: XLSXError.self) { try workbook.defineName("Rate", formula: "=1", sheet: "Nope") }
    #expect(throws: XLSXError.self) { try workbook.defineName("Total", formula: "=2") }  // defined twice
    try workbook.close()
    let xml = try ProcessRunner.run("/usr/bin/unzip", ["-p", file, "xl/workbook.xml"]).stdout
    #expect(xml.contains("<definedName name=\"Total\">\(long.dropFirst())</definedName>"))
    #expect(xml.contains(#"<definedName name="Rate" localSheetId="0">'Q1''24'!$B$1</definedName>"#))
    #expect(xml.contains(#"<definedName name="Rate" localSheetId="1">'Cash Runway'!$B$1&lt;1</definedName>"#))
  }

  /// Chart ranges go to libxlsxwriter as sheet and corners, so that it never parses `'Q1''24'`
  /// (it warned that the sheet does not exist and wrote no cached data).
  @Test func chartRangesOnASheetWhoseNameHasAQuoteKeepTheirData() throws {
    let file = path("quoted-chart.xlsx")
    let workbook = try XLSXWorkbook(path: file)
    let sheet = try workbook.addWorksheet(named: "Q1'24")
    for column in 0..<3 { try sheet.writeNumber(Double(column + 1), row: 0, column: column) }
    let range = try XLSXRange(sheet: "Q1'24", firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 2)
    #expect(range.formula == "='Q1''24'!$A$1:$C$1")
    try sheet.insertChart(
      XLSXChart(kind: .line, title: "T", series: [XLSXChartSeries(values: range)]), row: 2, column: 0)
    try workbook.close()
    let chartXML = try ProcessRunner.run("/usr/bin/unzip", ["-p", file, "xl/charts/chart1.xml"]).stdout
    #expect(chartXML.contains("<c:f>'Q1''24'!$A$1:$C$1</c:f>"))
    #expect(chartXML.contains("<c:ptCount val=\"3\"/>"))
    #expect(throws: XLSXError.self) {
      _ = try XLSXRange(sheet: "S", firstRow: 2, firstColumn: 0, lastRow: 1, lastColumn: 0)
    }
  }

  @Test func referencesAreQuotedAndAbsolute() throws {
    #expect(XLSXReference.columnName(0) == "A" && XLSXReference.columnName(25) == "Z")
    #expect(XLSXReference.columnName(26) == "AA" && XLSXReference.columnName(16_383) == "XFD")
    let range = try XLSXReference.range(
      sheet: "Cash Runway", firstRow: 9, firstColumn: 2, lastRow: 9, lastColumn: 37)
    #expect(range == "='Cash Runway'!$C$10:$AL$10")
    #expect(XLSXReference.quotedSheetName("Inputs") == "Inputs")
    #expect(XLSXReference.quotedSheetName("Q1") == "'Q1'")
    #expect(XLSXReference.quotedSheetName("Bob's") == "'Bob''s'")
  }
}

// MARK: - Fixtures

extension XLSXWriterTests {
  /// Writes a workbook with every cell kind, formats, names, a comment and two charts.
  static func writeSample(to path: String) throws {
    let workbook = try XLSXWorkbook(path: path)
    workbook.properties = XLSXDocumentProperties(
      title: "Runway", subject: "Test", author: "finmodel", company: "ACME",
      comments: "generated", keywords: "cash, runway")
    let sheet = try workbook.addWorksheet(named: "Cash Runway")
    let header = try workbook.format(
      XLSXFormat(
        bold: true, fontColor: XLSXColor(rgb: 0xFFFFFF), fillColor: XLSXColor(rgb: 0x1F4E79),
        horizontalAlignment: .center, bottomBorder: .double))
    let money = try workbook.format(XLSXFormat(numberFormat: "#,##0.00", indent: 1, topBorder: .thin))
    for (column, title) in ["Month", "Cash", "Burn"].enumerated() {
      try sheet.writeString(title, row: 0, column: column, format: header)
    }
    for month in 1...5 {
      let cash = Double(1000 - 150 * (month - 1))
      try sheet.writeString("M\(month)", row: month, column: 0)
      try sheet.writeNumber(cash, row: month, column: 1, format: money)
      try sheet.writeFormula("=B\(month + 1)*0.1", cachedResult: .number(cash / 10), row: month, column: 2)
    }
    try sheet.writeBoolean(true, row: 0, column: 7)
    try sheet.writeBlank(row: 0, column: 8, format: header)
    try sheet.writeFormula("=A2&\"!\"", cachedResult: .text("M1!"), row: 7, column: 0)
    try sheet.writeFormula("=B2>0", cachedResult: .boolean(true), row: 7, column: 1)
    try sheet.writeFormula("B2<0", cachedResult: .boolean(false), row: 7, column: 2)
    try sheet.writeFormula("=B2=0", cachedResult: .boolean(false), row: 7, column: 3)
    try sheet.writeNumber(7, row: 7, column: 3)
    try sheet.writeFormula("=1=1", cachedResult: .boolean(true), row: 7, column: 4)
    try sheet.writeString("", row: 7, column: 4)  // no-op in libxlsxwriter: E8 stays boolean
    let errorFormulas = ["=1/0", "=NA()", "=\"a\"+1", "=#REF!", "=nosuchname", "=SQRT(-1)", "=A1 B1"]
    for (offset, error) in XLSXErrorValue.allCases.enumerated() {
      try sheet.writeFormula(errorFormulas[offset], cachedResult: .error(error), row: 8, column: offset)
    }
    try workbook.defineName("Rate", formula: "=0.96")
    try workbook.defineName(
      "Cash",
      formula: try XLSXReference.range(
        sheet: "Cash Runway", firstRow: 1, firstColumn: 1, lastRow: 5, lastColumn: 1))
    try sheet.insertComment("Opening balance", row: 1, column: 1, author: "Analyst", width: 200, height: 60)
    let months = try XLSXRange(
      sheet: sheet.name, firstRow: 1, firstColumn: 0, lastRow: 5, lastColumn: 0)
    let cash = try XLSXRange(
      sheet: sheet.name, firstRow: 1, firstColumn: 1, lastRow: 5, lastColumn: 1)
    let burn = try XLSXRange(
      sheet: sheet.name, firstRow: 1, firstColumn: 2, lastRow: 5, lastColumn: 2)
    let chart = XLSXChart(
      kind: .line, title: "Cash balance",
      series: [
        XLSXChartSeries(values: cash, categories: months, name: "Cash"),
        XLSXChartSeries(values: burn, categories: months, name: "='Cash Runway'!$C$1"),
      ],
      xAxis: XLSXChartAxis(title: "Month"), yAxis: XLSXChartAxis(title: "USD", numberFormat: "#,##0"),
      legendPosition: .bottom)
    try sheet.insertChart(chart, row: 10, column: 4, size: .pixels(width: 640, height: 320))
    try sheet.setColumnWidth(14, columns: 0...2)
    try sheet.setRowHeight(22, row: 0)
    try sheet.freezePanes(row: 1, column: 1)
    try sheet.setGridlines(.hideAll)
    try sheet.setTabColor(XLSXColor(red: 0x1F, green: 0x4E, blue: 0x79))
    try sheet.setZoom(120)
    try sheet.activate()
    let summary = try workbook.addWorksheet(named: "Summary")
    try summary.insertChart(
      XLSXChart(
        kind: .column, title: "Burn", series: [XLSXChartSeries(values: burn, categories: months)],
        legendPosition: .none), row: 1, column: 1, size: .scale(x: 1.5, y: 1.2))
    try workbook.close()
  }

  /// A workbook without boolean/error results, so the package is exactly libxlsxwriter's output.
  static func writePlain(to path: String, constantMemory: Bool) throws {
    let workbook = try XLSXWorkbook(path: path, options: XLSXWorkbookOptions(constantMemory: constantMemory))
    let sheet = try workbook.addWorksheet(named: "Plain")
    for row in 0..<50 {
      try sheet.writeNumber(Double(row), row: row, column: 0)
      try sheet.writeFormula(
        "=A\(row + 1)*1.01", cachedResult: .number(Double(row) * 1.01), row: row, column: 1)
    }
    try workbook.close()
  }

  static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// One package entry as text, via `unzip -p` (an independent ZIP reader).
  static func entry(_ name: String, of path: String) throws -> String {
    let result = try run("/usr/bin/unzip", ["-p", path, name])
    guard result.status == 0 else { throw XLSXError(.io, message: "unzip failed", call: name) }
    return result.output
  }

  /// Cells of a sheet XML by reference: the attributes after `r="…"` and the body (nil when empty).
  static func cells(_ xml: String) throws -> [String: (attributes: String, body: String?)] {
    let pattern = try Regex(#"<c r="([A-Z]+[0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#)
    var result: [String: (attributes: String, body: String?)] = [:]
    for match in xml.matches(of: pattern) {
      let reference = String(match.output[1].substring ?? "")
      result[reference] = (
        String(match.output[2].substring ?? ""), match.output[3].substring.map(String.init)
      )
    }
    return result
  }
}
