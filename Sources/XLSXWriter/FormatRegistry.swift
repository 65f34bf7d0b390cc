import CXLSXWriter

/// A resolved cell format, created by `XLSXWorkbook.format(_:)` and passed to cell writes.
///
/// Resolving once and passing the handle keeps the per-cell path free of hashing; the handle remembers
/// its workbook so that using it with another workbook is an error instead of a dangling `lxw_format*`.
public struct XLSXFormatHandle {
  let pointer: UnsafeMutablePointer<lxw_format>
  let owner: WorkbookCore
  /// The description this handle was made from.
  public let format: XLSXFormat
}

/// De-duplicates format descriptions into `lxw_format` objects.
///
/// libxlsxwriter writes one cell style per format object it is given, and its own de-duplication is
/// keyed on the object's contents at close; keeping one object per distinct description here keeps
/// styles.xml small and the handles stable.
struct FormatRegistry {
  private var cache: [XLSXFormat: UnsafeMutablePointer<lxw_format>] = [:]

  /// Number of distinct formats created so far.
  var count: Int { cache.count }

  /// The C format for `format`, created on first use. Validates everything libxlsxwriter would
  /// silently truncate or clamp.
  mutating func pointer(
    for format: XLSXFormat, workbook: UnsafeMutablePointer<lxw_workbook>
  ) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
    if let existing = cache[format] { return existing }
    try FormatRegistry.validate(format)
    guard let created = workbook_add_format(workbook) else {
      throw XLSXError(.creationFailed, call: "workbook_add_format")
    }
    try FormatRegistry.apply(format, to: created)
    cache[format] = created
    return created
  }

  private static func validate(_ format: XLSXFormat) throws(XLSXError) {
    let call = "workbook_add_format"
    if let size = format.fontSize, !(size.isFinite && size >= 1 && size <= 409) {
      throw XLSXError(.invalidArgument, message: "font size \(size) is outside 1...409", call: call)
    }
    if let code = format.numberFormat {
      // LXW_FORMAT_FIELD_LEN is 128 including the terminator; longer codes are cut silently.
      guard code.utf8.count < 128, !code.utf8.contains(0) else {
        throw XLSXError(
          .invalidArgument, message: "number format must be 1...127 UTF-8 bytes without NUL",
          call: call)
      }
    }
    _ = try format.fontColor?.lxwColor(call: "format_set_font_color")
    _ = try format.fillColor?.lxwColor(call: "format_set_bg_color")
    guard (0...15).contains(format.indent) else {
      throw XLSXError(
        .invalidArgument, message: "indent \(format.indent) is outside 0...15", call: call)
    }
  }

  private static func apply(
    _ format: XLSXFormat, to target: UnsafeMutablePointer<lxw_format>
  ) throws(XLSXError) {
    if format.bold { format_set_bold(target) }
    if format.italic { format_set_italic(target) }
    if let size = format.fontSize { format_set_font_size(target, size) }
    if let color = format.fontColor {
      format_set_font_color(target, try color.lxwColor(call: "format_set_font_color"))
    }
    if let color = format.fillColor {
      format_set_pattern(target, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(target, try color.lxwColor(call: "format_set_bg_color"))
    }
    if let code = format.numberFormat { format_set_num_format(target, code) }
    if let alignment = format.horizontalAlignment { format_set_align(target, alignment.lxwValue) }
    if let alignment = format.verticalAlignment { format_set_align(target, alignment.lxwValue) }
    if format.indent > 0 { format_set_indent(target, UInt8(format.indent)) }
    if let border = format.topBorder { format_set_top(target, border.lxwValue) }
    if let border = format.bottomBorder { format_set_bottom(target, border.lxwValue) }
    if format.wrapText { format_set_text_wrap(target) }
  }
}
