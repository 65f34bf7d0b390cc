import CXLSXWriter

/// Cell notes (comments) and charts: the worksheet objects that take option structs with C strings.
///
/// Every `char *` handed to libxlsxwriter lives in a `CStringBag` kept alive across the call; the
/// library copies what it keeps, so nothing needs to outlive the call itself.
extension XLSXWorksheet {
  /// Attaches a note to a cell.
  ///
  /// - Parameters:
  ///   - author: shown in the note's tooltip (Excel's "author"), or nil for none.
  ///   - width, height: box size in pixels (1...65535); nil keeps Excel's default 128 × 74.
  ///   - visible: show the note permanently instead of on hover.
  public func insertComment(
    _ text: String, row: Int, column: Int, author: String? = nil, width: Int? = nil,
    height: Int? = nil, visible: Bool = false
  ) throws(XLSXError) {
    let call = "worksheet_write_comment_opt"
    _ = try core.liveHandle(for: site(call, nil))
    let cell = try CellAddress(row: row, column: column, call: call, sheet: name)
    try requireNoNUL(text, call, cell)
    try requireNoNUL(author ?? "", call, cell)
    var options = lxw_comment_options()
    options.visible = UInt8(
      visible ? LXW_COMMENT_DISPLAY_VISIBLE.rawValue : LXW_COMMENT_DISPLAY_DEFAULT.rawValue)
    options.width = try pixelSize(width, call, cell)
    options.height = try pixelSize(height, call, cell)
    let strings = CStringBag()
    options.author = strings.copy(author)
    let result = withExtendedLifetime(strings) {
      worksheet_write_comment_opt(record.pointer, cell.row, cell.column, text, &options)
    }
    try check(result, site(call, cell))
  }

  /// Builds `chart` and anchors its top-left corner at the given cell.
  ///
  /// Everything is validated before `workbook_add_chart`, so a bad description throws without leaving
  /// an uninserted chart in the workbook (libxlsxwriter would warn about it at close).
  public func insertChart(
    _ chart: XLSXChart, row: Int, column: Int, size: XLSXChartSize = .scale(x: 1, y: 1),
    xOffset: Int = 0, yOffset: Int = 0
  ) throws(XLSXError) {
    let call = "worksheet_insert_chart_opt"
    let handle = try core.liveHandle(for: site(call, nil))
    let cell = try CellAddress(row: row, column: column, call: call, sheet: name)
    try validate(chart, size: size, xOffset: xOffset, yOffset: yOffset, cell: cell)
    guard let lxwChart = workbook_add_chart(handle, chart.kind.lxwValue) else {
      throw failure(.creationFailed, "workbook_add_chart", cell)
    }
    let strings = CStringBag()
    try withExtendedLifetime(strings) { () throws(XLSXError) in
      for series in chart.series {
        // Ranges go in as sheet and corners, never as formula text (see `XLSXRange`).
        guard let lxwSeries = chart_add_series(lxwChart, nil, nil) else {
          throw failure(.creationFailed, "chart_add_series", cell, "series \(series.values.formula)")
        }
        let values = series.values
        chart_series_set_values(
          lxwSeries, strings.copy(values.sheet), values.first.row, values.first.column, values.last.row,
          values.last.column)
        if let categories = series.categories {
          chart_series_set_categories(
            lxwSeries, strings.copy(categories.sheet), categories.first.row, categories.first.column,
            categories.last.row, categories.last.column)
        }
        if let seriesName = series.name { chart_series_set_name(lxwSeries, seriesName) }
      }
      if let title = chart.title { chart_title_set_name(lxwChart, title) }
      configure(lxwChart.pointee.x_axis, chart.xAxis)
      configure(lxwChart.pointee.y_axis, chart.yAxis)
      chart_legend_set_position(lxwChart, chart.legendPosition.lxwValue)
      let scale = size.scaleFactors
      var options = lxw_chart_options()
      options.x_offset = Int32(xOffset)
      options.y_offset = Int32(yOffset)
      options.x_scale = scale.x
      options.y_scale = scale.y
      try check(
        worksheet_insert_chart_opt(record.pointer, cell.row, cell.column, lxwChart, &options),
        site(call, cell))
    }
  }

  private func configure(_ axis: UnsafeMutablePointer<lxw_chart_axis>?, _ spec: XLSXChartAxis) {
    guard let axis else { return }
    if let title = spec.title { chart_axis_set_name(axis, title) }
    if let format = spec.numberFormat { chart_axis_set_num_format(axis, format) }
    if spec.labelsLow {
      chart_axis_set_label_position(axis, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
    }
  }

  private func validate(
    _ chart: XLSXChart, size: XLSXChartSize, xOffset: Int, yOffset: Int, cell: CellAddress
  ) throws(XLSXError) {
    let call = "worksheet_insert_chart_opt"
    guard !chart.series.isEmpty else {
      throw failure(.invalidArgument, call, cell, "a chart needs at least one series")
    }
    let texts: [String?] = [
      chart.title, chart.xAxis.title, chart.xAxis.numberFormat, chart.yAxis.title,
      chart.yAxis.numberFormat,
    ]
    for text in texts.compactMap({ $0 })
      + chart.series.flatMap({ [$0.values.sheet, $0.categories?.sheet, $0.name] })
      .compactMap({ $0 })
    {
      try requireNoNUL(text, call, cell)
    }
    let scale = size.scaleFactors
    guard scale.x.isFinite, scale.y.isFinite, scale.x > 0, scale.y > 0, scale.x < 100, scale.y < 100
    else {
      throw failure(.invalidArgument, call, cell, "chart size must be positive and finite")
    }
    guard Int32(exactly: xOffset) != nil, Int32(exactly: yOffset) != nil, xOffset >= 0, yOffset >= 0
    else {
      throw failure(.invalidArgument, call, cell, "chart offsets must be non-negative 32-bit values")
    }
  }

  private func pixelSize(_ value: Int?, _ call: String, _ cell: CellAddress) throws(XLSXError) -> UInt16 {
    guard let value else { return 0 }
    guard value > 0, let pixels = UInt16(exactly: value) else {
      throw failure(.invalidArgument, call, cell, "comment size \(value) px is outside 1...65535")
    }
    return pixels
  }
}
