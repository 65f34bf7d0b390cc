/// How much one formula may read or build position by position.
///
/// Whole rows and columns are cut to the sheet's used area, but a sheet with cells at both A1
/// and XFD1048576 has a used area of 17,179,869,184 positions. Functions that must visit blanks
/// too (CONCAT, TEXTJOIN, COUNTIF with "", SUMPRODUCT, XIRR, array arithmetic) would then run
/// for hours or ask for hundreds of gigabytes; past this limit they give #NUM! instead.
public enum EvaluationLimits {
  /// Most positions one range, array or array operation may span (about 400 MB of values).
  public static let maximumArrayElements = 10_000_000

  /// Whether a `rows × columns` rectangle is within the limit.
  @inlinable
  public static func allows(rows: Int, columns: Int) -> Bool {
    rows <= maximumArrayElements && columns <= maximumArrayElements
      && rows * columns <= maximumArrayElements
  }
}
