/// All functions finmodel knows, looked up by upper-case name.
///
/// Each family file contributes one array; adding a function is one entry there.
public enum FunctionRegistry {
  public static let all: [String: FunctionSpec] = {
    let families: [[FunctionSpec]] = [
      MathFunctions.all, StatisticalFunctions.all, LogicalFunctions.all, LookupFunctions.all,
      FinancialFunctions.all, DateFunctions.all, TextFunctions.all, InformationFunctions.all,
    ]
    var table: [String: FunctionSpec] = [:]
    for spec in families.joined() {
      precondition(table[spec.name] == nil, "function \(spec.name) is defined twice")
      table[spec.name] = spec
    }
    return table
  }()

  public static func function(named name: String) -> FunctionSpec? {
    all[name.uppercased()]
  }
}
