import FormulaSyntax
import SpreadsheetEngine

/// Random formula text from Excel's grammar: every operator, every function of the registry
/// (mostly with a valid number of arguments, sometimes not), references of every shape
/// (relative, absolute, mixed, areas, whole rows and columns, other sheets, off the grid), names,
/// constants of every type and array constants.
///
/// Formulas are kept small (a few levels) so that each fuzz input costs milliseconds; now and
/// then a pathological one (a chain past the height limit, parentheses past the depth limit) is
/// made on purpose.
struct FuzzFormulaGenerator {
  /// Sheets a reference may name (a few unknown ones are added by the generator itself).
  var sheets: [String]
  /// Defined names a formula may use.
  var names: [String]
  /// Whether formulas may be wrong (unknown functions, sheets and names, wrong argument counts,
  /// ragged arrays, limits exceeded); otherwise every formula binds.
  var mistakes = true

  /// Every function but NOW, whose value moves between two recalculations, so the oracle's
  /// comparison of an incremental and a fresh evaluation could not hold for its dependents.
  static let functions = FunctionRegistry.all.values.filter { $0.name != "NOW" }
    .sorted { $0.name < $1.name }
  static let errors = ExcelError.allCases.filter { $0 != .cycle }.map(\.rawValue)
  static let texts = [
    "", "a", "Revenue", "say \"\"hi\"\"", "中文", "ÉCLAIR", "#N/A", "1,5", "=1+1", "'quoted'",
    "|bar|", "tab\tin", "0.5", "TRUE", "2024-01-31", "*", "?x", "~",
  ]

  /// A formula without its leading `=`.
  func formula(_ random: inout FuzzRandom) -> String {
    if mistakes && random.chance(2) { return pathological(&random) }
    return expression(&random, depth: 0)
  }

  func expression(_ random: inout FuzzRandom, depth: Int) -> String {
    let leafOnly = depth >= 4
    switch random.int(0...(leafOnly ? 5 : 11)) {
    case 0: return number(&random)
    case 1: return "\"" + random.pick(Self.texts) + "\""
    case 2: return random.chance(50) ? "TRUE" : "FALSE"
    case 3: return random.chance(70) ? cell(&random) : random.pick(Self.errors)
    case 4: return area(&random)
    case 5:
      if names.isEmpty || (mistakes && random.chance(20)) {
        return mistakes ? random.pick(["Rate", "X_1", "nope"]) : number(&random)
      }
      return random.pick(names)
    case 6, 7: return call(&random, depth: depth)
    case 8: return random.pick(["-", "+", "--"]) + expression(&random, depth: depth + 1)
    case 9: return expression(&random, depth: depth + 1) + "%"
    case 10: return "(" + expression(&random, depth: depth + 1) + ")"
    default:
      if random.chance(15) { return referenceOperator(&random) }
      let op = random.pick(InfixOperator.allCases).rawValue
      let space = random.chance(10) ? " " : ""
      return expression(&random, depth: depth + 1) + space + op + space
        + expression(&random, depth: depth + 1)
    }
  }

  /// Excel's reference operators: an intersection (a space between references) or a union
  /// (references joined by commas inside parentheses).
  func referenceOperator(_ random: inout FuzzRandom) -> String {
    let operand = { (random: inout FuzzRandom) -> String in
      random.chance(50) ? self.area(&random) : self.cell(&random)
    }
    if random.chance(50) { return operand(&random) + " " + operand(&random) }
    return "(" + operand(&random) + "," + operand(&random) + ")"
  }

  func number(_ random: inout FuzzRandom) -> String {
    switch random.int(0...7) {
    case 0: return String(random.int(0...10))
    case 1: return String(random.int(-1000...100_000))
    case 2: return "0." + String(random.int(0...999))
    case 3: return random.pick(["1e308", "1E-300", "9.99999999999999E+307", "4.9E-324", "1e3"])
    case 4: return random.pick(["0.1", "0.2", "0.3", "1.005", "2.5", "-0.5"])
    case 5: return String(random.int(1...99)) + "%"
    case 6:
      return random.pick(["{1,2;3,4}", "{1,\"a\",TRUE,#N/A}", "{-1;2.5}", mistakes ? "{1,2;3}" : "{7}"])
    default: return String(random.int(0...40_000))
    }
  }

  /// A cell reference, sometimes on another sheet, sometimes at the far edge of the grid.
  func cell(_ random: inout FuzzRandom) -> String {
    prefix(&random) + address(&random)
  }

  func address(_ random: inout FuzzRandom) -> String {
    let farColumn = random.chance(3)
    let farRow = random.chance(3)
    let column = farColumn ? random.int(16_380...16_383) : random.int(0...7)
    let row = farRow ? random.int(1_048_570...1_048_575) : random.int(0...24)
    return (random.chance(25) ? "$" : "") + A1Notation.columnName(column) + (random.chance(25) ? "$" : "")
      + String(row + 1)
  }

  func area(_ random: inout FuzzRandom) -> String {
    switch random.int(0...9) {
    case 0:
      let first = random.int(0...6)
      return prefix(&random) + A1Notation.columnName(first) + ":"
        + A1Notation.columnName(first + random.int(0...2))
    case 1:
      let first = random.int(1...20)
      return prefix(&random) + "\(first):\(first + random.int(0...3))"
    case 2: return prefix(&random) + random.pick(["A1:XFD1048576", "$A:$XFD", "1:1048576", "A:A"])
    default: return prefix(&random) + address(&random) + ":" + address(&random)
    }
  }

  func prefix(_ random: inout FuzzRandom) -> String {
    guard random.chance(30) else { return "" }
    if mistakes && random.chance(10) { return random.pick(["Nope!", "'No such'!"]) }
    return sheets.isEmpty ? "" : SheetNameQuoting.quoted(random.pick(sheets)) + "!"
  }

  func call(_ random: inout FuzzRandom, depth: Int) -> String {
    if random.chance(3) {
      return random.pick(
        mistakes ? ["SUMM(1)", "NOSUCH()"] : ["_xlfn.XLOOKUP(1,A1:A3,B1:B3)", "_xlfn._xlws.SUM(1)"])
    }
    let spec = random.pick(Self.functions)
    var count = random.int(spec.minimumArguments...min(spec.maximumArguments, spec.minimumArguments + 3))
    if mistakes && random.chance(3) {
      count = spec.maximumArguments == variadic ? count : spec.maximumArguments + 1
    }
    var arguments: [String] = []
    for index in 0..<count {
      let kind = spec.parameterKind(at: index)
      if (kind == .reference || kind == .array) && random.chance(60) {
        arguments.append(area(&random))
      } else {
        // An omitted argument, except as the only one (`DAY()` has no argument at all).
        arguments.append(count > 1 && random.chance(5) ? "" : expression(&random, depth: depth + 1))
      }
    }
    return spec.name + "(" + arguments.joined(separator: random.chance(5) ? ", " : ",") + ")"
  }

  /// Formulas at and past the limits: long chains, deep parentheses, long text.
  func pathological(_ random: inout FuzzRandom) -> String {
    switch random.int(0...3) {
    case 0:
      return Array(repeating: "1", count: random.int(1_000...1_100)).joined(
        separator: random.pick(["+", "^", "&"]))
    case 1:
      let depth = random.int(250...260)
      return String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
    case 2: return "\"" + String(repeating: "x", count: random.int(8_180...8_200)) + "\""
    default: return String(repeating: "SUM(", count: 130) + "1" + String(repeating: ")", count: 130)
    }
  }
}
