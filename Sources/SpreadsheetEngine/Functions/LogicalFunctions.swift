import FormulaSyntax

/// Conditions and choices. IF and its relatives are lazy: only the chosen branch is evaluated.
enum LogicalFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec(lazy: "IF", arguments: 1...3) { args throws(ExcelError) in
      if try args.boolean(0) {
        return args.isMissing(1) && args.count < 2 ? .boolean(true) : args.operand(1)
      }
      return args.count < 3 ? .boolean(false) : args.operand(2)
    },
    FunctionSpec(lazy: "IFERROR", arguments: 2...2) { args throws(ExcelError) in
      let value = args.operand(0)
      if case .error = args.context.scalar(value) { return args.operand(1) }
      return value
    },
  ]
}
