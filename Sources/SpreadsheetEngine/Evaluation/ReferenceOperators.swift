import FormulaSyntax

/// Excel's reference operators on evaluated operands: intersection (a space) and union (`,`
/// inside parentheses).
///
/// Both work on areas, not values: the result is again a reference, which SUM reads whole,
/// INDEX picks from and a single-value position intersects with the formula's row or column.
enum ReferenceOperators {
  /// The cells both operands designate: one area, or several when an operand is a union
  /// (each area of one side meets each of the other). No common cell is #NULL!; areas on
  /// different sheets are #VALUE!, as is an operand that is not a reference.
  static func intersection(_ lhs: Operand, _ rhs: Operand) -> Operand {
    let left: [RangeReference]
    let right: [RangeReference]
    switch (areas(of: lhs), areas(of: rhs)) {
    case (.failure(let error), _), (_, .failure(let error)): return .error(error)
    case (.success(let a), .success(let b)):
      left = a
      right = b
    }
    guard onOneSheet(left + right) else { return .error(.value) }
    var common: [RangeReference] = []
    for a in left {
      for b in right {
        if let area = a.area.intersection(b.area) {
          common.append(RangeReference(sheet: a.sheet, area: area))
        }
      }
    }
    return reference(common) ?? .error(.null)
  }

  /// All areas of the operands, in order, as one multi-area reference (kept as one area when
  /// there is only one). Areas on different sheets are #VALUE!.
  static func union(_ operands: [Operand]) -> Operand {
    var all: [RangeReference] = []
    for operand in operands {
      switch areas(of: operand) {
      case .failure(let error): return .error(error)
      case .success(let areas): all += areas
      }
    }
    guard onOneSheet(all) else { return .error(.value) }
    return reference(all) ?? .error(.null)
  }

  /// The areas of a reference operand; an error operand passes its error on, any other value
  /// is #VALUE!.
  private static func areas(of operand: Operand) -> Result<[RangeReference], ExcelError> {
    switch operand {
    case .reference(let range): .success([range])
    case .union(let ranges): .success(ranges)
    case .value(.error(let error)): .failure(error)
    case .value, .array: .failure(.value)
    }
  }

  private static func onOneSheet(_ areas: [RangeReference]) -> Bool {
    areas.allSatisfy { $0.sheet == areas.first?.sheet }
  }

  private static func reference(_ areas: [RangeReference]) -> Operand? {
    switch areas.count {
    case 0: nil
    case 1: .reference(areas[0])
    default: .union(areas)
    }
  }
}
