/// Text functions.
enum TextFunctions {
  static let all: [FunctionSpec] = []
}
