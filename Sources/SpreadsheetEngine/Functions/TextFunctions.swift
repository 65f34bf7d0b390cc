import FormulaSyntax

/// Text functions.
///
/// Positions and lengths count UTF-16 code units as Excel does; results longer than 32,767
/// characters are #VALUE!. CONCAT and TEXTJOIN take ranges whole; the others take single
/// values and are lifted over arrays by the runner.
enum TextFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec("CONCATENATE", arguments: 1...variadic) { args throws(ExcelError) in
      var text = ""
      for index in 0..<args.count { text += try args.text(index) }
      return try ExcelText.result(text)
    },
    FunctionSpec("CONCAT", arguments: 1...variadic, parameters: [.reference], futurePrefix: true) {
      args throws(ExcelError) in
      var text = ""
      for index in 0..<args.count { text += try args.texts(index).joined() }
      return try ExcelText.result(text)
    },
    FunctionSpec(
      "TEXTJOIN", arguments: 3...variadic, parameters: [.reference, .value, .reference],
      futurePrefix: true
    ) { args throws(ExcelError) in
      let delimiters = try args.texts(0)
      let ignoreEmpty = try args.boolean(1)
      var items: [String] = []
      for index in 2..<args.count {
        items += try args.texts(index).filter { !ignoreEmpty || !$0.isEmpty }
      }
      var text = ""
      for (position, item) in items.enumerated() {
        if position > 0, !delimiters.isEmpty {
          text += delimiters[(position - 1) % delimiters.count]
        }
        text += item
        guard text.utf16.count <= ExcelText.maximumLength else { throw .value }
      }
      return .text(text)
    },
    FunctionSpec("LEFT", arguments: 1...2) { args throws(ExcelError) in
      let count = try ExcelText.count(args.count < 2 ? 1 : try args.number(1))
      return .text(ExcelText.left(try args.text(0), count))
    },
    FunctionSpec("RIGHT", arguments: 1...2) { args throws(ExcelError) in
      let count = try ExcelText.count(args.count < 2 ? 1 : try args.number(1))
      return .text(ExcelText.right(try args.text(0), count))
    },
    FunctionSpec("MID", arguments: 3...3) { args throws(ExcelError) in
      let text = try args.text(0)
      let start = try args.number(1).rounded(.towardZero)
      guard start >= 1 else { throw .value }
      let count = try ExcelText.count(try args.number(2))
      return .text(ExcelText.middle(text, start: Int(min(start, 1e9)), count: count))
    },
    FunctionSpec("LEN", arguments: 1...1) { args throws(ExcelError) in
      .number(Double(ExcelText.length(try args.text(0))))
    },
    FunctionSpec("UPPER", arguments: 1...1) { args throws(ExcelError) in
      .text(ExcelText.mapCase(try args.text(0), upper: true))
    },
    FunctionSpec("LOWER", arguments: 1...1) { args throws(ExcelError) in
      .text(ExcelText.mapCase(try args.text(0), upper: false))
    },
    FunctionSpec("TRIM", arguments: 1...1) { args throws(ExcelError) in
      .text(ExcelText.trim(try args.text(0)))
    },
    FunctionSpec("TEXT", arguments: 2...2) { args throws(ExcelError) in
      let format = NumberFormat(try args.text(1))
      switch args.value(0) {
      case .text(let text):
        // Text that reads as a number is formatted as that number, as in Excel.
        if let number = NumberText.number(text) { return try ExcelText.result(format.format(number)) }
        return try ExcelText.result(format.format(text: text))
      case .boolean(let flag):
        return .text(flag ? "TRUE" : "FALSE")
      case let value:
        return try ExcelText.result(format.format(try value.asNumber()))
      }
    },
    FunctionSpec("VALUE", arguments: 1...1) { args throws(ExcelError) in
      switch args.value(0) {
      case .text(let text):
        guard let number = NumberText.number(text) else { throw .value }
        return .number(number)
      case .number(let number): return .number(number)
      case .empty: return .number(0)
      case .boolean: throw .value
      case .error(let error): throw error
      }
    },
    // Case-sensitive, no wildcards; positions in UTF-16 units; not found is #VALUE!.
    FunctionSpec("FIND", arguments: 2...3) { args throws(ExcelError) in
      let needle = TextSearch.units(try args.text(0))
      let haystack = TextSearch.units(try args.text(1))
      let start = try TextSearch.startIndex(try args.number(2, default: 1), length: haystack.count)
      guard let found = TextSearch.find(needle, in: haystack, from: start) else { throw .value }
      return .number(Double(found + 1))
    },
    // Ignores case and reads ? * ~ as wildcards.
    FunctionSpec("SEARCH", arguments: 2...3) { args throws(ExcelError) in
      let pattern = try args.text(0)
      let text = try args.text(1)
      let start = try TextSearch.startIndex(
        try args.number(2, default: 1), length: ExcelText.length(text))
      guard let found = TextSearch.search(pattern, in: text, from: start) else { throw .value }
      return .number(Double(found + 1))
    },
    FunctionSpec("SUBSTITUTE", arguments: 3...4) { args throws(ExcelError) in
      let text = TextSearch.units(try args.text(0))
      let old = TextSearch.units(try args.text(1))
      let new = TextSearch.units(try args.text(2))
      var instance: Int?
      if !args.isMissing(3) {
        let number = try args.number(3).rounded(.towardZero)
        guard number >= 1 else { throw .value }
        instance = Int(min(number, 1e9))
      }
      return try ExcelText.result(
        TextSearch.string(TextSearch.substitute(text, old, new, instance: instance)))
    },
    FunctionSpec("REPLACE", arguments: 4...4) { args throws(ExcelError) in
      let text = TextSearch.units(try args.text(0))
      let start = try args.number(1).rounded(.towardZero)
      guard start >= 1 else { throw .value }
      let count = try ExcelText.count(try args.number(2))
      let new = TextSearch.units(try args.text(3))
      let from = min(text.count, Int(min(start, 1e9)) - 1)
      let to = min(text.count, from + count)
      return try ExcelText.result(TextSearch.string(text[..<from] + new + text[to...]))
    },
    FunctionSpec("REPT", arguments: 2...2) { args throws(ExcelError) in
      let text = try args.text(0)
      let times = try ExcelText.count(try args.number(1))
      guard times == 0 || ExcelText.length(text) <= ExcelText.maximumLength / times else {
        throw .value
      }
      return .text(String(repeating: text, count: times))
    },
    // Case-sensitive comparison of the texts (numbers as they convert to text).
    FunctionSpec("EXACT", arguments: 2...2) { args throws(ExcelError) in
      .boolean(try args.text(0).utf16.elementsEqual(try args.text(1).utf16))
    },
    FunctionSpec("PROPER", arguments: 1...1) { args throws(ExcelError) in
      .text(ExcelCharacters.proper(try args.text(0)))
    },
    FunctionSpec("CLEAN", arguments: 1...1) { args throws(ExcelError) in
      .text(ExcelCharacters.clean(try args.text(0)))
    },
    // Windows code page 1252, as Excel for Windows: CHAR(128) is "€".
    FunctionSpec("CHAR", arguments: 1...1) { args throws(ExcelError) in
      let code = try args.number(0).rounded(.towardZero)
      guard abs(code) < 1e9, let scalar = ExcelCharacters.character(Int(code)) else { throw .value }
      return .text(String(scalar))
    },
    FunctionSpec("CODE", arguments: 1...1) { args throws(ExcelError) in
      guard let first = try args.text(0).unicodeScalars.first else { throw .value }
      return .number(Double(ExcelCharacters.code(first)))
    },
    // Surrogate halves are #N/A (they are not characters); 0 and beyond U+10FFFF are #VALUE!.
    FunctionSpec("UNICHAR", arguments: 1...1, futurePrefix: true) { args throws(ExcelError) in
      let code = try args.number(0).rounded(.towardZero)
      guard code >= 1, code <= 0x10FFFF else { throw .value }
      guard let scalar = Unicode.Scalar(UInt32(code)) else { throw .notAvailable }
      return .text(String(scalar))
    },
    FunctionSpec("UNICODE", arguments: 1...1, futurePrefix: true) { args throws(ExcelError) in
      guard let first = try args.text(0).unicodeScalars.first else { throw .value }
      return .number(Double(first.value))
    },
    FunctionSpec("FIXED", arguments: 1...3) { args throws(ExcelError) in
      let value = try args.number(0)
      let decimals = try args.isMissing(1) ? 2 : args.integer(1)
      let noCommas = try args.boolean(2, default: false)
      return try ExcelText.result(
        NumberTextConversion.fixed(value, decimals: decimals, noCommas: noCommas))
    },
    FunctionSpec("DOLLAR", arguments: 1...2) { args throws(ExcelError) in
      let value = try args.number(0)
      let decimals = try args.isMissing(1) ? 2 : args.integer(1)
      return try ExcelText.result(NumberTextConversion.dollar(value, decimals: decimals))
    },
    // Text stays, anything else is "" (errors still propagate).
    FunctionSpec("T", arguments: 1...1) { args throws(ExcelError) in
      if case .text(let text) = args.value(0) { return .text(text) }
      return .text("")
    },
    // delimiter may be an array of delimiters; if_not_found replaces the #N/A of a miss.
    FunctionSpec(
      "TEXTBEFORE", arguments: 2...6, parameters: [.value, .reference, .value], futurePrefix: true
    ) { args throws(ExcelError) in
      try TextSplit.split(args, before: true)
    },
    FunctionSpec(
      "TEXTAFTER", arguments: 2...6, parameters: [.value, .reference, .value], futurePrefix: true
    ) { args throws(ExcelError) in
      try TextSplit.split(args, before: false)
    },
    // Separators default to en-US ("." and ","); only their first character counts.
    FunctionSpec("NUMBERVALUE", arguments: 1...3, futurePrefix: true) { args throws(ExcelError) in
      let text = try args.text(0)
      let decimal = try args.isMissing(1) ? "." : args.text(1)
      let group = try args.isMissing(2) ? "," : args.text(2)
      guard let decimalMark = decimal.first, let groupMark = group.first else { throw .value }
      return .number(
        try NumberTextConversion.numberValue(text, decimal: decimalMark, group: groupMark))
    },
  ]
}
