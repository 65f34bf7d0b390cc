#!/usr/bin/python3
"""make_function_goldens.py - expected values of Excel functions, computed by LibreOffice.

Reads the authored inputs in Tests/FinModelTests/Golden/functions/:
  data.tsv          the fixture sheet "Data" (A1<TAB>typed value)
  <family>.cases    one formula per line; '#' comments and blank lines are allowed
and writes <family>.tsv next to them (=FORMULA<TAB>expected[<TAB>note]).

For every family it builds one .xlsx (sheet Data from data.tsv; sheet Cases with case i
at B<i>), recalculates all of them in ONE LibreOffice process (scripts/lo_recalc.py), and
also evaluates them with IronCalc (PyPI `ironcalc`) as a second opinion.

A case line in a .cases file is one of
  =FORMULA                          expected value from LibreOffice
  =FORMULA<TAB>ironcalc             expected value from IronCalc (LibreOffice 7.4 lacks
                                    the function, e.g. XLOOKUP, or gets it wrong)
  =FORMULA<TAB>EXPECTED<TAB>excel-differs: why
                                    Excel's documented result, typed (n:/s:/b:/e:), where
                                    LibreOffice differs; LibreOffice's own result is
                                    appended to the note so the difference stays visible
The generator fails if an excel-differs value equals LibreOffice's (a stale note), and
lists every other case where IronCalc and LibreOffice disagree, to be looked at.

Run from the repository root (needs python3-uno, python3-xlsxwriter, LibreOffice, and a
python with `ironcalc`, by default `python3` on PATH, or set IRONCALC_PYTHON):
  /usr/bin/python3 scripts/make_function_goldens.py [family ...]
GOLDENS_KEEP_DIR=/some/dir keeps the generated workbooks for inspection.
"""

import json
import math
import os
import re
import subprocess
import sys
import tempfile

import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "Tests", "FinModelTests", "Golden", "functions")
LO_RECALC = os.path.join(ROOT, "scripts", "lo_recalc.py")
FAMILIES = ["math", "statistical", "logical", "lookup", "financial", "date", "text",
            "information", "operators"]

# Functions newer than Excel 2007 are stored with the _xlfn. prefix in .xlsx files.
XLFN = {"IFS", "SWITCH", "XLOOKUP", "XMATCH", "CONCAT", "TEXTJOIN", "MAXIFS", "MINIFS",
        "DAYS", "RRI", "IFNA", "XOR", "ISFORMULA", "FORMULATEXT", "SHEET", "SHEETS",
        "NUMBERVALUE", "PDURATION", "ISOWEEKNUM", "CEILING.MATH", "FLOOR.MATH",
        "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "MODE.SNGL", "PERCENTILE.INC",
        "PERCENTILE.EXC", "PERCENTRANK.INC", "PERCENTRANK.EXC", "QUARTILE.INC", "QUARTILE.EXC", "RANK.EQ", "RANK.AVG",
        "AGGREGATE", "FORECAST.LINEAR", "NORM.S.DIST", "NORM.DIST", "NORM.INV",
        "NORM.S.INV", "LET", "UNIQUE", "SORT", "FILTER", "SEQUENCE", "UNICHAR", "UNICODE",
        "TEXTBEFORE", "TEXTAFTER"}
# NETWORKDAYS.INTL and WORKDAY.INTL need the prefix too (Excel writes _xlfn.NETWORKDAYS.INTL,
# and finmodel's export does), but LibreOffice 7.4 reads the prefixed names as #NAME?, so the
# generated workbooks leave them bare, a form LibreOffice reads.
XLWS = {"FILTER", "SORT"}  # _xlfn._xlws.


# ---- typed values -------------------------------------------------------------------

def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(text):
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def format_number(x):
    if isinstance(x, bool):
        raise TypeError("boolean is not a number")
    if isinstance(x, int) or (isinstance(x, float) and x.is_integer() and abs(x) < 2 ** 53):
        return str(int(x))
    return repr(float(x))


def typed(value):
    """A lo_recalc/IronCalc JSON value -> the typed text of the golden files."""
    if isinstance(value, bool):
        return "b:TRUE" if value else "b:FALSE"
    if isinstance(value, (int, float)):
        return "n:" + format_number(value)
    if isinstance(value, dict) and "error" in value:
        return "e:" + value["error"]
    if isinstance(value, str):
        return "s:" + escape(value)
    if value is None:
        return "s:"  # an empty cell read as a value: Excel shows 0 for =A1, but we never ask
    raise ValueError("unexpected value %r" % (value,))


def same(a, b):
    """Two typed values agree (numbers within a relative 1e-9)."""
    if a == b:
        return True
    if a.startswith("n:") and b.startswith("n:"):
        x, y = float(a[2:]), float(b[2:])
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    return False


# ---- inputs --------------------------------------------------------------------------

def read_data():
    cells = []
    with open(os.path.join(GOLDEN, "data.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            ref, value = line.split("\t", 1)
            if not re.fullmatch(r"[A-Z]{1,3}[1-9][0-9]*", ref) or value[:2] not in ("n:", "s:", "b:", "f:"):
                sys.exit("data.tsv:%d: bad line %r" % (n, line))
            cells.append((ref, value))
    return cells


def read_cases(family):
    """[(kind, payload)]: ("comment", text) or ("case", (formula, override, note))."""
    items = []
    path = os.path.join(GOLDEN, family + ".cases")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                items.append(("comment", line))
                continue
            parts = line.split("\t")
            formula = parts[0]
            if not formula.startswith("="):
                sys.exit("%s:%d: a case must start with '=': %r" % (path, n, line))
            if len(parts) == 1:
                items.append(("case", (formula, None, "")))
            elif len(parts) == 2 and parts[1] == "ironcalc":
                items.append(("case", (formula, "ironcalc", "ironcalc")))
            elif len(parts) == 3 and parts[2].startswith("excel-differs: ") and \
                    parts[1][:2] in ("n:", "s:", "b:", "e:"):
                items.append(("case", (formula, parts[1], parts[2])))
            else:
                sys.exit("%s:%d: expected =F, =F<TAB>ironcalc or =F<TAB>VALUE<TAB>excel-differs: ..."
                         % (path, n))
    return items


# ---- workbook ------------------------------------------------------------------------

def xlfn(formula):
    """Add the _xlfn. prefixes the file format needs, outside string literals."""
    parts = re.split(r'("(?:[^"]|"")*")', formula)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(
            r"(?<![A-Za-z0-9_.])([A-Z][A-Z0-9.]*)(?=\()",
            lambda m: ("_xlfn._xlws." if m.group(1) in XLWS else "_xlfn.") + m.group(1)
            if m.group(1) in XLFN else m.group(1),
            parts[i])
    return "".join(parts)


def write_workbook(path, data, formulas):
    wb = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False})
    ws = wb.add_worksheet("Data")
    for ref, value in data:
        kind, text = value[:2], value[2:]
        if kind == "n:":
            ws.write_number(ref, float(text))
        elif kind == "s:":
            ws.write_string(ref, unescape(text))
        elif kind == "b:":
            ws.write_boolean(ref, text == "TRUE")
        else:
            ws.write_formula(ref, xlfn(text))
    cases = wb.add_worksheet("Cases")
    for row, formula in enumerate(formulas):
        cases.write_formula(row, 1, xlfn(formula))
    wb.close()


# ---- engines -------------------------------------------------------------------------

IRONCALC_SCRIPT = r"""
import json, sys
import ironcalc
out = {}
for path in sys.argv[1:]:
    model = ironcalc.load_from_xlsx(path, "en", "UTC")
    model.evaluate()
    names = [p["name"] for p in model.get_worksheets_properties()]
    sheet = names.index("Cases")
    values = {}
    for row in range(1, int(sys.stdin.readline()) + 1):
        kind = model.get_cell_type(sheet, row, 2)
        if kind == ironcalc.CellType.ErrorValue:
            values["B%d" % row] = {"error": model.get_formatted_cell_value(sheet, row, 2)}
        else:
            values["B%d" % row] = model.get_cell_value(sheet, row, 2)
    out[path] = values
json.dump({"version": ironcalc.__version__, "values": out}, sys.stdout)
"""


def libreoffice_version():
    proc = subprocess.run(["soffice", "--version"], capture_output=True, text=True)
    words = proc.stdout.split()
    return words[1] if len(words) > 1 else "unknown"


def run_libreoffice(paths):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")  # en-US number and date formats
    proc = subprocess.run(["/usr/bin/python3", LO_RECALC] + paths, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr + proc.stdout[-2000:])
        sys.exit("lo_recalc.py failed (exit %d)" % proc.returncode)
    result = json.loads(proc.stdout)
    return {p: result[p]["values"]["Cases"] for p in paths}


def run_ironcalc(paths, counts):
    python = os.environ.get("IRONCALC_PYTHON", "python3")
    proc = subprocess.run([python, "-c", IRONCALC_SCRIPT] + paths, capture_output=True, text=True,
                          input="".join("%d\n" % c for c in counts))
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        sys.exit("IronCalc evaluation failed: install it with `pip install ironcalc` "
                 "or point IRONCALC_PYTHON at a python that has it")
    return json.loads(proc.stdout)


# ---- main ----------------------------------------------------------------------------

def main(argv):
    families = argv[1:] or FAMILIES
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        sys.exit("unknown family: %s (known: %s)" % (", ".join(unknown), ", ".join(FAMILIES)))
    data = read_data()
    inputs = {f: read_cases(f) for f in families}
    problems, disagreements = [], []
    keep = os.environ.get("GOLDENS_KEEP_DIR")  # keep the workbooks there, for debugging
    if keep:
        os.makedirs(keep, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="function_goldens_") as tmp:
        tmp = keep or tmp
        paths = {}
        for family in families:
            paths[family] = os.path.join(tmp, family + ".xlsx")
            formulas = [p[0] for kind, p in inputs[family] if kind == "case"]
            write_workbook(paths[family], data, formulas)
        ordered = [paths[f] for f in families]
        lo = run_libreoffice(ordered)
        counts = [sum(1 for kind, _ in inputs[f] if kind == "case") for f in families]
        ic = run_ironcalc(ordered, counts)
    ic_version, ic = ic["version"], ic["values"]
    header = [
        "# GENERATED by scripts/make_function_goldens.py from %s.cases and data.tsv: do not edit.",
        "# =FORMULA<TAB>expected[<TAB>note]; case i sits in Cases!B<i>. Expected values come from",
        "# LibreOffice %s recalculating the workbook (UNO calculateAll), except where the note says:" % libreoffice_version(),
        "#   ironcalc          from IronCalc %s (LibreOffice 7.4 lacks the function, e.g. XLOOKUP)" % ic_version,
        "#   excel-differs: .. Excel's documented result, where LibreOffice differs (its value in brackets)",
    ]
    for family in families:
        lines, row = [line.replace("%s", family, 1) if i == 0 else line
                      for i, line in enumerate(header)], 0
        lo_values, ic_values = lo[paths[family]], ic[paths[family]]
        for kind, payload in inputs[family]:
            if kind == "comment":
                lines.append(payload)
                continue
            row += 1
            formula, override, note = payload
            ref = "B%d" % row
            lo_value = typed(lo_values[ref]) if ref in lo_values else "s:"
            ic_value = typed(ic_values.get(ref))
            where = "%s.cases case %d %s" % (family, row, formula)
            if override == "ironcalc":
                expected = ic_value
            elif override:
                expected = override
                if same(override, lo_value):
                    problems.append("%s: excel-differs but LibreOffice agrees (%s)" % (where, lo_value))
                if not same(override, ic_value):
                    disagreements.append("%s: IronCalc %s, Excel (by the note) %s" % (where, ic_value, override))
                note = "%s (LibreOffice: %s)" % (note, lo_value)
            else:
                expected = lo_value
                if not same(lo_value, ic_value):
                    disagreements.append("%s: LibreOffice %s, IronCalc %s" % (where, lo_value, ic_value))
            lines.append("\t".join([formula, expected] + ([note] if note else [])))
        with open(os.path.join(GOLDEN, family + ".tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print("%-12s %3d cases -> %s.tsv" % (family, row, family))
    if disagreements:
        print("\nLibreOffice and IronCalc disagree (LibreOffice's value was kept; check against Excel):")
        for d in disagreements:
            print("  " + d)
    if problems:
        print("\nProblems:")
        for p in problems:
            print("  " + p)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
