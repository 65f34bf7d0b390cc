/// A half-open range of UTF-8 byte offsets into the text a formula or model was read from.
///
/// Offsets (not line/column pairs) survive embedding a formula inside a model line: the model
/// parser hands the formula parser the offset where the formula starts, and line and column are
/// computed only when a diagnostic is rendered.
public struct SourceSpan: Hashable, Sendable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// The smallest span covering both spans.
  public func merged(with other: SourceSpan) -> SourceSpan {
    SourceSpan(start: min(start, other.start), end: max(end, other.end))
  }
}
