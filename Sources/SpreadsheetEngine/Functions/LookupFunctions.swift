/// Lookup functions.
enum LookupFunctions {
  static let all: [FunctionSpec] = []
}
