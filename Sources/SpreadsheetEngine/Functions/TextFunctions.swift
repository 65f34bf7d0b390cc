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
  ]
}
