#!/usr/bin/env python3
"""generate_model.py - write a benchmark .fmodel of about N formula cells in the shapes real models have.

Usage::

    python3 scripts/bench/generate_model.py --cells 100000 --shapes mixed -o /tmp/m100k.fmodel
    python3 scripts/bench/generate_model.py --cells 1000000 --shapes chain -o /tmp/chain1m.fmodel

Shapes (``--shapes`` takes a comma-separated list, or ``mixed``), one sheet each, every one a block
of rows x ``--periods`` monthly columns starting at column C (A holds a key, B an opening value):

- ``chain``      sheet Chain: exactly the cells scripts/bench_c_writer writes (the export ceiling):
                 A{r} = 1000+r-1, B{r} = (r-1) mod 7, C{r} = ``=A{r}*1.01+B{r}``, D..: ``=C{r}*1.01+B{r}``,
                 from row 1, 36 periods by default. Simple chains across columns; also the shape
                 behind the 10 million cells/s evaluation target.
- ``projection`` sheet Projection: monthly projection across columns with a cross-sheet growth
                 input, ``=B2*(1+Inputs!$B$1)``. Every other shape below reads it (so it is always
                 included when they are).
- ``cumacross``  sheet CumAcross: cumulative sums across, ``=SUM(Projection!$C2:C2)``.
- ``cumdown``    sheet CumDown: cumulative sums down, ``=SUM(Projection!C$2:C2)``, restarting every
                 ``--block`` rows (120 = ten years of months) so one range is at most that tall.
                 ``--block 0`` makes every column one cumulative sum over all rows (quadratic
                 work in any engine: SUM(C$2:C{r}) reads r cells).
- ``lookup``     sheet Lookup: exact-match lookup into an input table,
                 ``=Projection!C2*INDEX(Inputs!$E$2:$E$101,MATCH($A2,Inputs!$D$2:$D$101,0))``.
- ``vlookup``    sheet Bands: approximate-match (bisection) lookup of a band rate,
                 ``=Projection!C2*VLOOKUP(Projection!C2,Inputs!$G$2:$H$101,2,TRUE)``.
- ``cross``      sheet Summary: cross-sheet arithmetic over every other present shape at the same
                 position, e.g. ``=Projection!C2+CumAcross!C2/12-CumDown!C2/100+Lookup!C2+Bands!C2``.
- ``deep``       sheet Deep: one dependency chain down the rows, ``=B1*1.0000001+1`` (depth N).

``mixed`` = projection,cumacross,cumdown,lookup,vlookup,cross.

The formula cells are split evenly over the shapes (the remainder goes to the first); a block's
last row may be partial, so the file holds exactly N formula cells. Formulas are written as range
fills (``C2:AL4631: =B2*(1+Inputs!$B$1)``) so the file stays small; ``--explicit`` writes every cell
on its own line instead (constants too), which is what a parse-throughput figure should be taken on.

Besides the model, writes ``<output>.json`` (and prints it): the formula count, the cells a
benchmark should edit (each with a label and what its cone is) and probe cells for comparing engines.
"""

import argparse
import json
import os
import sys

MIXED = ["projection", "cumacross", "cumdown", "lookup", "vlookup", "cross"]
ALL = ["chain"] + MIXED + ["deep"]
SHEETS = {
    "chain": "Chain", "projection": "Projection", "cumacross": "CumAcross", "cumdown": "CumDown",
    "lookup": "Lookup", "vlookup": "Bands", "cross": "Summary", "deep": "Deep",
}
MAX_ROWS = 1_048_576
TABLE = 100  # rows of the input lookup tables


def col(index):
    """0-based column index -> letters."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def num(x):
    return repr(round(x, 6)) if not float(x).is_integer() else str(int(x))


class Writer:
    """Collects lines; fills rectangles with a formula written for their top-left cell."""

    def __init__(self, explicit):
        self.explicit = explicit
        self.lines = []
        self.formulas = 0

    def sheet(self, name):
        self.lines.append("")
        self.lines.append("[%s]" % name)

    def values(self, column, top, values):
        """Constants down one column from row `top`."""
        if not values:
            return
        if self.explicit:
            for i, v in enumerate(values):
                self.lines.append("%s%d: %s" % (col(column), top + i, v))
        else:
            self.lines.append("%s%d:%s%d: %s" % (col(column), top, col(column), top + len(values) - 1,
                                                ", ".join(values)))

    def fill(self, top, left, bottom, right, formula):
        """Formula cells in [top..bottom] x [left..right]; formula(row, column) gives each cell's text,
        and the rectangle must be fill-invariant (the text of any cell is the top-left's, shifted)."""
        if bottom < top or right < left:
            return
        self.formulas += (bottom - top + 1) * (right - left + 1)
        if self.explicit:
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    self.lines.append("%s%d: =%s" % (col(c), r, formula(r, c)))
        else:
            self.lines.append("%s%d:%s%d: =%s" % (col(left), top, col(right), bottom, formula(top, left)))

    def block(self, first_row, count, periods, formula, first_col=2):
        """`count` formula cells filled row by row over `periods` columns from (first_row, first_col):
        the full rows as one rectangle, then the partial last row. Returns the rows used."""
        full, rest = divmod(count, periods)
        last = first_col + periods - 1
        self.fill(first_row, first_col, first_row + full - 1, last, formula)
        self.fill(first_row + full, first_col, first_row + full, first_col + rest - 1, formula)
        return full + (1 if rest else 0)


def ref(c, r, abs_col=False, abs_row=False):
    return "%s%s%s%d" % ("$" if abs_col else "", col(c), "$" if abs_row else "", r)


def generate(cells, shapes, periods, block, explicit):
    w = Writer(explicit)
    present = [s for s in ALL if s in shapes]
    share, extra = divmod(cells, len(present))
    counts = {s: share + (extra if i == 0 else 0) for i, s in enumerate(present)}
    w.lines += [
        "# Generated by scripts/bench/generate_model.py --cells %d --shapes %s --periods %d --block %d%s"
        % (cells, ",".join(present), periods, block, " --explicit" if explicit else ""),
        "# Benchmark model: do not edit by hand.",
    ]
    meta = {"cells": cells, "shapes": present, "periods": periods, "block": block, "explicit": explicit,
            "edits": [], "probes": []}
    mixed_present = [s for s in MIXED if s in present]
    rows = {}  # rows used by each block shape (first data row is 2, except chain and deep)

    if mixed_present:
        w.sheet("Inputs")
        w.lines += ['A1: "Monthly growth"', "B1: 1%", 'A2: "Tax rate"', "B2: 25%",
                    'D1: "Key"', 'E1: "Rate"', 'G1: "Threshold"', 'H1: "Band rate"']
        w.values(3, 2, [str(k) for k in range(1, TABLE + 1)])
        w.values(4, 2, [num(0.5 + (k * 37 % 100) / 100) for k in range(1, TABLE + 1)])
        w.values(6, 2, [str(50 * k) for k in range(TABLE)])
        w.values(7, 2, [num(0.01 + 0.002 * k) for k in range(TABLE)])

    def header(sheet_periods):
        w.lines.append("A1:%s1: %s" % (col(1 + sheet_periods), ", ".join(
            ['"Key"', '"Opening"'] + ['"M%d"' % (p + 1) for p in range(sheet_periods)])))

    def data_rows(shape):
        return -(-counts[shape] // periods)

    if "chain" in present:
        n = counts["chain"]
        r = data_rows("chain")
        if r > MAX_ROWS:
            sys.exit("chain: %d rows do not fit one sheet; use more --periods" % r)
        w.sheet(SHEETS["chain"])
        w.values(0, 1, [str(1000 + i) for i in range(r)])
        w.values(1, 1, [str(i % 7) for i in range(r)])
        # C{r} = A{r}*1.01+B{r}; D.. = previous*1.01+B{r} (bench_c_writer's cells, from row 1).
        full, rest = divmod(n, periods)
        w.fill(1, 2, full, 2, lambda rr, c: "A%d*1.01+B%d" % (rr, rr))
        w.fill(1, 3, full, periods + 1, lambda rr, c: "%s%d*1.01+B%d" % (col(c - 1), rr, rr))
        if rest:
            w.fill(full + 1, 2, full + 1, 2, lambda rr, c: "A%d*1.01+B%d" % (rr, rr))
            w.fill(full + 1, 3, full + 1, rest + 1, lambda rr, c: "%s%d*1.01+B%d" % (col(c - 1), rr, rr))
        mid = max(1, r // 2)
        meta["edits"].append({"label": "chain row input", "cell": "Chain!B%d" % mid,
                              "cone": "one row of the chain (%d cells)" % min(periods, n)})
        meta["probes"] += ["Chain!%s%d" % (col(1 + min(periods, n)), mid),
                           "Chain!%s%d" % (col(1 + (rest if rest else periods)), r)]

    if mixed_present:
        r = data_rows("projection")
        if r + 1 > MAX_ROWS:
            sys.exit("projection: %d rows do not fit one sheet; use more --periods" % r)
        rows["projection"] = r
        w.sheet(SHEETS["projection"])
        header(periods)
        w.values(0, 2, [str(i % TABLE + 1) for i in range(r)])
        w.values(1, 2, [str(1000 + (i * 7919) % 97) for i in range(r)])
        w.block(2, counts["projection"], periods, lambda rr, c: "%s*(1+Inputs!$B$1)" % ref(c - 1, rr))

    if "cumacross" in present:
        w.sheet(SHEETS["cumacross"])
        header(periods)
        rows["cumacross"] = w.block(2, counts["cumacross"], periods,
                                    lambda rr, c: "SUM(Projection!%s:%s)" % (ref(2, rr, abs_col=True), ref(c, rr)))

    if "cumdown" in present:
        w.sheet(SHEETS["cumdown"])
        header(periods)
        n = counts["cumdown"]
        full, rest = divmod(n, periods)
        height = block if block > 0 else full + 1
        top = 2
        last_row = 1 + full
        while top <= last_row:
            bottom = min(top + height - 1, last_row)
            w.fill(top, 2, bottom, periods + 1,
                   lambda rr, c, t=top: "SUM(Projection!%s:%s)" % (ref(c, t, abs_row=True), ref(c, rr)))
            top = bottom + 1
        if rest:
            t = ((last_row + 1 - 2) // height) * height + 2
            w.fill(last_row + 1, 2, last_row + 1, rest + 1,
                   lambda rr, c, t=t: "SUM(Projection!%s:%s)" % (ref(c, t, abs_row=True), ref(c, rr)))
        rows["cumdown"] = full + (1 if rest else 0)

    if "lookup" in present:
        w.sheet(SHEETS["lookup"])
        header(periods)
        r = data_rows("lookup")
        w.values(0, 2, [str((i * 31) % TABLE + 1) for i in range(r)])
        rows["lookup"] = w.block(2, counts["lookup"], periods, lambda rr, c: (
            "Projection!%s*INDEX(Inputs!$E$2:$E$%d,MATCH(%s,Inputs!$D$2:$D$%d,0))"
            % (ref(c, rr), TABLE + 1, ref(0, rr, abs_col=True), TABLE + 1)))

    if "vlookup" in present:
        w.sheet(SHEETS["vlookup"])
        header(periods)
        rows["vlookup"] = w.block(2, counts["vlookup"], periods, lambda rr, c: (
            "Projection!%s*VLOOKUP(Projection!%s,Inputs!$G$2:$H$%d,2,TRUE)"
            % (ref(c, rr), ref(c, rr), TABLE + 1)))

    if "cross" in present:
        w.sheet(SHEETS["cross"])
        header(periods)
        terms = [("+", "Projection", "")]
        for shape, op, scale in [("cumacross", "+", "/12"), ("cumdown", "-", "/100"),
                                 ("lookup", "+", ""), ("vlookup", "+", "")]:
            if shape in present:
                terms.append((op, SHEETS[shape], scale))

        def cross(rr, c):
            text = "".join("%s%s!%s%s" % (op, sheet, ref(c, rr), scale) for op, sheet, scale in terms)
            return text[1:]
        rows["cross"] = w.block(2, counts["cross"], periods, cross)

    if mixed_present:
        r = rows["projection"]
        height = block if block > 0 else r + 1
        # Smallest cone: a lookup key feeds one row of Lookup (and of Summary).
        if "lookup" in present:
            mid = 2 + rows["lookup"] // 2
            meta["edits"].append({"label": "lookup key (small cone)", "cell": "Lookup!A%d" % mid,
                                  "cone": "one row of Lookup and of Summary"})
        # An opening value at the last row of a cumulative-down block: one row on each sheet.
        # Rows that are full on every sheet (a partial last row would make the cone smaller).
        full_rows = max(1, share // periods)
        blocks_full = full_rows // height
        last_of_block = 1 + min(full_rows, height * max(1, blocks_full // 2))
        meta["edits"].append({"label": "opening value, block end (small cone)",
                              "cell": "Projection!B%d" % last_of_block,
                              "cone": "one row of every sheet"})
        if "cumdown" in present:
            first_of_block = last_of_block - height + 1 if height <= r else 2
            meta["edits"].append({"label": "opening value, block start (medium cone)",
                                  "cell": "Projection!B%d" % first_of_block,
                                  "cone": "one row, plus a %d-row block of CumDown (and Summary)" % height})
        if "lookup" in present:
            # Key 1 (Inputs!D2, rate in E2) is the key of Lookup's first row and of every 100th.
            meta["edits"].append({"label": "lookup table rate (range cone, early cutoff)",
                                  "cell": "Inputs!E2",
                                  "cone": "every Lookup cell reads the table; the rows with key 1 change"})
        meta["edits"].append({"label": "growth input (whole-model cone)", "cell": "Inputs!B1",
                              "cone": "every formula outside Inputs"})
        for s in mixed_present:
            meta["probes"] += ["%s!C2" % SHEETS[s], "%s!%s%d" % (SHEETS[s], col(1 + periods // 2), 1 + (rows[s] + 1) // 2)]

    if "deep" in present:
        n = counts["deep"]
        w.sheet(SHEETS["deep"])
        w.lines.append("B1: 1")
        if n > MAX_ROWS - 1:
            sys.exit("deep: at most %d cells (one column)" % (MAX_ROWS - 1))
        w.fill(2, 1, n + 1, 1, lambda rr, c: "%s*1.0000001+1" % ref(c, rr - 1))
        meta["edits"].append({"label": "head of a deep chain (cone = all of it)", "cell": "Deep!B1",
                              "cone": "%d cells in one dependency chain" % n})
        meta["probes"].append("Deep!B%d" % min(n + 1, MAX_ROWS))

    meta["formulas"] = w.formulas
    return "\n".join(w.lines) + "\n", meta


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cells", type=int, required=True, help="formula cells to write (about)")
    parser.add_argument("--shapes", default="mixed", help="comma-separated shapes, or 'mixed' (default)")
    parser.add_argument("--periods", type=int, default=36, help="monthly columns per row (default 36)")
    parser.add_argument("--block", type=int, default=120,
                        help="rows per cumulative-down block (default 120; 0 = one block over all rows)")
    parser.add_argument("--explicit", action="store_true", help="one line per cell instead of range fills")
    parser.add_argument("-o", "--output", required=True, help="the .fmodel to write")
    args = parser.parse_args(argv[1:])
    shapes = []
    for s in args.shapes.split(","):
        shapes += MIXED if s == "mixed" else [s]
    unknown = [s for s in shapes if s not in ALL]
    if unknown or args.cells < 1 or not 1 <= args.periods <= 16000:
        parser.error("unknown shapes %s (known: %s, mixed)" % (unknown, ", ".join(ALL)) if unknown
                     else "--cells must be positive and --periods between 1 and 16000")
    if any(s in MIXED for s in shapes) and "projection" not in shapes:
        shapes.append("projection")  # every mixed shape reads Projection
    text, meta = generate(args.cells, set(shapes), args.periods, args.block, args.explicit)
    meta["model"] = args.output
    meta["bytes"] = len(text.encode())
    with open(args.output, "w") as f:
        f.write(text)
    with open(args.output + ".json", "w") as f:
        json.dump(meta, f, indent=1)
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
