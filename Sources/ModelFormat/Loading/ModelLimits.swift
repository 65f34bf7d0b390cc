/// Limits on what one model file may ask for, so that a hostile or mistaken file is refused with
/// a clear message instead of exhausting memory. `docs/limits.md` lists them with Excel's own.
public enum ModelLimits {
  /// Largest model file read (a million-line model is about 20 MB).
  public static let maximumFileSize = 512 * 1_048_576
  /// Most lines read; the line table alone costs 8 bytes a line.
  public static let maximumLines = 10_000_000
  /// Most cells all cell lines together may place. Each cell costs the engine about 150 bytes, so
  /// this caps a model near 1.5 GB; without it one line such as `A1:XFD1048576: =1` would try to
  /// fill all 17,179,869,184 cells of Excel's grid.
  public static let maximumCells = 10_000_000
}
