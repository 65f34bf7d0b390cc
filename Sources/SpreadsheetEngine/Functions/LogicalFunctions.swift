import FormulaSyntax

/// Conditions and choices.
///
/// IF, IFS, IFERROR, IFNA, CHOOSE and SWITCH are lazy: only the arguments a call needs are
/// evaluated, and the chosen argument is returned unread, so a reference passes through
/// (`SUM(IF(A1, B1:B3, C1:C3))`, `SUM(CHOOSE(2, A1:A2, B1:B2))`). An array selector (or a range
/// inside an array formula) makes them work element by element.
enum LogicalFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec(lazy: "IF", arguments: 2...3) { args throws(ExcelError) in
      let condition = args.reduced(0)
      if case .array(let conditions) = condition {
        return .array(LogicalSelection.ifElementwise(args, conditions))
      }
      if try args.context.scalar(condition).asBoolean() { return args.operand(1) }
      return args.count < 3 ? .boolean(false) : args.operand(2)
    },
    FunctionSpec(lazy: "IFS", arguments: 2...variadic, futurePrefix: true) { args throws(ExcelError) in
      try LogicalSelection.ifs(args)
    },
    FunctionSpec(lazy: "IFERROR", arguments: 2...2) { args throws(ExcelError) in
      LogicalSelection.replacingErrors(args) { _ in true }
    },
    FunctionSpec(lazy: "IFNA", arguments: 2...2, futurePrefix: true) { args throws(ExcelError) in
      LogicalSelection.replacingErrors(args) { $0 == .notAvailable }
    },
    FunctionSpec("AND", arguments: 1...variadic, parameters: [.reference]) { args throws(ExcelError) in
      .boolean(try args.logicalCounts().falses == 0)
    },
    FunctionSpec("OR", arguments: 1...variadic, parameters: [.reference]) { args throws(ExcelError) in
      .boolean(try args.logicalCounts().trues > 0)
    },
    FunctionSpec("XOR", arguments: 1...variadic, parameters: [.reference], futurePrefix: true) {
      args throws(ExcelError) in
      .boolean(try args.logicalCounts().trues % 2 == 1)
    },
    FunctionSpec("NOT", arguments: 1...1) { args throws(ExcelError) in
      .boolean(!(try args.boolean(0)))
    },
    FunctionSpec(lazy: "CHOOSE", arguments: 2...variadic) { args throws(ExcelError) in
      let selector = args.reduced(0)
      if case .array(let selectors) = selector {
        return .array(LogicalSelection.chooseElementwise(args, selectors))
      }
      let choice = try LogicalSelection.choice(args.context.scalar(selector), count: args.count - 1)
      return args.operand(choice + 1)
    },
    FunctionSpec(lazy: "SWITCH", arguments: 3...variadic, futurePrefix: true) { args throws(ExcelError) in
      try LogicalSelection.switchCase(args)
    },
    FunctionSpec("TRUE", arguments: 0...0) { _ throws(ExcelError) in .boolean(true) },
    FunctionSpec("FALSE", arguments: 0...0) { _ throws(ExcelError) in .boolean(false) },
  ]
}
