/// Grid limits of an Excel worksheet.
public enum Grid {
  public static let rowCount = 1_048_576
  public static let columnCount = 16_384
}

/// A 0-based position on a sheet's grid.
public struct GridPoint: Hashable, Sendable, Comparable {
  public var row: Int
  public var column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  public var isOnGrid: Bool {
    row >= 0 && row < Grid.rowCount && column >= 0 && column < Grid.columnCount
  }

  public static func < (lhs: GridPoint, rhs: GridPoint) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}

/// One coordinate (row or column) of a reference, anchored the way Excel's fill needs it.
///
/// An absolute part (`$B`) stores the 0-based index itself; a relative part stores the offset from
/// the cell that holds the formula. One parsed formula can therefore be shared by every cell of a
/// filled range, and printing it back for another cell is a single addition.
public struct AxisReference: Hashable, Sendable {
  public var value: Int
  public var isAbsolute: Bool

  public init(value: Int, isAbsolute: Bool) {
    self.value = value
    self.isAbsolute = isAbsolute
  }

  /// The 0-based index this part designates for a formula held at `origin`.
  @inlinable
  public func resolved(from origin: Int) -> Int {
    isAbsolute ? value : origin + value
  }
}

/// A single-cell reference such as `B$2`.
public struct CellReference: Hashable, Sendable {
  public var row: AxisReference
  public var column: AxisReference

  public init(row: AxisReference, column: AxisReference) {
    self.row = row
    self.column = column
  }

  @inlinable
  public func resolved(from origin: GridPoint) -> GridPoint {
    GridPoint(row: row.resolved(from: origin.row), column: column.resolved(from: origin.column))
  }
}

/// A rectangular reference: `A1:B9`, a whole-column span `B:D` or a whole-row span `3:5`.
public enum AreaReference: Hashable, Sendable {
  case cells(CellReference, CellReference)
  case columns(AxisReference, AxisReference)
  case rows(AxisReference, AxisReference)
}

/// An absolute rectangle of cells on one sheet (0-based, inclusive bounds).
public struct GridArea: Hashable, Sendable {
  public var top: Int
  public var left: Int
  public var bottom: Int
  public var right: Int

  public init(top: Int, left: Int, bottom: Int, right: Int) {
    self.top = min(top, bottom)
    self.bottom = max(top, bottom)
    self.left = min(left, right)
    self.right = max(left, right)
  }

  public init(_ point: GridPoint) {
    self.init(top: point.row, left: point.column, bottom: point.row, right: point.column)
  }

  public var rowCount: Int { bottom - top + 1 }
  public var columnCount: Int { right - left + 1 }
  public var cellCount: Int { rowCount * columnCount }
  public var topLeft: GridPoint { GridPoint(row: top, column: left) }

  public var isOnGrid: Bool {
    top >= 0 && left >= 0 && bottom < Grid.rowCount && right < Grid.columnCount
  }

  public func contains(_ point: GridPoint) -> Bool {
    point.row >= top && point.row <= bottom && point.column >= left && point.column <= right
  }

  /// The cells both rectangles cover, or nil when they do not meet (Excel's #NULL!).
  public func intersection(_ other: GridArea) -> GridArea? {
    let top = max(self.top, other.top)
    let left = max(self.left, other.left)
    let bottom = min(self.bottom, other.bottom)
    let right = min(self.right, other.right)
    guard top <= bottom, left <= right else { return nil }
    return GridArea(top: top, left: left, bottom: bottom, right: right)
  }
}

extension AreaReference {
  /// The rectangle this reference designates for a formula at `origin`; whole columns and rows
  /// span the full grid here and are bounded to the used range by the engine.
  public func resolved(from origin: GridPoint) -> GridArea {
    switch self {
    case .cells(let a, let b):
      let p = a.resolved(from: origin)
      let q = b.resolved(from: origin)
      return GridArea(top: p.row, left: p.column, bottom: q.row, right: q.column)
    case .columns(let a, let b):
      return GridArea(
        top: 0, left: a.resolved(from: origin.column), bottom: Grid.rowCount - 1,
        right: b.resolved(from: origin.column))
    case .rows(let a, let b):
      return GridArea(
        top: a.resolved(from: origin.row), left: 0, bottom: b.resolved(from: origin.row),
        right: Grid.columnCount - 1)
    }
  }
}
