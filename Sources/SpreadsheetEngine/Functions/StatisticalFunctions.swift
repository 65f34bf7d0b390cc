/// Statistical functions.
enum StatisticalFunctions {
  static let all: [FunctionSpec] = []
}
