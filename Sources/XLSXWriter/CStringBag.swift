import Foundation

/// Owns C string copies until the bag is released.
///
/// libxlsxwriter option structs (document properties, comment and chart options) hold `char *`
/// fields; a pointer from `withCString` is only valid inside its closure, so nesting one closure per
/// field would be unreadable. The bag `strdup`s each string and frees them all on deinit; callers keep
/// the bag alive across the C call with `withExtendedLifetime`.
final class CStringBag {
  private var pointers: [UnsafeMutablePointer<CChar>] = []

  /// A C copy of `string`, or nil for nil. Strings with an interior NUL are cut there by C anyway;
  /// callers that care validate first.
  func copy(_ string: String?) -> UnsafeMutablePointer<CChar>? {
    guard let string else { return nil }
    guard let pointer = strdup(string) else { return nil }
    pointers.append(pointer)
    return pointer
  }

  deinit {
    for pointer in pointers { free(pointer) }
  }
}
