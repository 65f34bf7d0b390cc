import FormulaSyntax

/// Resolves the sheets, defined names and functions of a parsed formula.
///
/// Collects every problem instead of stopping at the first, so one run reports them all.
struct Binder {
  let workbook: Workbook
  let sheet: Int
  var issues: [BindingIssue] = []
  /// Names being expanded, to report a name defined through itself.
  private var expanding: [String] = []

  init(workbook: Workbook, sheet: Int) {
    self.workbook = workbook
    self.sheet = sheet
  }

  mutating func bind(_ expression: FormulaExpression) -> BoundExpression {
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
    case .call(let name, let nameSpan, let arguments):
      let bound = arguments.map { bind($0) }
      guard let spec = FunctionRegistry.function(named: name) else {
        issues.append(
          BindingIssue(
            "unknown function '\(name)'", span: nameSpan,
            suggestion: Suggestions.closest(to: name, among: FunctionRegistry.all.keys)
              .map { "did you mean \($0)?" }))
        return .constant(.error(.name))
      }
      guard (spec.minimumArguments...spec.maximumArguments).contains(arguments.count) else {
        issues.append(
          BindingIssue(
            "\(spec.name) takes \(spec.arityDescription), not \(arguments.count)", span: expression.span))
        return .constant(.error(.value))
      }
      return .call(spec, bound)
    }
  }

  private mutating func resolveSheet(_ name: String?, span: SourceSpan) -> Int? {
    guard let name else { return sheet }
    if let index = workbook.sheetIndex(named: name) { return index }
    let suggestion = Suggestions.closest(to: name, among: workbook.sheets.map(\.name))
    issues.append(
      BindingIssue(
        "unknown sheet '\(name)'", span: span, suggestion: suggestion.map { "did you mean '\($0)'?" }))
    return nil
  }

  private mutating func bindName(_ name: String, span: SourceSpan) -> BoundExpression {
    let key = name.uppercased()
    guard let definition = workbook.definedNames[key] else {
      let suggestion = Suggestions.closest(to: name, among: workbook.definedNames.values.map(\.name))
      issues.append(
        BindingIssue(
          "unknown name '\(name)'", span: span, suggestion: suggestion.map { "did you mean \($0)?" }))
      return .constant(.error(.name))
    }
    guard !expanding.contains(key) else {
      issues.append(BindingIssue("name '\(name)' is defined in terms of itself", span: span))
      return .constant(.error(.name))
    }
    expanding.append(key)
    defer { expanding.removeLast() }
    return bind(definition.expression)
  }
}
