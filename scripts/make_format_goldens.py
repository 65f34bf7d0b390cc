#!/usr/bin/python3
"""make_format_goldens.py - expected values for the Formatting tests, computed by LibreOffice.

Builds one .xlsx (python3-xlsxwriter) whose sheets hold the cases of
Tests/FinModelTests/FormattingTests.swift:
  Text    A = number, B = A&""                 (NumberText.string)
  Format  A = number, B = TEXT(A, format)      (NumberFormat.format / formatChecked)
  TextFmt B = TEXT("abc", format)              (NumberFormat.format(text:))
  Value   B = VALUE(text)                      (NumberText.number)
  Date    B = DATE(y, m, d)                    (ExcelDate.serial)
  Parts   A = serial, B..G = YEAR MONTH DAY HOUR MINUTE SECOND of A
recalculates it in LibreOffice with scripts/lo_recalc.py (UNO calculateAll), and rewrites
the block between "// BEGIN GENERATED" and "// END GENERATED" in the test file.

Numbers are written as formulas (=1/3, =1.2345678901234567E-5) so that each case holds the
exact double; the generator checks LibreOffice's value against Python's.

Where LibreOffice is known to differ from Excel, EXCEL gives Excel's value and the reason;
the table then holds Excel's value with a comment naming LibreOffice's. The generator fails
if such an entry equals LibreOffice's result (a stale note).

Run from the repository root with Debian's python (python3-uno, python3-xlsxwriter):
  /usr/bin/python3 scripts/make_format_goldens.py          # rewrite the test file
  /usr/bin/python3 scripts/make_format_goldens.py --print  # print the block instead
"""

import datetime
import json
import math
import os
import subprocess
import sys
import tempfile

import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST_FILE = os.path.join(ROOT, "Tests", "FinModelTests", "FormattingTests.swift")
LO_RECALC = os.path.join(ROOT, "scripts", "lo_recalc.py")

POI = "Excel, as measured by Apache POI's NumberToTextConverter table"
RULE = "Excel's rule measured by Apache POI: plain up to 20 digits, 2-digit exponent"
BUG = "Excel's 1900 leap-year bug (LibreOffice counts from 30 Dec 1899)"

TEXT_CASES = [
    "1/3", "0.1+0.2", "-0", "100000", "-7.56", "1.0001", "756", "7.56", "0.0001", "0.00001",
    "1.5E-10", "1E-7", "1.234E-6", "2^-20", "999999999999999", "123456789012345", "1E+15",
    "1234567890123456", "123456789012345678", "2^53", "1E+19", "12345678901234567890",
    "1E+20", "123.45678901234568", "1234567.8901234567", "1.2345678901234568E-5",
    "1.2345678901234567E-4", "1.23456789E-5", "5.6789012345E-8", "5.67890123456E-8",
    "2E-50", "1E-300", "1.2345678901234567E19", "1.2345678901234568E20",
    "-1.2345678901234568E20", "1.2345678901234577E99", "1.7976931348623157E308",
    "999999.9999999999", "9.999999999999999E-20", "1.234999999999999E-8", "123499.9999999999",
]

FORMAT_CASES = [
    ("2.5", "0"), ("-2.5", "0"), ("1.005", "0.00"), ("2.675", "0.00"), ("0.285", "0.00"),
    ("1234567", "#,##0"), ("1234567.891", "#,##0.00"), ("-1234.5", "#,##0.00"),
    ("0", "#,##0.00"), ("-0.4", "0"), ("-0.001", "0.00"), ("-0.001", "0.00;(0.00)"),
    ("1234567", "#,##0,"), ("1234567.891", "#,##0.0,,"), ("1234567", "0.0,,"),
    ("0.1234", "0%"), ("0.1234", "0.0%"), ("0.0295", "0.0%"), ("-0.5", "0%"),
    ("1234.5", "0.00E+00"), ("0.0012", "0.00E-00"), ("1234.5", "0.00E-00"),
    ("1234.5", "00.00E+00"), ("1234.5", "##0.0E+0"), ("0.00012345", "##0.0E+0"),
    ("-1234.5", "0.0E+0"), ("0", "0.00E+00"), ("1E+300", "0.00E+00"), ("9.999", "0.00E+00"),
    ("5.25", "# ?/?"), ("5", "# ?/?"), ("0", "# ?/?"), ("0.25", "# ?/?"), ("-5.25", "# ?/?"),
    ("0.333", "?/?"), ("1.75", "?/?"), ("3.14159", "# ??/??"), ("0.3", "# ?/8"),
    ("2.5", "# ?/4"), ("0.999", "# ?/?"),
    ("0", "#"), ("0.5", "#.##"), ("1", "#.##"), ("1.5", ".00"), ("7", "0?0"), ("1005", "00-00"),
    ("12", "??.??"), ("1.5", "??.??"), ("7", "000"), ("3.1", "0.00"), ("-3", "000.0"),
    ("123456789012345678", "0"), ("1.5", "0.0#"), ("1", "0.0#"),
    ("1234", "$#,##0.00_);($#,##0.00)"), ("-1234", "$#,##0.00_);($#,##0.00)"),
    ("-23", "$#,##0"), ("0", "0;-0;\"zero\""), ("-2", "0;"), ("0", "0;-0;"), ("5", "\"a\""),
    ("3.5", "\\a0\\b"), ("12", "**0"), ("1234", "0 \"Millions\""), ("42", "0 \"\"\"x\"\"\""),
    ("5", "[Red]0.00;[Blue]-0.00"), ("-5", "[Red]0.00;[Blue]-0.00"),
    ("1500", "[>=1000]#,##0,\"K\";0"), ("500", "[>=1000]#,##0,\"K\";0"),
    ("-5", "[<0]\"neg \"0;\"pos \"0"), ("5", "[<0]\"neg \"0;\"pos \"0"),
    ("1234.5", "General"), ("-1234.5", "General"), ("1/3", "General"), ("1E+20", "General"),
    ("0.00000000015", "General"), ("5", "\"$\"General"),
    ("45322", "yyyy-mm-dd"), ("45322", "m/d/yy"), ("45322", "d-mmm-yy"), ("45322", "mmmm d, yyyy"),
    ("45322", "mmmmm"), ("45322", "dddd"), ("45322", "ddd dd mmm yyyy"), ("45322", "yy"),
    ("45322.5", "dddd, mmmm d, yyyy h:mm AM/PM"), ("45322.75", "hh:mm:ss A/P"),
    ("45322.25", "h:mm"), ("45322.25", "h:m"), ("45322.0104166667", "mm:ss"),
    ("45322.0104166667", "h:mm:ss"), ("0.3", "h:mm:ss AM/PM"), ("0.75", "h AM/PM"),
    ("1.5", "[h]:mm"), ("2.75", "[hh]:mm:ss"), ("0.5", "[mm]"), ("0.01", "[ss]"),
    ("0.5+1.26/86400", "h:mm:ss.0"), ("0.5+1.26/86400", "h:mm:ss.00"),
    ("0.5+0.4/86400", "h:mm:ss"), ("0.5+0.6/86400", "h:mm:ss"), ("0.5+59.6/86400", "h:mm"),
    ("0.999999", "yyyy-mm-dd hh:mm:ss"), ("2958465", "yyyy-mm-dd"), ("61", "yyyy-mm-dd"),
    ("60", "yyyy-mm-dd"), ("1", "dddd yyyy-mm-dd"), ("0", "yyyy-mm-dd"), ("-1", "yyyy"),
]

TEXT_FORMAT_CASES = ["0.00", "@ \"x\"", "0;0;0;\"<\"@\">\"", "@@", "0;@", "0;0;0;\"only\""]

VALUE_CASES = [
    " 12 ", "12 ", "+5", "-5", "- 5", "1,000", "1,000.5", "1,00", ",123", ".5", "5.", "1e3",
    "1E-3", "1e", "12%", "$5", "-$5", "$-5", "($5)", "(3)", "(-3)", "$5%", "1 1/2", "1.2.3",
    "1 000", "0x10", "abc", "", "TRUE", "1e400", "5$", "1234567890123456789",
    "2024-01-31", "2024/1/31", "1/31/2024", "1/31/24", "31/1/2024", "Jan 31, 2024",
    "January 31, 2024", "31-Jan-2024", "31 Jan 2024", "Jan-2024", "6-Nov-82", "6.4.82",
    "1/1/1900", "2/29/1900", "12/31/1899", "1/1/29", "1/1/30",
    "12:30", "12:30:45", "12:30 PM", "12:30 AM", "1:30 pm", "25:00", "0:90", "12 PM",
    "05:30.5", "1/31/2024 12:30", "2024-01-31 06:00", "13:00 PM", "10-20-2023",
    "20 October 2023", "Feb 29, 2024", "10/2023", "23:59:60", "1 1/2e2",
]

DATE_CASES = [
    (2024, 1, 31), (1900, 1, 1), (1900, 2, 28), (1900, 2, 29), (1900, 3, 0), (1900, 3, 1),
    (1900, 1, 0), (2024, 14, 1), (2024, 1, 0), (2024, -1, 1), (2024, 2, 30), (99, 1, 1),
    (0, 1, 1), (1899, 12, 31), (10000, 1, 1), (-1, 1, 1), (9999, 12, 31), (9999, 13, 1),
    (9999, 12, 32), (1900, 1, -1), (2000, 2, 29),
]

PART_CASES = ["45322", "45322.5208333333", "0.6/86400", "0.5+0.4/86400", "61",
              "2958465.99999", "36526.75", "45322.999994"]

EXCEL = {
    # NumberText.string: Excel switches to scientific notation only at 1E+20 (or past 20
    # characters below 1) and writes two exponent digits; LibreOffice does neither.
    ("text", "1234567890123456"): ("1234567890123460", POI),
    ("text", "123456789012345678"): ("123456789012346000", RULE),
    ("text", "2^53"): ("9007199254740990", RULE),
    ("text", "12345678901234567890"): ("12345678901234600000", RULE),
    ("text", "1E+19"): ("10000000000000000000", RULE),
    ("text", "1E+20"): ("1E+20", RULE),
    ("text", "2^-20"): ("9.5367431640625E-07", RULE),
    ("text", "1.2345678901234568E-5"): ("1.23456789012346E-05", POI),
    ("text", "5.67890123456E-8"): ("5.67890123456E-08", POI),
    ("text", "1.2345678901234567E19"): ("12345678901234600000", POI),
    ("text", "1.2345678901234568E20"): ("1.23456789012346E+20", POI),
    ("text", "-1.2345678901234568E20"): ("-1.23456789012346E+20", POI),
    ("text", "1.2345678901234577E99"): ("1.2345678901235E+99", POI),
    ("text", "1.7976931348623157E308"): ("1.7976931348623E+308", POI),
    ("text", "9.999999999999999E-20"): ("1E-19", POI),
    ("text", "2E-50"): ("2E-50", POI),
    # TEXT: Excel rounds the time to whole seconds before showing h:mm or h:mm:ss.
    ("format", "0.5+0.6/86400", "h:mm:ss"): ("12:00:01", "Excel rounds to the shown unit"),
    ("format", "0.5+59.6/86400", "h:mm"): ("12:01", "Excel rounds seconds, then shows h:mm"),
    ("format", "45322.75", "hh:mm:ss A/P"): ("06:00:00 P", "Excel keeps the case of A/P"),
    ("format", "60", "yyyy-mm-dd"): ("1900-02-29", BUG),
    ("format", "1", "dddd yyyy-mm-dd"): ("Sunday 1900-01-01", BUG),
    ("format", "0", "yyyy-mm-dd"): ("1900-01-00", BUG),
    ("format", "0.999999", "yyyy-mm-dd hh:mm:ss"): ("1900-01-01 00:00:00", BUG),
    ("format", "1", "#.##"): ("1.", "Excel always shows the point (numfmt's Excel tests)"),
    ("format", "-1", "yyyy"): (None, "Excel: #VALUE! for a negative date"),
    ("format", "0.0295", "0.0%"): ("3.0%", "Excel scales the 15-digit decimal (numfmt's Excel "
                                   "tests); LibreOffice multiplies the double"),
    ("format", "1E+20", "General"): ("1E+20", "TEXT(x,\"General\") = x&\"\" in Excel"),
    ("format", "-1500", "[>=1000]#,##0,\"K\";0"): ("-1500", "Excel's sign rule, see Condition"),
    # VALUE: Excel's input parser (numfmt's Excel tables) accepts more date shapes than
    # LibreOffice, starts at 1900 with the leap-year bug, and keeps only 15 digits.
    ("value", "2024/1/31"): (45322, "Excel reads year/month/day with slashes"),
    ("value", "31 Jan 2024"): (45322, "Excel reads day month-name year"),
    ("value", "20 October 2023"): (45219, "Excel reads day month-name year (numfmt's Excel "
                                          "table has \"6 October 1984\")"),
    ("value", "10-20-2023"): (45219, "Excel reads m-d-yyyy (numfmt's table: \"6-4-1984\")"),
    ("value", "10/2023"): (45200, "Excel reads month/year as its first day"),
    ("value", "1/1/1900"): (1, BUG),
    ("value", "2/29/1900"): (60, BUG),
    ("value", "12/31/1899"): (None, "Excel: no dates before 1900"),
    ("value", "TRUE"): (None, "Excel: VALUE(\"TRUE\") is #VALUE!"),
    ("value", "1e400"): (None, "Excel: too large is #VALUE!"),
    ("value", "5$"): (None, "Excel (en-US): \"$\" only before the number"),
    ("value", "1234567890123456789"): (1234567890123450000, "Excel keeps 15 digits"),
    ("date", 1900, 1, 1): (1, BUG), ("date", 1900, 2, 28): (59, BUG),
    ("date", 1900, 2, 29): (60, BUG), ("date", 1900, 1, 0): (0, BUG),
    ("date", 0, 1, 1): (1, "Excel: years 0-1899 add 1900"),
    ("date", 1899, 12, 31): ((datetime.date(3799, 12, 31) - datetime.date(1899, 12, 30)).days,
                             "Excel: years 0-1899 add 1900 (3799-12-31)"),
    ("date", 10000, 1, 1): (None, "Excel: #NUM! for year 10000"),
    ("date", 9999, 13, 1): (None, "Excel: #NUM! after 9999-12-31"),
    ("date", 9999, 12, 32): (None, "Excel: #NUM! after 9999-12-31"),
    ("date", 1900, 1, -1): (None, "Excel: #NUM! before serial 0"),
    ("parts", "0.6/86400"): ([1900, 1, 0, 0, 0, 1], BUG),
    ("parts", "0.5+0.4/86400"): ([1900, 1, 0, 12, 0, 0], BUG),
}


# ---- workbook ------------------------------------------------------------------------

def quoted(text):
    """A formula string literal."""
    return '"' + text.replace('"', '""') + '"'


def build(path):
    """Writes the case workbook; returns the (sheet, row) of every case per table."""
    book = xlsxwriter.Workbook(path)
    sheets = {name: book.add_worksheet(name)
              for name in ["Text", "Format", "TextFmt", "Value", "Date", "Parts"]}
    for row, expr in enumerate(TEXT_CASES):
        sheets["Text"].write_formula(row, 0, "=" + expr)
        sheets["Text"].write_formula(row, 1, '=A%d&""' % (row + 1))
    for row, (expr, fmt) in enumerate(FORMAT_CASES):
        sheets["Format"].write_formula(row, 0, "=" + expr)
        sheets["Format"].write_formula(row, 1, "=TEXT(A%d,%s)" % (row + 1, quoted(fmt)))
    for row, fmt in enumerate(TEXT_FORMAT_CASES):
        sheets["TextFmt"].write_formula(row, 1, '=TEXT("abc",%s)' % quoted(fmt))
    for row, text in enumerate(VALUE_CASES):
        sheets["Value"].write_formula(row, 1, "=VALUE(%s)" % quoted(text))
    for row, (y, m, d) in enumerate(DATE_CASES):
        sheets["Date"].write_formula(row, 1, "=DATE(%d,%d,%d)" % (y, m, d))
    for row, expr in enumerate(PART_CASES):
        sheets["Parts"].write_formula(row, 0, "=" + expr)
        for col, fn in enumerate(["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"]):
            sheets["Parts"].write_formula(row, col + 1, "=%s(A%d)" % (fn, row + 1))
    book.close()


def recalc(path):
    out = subprocess.run(["/usr/bin/python3", LO_RECALC, path], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)[path]["values"]


# ---- Swift output --------------------------------------------------------------------

def swift_string(text):
    if text is None:
        return "nil"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def swift_number(value):
    if value is None:
        return "nil"
    value = float(value)
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0"
    if value.is_integer() and abs(value) < 1e15:
        digits = str(abs(int(value)))
        if len(digits) > 6:  # swift-format groups long integer literals
            digits = "{:,}".format(int(digits)).replace(",", "_")
        return ("-" if value < 0 else "") + digits
    return repr(value)


def python_value(expr):
    return float(eval(expr.replace("^", "**").replace("E+", "E")))


class Table:
    """Collects lines of one Swift array and the override bookkeeping."""

    def __init__(self, declaration):
        self.lines = [declaration]
        self.stale = []

    def add(self, key, libre, render):
        """Adds one case: `render(value)` gives the tuple text for an expected value."""
        if key in EXCEL:
            excel, why = EXCEL[key]
            if excel == libre:
                self.stale.append(key)
            note = "%s. LibreOffice: %s" % (why, json.dumps(libre))
            while len(note) > 96:
                cut = note.rfind(" ", 0, 96)
                self.lines.append("  // " + note[:cut])
                note = note[cut + 1:]
            self.lines.append("  // " + note)
            self.lines.append("  %s," % render(excel))
        else:
            self.lines.append("  %s," % render(libre))

    def text(self):
        return "\n".join(self.lines + ["]"])


def cell(values, sheet, col, row):
    value = values.get(sheet, {}).get("%s%d" % (col, row + 1))
    if isinstance(value, dict):  # an error
        return None
    return value


def generate(values):
    tables = []
    text = Table("static let numberTextCases: [(Double, String)] = [")
    for row, expr in enumerate(TEXT_CASES):
        number = cell(values, "Text", "A", row)
        if number != python_value(expr):
            print("warning: %s is %r in LibreOffice" % (expr, number), file=sys.stderr)
        text.add(("text", expr), cell(values, "Text", "B", row),
                 lambda v, n=python_value(expr): "(%s, %s)" % (swift_number(n), swift_string(v)))
    tables.append(text)
    fmt = Table("static let formatCases: [(Double, String, String?)] = [")
    for row, (expr, code) in enumerate(FORMAT_CASES):
        n = python_value(expr)
        fmt.add(("format", expr, code), cell(values, "Format", "B", row),
                lambda v, n=n, c=code: "(%s, %s, %s)" % (swift_number(n), swift_string(c),
                                                         swift_string(v)))
    tables.append(fmt)
    tfmt = Table("static let textFormatCases: [(String, String)] = [")
    for row, code in enumerate(TEXT_FORMAT_CASES):
        tfmt.add(("textfmt", code), cell(values, "TextFmt", "B", row),
                 lambda v, c=code: "(%s, %s)" % (swift_string(c), swift_string(v)))
    tables.append(tfmt)
    val = Table("static let valueCases: [(String, Double?)] = [")
    for row, source in enumerate(VALUE_CASES):
        val.add(("value", source), cell(values, "Value", "B", row),
                lambda v, s=source: "(%s, %s)" % (swift_string(s), swift_number(v)))
    tables.append(val)
    date = Table("static let dateCases: [(Int, Int, Int, Double?)] = [")
    for row, (y, m, d) in enumerate(DATE_CASES):
        date.add(("date", y, m, d), cell(values, "Date", "B", row),
                 lambda v, y=y, m=m, d=d: "(%d, %d, %d, %s)" % (y, m, d, swift_number(v)))
    tables.append(date)
    parts = Table("static let partCases: [(Double, [Int])] = [")
    for row, expr in enumerate(PART_CASES):
        got = [cell(values, "Parts", col, row) for col in "BCDEFG"]
        parts.add(("parts", expr), [int(x) for x in got],
                  lambda v, n=python_value(expr): "(%s, %s)" % (swift_number(n), v))
    tables.append(parts)
    stale = [key for table in tables for key in table.stale]
    if stale:
        sys.exit("stale Excel notes (LibreOffice agrees): %r" % stale)
    body = "\n\n".join(table.text() for table in tables)
    indented = "\n".join(("  " + line) if line else "" for line in body.split("\n"))
    return "enum FormattingGoldens {\n" + indented + "\n}"


def main(argv):
    with tempfile.TemporaryDirectory(prefix="fmtgold") as tmp:
        path = os.path.join(tmp, "format_goldens.xlsx")
        build(path)
        block = generate(recalc(path))
    if "--print" in argv:
        print(block)
        return 0
    begin, end = "// BEGIN GENERATED", "// END GENERATED"
    source = open(TEST_FILE).read()
    head, rest = source.split(begin, 1)
    _, tail = rest.split(end, 1)
    header = begin + " by scripts/make_format_goldens.py: do not edit by hand.\n"
    with open(TEST_FILE, "w") as out:
        out.write(head + header + block + "\n" + end + tail)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
