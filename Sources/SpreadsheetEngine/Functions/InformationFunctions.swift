import FormulaSyntax

/// Questions about a value's type. The IS… functions' parameters receive errors
/// (`.valueOrError`) so that ISERROR(1/0) can answer instead of failing; a range argument is
/// intersected with the formula's row or column, and an array makes them answer element by
/// element. TYPE, ISREF and ISFORMULA take their argument unreduced, since they ask about the
/// array or reference itself.
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
    // Numbers stay, TRUE/FALSE are 1/0, text and blanks 0; errors propagate.
    FunctionSpec("N", arguments: 1...1) { args throws(ExcelError) in
      switch args.value(0) {
      case .number(let number): return .number(number)
      case .boolean(let flag): return .number(flag ? 1 : 0)
      default: return .number(0)
      }
    },
    // 1 number (and blank), 2 text, 4 logical, 16 error, 64 array.
    FunctionSpec("TYPE", arguments: 1...1, parameters: [.reference]) { args throws(ExcelError) in
      let value: CellValue
      switch args.operands[0] {
      case .array?: return .number(64)
      case .reference(let range)?: value = args.context.scalar(.reference(range))
      default: value = args.value(0)
      }
      switch value {
      case .number, .empty: return .number(1)
      case .text: return .number(2)
      case .boolean: return .number(4)
      case .error: return .number(16)
      }
    },
    // #NULL! 1 … #N/A 7; anything that is not an error is #N/A. A cycle is exported as #NUM!.
    FunctionSpec("ERROR.TYPE", arguments: 1...1, parameters: [.valueOrError]) {
      args throws(ExcelError) in
      guard let error = args.value(0).errorValue else { throw .notAvailable }
      let codes: [ExcelError: Double] = [
        .null: 1, .divisionByZero: 2, .value: 3, .reference: 4, .name: 5, .number: 6,
        .notAvailable: 7, .cycle: 6,
      ]
      return .number(codes[error] ?? 6)
    },
    // The number truncated; TRUE/FALSE are #VALUE! (Excel's ISEVEN is not a type question).
    FunctionSpec("ISEVEN", arguments: 1...1) { args throws(ExcelError) in
      .boolean(try args.wholePart(0).truncatingRemainder(dividingBy: 2) == 0)
    },
    FunctionSpec("ISODD", arguments: 1...1) { args throws(ExcelError) in
      .boolean(try args.wholePart(0).truncatingRemainder(dividingBy: 2) != 0)
    },
    // Whether the argument is a reference (a range, a union of ranges), not a value.
    FunctionSpec("ISREF", arguments: 1...1, parameters: [.position], unions: true) {
      args throws(ExcelError) in
      switch args.operands[0] {
      case .reference?, .union?: return .boolean(true)
      default: return .boolean(false)
      }
    },
    // Whether the referenced cell (the top-left one of a range) holds a formula.
    FunctionSpec("ISFORMULA", arguments: 1...1, parameters: [.reference], futurePrefix: true) {
      args throws(ExcelError) in
      switch args.operands[0] {
      case .reference(let range)?: return .boolean(args.context.holdsFormula(range))
      case .value(.error(let error))?: throw error
      default: throw .value
      }
    },
  ]
}

extension Arguments {
  /// ISEVEN's and ISODD's number: truncated; a logical is #VALUE!, as in Excel.
  fileprivate func wholePart(_ index: Int) throws(ExcelError) -> Double {
    if case .boolean = value(index) { throw .value }
    return try number(index).rounded(.towardZero)
  }
}
