import CXLSXWriter

/// A 24-bit RGB colour, e.g. `XLSXColor(rgb: 0x1F4E79)`.
///
/// libxlsxwriter treats `0x000000` as "no colour set", so black is translated to its special
/// `LXW_COLOR_BLACK` value on the way in; callers never need to know that.
public struct XLSXColor: Hashable, Sendable {
  /// The colour as `0xRRGGBB`; values above `0xFFFFFF` are rejected when used.
  public var rgb: UInt32

  public init(rgb: UInt32) { self.rgb = rgb }

  public init(red: UInt8, green: UInt8, blue: UInt8) {
    rgb = UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
  }

  /// The value libxlsxwriter expects, or an error for out-of-range input.
  func lxwColor(call: String, sheet: String? = nil) throws(XLSXError) -> lxw_color_t {
    guard rgb <= 0xFF_FFFF else {
      throw XLSXError(
        .invalidArgument, message: "colour 0x\(String(rgb, radix: 16)) is not a 24-bit RGB value",
        call: call, sheet: sheet)
    }
    return rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb)
  }
}

/// Horizontal alignment of cell content.
public enum XLSXHorizontalAlignment: Hashable, Sendable {
  case left, center, right, fill, justify, centerAcrossSelection

  var lxwValue: UInt8 {
    switch self {
    case .left: return UInt8(LXW_ALIGN_LEFT.rawValue)
    case .center: return UInt8(LXW_ALIGN_CENTER.rawValue)
    case .right: return UInt8(LXW_ALIGN_RIGHT.rawValue)
    case .fill: return UInt8(LXW_ALIGN_FILL.rawValue)
    case .justify: return UInt8(LXW_ALIGN_JUSTIFY.rawValue)
    case .centerAcrossSelection: return UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue)
    }
  }
}

/// Vertical alignment of cell content.
public enum XLSXVerticalAlignment: Hashable, Sendable {
  case top, center, bottom

  var lxwValue: UInt8 {
    switch self {
    case .top: return UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
    case .center: return UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
    case .bottom: return UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue)
    }
  }
}

/// Border line styles that financial layouts use (totals: thin/medium above, double below).
public enum XLSXBorderStyle: Hashable, Sendable {
  case thin, medium, double

  var lxwValue: UInt8 {
    switch self {
    case .thin: return UInt8(LXW_BORDER_THIN.rawValue)
    case .medium: return UInt8(LXW_BORDER_MEDIUM.rawValue)
    case .double: return UInt8(LXW_BORDER_DOUBLE.rawValue)
    }
  }
}

/// A description of a cell format; equal descriptions share one `lxw_format`.
///
/// A plain value type so that callers can build formats anywhere (no workbook needed), compare and
/// hash them; `XLSXWorkbook.format(_:)` turns a description into a handle, creating the C object only
/// once per distinct description, because libxlsxwriter writes one `<xf>` per `lxw_format` object.
public struct XLSXFormat: Hashable, Sendable {
  public var bold: Bool
  public var italic: Bool
  /// Font size in points (1...409); `nil` keeps the default 11.
  public var fontSize: Double?
  public var fontColor: XLSXColor?
  /// Solid background fill.
  public var fillColor: XLSXColor?
  /// Excel number format code such as `#,##0.00;[Red]-#,##0.00` (at most 127 UTF-8 bytes).
  public var numberFormat: String?
  public var horizontalAlignment: XLSXHorizontalAlignment?
  public var verticalAlignment: XLSXVerticalAlignment?
  /// Indent level (0...15).
  public var indent: Int
  public var topBorder: XLSXBorderStyle?
  public var bottomBorder: XLSXBorderStyle?
  public var wrapText: Bool

  public init(
    bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: XLSXColor? = nil,
    fillColor: XLSXColor? = nil, numberFormat: String? = nil,
    horizontalAlignment: XLSXHorizontalAlignment? = nil,
    verticalAlignment: XLSXVerticalAlignment? = nil, indent: Int = 0,
    topBorder: XLSXBorderStyle? = nil, bottomBorder: XLSXBorderStyle? = nil, wrapText: Bool = false
  ) {
    self.bold = bold
    self.italic = italic
    self.fontSize = fontSize
    self.fontColor = fontColor
    self.fillColor = fillColor
    self.numberFormat = numberFormat
    self.horizontalAlignment = horizontalAlignment
    self.verticalAlignment = verticalAlignment
    self.indent = indent
    self.topBorder = topBorder
    self.bottomBorder = bottomBorder
    self.wrapText = wrapText
  }
}
