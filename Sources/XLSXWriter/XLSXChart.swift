import CXLSXWriter

/// A chart to insert into a worksheet: a plain description, turned into libxlsxwriter calls only when
/// inserted, so that an invalid description never leaves a half-built, uninserted chart behind.
public struct XLSXChart: Equatable, Sendable {
  /// The chart types finmodel exports.
  public enum Kind: Equatable, Sendable {
    case line, column

    var lxwValue: UInt8 {
      switch self {
      case .line: return UInt8(LXW_CHART_LINE.rawValue)
      case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
      }
    }
  }

  public var kind: Kind
  public var title: String?
  /// At least one series is required.
  public var series: [XLSXChartSeries]
  /// Category (x) axis.
  public var xAxis: XLSXChartAxis
  /// Value (y) axis.
  public var yAxis: XLSXChartAxis
  public var legendPosition: XLSXLegendPosition

  public init(
    kind: Kind, title: String? = nil, series: [XLSXChartSeries] = [],
    xAxis: XLSXChartAxis = XLSXChartAxis(), yAxis: XLSXChartAxis = XLSXChartAxis(),
    legendPosition: XLSXLegendPosition = .right
  ) {
    self.kind = kind
    self.title = title
    self.series = series
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.legendPosition = legendPosition
  }
}

/// One data series over worksheet ranges.
public struct XLSXChartSeries: Equatable, Sendable {
  /// The values, e.g. `'Cash Runway'!$C$10:$AL$10`.
  public var values: XLSXRange
  /// The category labels, or nil for 1, 2, 3, ...
  public var categories: XLSXRange?
  /// Legend name: literal text, or a formula such as `='Cash Runway'!$B$10` (libxlsxwriter reads
  /// that formula itself, so its sheet name must not contain `'`).
  public var name: String?

  public init(values: XLSXRange, categories: XLSXRange? = nil, name: String? = nil) {
    self.values = values
    self.categories = categories
    self.name = name
  }
}

/// Axis title and number format.
public struct XLSXChartAxis: Equatable, Sendable {
  public var title: String?
  /// Excel number format for the axis labels, e.g. `#,##0` or `$#,##0,"k"`.
  public var numberFormat: String?
  /// Puts the tick labels at the bottom of the plot instead of at the crossing line, so that
  /// category labels stay readable when values go negative.
  public var labelsLow: Bool

  public init(title: String? = nil, numberFormat: String? = nil, labelsLow: Bool = false) {
    self.title = title
    self.numberFormat = numberFormat
    self.labelsLow = labelsLow
  }
}

/// Where the legend goes.
public enum XLSXLegendPosition: Equatable, Sendable {
  case none, right, left, top, bottom

  var lxwValue: UInt8 {
    switch self {
    case .none: return UInt8(LXW_CHART_LEGEND_NONE.rawValue)
    case .right: return UInt8(LXW_CHART_LEGEND_RIGHT.rawValue)
    case .left: return UInt8(LXW_CHART_LEGEND_LEFT.rawValue)
    case .top: return UInt8(LXW_CHART_LEGEND_TOP.rawValue)
    case .bottom: return UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)
    }
  }
}

/// How big an inserted chart is. libxlsxwriter's default chart is 480 × 288 pixels.
public enum XLSXChartSize: Equatable, Sendable {
  /// Scale factors relative to 480 × 288 (both > 0).
  case scale(x: Double, y: Double)
  /// Exact size in pixels (both > 0).
  case pixels(width: Int, height: Int)

  static let defaultWidth = 480.0
  static let defaultHeight = 288.0

  /// The scale factors libxlsxwriter's `lxw_chart_options` takes.
  var scaleFactors: (x: Double, y: Double) {
    switch self {
    case .scale(let x, let y): return (x, y)
    case .pixels(let width, let height):
      return (Double(width) / Self.defaultWidth, Double(height) / Self.defaultHeight)
    }
  }
}
