import FormulaSyntax
import ModelFormat
import SpreadsheetEngine
import XLSXWriter

/// Writes the model's defined names into the workbook so that Excel and LibreOffice resolve them
/// as finmodel does.
///
/// A name whose references all carry a sheet (`Inputs!$B$3`) is one workbook-level name. A name
/// with a sheet-less reference (`name Rate = $B$1`) means "that cell of the sheet using the name";
/// a workbook-level name cannot say that (spreadsheets read `$B$1` in a workbook name as an error,
/// and LibreOffice shows #NAME?), so it is written as one sheet-level name on every sheet, each on
/// its own sheet: sheet-level names win over workbook-level ones, which gives the same meaning.
/// A name that uses such a name is written per sheet too, so that it finds the sheet's copy.
enum DefinedNameExport {
  static func write(_ engine: Workbook, printer: FormulaPrinter, into workbook: XLSXWorkbook) throws {
    let perSheet = namesFollowingTheUsingSheet(engine)
    for key in engine.nameOrder {
      guard let name = engine.definedNames[key] else { continue }
      let origin = GridPoint(row: 0, column: 0)
      guard perSheet.contains(key) else {
        try workbook.defineName(name.name, formula: "=" + printer.print(name.expression, at: origin))
        continue
      }
      for sheet in engine.sheets {
        // libxlsxwriter cannot scope a name to a sheet whose name holds "!" (see defineName).
        guard !sheet.name.contains("!") else {
          throw ExportError.invalidModel([
            Diagnostic(
              "name '\(name.name)' has a reference without a sheet, so it is written once per sheet, which libxlsxwriter cannot do on sheet '\(sheet.name)' (its name contains '!')",
              span: nil, suggestion: "give the name's references a sheet, or rename the sheet")
          ])
        }
        var sheetPrinter = printer
        sheetPrinter.sheetForSheetlessReferences = sheet.name
        try workbook.defineName(
          name.name, formula: "=" + sheetPrinter.print(name.expression, at: origin), sheet: sheet.name)
      }
    }
  }

  /// Upper-cased names with a sheet-less reference, directly or through the names they use.
  /// O(names + uses): the mark spreads from each such name to the names using it.
  static func namesFollowingTheUsingSheet(_ engine: Workbook) -> Set<String> {
    var users: [String: [String]] = [:]
    var pending: [String] = []
    for (key, name) in engine.definedNames {
      var sheetless = false
      name.expression.forEachNode { node in
        switch node.kind {
        case .cell(nil, _), .area(nil, _): sheetless = true
        case .name(let used): users[used.uppercased(), default: []].append(key)
        default: break
        }
      }
      if sheetless { pending.append(key) }
    }
    var result = Set(pending)
    while let key = pending.popLast() {
      for user in users[key] ?? [] where result.insert(user).inserted { pending.append(user) }
    }
    return result
  }
}
