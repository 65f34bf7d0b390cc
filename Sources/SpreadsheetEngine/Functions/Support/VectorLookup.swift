import FormulaSyntax

/// LOOKUP, in its vector form (`LOOKUP(value, lookup_vector, result_vector)`) and its array
/// form (`LOOKUP(value, array)`). Both search approximately like MATCH type 1: Excel bisects,
/// so on sorted data the last item not greater than the value is found, and items of another
/// kind are skipped (the idiom `LOOKUP(2, 1/(A1:A9="x"), B1:B9)` finds the last "x").
///
/// The array form searches the first row when the array is wider than tall, else the first
/// column, and returns from the last row or column. A lookup vector that is two-dimensional is
/// searched the same way. Excel reads past the end of a result vector shorter than the lookup
/// vector (it is meant to be the same size); here such a position is #N/A, so a formula never
/// depends on cells it does not name.
enum VectorLookup {
  static func lookup(_ args: Arguments) throws(ExcelError) -> Operand {
    for index in 1..<args.count {
      if case .value(.error(let error))? = args.operands[index] { throw error }
    }
    let table = args.matrix(1)
    let wide = table.columns > table.rows
    let keys = wide ? LookupVector(table, row: 0) : LookupVector(table, column: 0)
    let results: LookupVector
    if args.count < 3 {
      results =
        wide
        ? LookupVector(table, row: table.rows - 1) : LookupVector(table, column: table.columns - 1)
    } else {
      let view = args.matrix(2)
      guard let vector = LookupVector(oneDimensional: view) else { throw .notAvailable }
      results = vector
    }
    guard let found = LookupSearch.position(of: args.value(0), in: keys, mode: .ascending),
      found < results.count
    else { throw .notAvailable }
    return .value(results[found])
  }
}
