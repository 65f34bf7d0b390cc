/// References built at evaluation time (OFFSET, INDIRECT) and references used only for their
/// position (ROW, COLUMNS…), in the shapes financial models use them, for the LibreOffice
/// conformance check. (A negative OFFSET height or width extends up or left in Excel and is an
/// error in LibreOffice 7.4: `OffsetIndirectTests` checks it instead.)
enum DynamicReferenceConformanceModel {
  static let text = """
    name Revenue = Inputs!$B$2:$G$2
    name Growth = Inputs!$B$1
    [Inputs]
    A1: "growth"
    B1: 0.05
    A2: "revenue"
    B2: 100
    C2:G2: =B2*(1+Growth)
    B3:G3: =COLUMNS($B3:B3)
    B4:G4: =OFFSET(B4,-2,0)-OFFSET(B4,-2,-1)
    B5:G5: =SUM(OFFSET($B$2,0,0,1,B3))
    B6:G6: =AVERAGE(OFFSET(B2,0,1-MIN(3,B3),1,MIN(3,B3)))
    B7: =SUM(OFFSET(Revenue,0,1,1,3))
    B8: =INDIRECT("B2")+INDIRECT("Inputs!C2")
    B9: =SUM(INDIRECT("Revenue"))
    B10: =INDIRECT("R2C" & (1+B3), FALSE)
    B11: =INDIRECT("R[-9]C[1]", FALSE)
    B12: =ROW(B12)+COLUMN(B12)+ROWS(B1:B12)
    B13: =IFERROR(OFFSET(B1,0,0,0,1),"none")
    B14: =IFERROR(INDIRECT("no such"),"bad")
    B15: =SUMPRODUCT(OFFSET(B2,0,0,1,6),OFFSET(B3,0,0,1,6))
    B16: =INDEX(OFFSET(B2,0,0,2,6),2,3)
    B17: =COUNT(OFFSET(Calc!A1,0,0,5,1))
    [Calc]
    A1: =Inputs!B2*2
    A2:A5: =A1+OFFSET(A2,0,1)
    B2:B5: =ROW()
    C1: =SUM(INDIRECT("A1:A" & B5))
    """
}
