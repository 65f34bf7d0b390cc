/// All functions finmodel knows, looked up by upper-case name.
///
/// Each family file contributes one array; adding a function is one entry there.
public enum FunctionRegistry {
  /// The families, named as docs/functions.md lists them (a test keeps that file in step).
  public static let families: [(name: String, functions: [FunctionSpec])] = [
    ("Math", MathFunctions.all), ("Statistical", StatisticalFunctions.all),
    ("Logical", LogicalFunctions.all), ("Lookup and reference", LookupFunctions.all),
    ("Financial", FinancialFunctions.all), ("Date and time", DateFunctions.all),
    ("Text", TextFunctions.all), ("Information", InformationFunctions.all),
  ]

  public static let all: [String: FunctionSpec] = {
    var table: [String: FunctionSpec] = [:]
    for spec in families.flatMap(\.functions) {
      precondition(table[spec.name] == nil, "function \(spec.name) is defined twice")
      table[spec.name] = spec
    }
    return table
  }()

  public static func function(named name: String) -> FunctionSpec? {
    all[name.uppercased()]
  }
}
