import FormulaSyntax

/// How the central runner prepares one argument before a function body sees it.
public enum ParameterKind: Sendable {
  /// A single value: a range is intersected with the formula's row or column (classic Excel's
  /// implicit intersection), an error stops the call and becomes its result, and an array makes
  /// the runner call the function once per element.
  case value
  /// Like `value`, but errors reach the body (ISERROR, IFERROR's value).
  case valueOrError
  /// A range or array taken as a whole (SUM, MATCH's lookup array); references stay unread.
  case reference
  /// Like `reference`, but the argument expression is evaluated as an array formula, the way
  /// classic Excel evaluates SUMPRODUCT's and INDEX's arguments.
  case array
  /// A reference used only for where it is, never read (ROW, COLUMN, ROWS, COLUMNS, OFFSET's
  /// base): prepared like `reference`, but its cells are not precedents of the formula, so
  /// `=ROW(A1)` in A1 or `=COLUMNS($C1:C1)` in C1 is no cycle, as in Excel.
  case position

  /// Whether the argument arrives as an unread reference.
  var takesReference: Bool { self == .reference || self == .array || self == .position }
}

/// One Excel function: its name, arity, argument kinds and implementation.
///
/// Adding a function is one `FunctionSpec` in the family file it belongs to; the runner does arity
/// checks, coercion, error propagation and array lifting, so bodies stay small.
public final class FunctionSpec: Sendable {
  public typealias Body = @Sendable (Arguments) throws(ExcelError) -> Operand
  public typealias LazyBody = @Sendable (LazyArguments) throws(ExcelError) -> Operand

  public let name: String
  public let minimumArguments: Int
  public let maximumArguments: Int
  /// Kinds of the parameters in order; the last one repeats for further arguments.
  public let parameters: [ParameterKind]
  public let isVolatile: Bool
  /// Whether `reference` and `array` parameters take multi-area references (SUM, COUNT,
  /// INDEX…); for every other function such an argument makes the call #VALUE!, as in Excel.
  public let acceptsUnions: Bool
  /// Whether the file format needs the `_xlfn.` prefix (functions newer than Excel 2007).
  public let needsFuturePrefix: Bool
  let body: Body?
  let lazyBody: LazyBody?

  /// An ordinary function: arguments are evaluated first, then `body` runs.
  public init(
    _ name: String, arguments: ClosedRange<Int>, parameters: [ParameterKind] = [.value],
    volatile: Bool = false, futurePrefix: Bool = false, unions: Bool = false, body: @escaping Body
  ) {
    self.name = name
    self.minimumArguments = arguments.lowerBound
    self.maximumArguments = arguments.upperBound
    self.parameters = parameters
    self.isVolatile = volatile
    self.acceptsUnions = unions
    self.needsFuturePrefix = futurePrefix
    self.body = body
    self.lazyBody = nil
  }

  /// A function that decides which arguments to evaluate (IF, IFERROR, CHOOSE, SWITCH…).
  public init(
    lazy name: String, arguments: ClosedRange<Int>, futurePrefix: Bool = false,
    body: @escaping LazyBody
  ) {
    self.name = name
    self.minimumArguments = arguments.lowerBound
    self.maximumArguments = arguments.upperBound
    self.parameters = [.value]
    self.isVolatile = false
    self.acceptsUnions = false
    self.needsFuturePrefix = futurePrefix
    self.body = nil
    self.lazyBody = body
  }

  /// The kind of parameter `index` (0-based).
  public func parameterKind(at index: Int) -> ParameterKind {
    parameters[min(index, parameters.count - 1)]
  }

  /// "at least 1 argument", "2 or 3 arguments", for arity diagnostics.
  public var arityDescription: String {
    let plural: (Int) -> String = { $0 == 1 ? "argument" : "arguments" }
    if minimumArguments == maximumArguments {
      return "\(minimumArguments) \(plural(minimumArguments))"
    }
    if maximumArguments >= 255 {
      return "at least \(minimumArguments) \(plural(minimumArguments))"
    }
    return "\(minimumArguments) to \(maximumArguments) arguments"
  }
}

/// Upper bound for variadic functions (Excel allows 255 arguments).
public let variadic = 255
