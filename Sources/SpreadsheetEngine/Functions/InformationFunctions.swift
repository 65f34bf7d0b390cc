/// Information functions.
enum InformationFunctions {
  static let all: [FunctionSpec] = []
}
