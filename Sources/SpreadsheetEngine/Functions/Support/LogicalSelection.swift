import FormulaSyntax

/// The bodies of the lazy logical functions that need more than a few lines: IFS, SWITCH,
/// IFERROR/IFNA and the element-wise forms of IF and CHOOSE.
enum LogicalSelection {
  // MARK: IF

  /// IF over an array of conditions: a branch is evaluated (read whole) only when some element
  /// chooses it; without an else branch the element is FALSE.
  static func ifElementwise(_ args: LazyArguments, _ conditions: ValueMatrix) -> ValueMatrix {
    var choosesThen = false
    var choosesElse = false
    for value in conditions.values {
      guard let flag = try? value.asBoolean() else { continue }
      if flag { choosesThen = true } else { choosesElse = true }
    }
    let thenBranch = choosesThen ? args.matrix(1) : nil
    let elseBranch = choosesElse && args.count >= 3 ? args.matrix(2) : nil
    return LazyArrays.select(conditions: conditions, branches: [thenBranch, elseBranch])
  }

  // MARK: IFS

  /// IFS: the value after the first TRUE condition; #N/A when none is TRUE. Conditions are
  /// coerced like IF's (text other than TRUE/FALSE is #VALUE!); errors propagate.
  static func ifs(_ args: LazyArguments) throws(ExcelError) -> Operand {
    var index = 0
    while index + 1 < args.count {
      let condition = args.reduced(index)
      if case .array = condition { return .array(ifsElementwise(args, from: index)) }
      if try args.context.scalar(condition).asBoolean() { return args.operand(index + 1) }
      index += 2
    }
    throw .notAvailable
  }

  /// IFS once a condition is an array: the remaining pairs are all read as arrays.
  private static func ifsElementwise(_ args: LazyArguments, from start: Int) -> ValueMatrix {
    let pairs = stride(from: start, to: args.count - 1, by: 2).map { index in
      (condition: args.matrix(index), value: args.matrix(index + 1))
    }
    let (rows, columns) = LazyArrays.shape(pairs.flatMap { [$0.condition, $0.value] })
    return LazyArrays.build(rows: rows, columns: columns) { row, column in
      for pair in pairs {
        do throws(ExcelError) {
          if try LazyArrays.element(pair.condition, row, column).asBoolean() {
            return LazyArrays.element(pair.value, row, column)
          }
        } catch {
          return .error(error)
        }
      }
      return .error(.notAvailable)
    }
  }

  // MARK: IFERROR, IFNA

  /// IFERROR and IFNA: the value unless it is an error that `catches` accepts, then the
  /// fallback. Over an array the replacement is element by element, and the fallback is
  /// evaluated only when some element needs it.
  static func replacingErrors(
    _ args: LazyArguments, catches: (ExcelError) -> Bool
  ) -> Operand {
    let value = args.reduced(0)
    guard case .array(let values) = value else {
      let single = args.context.scalar(value)
      if case .error(let error) = single, catches(error) { return args.reduced(1) }
      return .value(single)
    }
    let needsFallback = values.values.contains { $0.errorValue.map(catches) ?? false }
    guard needsFallback else { return value }
    let fallback = args.matrix(1)
    let (rows, columns) = LazyArrays.shape([values, fallback])
    return .array(
      LazyArrays.build(rows: rows, columns: columns) { row, column in
        let element = LazyArrays.element(values, row, column)
        guard let error = element.errorValue, catches(error) else { return element }
        return LazyArrays.element(fallback, row, column)
      })
  }

  // MARK: CHOOSE

  /// CHOOSE's index: truncated, and #VALUE! outside 1...count. Returns the 0-based choice.
  static func choice(_ selector: CellValue, count: Int) throws(ExcelError) -> Int {
    let number = try selector.asNumber().rounded(.towardZero)
    guard number >= 1, number <= Double(count) else { throw .value }
    return Int(number) - 1
  }

  /// CHOOSE over an array of indexes (`VLOOKUP(x, CHOOSE({1,2}, B:B, A:A), 2, 0)`): the chosen
  /// arguments are read whole and broadcast against the indexes.
  static func chooseElementwise(_ args: LazyArguments, _ selectors: ValueMatrix) -> ValueMatrix {
    let count = args.count - 1
    let needed = LazyArrays.neededChoices(selectors, count: count) { try? choice($0, count: count) }
    var choices: [ValueMatrix?] = []
    for index in 0..<count { choices.append(needed[index] ? args.matrix(index + 1) : nil) }
    let (rows, columns) = LazyArrays.shape([selectors] + choices.compactMap { $0 })
    return LazyArrays.build(rows: rows, columns: columns) { row, column in
      do throws(ExcelError) {
        let index = try choice(LazyArrays.element(selectors, row, column), count: count)
        guard let chosen = choices[index] else { return .error(.value) }
        return LazyArrays.element(chosen, row, column)
      } catch {
        return .error(error)
      }
    }
  }

  // MARK: SWITCH

  /// SWITCH: the result after the first value equal to the expression (Excel's comparison:
  /// no coercion between kinds, text without regard to case), else the default, else #N/A.
  static func switchCase(_ args: LazyArguments) throws(ExcelError) -> Operand {
    let subject = args.reduced(0)
    if case .array(let subjects) = subject {
      return .array(switchElementwise(args, subjects))
    }
    let value = args.context.scalar(subject)
    if case .error(let error) = value { throw error }
    var index = 1
    while index + 1 < args.count {
      let candidate = args.value(index)
      if case .error(let error) = candidate { throw error }
      if ValueComparison.compare(value, candidate) == 0 { return args.operand(index + 1) }
      index += 2
    }
    if index < args.count { return args.operand(index) }
    throw .notAvailable
  }

  /// SWITCH over an array expression: every case is read as an array.
  private static func switchElementwise(_ args: LazyArguments, _ subjects: ValueMatrix)
    -> ValueMatrix
  {
    let cases = (1..<args.count).map { args.matrix($0) }
    let (rows, columns) = LazyArrays.shape([subjects] + cases)
    return LazyArrays.build(rows: rows, columns: columns) { row, column in
      let value = LazyArrays.element(subjects, row, column)
      if case .error = value { return value }
      var index = 0
      while index + 1 < cases.count {
        let candidate = LazyArrays.element(cases[index], row, column)
        if case .error = candidate { return candidate }
        if ValueComparison.compare(value, candidate) == 0 {
          return LazyArrays.element(cases[index + 1], row, column)
        }
        index += 2
      }
      return index < cases.count ? LazyArrays.element(cases[index], row, column) : .error(.notAvailable)
    }
  }
}
