/// Four models built the way analysts build them, for the LibreOffice conformance check: each uses
/// the features of one kind of model together (dates, names, lookups, dynamic references, statistics).
enum RealisticModels {
  /// A monthly term-loan schedule: PMT/IPMT/PPMT/CUMIPMT, EDATE/EOMONTH dates, a balance
  /// roll-forward with a balloon, running totals with `SUM($F$2:F2)` and IFERROR.
  static let loanSchedule = """
    # Term loan: 12-month bridge on a 10-year amortising profile, balloon at month 12.
    name Rate = Inputs!$B$9
    name Principal = Inputs!$B$3
    name TermMonths = Inputs!$B$5

    [Inputs]
    column A width 40
    A1: "Term loan — monthly schedule" | style title
    A3: "Principal"
    B3: $2500000
    A4: "Annual interest rate"
    B4: 6.75%
    A5: "Amortisation profile (months)"
    B5: 120
    A6: "Loan life (months)"
    B6: 12
    A7: "First payment date"
    B7: 2025-01-31
    A8: "Balloon month"
    B8: 12
    A9: "Monthly rate"
    B9: =B4/12 | format "0.000%"
    A10: "Level monthly payment"
    B10: =PMT(Rate,TermMonths,-Principal) | format "#,##0.00"
    A11: "Interest, first 12 months (CUMIPMT)"
    B11: =-CUMIPMT(Rate,TermMonths,Principal,1,B6,0) | format "#,##0.00"
    A12: "Principal, first 12 months (CUMPRINC)"
    B12: =-CUMPRINC(Rate,TermMonths,Principal,1,B6,0) | format "#,##0.00"
    A13: "Payment with balloon as FV"
    B13: =PMT(Rate,B6,-Principal,Schedule!H13) | format "#,##0.00"
    A14: "Final maturity"
    B14: =EOMONTH(B7,B6-1) | format "yyyy-mm-dd"
    A15: "DSCR covenant (x)"
    B15: 1.25
    A16: "Minimum EBITDA for the covenant"
    B16: =IFERROR(B10*12*B15,"n/a") | format "#,##0"
    A17: "Arrangement fee (1%) payback, months"
    B17: =IFERROR(ROUND(B3*1%/B18,1),"n/a")
    A18: "Monthly saving vs. current facility"
    B18: 0
    A19: "Implied annual rate (RATE)"
    B19: =RATE(TermMonths,-B10,Principal)*12 | format "0.000%"
    A20: "Months to repay at this payment (NPER)"
    B20: =NPER(Rate,-B10,Principal) | format "0.0"

    [Schedule]
    column A:K width 13
    freeze B2
    A1:K1: "Period", "Date", "Month end", "Opening", "Payment", "Interest", "Principal", "Balloon", "Closing", "Cum. interest", "Cum. principal" | style header
    A2: 1
    A3:A13: =A2+1
    B2:B13: =EDATE(Inputs!$B$7,A2-1)
    C2:C13: =EOMONTH(B2,0)
    D2: =Principal
    D3:D13: =I2
    E2:E13: =IF(A2<=Inputs!$B$6,Inputs!$B$10,0)+H2
    F2:F13: =-IPMT(Rate,A2,TermMonths,Principal)
    G2:G13: =-PPMT(Rate,A2,TermMonths,Principal)
    H2:H13: =IF(A2=Inputs!$B$8,D2-G2,0)
    I2:I13: =ROUND(D2-G2-H2,6)
    J2:J13: =SUM($F$2:F2)
    K2:K13: =SUM($G$2:G2)+SUM($H$2:H2)
    format B2:C13 "yyyy-mm-dd"
    format D2:K13 "#,##0.00"
    format E15:H15 "#,##0.00"
    A15: "Totals" | style total
    E15: =SUM(E2:E13)
    F15: =SUM(F2:F13)
    G15: =SUM(G2:G13)
    H15: =SUM(H2:H13)
    A16: "Days in loan life"
    B16: =C13-B2+1
    A17: "Average balance"
    B17: =AVERAGE(D2:D13) | format "#,##0.00"
    A18: "Effective annual rate"
    B18: =(1+Rate)^12-1 | format "0.000%"

    check "Interest ties to CUMIPMT" = ROUND(Schedule!F15-Inputs!B11,6)=0
    check "Principal repaid in full" = ROUND(Schedule!I13,2)=0
    check "RATE recovers the contract rate" = ROUND(Inputs!B19-Inputs!B4,9)=0
    check "Repayments equal the principal" = ROUND(Schedule!K13-Principal,4)=0
    output "Monthly payment" = Inputs!B10
    output "Balloon" = Schedule!H15
    """

  /// A five-year DCF: projections across columns, NPV, XNPV/XIRR on dates, a Gordon terminal value
  /// and a WACC x growth sensitivity read with INDEX/MATCH; `Growth` is a name without a sheet.
  static let dcfValuation = """
    # Five-year unlevered DCF with a Gordon-growth terminal value and a WACC x growth sensitivity.
    name WACC = Inputs!$B$3
    name TaxRate = Inputs!$B$5
    name Growth = $B$4
    name ValDate = Inputs!$B$6

    [Inputs]
    column A width 34
    A1: "DCF inputs" | style title
    A3: "WACC"
    B3: 9.5%
    A4: "Terminal growth"
    B4: 2.5%
    A5: "Tax rate"
    B5: 25%
    A6: "Valuation date"
    B6: 2025-12-31
    A7: "Net debt"
    B7: 850
    A8: "Diluted shares (m)"
    B8: 120.5
    A9: "Capex % revenue"
    B9: 4.5%
    A10: "Net working capital % revenue"
    B10: 12%
    A12: "Terminal growth label"
    B12: ="g = "&TEXT(Growth,"0.0%")&", WACC = "&TEXT(WACC,"0.0%")
    A13: "Spread WACC - g"
    B13: =WACC-Growth | format "0.00%"

    [DCF]
    column A width 30
    column B:G width 11
    A1: "Projections (EUR m)" | style title
    A3: "Year" | style header
    B3: 2025 | style header
    C3:G3: =B3+1 | style header
    A4: "Revenue growth (first forecast year)"
    B4: 8%
    A5: "Revenue"
    B5: 1200
    C5:G5: =B5*(1+MAX(Growth-0.01*(COLUMNS($C5:C5)-1),0.03))
    A6: "EBITDA margin"
    B6: 22%
    C6:G6: =MIN(B6+0.005,0.24)
    A7: "EBITDA"
    B7:G7: =B5*B6
    A8: "D&A"
    B8:G8: =B5*4%
    A9: "EBIT"
    B9:G9: =B7-B8
    A10: "Taxes on EBIT"
    C10:G10: =-MAX(C9,0)*TaxRate
    A11: "Capex"
    C11:G11: =-C5*Inputs!$B$9
    A12: "Net working capital"
    B12:G12: =B5*Inputs!$B$10
    A13: "Change in NWC"
    C13:G13: =-(C12-B12)
    A14: "Unlevered free cash flow" | style total
    C14:G14: =C9+C10+C8+C11+C13 | style total
    A15: "Cash-flow date"
    B15: =ValDate
    C15:G15: =DATE(C3,12,31)
    A16: "Discount period (years)"
    C16:G16: =YEARFRAC(ValDate,C15,1)
    A17: "Discount factor"
    C17:G17: =1/(1+WACC)^C16
    A18: "PV of FCF"
    C18:G18: =C14*C17
    format B5:G14 "#,##0.0;(#,##0.0)"
    format B6:G6 "0.0%"
    format B15:G15 "yyyy-mm-dd"
    format C16:G17 "0.0000"
    format C18:G18 "#,##0.0"
    A20: "NPV of forecast FCF"
    B20: =NPV(WACC,C14:G14)
    A21: "Terminal value (Gordon)"
    B21: =G14*(1+Inputs!$B$4)/(WACC-Inputs!$B$4)
    A22: "PV of terminal value"
    B22: =B21/(1+WACC)^5
    A23: "Enterprise value"
    B23: =B20+B22 | style total
    A24: "TV share of EV"
    B24: =ROUND(B22/B23,4) | format "0.0%"
    A25: "Investor flows (entry at 90% of EV)"
    B25: =-ROUND(B23*0.9,0)
    C25:F25: =C14
    G25: =G14+B21
    A26: "XNPV at WACC"
    B26: =XNPV(WACC,B25:G25,B15:G15)
    A27: "XIRR"
    B27: =XIRR(B25:G25,B15:G15) | format "0.00%"
    A28: "Equity value"
    B28: =B23-Inputs!B7
    A29: "Value per share"
    B29: =ROUND(B28/Inputs!B8,2) | format "0.00"
    A30: "Implied EV / EBITDA (next year)"
    B30: =ROUND(B23/C7,1) | format "0.0x"
    A31: "Sum of discounted FCF (dated)"
    B31: =SUM(C18:G18)
    format B20:B28 "#,##0.0"
    format C25:G25 "#,##0.0"
    format B31 "#,##0.0"

    [Sensitivity]
    column A width 14
    A1: "Enterprise value: WACC (down) x terminal growth (across)" | style title
    A3: "Selected"
    B3: =INDEX(B5:F9,MATCH(WACC,A5:A9,0),MATCH(Inputs!B4,B4:F4,0)) | format "#,##0.0"
    B4:F4: 1.5%, 2%, 2.5%, 3%, 3.5% | style header
    A5:A9: 8.5%, 9%, 9.5%, 10%, 10.5%
    B5:F9: =NPV($A5,DCF!$C$14:$G$14)+DCF!$G$14*(1+B$4)/($A5-B$4)/(1+$A5)^5
    format B5:F9 "#,##0.0"
    format B4:F4 "0.0%"
    format A5:A9 "0.0%"
    A11: "Highest EV"
    B11: =MAX(B5:F9)
    A12: "Lowest EV"
    B12: =MIN(B5:F9)
    A13: "Range"
    B13: =ROUND(B11-B12,1)
    A14: "EV at WACC 9.25%, g 2.2%"
    B14: =INDEX(B5:F9,MATCH(9.25%,A5:A9,1),MATCH(2.2%,B4:F4,1))
    A15: "Lowest growth tested"
    B15: =Growth | format "0.0%"
    A16: "Per share, selected"
    B16: =ROUND((B3-Inputs!B7)/Inputs!B8,2)
    format B11:B14 "#,##0.0"

    check "Grid matches the DCF" = ROUND(Sensitivity!B3-DCF!B23,6)=0
    output "Enterprise value" = DCF!B23
    output "Value per share" = DCF!B29
    """

  /// A SaaS cohort model: monthly cohorts, OFFSET trailing sums, `COLUMNS($C1:C1)` period counters,
  /// SUMIFS/COUNTIFS/AVERAGEIFS and VLOOKUP over a customer ledger, TEXT labels, INDIRECT on a sheet
  /// name built as text.
  static let saasCohorts = """
    # SaaS cohort model: six monthly cohorts, retention decay, MRR, trailing sums and a customer ledger.
    name Retention = Assumptions!$B$3
    name ARPA = Assumptions!$B$4
    name Ledger = 'Customer Data'!$A$2:$F$17

    [Assumptions]
    column A width 30
    A1: "SaaS assumptions" | style title
    A3: "Monthly logo retention"
    B3: 92%
    A4: "ARPA (average MRR per account)"
    B4: $480
    A5: "Data sheet"
    B5: "Customer Data"
    A6: "Ledger MRR (via INDIRECT)"
    B6: =SUM(INDIRECT("'"&B5&"'!E2:E17")) | format "$#,##0"
    A7: "First customer's plan (INDIRECT)"
    B7: =INDIRECT("'"&B5&"'!C"&2)

    [Customer Data]
    column A:F width 14
    A1:F1: "Customer", "Signed", "Plan", "Region", "MRR", "Status" | style header
    A2:F2: "Acme Ltd", 2025-01-14, "Pro", "EMEA", 900, "Active"
    A3:F3: "Birch Co", 2025-01-20, "Starter", "AMER", 250, "Active"
    A4:F4: "Cobalt", 2025-01-28, "Enterprise", "AMER", 2400, "Churned"
    A5:F5: "Dune SA", 2025-02-03, "Pro", "EMEA", 900, "Active"
    A6:F6: "Elm GmbH", 2025-02-17, "Starter", "EMEA", 250, "Churned"
    A7:F7: "Fjord AS", 2025-02-25, "Pro", "EMEA", 1100, "Active"
    A8:F8: "Gale Inc", 2025-03-04, "Enterprise", "AMER", 3100, "Active"
    A9:F9: "Harbor", 2025-03-11, "Starter", "APAC", 250, "Active"
    A10:F10: "Iris KK", 2025-03-30, "Pro", "APAC", 950, "Churned"
    A11:F11: "Jade Pte", 2025-04-02, "Pro", "APAC", 900, "Active"
    A12:F12: "Kite LLC", 2025-04-15, "Starter", "AMER", 300, "Active"
    A13:F13: "Lumen", 2025-04-22, "Enterprise", "EMEA", 2800, "Active"
    A14:F14: "Maple", 2025-05-06, "Starter", "AMER", 250, "Churned"
    A15:F15: "Nova BV", 2025-05-19, "Pro", "EMEA", 1000, "Active"
    A16:F16: "Orbit", 2025-06-09, "Enterprise", "APAC", 2600, "Active"
    A17:F17: "Pulse", 2025-06-27, "Starter", "AMER", 275, "Active"
    H1:I1: "Plan", "List price" | style header
    H2:I2: "Enterprise", 2500
    H3:I3: "Pro", 950
    H4:I4: "Starter", 250

    [Cohorts]
    column A width 22
    column C:H width 10
    A1: "Month #"
    C1:H1: =COLUMNS($C1:C1)
    A2: "Month end"
    C2: 2025-01-31
    D2:H2: =EOMONTH(C2,1)
    A3: "Label"
    C3:H3: =TEXT(C2,"mmm yy")
    A4:B4: "Cohort start", "New logos" | style header
    A5:A10: 1, 2, 3, 4, 5, 6
    B5:B10: 40, 44, 51, 47, 55, 60
    C5:H10: =IF(C$1<$A5,0,ROUND($B5*Retention^(C$1-$A5),2))
    A11: "Active logos" | style total
    C11:H11: =SUM(C5:C10) | style total
    A12: "MRR"
    C12:H12: =C11*ARPA
    A13: "Trailing 3-month MRR"
    C13:H13: =SUM(OFFSET(C12,0,-MIN(2,C$1-1),1,MIN(3,C$1)))
    A14: "Average of last 3 months"
    E14:H14: =SUM(OFFSET(E12,0,-2,1,3))/3
    A15: "Net new logos"
    C15: =C11
    D15:H15: =D11-C11
    A16: "Signed in month (ledger)"
    C16:H16: =COUNTIFS('Customer Data'!$B$2:$B$17,">"&EOMONTH(C$2,-1),'Customer Data'!$B$2:$B$17,"<="&C$2)
    A17: "Ledger MRR signed in month"
    C17:H17: =SUMIFS('Customer Data'!$E$2:$E$17,'Customer Data'!$B$2:$B$17,">"&EOMONTH(C$2,-1),'Customer Data'!$B$2:$B$17,"<="&C$2)
    format C2:H2 "yyyy-mm-dd"
    format C12:H14 "$#,##0"
    format C17:H17 "$#,##0"

    [Plans]
    column A width 14
    A1:G1: "Plan", "List price", "Active", "Active MRR", "Avg active MRR", "Discount", "Summary" | style header
    A2:A4: "Enterprise", "Pro", "Starter"
    B2:B4: =VLOOKUP(A2,'Customer Data'!$H$2:$I$4,2,FALSE)
    C2:C4: =COUNTIFS('Customer Data'!$C$2:$C$17,A2,'Customer Data'!$F$2:$F$17,"Active")
    D2:D4: =SUMIFS('Customer Data'!$E$2:$E$17,'Customer Data'!$C$2:$C$17,A2,'Customer Data'!$F$2:$F$17,"Active")
    E2:E4: =IFERROR(AVERAGEIFS('Customer Data'!$E$2:$E$17,'Customer Data'!$C$2:$C$17,A2,'Customer Data'!$F$2:$F$17,"Active"),0)
    F2:F4: =IFERROR(1-E2/B2,0) | format "0.0%"
    G2:G4: =A2&": "&C2&" active, "&TEXT(D2,"$#,##0")
    A6: "Total"
    C6: =SUM(C2:C4)
    D6: =SUM(D2:D4)
    A7: "Logo churn"
    B7: =COUNTIF('Customer Data'!F2:F17,"Churned")/COUNTA('Customer Data'!A2:A17) | format "0.0%"
    A8: "EMEA share"
    B8: =SUMIFS('Customer Data'!E2:E17,'Customer Data'!D2:D17,"EMEA")/SUM('Customer Data'!E2:E17) | format "0.0%"
    A9: "Largest account"
    B9: =INDEX('Customer Data'!A2:A17,MATCH(MAX('Customer Data'!E2:E17),'Customer Data'!E2:E17,0))
    A10: "Plan of Lumen"
    B10: =VLOOKUP("Lumen",Ledger,3,FALSE)
    A11: "Starters ≥ 275"
    B11: =COUNTIFS('Customer Data'!C2:C17,"Starter",'Customer Data'!E2:E17,">=275")
    A12: "Ledger check"
    B12: =D6-SUMIFS('Customer Data'!E2:E17,'Customer Data'!F2:F17,"<>Churned")

    check "Plan table covers every active customer" = Plans!B12=0
    output "June MRR" = Cohorts!H12
    """

  /// An operations sheet: STDEV.S, PERCENTILE.INC, QUARTILE, RANK.EQ, CORREL, SLOPE/INTERCEPT/
  /// FORECAST.LINEAR, NETWORKDAYS/WORKDAY with holidays, WEEKDAY, DATEDIF, SUBTOTAL, SUMPRODUCT with
  /// comparisons, text functions, and the intersection and union operators.
  static let opsStatistics = """
    # Operations desk: ticket turnaround against SLA, cost drivers and a regression of cost on hours.
    name Holidays = Calendar!$A$2:$A$6

    [Calendar]
    A1: "Holiday" | style header
    A2: 2025-01-01
    A3: 2025-04-18
    A4: 2025-04-21
    A5: 2025-05-01
    A6: 2025-12-25
    B1: "Day" | style header
    B2:B6: =TEXT(A2,"ddd")

    [Tickets]
    column A width 18
    column B:C width 11
    freeze B2
    A1:F1: "Ticket", "Opened", "Closed", "Hours", "Cost", "Region" | style header
    G1:M1: "Workdays", "SLA due", "Weekday", "Days", "Rank (hrs)", "Customer", "SLA" | style header
    A2:F2: "ord-1023-west-acme", 2025-01-02, 2025-01-09, 12.5, 1480, "West"
    A3:F3: "ord-1031-east-birch", 2025-01-06, 2025-01-08, 4, 520, "East"
    A4:F4: "ord-1044-west-cobalt", 2025-02-14, 2025-03-03, 31, 3650, "West"
    A5:F5: "ord-1050-north-dune", 2025-03-20, 2025-03-27, 9.5, 1210, "North"
    A6:F6: "ord-1062-east-elm", 2025-04-16, 2025-04-25, 18, 2105, "East"
    A7:F7: "ord-1070-west-fjord", 2025-04-30, 2025-05-06, 22, 2480, "West"
    A8:F8: "ord-1081-north-gale", 2025-06-02, 2025-06-04, 6, 760, "North"
    A9:F9: "ord-1093-east-harbor", 2025-07-11, 2025-07-28, 27.5, 3120, "East"
    A10:F10: "ord-1104-west-iris", 2025-09-01, 2025-09-05, 8, 1015, "West"
    A11:F11: "ord-1112-north-jade", 2025-10-13, 2025-11-14, 40, 4490, "North"
    A12:F12: "ord-1125-east-kite", 2025-12-19, 2026-01-07, 15, 1770, "East"
    A13:F13: "ord-1130-west-lumen", 2025-12-22, 2025-12-30, 11, 1320, "West"
    G2:G13: =NETWORKDAYS(B2,C2,Holidays)
    H2:H13: =WORKDAY(B2,5,Holidays)
    I2:I13: =WEEKDAY(B2,2)
    J2:J13: =DATEDIF(B2,C2,"d")
    K2:K13: =RANK.EQ(D2,$D$2:$D$13)
    L2:L13: =PROPER(MID(A2,FIND("-",A2,5)+1+LEN(F2)+1,40))
    M2:M13: =IF(C2>H2,"Late","On time")
    format B2:C13 "yyyy-mm-dd"
    format H2:H13 "yyyy-mm-dd"
    format E2:E14 "#,##0"
    A14: "Total (SUBTOTAL)" | style total
    D14: =SUBTOTAL(9,D2:D13) | style total
    E14: =SUBTOTAL(9,E2:E13) | style total
    G14: =SUBTOTAL(1,G2:G13) | format "0.0"

    [Stats]
    column A width 34
    column B width 14
    A1: "Turnaround and cost statistics" | style title
    A3: "Mean hours"
    B3: =AVERAGE(Tickets!D2:D13)
    A4: "Std dev of hours (sample)"
    B4: =STDEV.S(Tickets!D2:D13)
    A5: "90th percentile hours"
    B5: =PERCENTILE.INC(Tickets!D2:D13,0.9)
    A6: "Upper quartile cost"
    B6: =QUARTILE(Tickets!E2:E13,3)
    A7: "Interquartile range of cost"
    B7: =QUARTILE(Tickets!E2:E13,3)-QUARTILE(Tickets!E2:E13,1)
    A8: "Correlation hours / cost"
    B8: =CORREL(Tickets!D2:D13,Tickets!E2:E13)
    A9: "Cost per extra hour (slope)"
    B9: =SLOPE(Tickets!E2:E13,Tickets!D2:D13)
    A10: "Fixed cost (intercept)"
    B10: =INTERCEPT(Tickets!E2:E13,Tickets!D2:D13)
    A11: "Forecast cost of a 25-hour ticket"
    B11: =FORECAST.LINEAR(25,Tickets!E2:E13,Tickets!D2:D13)
    A12: "Check: intercept + slope x 25"
    B12: =ROUND(B10+B9*25-B11,9)
    A13: "West tickets over 10 h, cost"
    B13: =SUMPRODUCT((Tickets!F2:F13="West")*(Tickets!D2:D13>10)*Tickets!E2:E13)
    A14: "Late tickets"
    B14: =COUNTIF(Tickets!M2:M13,"Late")
    A15: "Share late"
    B15: =B14/COUNTA(Tickets!A2:A13) | format "0%"
    A16: "Months from first open to last close"
    B16: =DATEDIF(MIN(Tickets!B2:B13),MAX(Tickets!C2:C13),"m")
    A17: "Working days in the period"
    B17: =NETWORKDAYS(MIN(Tickets!B2:B13),MAX(Tickets!C2:C13),Holidays)
    A18: "Regions"
    B18: =TEXTJOIN(", ",TRUE,Tickets!F2:F4)
    A19: "Ticket numbers (first three)"
    B19: =SUBSTITUTE(TEXTJOIN("/",TRUE,MID(Tickets!A2,5,4),MID(Tickets!A3,5,4),MID(Tickets!A4,5,4)),"/"," · ")
    A20: "Q2 cost (intersection)"
    B20: =SUM(Tickets!D2:E13 Tickets!E6:E8)
    A21: "Hours and cost, first two (union)"
    B21: =SUM((Tickets!D2:D3,Tickets!E2:E3))
    A22: "Median hours"
    B22: =MEDIAN(Tickets!D2:D13)
    A23: "Average hours (SUBTOTAL 101)"
    B23: =SUBTOTAL(101,Tickets!D2:D13)
    A24: "Longest ticket"
    B24: =INDEX(Tickets!L2:L13,MATCH(1,Tickets!K2:K13,0))
    A25: "Opened on a Friday"
    B25: =SUMPRODUCT(--(Tickets!I2:I13=5))
    A26: "Next working day after Christmas"
    B26: =WORKDAY(Calendar!A6,1,Holidays) | format "yyyy-mm-dd"
    format B3:B4 "0.00"
    format B6:B7 "#,##0"
    format B8 "0.000"
    format B9:B11 "#,##0.00"
    format B13 "#,##0"
    format B20:B21 "#,##0.0"
    format B22:B23 "0.00"

    check "Regression is consistent" = Stats!B12=0
    output "Forecast cost, 25 h" = Stats!B11
    """
}
