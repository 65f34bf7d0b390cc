/// How a sheet name must be written before `!` in a formula.
public enum SheetNameQuoting {
  /// The name itself when it is a plain word, otherwise in single quotes with `'` doubled:
  /// `Inputs`, `'P&L'`, `'Cash Runway'`, `'2024'`, `'A1'`.
  public static func quoted(_ name: String) -> String {
    let plainBytes =
      !name.isEmpty
      && name.utf8.allSatisfy { byte in
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte >= 0x80
      }
    let startsWithDigit = name.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false
    let upper = name.uppercased()
    let looksLikeReference =
      A1Notation.parseCell(name) != nil || upper == "R" || upper == "C"
      || (upper.hasPrefix("R") && upper.dropFirst().allSatisfy(\.isNumber))
      || (upper.hasPrefix("C") && upper.dropFirst().allSatisfy(\.isNumber))
      || upper == "TRUE" || upper == "FALSE"
    if plainBytes && !startsWithDigit && !looksLikeReference { return name }
    var escaped = ""
    for character in name { escaped += character == "'" ? "''" : String(character) }
    return "'" + escaped + "'"
  }
}
