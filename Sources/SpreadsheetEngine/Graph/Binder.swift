import FormulaSyntax

/// Resolves the sheets, defined names and functions of a parsed formula.
///
/// Collects every problem instead of stopping at the first, so one run reports them all.
struct Binder {
  let workbook: Workbook
  let sheet: Int
  var issues: [BindingIssue] = []
  /// Names being expanded, to report a name defined through itself (a set: a chain of names can
  /// be a thousand deep, and a linear search per level made binding quadratic).
  private var expanding: Set<String> = []
  /// Current nesting and nodes bound so far: names are inlined, so the bound tree can be far
  /// taller and larger than the text (a name used twice in the next name doubles it each time).
  /// Both are bounded (`FormulaLimits`) so that binding and evaluation stay within the stack and
  /// memory whatever the names.
  private var level = 0
  private var size = 0
  /// Where the outermost name being expanded is used in the formula being bound.
  private var outermostNameSpan: SourceSpan?
  private var tooLarge = false

  init(workbook: Workbook, sheet: Int) {
    self.workbook = workbook
    self.sheet = sheet
  }

  mutating func bind(_ expression: FormulaExpression) -> BoundExpression {
    level += 1
    size += 1
    defer { level -= 1 }
    if level > FormulaLimits.maximumHeight || size > FormulaLimits.maximumExpandedSize {
      if !tooLarge {
        tooLarge = true
        let what =
          level > FormulaLimits.maximumHeight
          ? "more than \(FormulaLimits.maximumHeight) levels deep"
          : "larger than \(FormulaLimits.maximumExpandedSize) parts"
        issues.append(
          BindingIssue(
            "expanding the defined names here makes a formula \(what)",
            span: outermostNameSpan ?? expression.span,
            suggestion:
              "names are copied into every formula that uses them; keep big intermediate results in cells"))
      }
      return .constant(.error(.value))
    }
    return bindNode(expression)
  }

  private mutating func bindNode(_ expression: FormulaExpression) -> BoundExpression {
    switch expression.kind {
    case .number(let value): return .constant(.number(value))
    case .text(let value): return .constant(.text(value))
    case .boolean(let value): return .constant(.boolean(value))
    case .error(let value): return .constant(.error(value))
    case .missing: return .missing
    case .parenthesized(let inner): return bind(inner)
    case .array(let rows):
      let values = rows.joined().map { item -> CellValue in
        if case .constant(let value) = bind(item) { return value }
        return .error(.value)
      }
      return .array(ValueMatrix(rows: rows.count, columns: rows.first?.count ?? 0, values: values))
    case .cell(let sheetName, let reference):
      guard let target = resolveSheet(sheetName, span: expression.span) else {
        return .constant(.error(.reference))
      }
      return .cell(sheet: target, reference)
    case .area(let sheetName, let reference):
      guard let target = resolveSheet(sheetName, span: expression.span) else {
        return .constant(.error(.reference))
      }
      return .area(sheet: target, reference)
    case .name(let name):
      return bindName(name, span: expression.span)
    case .prefix(let op, let operand):
      return .prefix(op, bind(operand))
    case .postfix(.percent, let operand):
      return .percent(bind(operand))
    case .infix(let op, let lhs, let rhs):
      return .infix(op, bind(lhs), bind(rhs))
    case .intersection(let lhs, let rhs):
      return .intersection(bind(lhs), bind(rhs))
    case .union(let areas):
      return .union(areas.map { bind($0) })
    case .call(let name, let nameSpan, let arguments):
      let bound = arguments.map { bind($0) }
      guard let spec = FunctionRegistry.function(named: name) else {
        issues.append(
          BindingIssue(
            "unknown function '\(name)'", span: nameSpan,
            suggestion: suggest(name, among: FunctionRegistry.all.keys).map { "did you mean \($0)?" }))
        return .constant(.error(.name))
      }
      guard (spec.minimumArguments...spec.maximumArguments).contains(arguments.count) else {
        issues.append(
          BindingIssue(
            arguments.count > spec.maximumArguments && spec.maximumArguments >= variadic
              ? "\(spec.name) takes at most \(spec.maximumArguments) arguments, not \(arguments.count)"
              : "\(spec.name) takes \(spec.arityDescription), not \(arguments.count)",
            span: expression.span))
        return .constant(.error(.value))
      }
      return .call(spec, bound)
    }
  }

  private mutating func resolveSheet(_ name: String?, span: SourceSpan) -> Int? {
    guard let name else { return sheet }
    if let index = workbook.sheetIndex(named: name) { return index }
    let suggestion = suggest(name, among: workbook.sheets.map(\.name))
    issues.append(
      BindingIssue(
        "unknown sheet '\(name)'", span: span, suggestion: suggestion.map { "did you mean '\($0)'?" }))
    return nil
  }

  /// The closest candidate, while the workbook's budget of comparisons lasts.
  private func suggest(_ word: String, among candidates: some Collection<String>) -> String? {
    guard workbook.suggestionBudget >= candidates.count else { return nil }
    workbook.suggestionBudget -= candidates.count
    return Suggestions.closest(to: word, among: candidates)
  }

  private mutating func bindName(_ name: String, span: SourceSpan) -> BoundExpression {
    let key = name.uppercased()
    guard let definition = workbook.definedNames[key] else {
      let suggestion =
        A1Notation.isBeyondGrid(name)
        ? A1Notation.beyondGridMessage(name)
        : suggest(name, among: workbook.definedNames.values.lazy.map(\.name))
          .map { "did you mean \($0)?" }
      issues.append(BindingIssue("unknown name '\(name)'", span: span, suggestion: suggestion))
      return .constant(.error(.name))
    }
    guard !expanding.contains(key) else {
      issues.append(BindingIssue("name '\(name)' is defined in terms of itself", span: span))
      return .constant(.error(.name))
    }
    if expanding.isEmpty { outermostNameSpan = span }
    expanding.insert(key)
    defer {
      expanding.remove(key)
      if expanding.isEmpty { outermostNameSpan = nil }
    }
    return bind(definition.expression)
  }
}
