import FormulaSyntax

/// Excel's rules for sheet names and defined names, checked before anything is written.
public enum NamingRules {
  /// Why `name` cannot be a sheet name, or nil when it can.
  public static func sheetNameProblem(_ name: String) -> String? {
    if name.trimmingCharacters(in: .whitespaces).isEmpty { return "a sheet name cannot be blank" }
    if name.count > 31 { return "sheet name '\(name)' is longer than Excel's limit of 31 characters" }
    if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
      return "sheet name '\(name)' contains '\(bad)', which Excel forbids ([ ] : * ? / \\)"
    }
    if name.hasPrefix("'") || name.hasSuffix("'") {
      return "a sheet name cannot begin or end with an apostrophe"
    }
    if name.uppercased() == "HISTORY" { return "'History' is reserved by Excel" }
    return nil
  }

  /// Why `name` cannot be a defined name, or nil when it can.
  public static func definedNameProblem(_ name: String) -> String? {
    guard let first = name.unicodeScalars.first else { return "a name cannot be empty" }
    if name.count > 255 { return "name is longer than Excel's limit of 255 characters" }
    let letterLike = first.properties.isAlphabetic || first == "_" || first == "\\"
    if !letterLike { return "name '\(name)' must start with a letter, '_' or '\\'" }
    if let bad = name.unicodeScalars.first(where: {
      !($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "."
        || $0 == "\\")
    }) {
      return "name '\(name)' contains '\(bad)'; names may hold letters, digits, '_' and '.'"
    }
    let upper = name.uppercased()
    if A1Notation.parseCell(upper) != nil || looksLikeR1C1(upper) {
      return "name '\(name)' looks like a cell reference"
    }
    if upper == "TRUE" || upper == "FALSE" { return "'\(name)' is a boolean constant, not a name" }
    return nil
  }

  /// R, C, R1C1, RC2, R[1]C and the like are references in R1C1 notation.
  private static func looksLikeR1C1(_ upper: String) -> Bool {
    if upper == "R" || upper == "C" { return true }
    var rest = Substring(upper)
    if rest.first == "R" {
      rest = rest.dropFirst()
      rest = rest.drop { $0.isNumber }
      if rest.isEmpty { return true }
    }
    if rest.first == "C" {
      rest = rest.dropFirst()
      return rest.allSatisfy(\.isNumber)
    }
    return false
  }
}
