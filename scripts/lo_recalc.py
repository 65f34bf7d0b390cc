#!/usr/bin/python3
"""lo_recalc.py - recalculate .xlsx workbooks in LibreOffice and print every value as JSON.

LibreOffice is finmodel's independent referee. LibreOffice 7.4 does NOT recalculate
.xlsx formulas on load (it shows the cached results, and ignores fullCalcOnLoad), so
this script drives it through Python-UNO and calls ``doc.calculateAll()`` itself.

Usage (Debian's python, the one that can ``import uno``)::

    /usr/bin/python3 scripts/lo_recalc.py FILE.xlsx [FILE2.xlsx ...]

One headless soffice serves all files. It runs with a private profile directory
(made with tempfile, removed at the end) and listens on a pipe with a unique name, so
concurrent runs never hand their work to each other; it is always terminated, even on
error. Output on stdout, one JSON object keyed by the file name as given::

    {"FILE.xlsx": {"values":   {"Sheet": {"A1": 1.5, "B1": "text", "C1": true,
                                          "D1": {"error": "#DIV/0!"}}},
                   "formulas": {"Sheet": ["B1", "C1", "D1"]},
                   "recalcSeconds": 0.01}}

- ``values`` holds every non-empty cell of each sheet's used area: a number, a string,
  true/false (LibreOffice stores booleans as numbers whose number format is of type
  LOGICAL), or ``{"error": "#N/A"}``. LibreOffice error codes are mapped to Excel's
  error strings (see ``LO_ERRORS``); an unmapped code is reported as ``"Err:NNN"``.
- ``formulas`` lists the cells that hold formulas.
- A workbook that fails to load gives ``{"error": "..."}`` and a non-zero exit status.

Known ways in which LibreOffice 7.4 is not Excel (keep them in mind when it disagrees):
- TRUE/FALSE are the numbers 1/0 (SUM/COUNT over references, =TRUE=1, ="a"&TRUE differ);
  boolean constants of the file come back as the formulas =TRUE()/=FALSE(), which this
  script does not list under "formulas".
- Err:502 ("invalid argument") stands for Excel's #NUM!, #VALUE! or #REF! alike.
- Serials 1-60 are one day off (no phantom 1900-02-29); no XLOOKUP, XMATCH, LET, ...
- COUNTA/COUNTBLANK can miscount cells in columns right of the last column holding data.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
import zipfile

import uno  # noqa: F401  (Debian python3-uno; sets up the pyuno bridge)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.sheet.CellFlags import FORMULA as CELL_FORMULA
from com.sun.star.sheet.CellFlags import STRING as CELL_STRING
from com.sun.star.sheet.FormulaResult import ERROR as RESULT_ERROR
from com.sun.star.util.NumberFormat import LOGICAL

# LibreOffice's error codes (include/formula/errorcodes.hxx, enum FormulaError) -> Excel.
# Verified on LibreOffice 7.4.7 with this script (scripts/make_function_goldens.py
# cases and a probe workbook): =1/0 and =MOD(1,0) 532; ="a"+1 and =1/"a" 519; =NA()
# and a failed MATCH 32767; =SQRT(-1), =LOG(-1), =FACT(-1), =VALUE("x") 502;
# =10^400 503; =IRR() and =RATE() without convergence 523; =FOO(1) 525; =#REF! and
# =INDIRECT("A0") 524; =MATCH(1,<2-D range>,0) 504; a self-reference 522.
# 502 ("invalid argument") is ambiguous: Excel shows #NUM! for most of those cases
# but #VALUE! for =MID("a",0,1), =CHOOSE(0,1), =DATEVALUE("x") and #REF! for
# =INDEX(A1:A2,5), =VLOOKUP(x,<2 columns>,3,0), =OFFSET(A1,-1,0). We map it to #NUM!.
LO_ERRORS = {
    501: "#VALUE!",   # IllegalChar
    502: "#NUM!",     # IllegalArgument (see above: sometimes #VALUE!/#REF! in Excel)
    503: "#NUM!",     # IllegalFPOperation: overflow, infinity (=10^400)
    504: "#VALUE!",   # IllegalParameter: wrong kind of parameter (=MATCH(1,A1:B2,0))
    505: "#VALUE!",   # IllegalJump
    506: "#VALUE!",   # Separator
    507: "#VALUE!",   # Pair
    508: "#VALUE!",   # PairExpected (missing bracket)
    509: "#VALUE!",   # OperatorExpected
    510: "#VALUE!",   # VariableExpected
    511: "#VALUE!",   # ParameterExpected
    512: "#VALUE!",   # CodeOverflow
    513: "#VALUE!",   # StringOverflow
    514: "#VALUE!",   # StackOverflow
    515: "#VALUE!",   # UnknownState
    516: "#VALUE!",   # UnknownVariable
    517: "#VALUE!",   # UnknownOpCode
    518: "#VALUE!",   # UnknownStackVariable
    519: "#VALUE!",   # NoValue: the real #VALUE!
    520: "#VALUE!",   # UnknownToken
    521: "#NULL!",    # NoCode: LibreOffice's #NULL!
    522: "#CYCLE!",   # CircularReference (Excel warns and shows 0; we flag it)
    523: "#NUM!",     # NoConvergence (IRR, RATE, iterations)
    524: "#REF!",     # NoRef
    525: "#NAME?",    # NoName: unknown function or name
    526: "#VALUE!",   # DoubleRef
    528: "#CYCLE!",   # TrackFromCircRef: depends on a circular reference
    530: "#NAME?",    # NoAddin
    531: "#NAME?",    # NoMacro
    532: "#DIV/0!",   # DivisionByZero
    533: "#VALUE!",   # NestedArray
    538: "#NUM!",     # MatrixSize: array too large
    32767: "#N/A",    # NotAvailable
}


def excel_error(code):
    """Return the Excel error string for a LibreOffice error code, or Err:NNN."""
    return LO_ERRORS.get(code, "Err:%d" % code)


def col_name(index):
    """0-based column index -> A1 letters."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office():
    """Start a private headless soffice; return (process, profile_dir, pipe_name)."""
    profile = tempfile.mkdtemp(prefix="lo_recalc_profile_")
    pipe = "lo_recalc_%d_%s" % (os.getpid(), uuid.uuid4().hex)
    cmd = [
        "soffice", "--headless", "--invisible", "--nologo", "--norestore",
        "--nodefault", "--nolockcheck", "--nofirststartwizard",
        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ]
    # A session of its own, so that soffice.bin (a child of the oosplash launcher)
    # can be ended as a group without touching any other process.
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    return proc, profile, pipe


def connect(proc, pipe, timeout=60.0):
    """Connect to the soffice on `pipe`, retrying until it listens; return the Desktop."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    deadline = time.monotonic() + timeout
    while True:
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError("soffice exited with status %s before accepting" % proc.returncode)
            if time.monotonic() > deadline:
                raise RuntimeError("could not connect to soffice within %.0f s" % timeout)
            time.sleep(0.1)


def stop_office(proc, desktop, profile):
    """Ask soffice to quit, then end its process group if it lingers; remove the profile."""
    try:
        if desktop is not None:
            desktop.terminate()
    except Exception:
        pass  # the bridge drops while soffice exits: expected
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)  # the group created by start_new_session: ours alone
        except ProcessLookupError:
            break
        time.sleep(0.5)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
    shutil.rmtree(profile, ignore_errors=True)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def xlsx_boolean_constants(path):
    """{sheet name: {A1 refs}} of boolean constants (t="b" without <f>) in an .xlsx.

    LibreOffice turns such cells into the formulas =TRUE() and =FALSE(); the file
    tells them apart from real formulas. Returns {} for anything that is not an xlsx.
    """
    found = {}
    try:
        with zipfile.ZipFile(path) as z:
            targets = {}
            for rel in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).iter(_PKG_REL + "Relationship"):
                target = rel.get("Target")
                targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
            for sheet in ET.fromstring(z.read("xl/workbook.xml")).iter(_MAIN + "sheet"):
                refs = found.setdefault(sheet.get("name"), set())
                with z.open(targets[sheet.get(_REL + "id")]) as part:
                    for _, elem in ET.iterparse(part):
                        if elem.tag == _MAIN + "c":
                            if elem.get("t") == "b" and elem.find(_MAIN + "f") is None:
                                refs.add(elem.get("r"))
                            elem.clear()
    except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError):
        return {}
    return found


def cells_in(addresses, area):
    """(row, col) of every cell of the range addresses, clipped to `area`."""
    for a in addresses:
        for row in range(max(a.StartRow, area.StartRow), min(a.EndRow, area.EndRow) + 1):
            for col in range(max(a.StartColumn, area.StartColumn), min(a.EndColumn, area.EndColumn) + 1):
                yield row, col


def number_value(number):
    """Integral floats as JSON integers (exact up to 2^53), others unchanged."""
    if number == int(number) and abs(number) < 2 ** 53:
        return int(number)
    return number


def read_sheet(sheet, formats, constants):
    """Return ({A1: value}, [formula cells]) for the used area of one sheet.

    Reads in bulk (a handful of UNO calls per sheet, not several per cell): the value
    array, the formula cells, the error cells (their codes one by one) and the ranges
    whose number format is LOGICAL. LibreOffice gives a formula cell the number format
    it infers from the result, so boolean formula results carry a LOGICAL format after
    calculateAll(). `constants()` gives the refs of the sheet's boolean constants.
    """
    cursor = sheet.createCursor()
    cursor.gotoStartOfUsedArea(False)
    cursor.gotoEndOfUsedArea(True)
    area = cursor.getRangeAddress()
    data = cursor.getDataArray()  # float, str, or None for an error; "" when empty
    formula_cells = set(cells_in(cursor.queryContentCells(CELL_FORMULA).getRangeAddresses(), area))
    error_cells = set(cells_in(cursor.queryFormulaCells(RESULT_ERROR).getRangeAddresses(), area))
    logical = set()
    groups = sheet.getUniqueCellFormatRanges()
    for i in range(groups.getCount()):
        group = groups.getByIndex(i)
        if formats.getByKey(group.NumberFormat).Type & LOGICAL:
            logical.update(cells_in(group.getRangeAddresses(), area))
    text_cells = None  # constant text cells, looked up only if an empty string shows up
    values, formulas = {}, []
    for r, row_values in enumerate(data):
        row = area.StartRow + r
        for c, value in enumerate(row_values):
            col = area.StartColumn + c
            pos = (row, col)
            if pos in error_cells:
                value = {"error": excel_error(sheet.getCellByPosition(col, row).getError())}
            elif isinstance(value, float):
                # LibreOffice also gives arithmetic on a boolean (=-TRUE) the LOGICAL
                # format: only 0 and 1 are read as FALSE and TRUE.
                value = bool(value) if pos in logical and value in (0.0, 1.0) else number_value(value)
            elif "\x01" in value:  # getDataArray shows a TAB inside a text as \x01
                value = sheet.getCellByPosition(col, row).getString()
            elif value == "" and pos not in formula_cells:
                if text_cells is None:
                    text_cells = set(cells_in(
                        cursor.queryContentCells(CELL_STRING).getRangeAddresses(), area))
                if pos not in text_cells:
                    continue  # an empty cell
            values["%s%d" % (col_name(col), row + 1)] = value
    if formula_cells:
        texts = None
        for row, col in sorted(formula_cells):
            if (row, col) in logical:  # maybe a TRUE/FALSE constant, which LibreOffice
                if texts is None:       # holds as the formula =TRUE() or =FALSE()
                    texts = cursor.getFormulaArray()
                text = texts[row - area.StartRow][col - area.StartColumn]
                if text in ("=TRUE()", "=FALSE()") and "%s%d" % (col_name(col), row + 1) in constants():
                    continue
            formulas.append("%s%d" % (col_name(col), row + 1))
    return values, formulas


def recalc_file(desktop, path):
    """Load one workbook hidden, recalculate everything, read it back."""
    if not os.path.isfile(path):
        raise FileNotFoundError("no such file: %s" % path)
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    # ReadOnly: no lock file is written, and a stale one cannot block the load.
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    if doc is None:
        raise RuntimeError("LibreOffice could not load %s" % path)
    if not hasattr(doc, "getSheets"):
        doc.close(False)
        raise RuntimeError("%s is not a spreadsheet" % path)
    try:
        started = time.perf_counter()
        doc.calculateAll()
        seconds = time.perf_counter() - started
        formats = doc.getNumberFormats()
        values, formulas = {}, {}
        booleans = []  # read the file only if a =TRUE()/=FALSE() cell shows up

        def constants_of(name):
            if not booleans:
                booleans.append(xlsx_boolean_constants(path))
            return booleans[0].get(name, set())

        sheets = doc.getSheets()
        for i in range(sheets.getCount()):
            sheet = sheets.getByIndex(i)
            name = sheet.getName()
            values[name], formulas[name] = read_sheet(
                sheet, formats, lambda name=name: constants_of(name))
        return {"values": values, "formulas": formulas, "recalcSeconds": round(seconds, 6)}
    finally:
        doc.close(False)


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        return 2
    result, failed = {}, False
    try:
        proc, profile, pipe = start_office()
    except OSError as exc:
        proc = None
        result = {path: {"error": "cannot start soffice: %s" % exc} for path in argv[1:]}
        failed = True
    if proc is not None:
        desktop = None
        try:
            desktop = connect(proc, pipe)
            for path in argv[1:]:
                try:
                    result[path] = recalc_file(desktop, path)
                except Exception as exc:  # report it for this file, go on with the next
                    failed = True
                    result[path] = {"error": "%s: %s" % (type(exc).__name__, exc)}
        except Exception as exc:  # soffice did not come up, or went away
            failed = True
            for path in argv[1:]:
                result.setdefault(path, {"error": "%s: %s" % (type(exc).__name__, exc)})
        finally:
            stop_office(proc, desktop, profile)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
