import FormulaSyntax

/// Questions about a value's type. Their parameters receive errors (`.valueOrError`) so that
/// ISERROR(1/0) can answer instead of failing; a range argument is intersected with the
/// formula's row or column, and an array makes them answer element by element.
enum InformationFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec("ISERROR", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      .boolean(args.value(0).errorValue != nil)
    },
    // Every error except #N/A.
    FunctionSpec("ISERR", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      let error = args.value(0).errorValue
      return .boolean(error != nil && error != .notAvailable)
    },
    FunctionSpec("ISNA", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      .boolean(args.value(0).errorValue == .notAvailable)
    },
    // Only real numbers: numeric text and TRUE/FALSE are not numbers.
    FunctionSpec("ISNUMBER", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      .boolean(args.value(0).numberValue != nil)
    },
    FunctionSpec("ISTEXT", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      if case .text = args.value(0) { return .boolean(true) }
      return .boolean(false)
    },
    FunctionSpec("ISNONTEXT", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      if case .text = args.value(0) { return .boolean(false) }
      return .boolean(true)
    },
    FunctionSpec("ISLOGICAL", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      if case .boolean = args.value(0) { return .boolean(true) }
      return .boolean(false)
    },
    // Only an empty cell is blank: a formula's "" is text.
    FunctionSpec("ISBLANK", arguments: 1...1, parameters: [.valueOrError]) { args throws(ExcelError) in
      .boolean(args.value(0).isEmpty)
    },
    FunctionSpec("NA", arguments: 0...0) { _ throws(ExcelError) in .error(.notAvailable) },
  ]
}
