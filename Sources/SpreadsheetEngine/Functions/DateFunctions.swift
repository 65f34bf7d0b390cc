/// Date functions.
enum DateFunctions {
  static let all: [FunctionSpec] = []
}
