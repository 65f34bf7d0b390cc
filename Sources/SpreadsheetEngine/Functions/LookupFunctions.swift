import FormulaSyntax

/// Lookup and reference functions.
///
/// Parameter kinds follow classic Excel, whose evaluation the exported workbooks get: INDEX's
/// first argument is evaluated as an array formula (the non-CSE trick
/// `MATCH(1, INDEX((A1:A9="x")*(B1:B9>3), 0), 0)` relies on it), while MATCH's, VLOOKUP's and
/// HLOOKUP's searched arguments take a range or array whole but do not force array evaluation
/// (`MATCH(1, (A1:A9="x")*(B1:B9>3), 0)` needs an array formula in Excel 2019 too). XLOOKUP,
/// and XMATCH, dynamic-array functions, evaluate their arrays as arrays. A plain range stays a reference
/// and is read cell by cell only where a search probes it.
enum LookupFunctions {
  static let all: [FunctionSpec] = [
    FunctionSpec("INDEX", arguments: 2...4, parameters: [.array, .value, .value, .value], unions: true) {
      args throws(ExcelError) in
      try ReferenceSelection.index(args)
    },
    FunctionSpec("MATCH", arguments: 2...3, parameters: [.value, .reference, .value]) {
      args throws(ExcelError) in
      if case .value(.error(let error))? = args.operands[1] { throw error }
      // An omitted-but-present match_type (`MATCH(x, r, )`) is 0, like any empty argument.
      let mode = LookupSearch.Mode(matchType: args.count < 3 ? 1 : try args.number(2))
      guard let vector = LookupVector(oneDimensional: args.matrix(1)) else { throw .notAvailable }
      guard let position = LookupSearch.position(of: args.value(0), in: vector, mode: mode) else {
        throw .notAvailable
      }
      return .number(Double(position + 1))
    },
    FunctionSpec("VLOOKUP", arguments: 3...4, parameters: [.value, .reference, .value, .value]) {
      args throws(ExcelError) in
      try LookupSearch.tableLookup(args, vertical: true)
    },
    FunctionSpec("HLOOKUP", arguments: 3...4, parameters: [.value, .reference, .value, .value]) {
      args throws(ExcelError) in
      try LookupSearch.tableLookup(args, vertical: false)
    },
    FunctionSpec(
      "XLOOKUP", arguments: 3...6, parameters: [.value, .array, .array, .reference, .value, .value],
      futurePrefix: true
    ) { args throws(ExcelError) in
      try ReferenceSelection.xlookup(args)
    },
    FunctionSpec(
      "XMATCH", arguments: 2...4, parameters: [.value, .array, .value, .value], futurePrefix: true
    ) { args throws(ExcelError) in
      try XLookupSearch.xmatch(args)
    },
    FunctionSpec("ROW", arguments: 0...1, parameters: [.position]) { args throws(ExcelError) in
      try ReferenceSelection.positions(args, rows: true)
    },
    FunctionSpec("COLUMN", arguments: 0...1, parameters: [.position]) { args throws(ExcelError) in
      try ReferenceSelection.positions(args, rows: false)
    },
    // A multi-area reference has no one size: #REF!, as Office documents ([MS-OI29500]).
    FunctionSpec("ROWS", arguments: 1...1, parameters: [.position], unions: true) {
      args throws(ExcelError) in
      if case .value(.error(let error))? = args.operands[0] { throw error }
      if case .union? = args.operands[0] { throw .reference }
      return .number(Double(LookupSearch.shape(args.operands[0]).rows))
    },
    // A multi-area reference has no one size: #REF!, as Office documents ([MS-OI29500]).
    FunctionSpec("COLUMNS", arguments: 1...1, parameters: [.position], unions: true) {
      args throws(ExcelError) in
      if case .value(.error(let error))? = args.operands[0] { throw error }
      if case .union? = args.operands[0] { throw .reference }
      return .number(Double(LookupSearch.shape(args.operands[0]).columns))
    },
    // A reference moved and resized at evaluation time; volatile, as in Excel.
    FunctionSpec(
      "OFFSET", arguments: 3...5, parameters: [.position, .value, .value, .value, .value], volatile: true
    ) { args throws(ExcelError) in
      try OffsetReference.evaluate(args)
    },
    // The reference a text names ("B2", "'Cash Runway'!B2:B9", a name, R1C1); volatile.
    FunctionSpec("INDIRECT", arguments: 1...2, volatile: true) { args throws(ExcelError) in
      try IndirectReference.evaluate(args)
    },
    // The number of areas of a reference: 1 for a range, n for a union of n areas.
    FunctionSpec("AREAS", arguments: 1...1, parameters: [.position], unions: true) {
      args throws(ExcelError) in
      switch args.operands[0] {
      case .reference?: return .number(1)
      case .union(let ranges)?: return .number(Double(ranges.count))
      case .value(.error(let error))?: throw error
      default: throw .value
      }
    },
    // Its vectors are evaluated as arrays, so LOOKUP(2, 1/(A1:A9="x"), B1:B9) needs no CSE.
    FunctionSpec("LOOKUP", arguments: 2...3, parameters: [.value, .array, .array]) {
      args throws(ExcelError) in
      try VectorLookup.lookup(args)
    },
  ]
}
