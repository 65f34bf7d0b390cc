/// Defined names in every form the format allows, for the LibreOffice conformance check: names
/// on a sheet, names without a sheet (they follow the sheet using them), names using such names,
/// constants, formulas, and sheet names that need quoting.
enum NamesConformanceModel {
  static let text = """
    name Rate = $B$1
    name Block = $B$1:$B$3
    name Total = SUM(Block)
    name Doubled = Total*2
    name Tax = 'Cash Runway'!$B$1
    name Half = 0.5
    name Scaled = Inputs!$B$2*Half
    [Inputs]
    B1: 2
    B2: 3
    B3: 4
    C1: =Rate*10
    C2: =Total
    C3: =Doubled+Tax
    C4: =Scaled
    [Cash Runway]
    B1: 100
    B2: 7
    C1: =Rate
    C2: =Total+Doubled
    C3: =SUM(Block)/Half
    C4: =Inputs!C1+Scaled
    [Q1'24]
    B1: 9
    C1: =Rate+Total
    """
}
