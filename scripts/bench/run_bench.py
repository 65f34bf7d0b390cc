#!/usr/bin/env python3
"""run_bench.py - run finmodel's recalculation and export benchmarks and print the tables.

Called by scripts/bench/run.sh after it has built the release binaries and the C baseline; see
docs/benchmarks.md. Everything generated (models, workbooks, raw JSON) goes to --out; the Markdown
tables are printed and written to OUT/results.md, the raw measurements to OUT/results.json.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def log(message):
    sys.stderr.write("[bench %s] %s\n" % (time.strftime("%H:%M:%S"), message))
    sys.stderr.flush()


def json_lines(text):
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                rows.append(json.loads(line))
            except ValueError:
                pass
    return rows


def timed(cmd, out, stdout=subprocess.PIPE, timeout=None):
    """Runs cmd under /usr/bin/time; returns (completed process, wall s, peak RSS MB, CPU s)."""
    stats = os.path.join(out, "time.txt")
    full = ["/usr/bin/time", "-o", stats, "-f", "%e %M %U %S"] + cmd
    done = subprocess.run(full, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout)
    try:
        with open(stats) as f:
            wall, peak_kb, user, system = f.read().split()[-4:]
        return done, float(wall), int(peak_kb) / 1024, float(user) + float(system)
    except (OSError, ValueError):
        return done, None, None, None


def machine(c_writer_version):
    def first(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "?"
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--short", "--", "Sources", "Package.swift"],
                           capture_output=True, text=True).stdout.split("\n")
    ironcalc = subprocess.run([sys.executable, "-c", "import ironcalc; print(ironcalc.__version__)"],
                              capture_output=True, text=True).stdout.strip() or "?"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memoryGB": round(mem_gb, 1),
        "kernel": platform.release(), "swift": first(["swift", "--version"]),
        "libreoffice": first(["soffice", "--version"]), "ironcalc": ironcalc,
        "libxlsxwriter": c_writer_version,
        "commit": first(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
        "modifiedSources": [line for line in dirty if line.strip()],
        "loadAverageStart": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def generate(out, shape, cells, explicit=False):
    name = "%s_%d%s" % (shape, cells, "_explicit" if explicit else "")
    path = os.path.join(out, name + ".fmodel")
    cmd = [sys.executable, os.path.join(HERE, "generate_model.py"), "--cells", str(cells),
           "--shapes", shape, "-o", path] + (["--explicit"] if explicit else [])
    meta = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return name, path, meta


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="directory holding finmodel and finmodel-bench")
    parser.add_argument("--c-writer", required=True, help="the compiled scripts/bench_c_writer")
    parser.add_argument("--out", required=True)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--shapes", default="mixed,chain")
    parser.add_argument("--explicit-sizes", default="10000,30000,100000",
                        help="sizes of the one-line-per-cell models (parse throughput)")
    parser.add_argument("--export-sizes", default="100000,1000000")
    parser.add_argument("--no-office", action="store_true", help="skip LibreOffice and IronCalc")
    parser.add_argument("--budget", type=float, default=1.0, help="seconds of repeats per edited cell")
    args = parser.parse_args(argv[1:])
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    finmodel = os.path.join(args.bin, "finmodel")
    bench = os.path.join(args.bin, "finmodel-bench")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    export_sizes = [int(s) for s in args.export_sizes.split(",") if s]
    started = time.perf_counter()

    probe = subprocess.run([args.c_writer, "1", os.path.join(out, "c_probe.xlsx")], capture_output=True, text=True)
    c_version = json_lines(probe.stdout)[0].get("libxlsxwriter", "?") if json_lines(probe.stdout) else "?"
    results = {"machine": machine(c_version), "models": {}, "office": [], "export": [], "explicit": []}

    # --- Recalculation: finmodel recalc --stats and finmodel-bench on every model.
    for cells in sizes:
        for shape in args.shapes.split(","):
            name, path, meta = generate(out, shape, cells)
            log("%s: %d formula cells, %d bytes" % (name, meta["formulas"], meta["bytes"]))
            entry = {"name": name, "shape": shape, "meta": meta}
            done, wall, peak, cpu = timed([finmodel, "recalc", path, "--stats", "--range", "A1:A1"], out,
                                          stdout=subprocess.DEVNULL)
            stats = json_lines(done.stderr)
            entry["cli"] = {"stats": stats[-1] if stats else None, "wall": wall, "peakMB": peak, "cpu": cpu}
            loads = 5 if cells <= 10000 else 3 if cells <= 100000 else 2
            xlsx = os.path.join(out, name + ".xlsx")
            cmd = [bench, path, "--meta", path + ".json", "--loads", str(loads), "--budget", str(args.budget),
                   "--export", xlsx]
            done, wall, peak, cpu = timed(cmd, out)
            if done.returncode:
                log("finmodel-bench failed on %s: %s" % (name, done.stderr[-2000:]))
            entry["bench"] = json_lines(done.stdout)
            entry["benchProcess"] = {"wall": wall, "peakMB": peak, "cpu": cpu}
            entry["xlsx"] = xlsx
            results["models"][name] = entry

    # --- One line per cell: what parsing costs when every cell is written out.
    for cells in [int(s) for s in args.explicit_sizes.split(",") if s]:
        name, path, meta = generate(out, "mixed", cells, explicit=True)
        log("%s: %d lines, %d bytes" % (name, meta["formulas"], meta["bytes"]))
        try:
            done, wall, peak, cpu = timed([finmodel, "recalc", path, "--stats", "--range", "A1:A1"], out,
                                          stdout=subprocess.DEVNULL, timeout=300)
            stats = json_lines(done.stderr)
            results["explicit"].append({"name": name, "meta": meta, "stats": stats[-1] if stats else None,
                                        "wall": wall, "peakMB": peak})
        except subprocess.TimeoutExpired:
            results["explicit"].append({"name": name, "meta": meta, "timeout": 300})

    # --- LibreOffice and IronCalc on the workbooks finmodel exported.
    if not args.no_office:
        files = [e["xlsx"] for e in results["models"].values() if os.path.exists(e["xlsx"])]
        probes = sorted({p for e in results["models"].values() for p in e["meta"]["probes"]})
        cmd = [sys.executable, os.path.join(HERE, "lo_ironcalc_recalc.py"), "--repeat", "3"]
        for p in probes:
            cmd += ["--probe", p]
        log("LibreOffice and IronCalc on %d workbooks" % len(files))
        done = subprocess.run(cmd + files, stdout=subprocess.PIPE, text=True)
        results["office"] = json_lines(done.stdout)

    # --- Export: finmodel against the C program writing the same cells straight through libxlsxwriter.
    for cells in export_sizes:
        name, path, meta = generate(out, "chain", cells)
        row = {"cells": cells, "model": name}
        for mode in ("default", "constant-memory"):
            cmd = [args.c_writer, str(cells), os.path.join(out, "c_%d.xlsx" % cells)]
            if mode == "constant-memory":
                cmd.append("--constant-memory")
            done, wall, peak, cpu = timed(cmd, out)
            lines = json_lines(done.stdout)
            row["c_" + mode] = dict(lines[0] if lines else {}, wall=wall, peakMB=peak, cpu=cpu)
        xlsx = os.path.join(out, "fm_export_%d.xlsx" % cells)
        done, wall, peak, cpu = timed([finmodel, "export", path, "-o", xlsx], out)
        row["finmodel_process"] = {"wall": wall, "peakMB": peak, "cpu": cpu,
                                   "bytes": os.path.getsize(xlsx) if os.path.exists(xlsx) else None}
        done, wall, peak, cpu = timed([finmodel, "recalc", path, "--stats", "--range", "A1:A1"], out,
                                      stdout=subprocess.DEVNULL)
        row["finmodel_recalc_process"] = {"wall": wall, "peakMB": peak, "cpu": cpu}
        bench_entry = results["models"].get(name)
        if bench_entry is None:
            done, wall, peak, cpu = timed([bench, path, "--export", os.path.join(out, name + ".xlsx")], out)
            bench_lines = json_lines(done.stdout)
        else:
            bench_lines = bench_entry["bench"]
        row["finmodel_call"] = next((l for l in bench_lines if l["measure"] == "export"), None)
        results["export"].append(row)
        log("export %d: done" % cells)

    results["machine"]["loadAverageEnd"] = os.getloadavg()
    results["seconds"] = round(time.perf_counter() - started, 1)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    markdown = render(results)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(markdown)
    print(markdown)
    return 0


# ---------------------------------------------------------------- tables

def fmt(x, digits=0):
    if x is None:
        return "—"
    if isinstance(x, str):
        return x
    if digits == 0:
        return "{:,.0f}".format(x)
    return "{:,.{d}f}".format(x, d=digits)


def human_rate(x):
    if x is None:
        return "—"
    if x >= 1e6:
        return "%.2f M/s" % (x / 1e6)
    return "%.0f k/s" % (x / 1e3)


def short(cells):
    return "%dk" % (cells // 1000) if cells < 1_000_000 else "%gM" % (cells / 1e6)


def fastest_cell(result, times_key, cpu_key):
    """Fastest run of `times_key`, with the CPU seconds of that same run from `cpu_key`."""
    if not result.get(times_key):
        return result.get("error", "—")
    times = result[times_key]
    best = min(range(len(times)), key=lambda i: times[i])
    cpu = result.get(cpu_key) or []
    return "%s (%s)" % (fmt(times[best], 3), fmt(cpu[best], 2) if best < len(cpu) else "—")


def lo_cell(lo):
    """Fastest calculateAll, with soffice's CPU seconds over that call."""
    return fastest_cell(lo, "calcSeconds", "calcCpuSeconds")


def ic_cell(ic):
    """Fastest IronCalc evaluate, with the process's CPU seconds over that call."""
    return fastest_cell(ic, "evaluateSeconds", "evaluateCpuSeconds")


def measure(entry, kind):
    return [l for l in entry.get("bench", []) if l.get("measure") == kind]


def render(r):
    m = r["machine"]
    lines = []
    add = lines.append
    add("Machine: %s, %s cores, %s GB RAM, Linux %s; %s; %s; IronCalc %s; libxlsxwriter %s." % (
        m["cpu"], m["cores"], m["memoryGB"], m["kernel"], m["swift"], m["libreoffice"], m["ironcalc"],
        m["libxlsxwriter"]))
    add("Commit %s%s; load average %.1f at start, %.1f at end; run took %.0f s (%s)." % (
        m["commit"], " with modified sources (%d files)" % len(m["modifiedSources"]) if m["modifiedSources"] else "",
        m["loadAverageStart"][0], m["loadAverageEnd"][0], r["seconds"], m["date"]))
    add("")

    office = {(o.get("engine"), os.path.basename(o.get("file", ""))): o for o in r["office"]}

    add("### Full recalculation")
    add("")
    add("| model | formula cells | parse ms | build ms | full eval ms (median) | eval rate (wall / CPU) | "
        "peak B per formula cell | LibreOffice calculateAll s (CPU s, all threads) | IronCalc evaluate s (CPU s) | LO load s | IronCalc load s |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, e in r["models"].items():
        full = (measure(e, "full") or [{}])[0]
        mem = (measure(e, "memory") or [{}])[0]
        lo = office.get(("libreoffice", os.path.basename(e["xlsx"])), {})
        ic = office.get(("ironcalc", os.path.basename(e["xlsx"])), {})
        add("| %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s | %s |" % (
            name, fmt(full.get("formulas")), fmt(full.get("parseMsMedian"), 1), fmt(full.get("buildMsMedian"), 1),
            fmt(full.get("evalMsMedian"), 1), human_rate(full.get("evalFormulasPerSecond")),
            human_rate(full.get("evalFormulasPerCpuSecond")), fmt(mem.get("bytesPerFormulaCell")),
            lo_cell(lo),
            ic_cell(ic),
            fmt(lo.get("loadSeconds"), 2), fmt(ic.get("loadSeconds"), 2)))
    add("")
    add("`finmodel recalc --stats` on the same models (one process each; wall and peak RSS by /usr/bin/time):")
    add("")
    add("| model | parseMs | buildMs | evalMs | peakMemoryMB | process wall s |")
    add("|---|---:|---:|---:|---:|---:|")
    for name, e in r["models"].items():
        s = e["cli"]["stats"] or {}
        add("| %s | %s | %s | %s | %s | %s |" % (name, s.get("parseMs"), s.get("buildMs"), s.get("evalMs"),
                                                s.get("peakMemoryMB"), fmt(e["cli"]["wall"], 2)))
    add("")

    add("### Single-input edits (incremental recalculation)")
    add("")
    add("Median of alternating edits (new value, original value) within the time budget; *evaluated* is "
        "the formula cells recomputed (the dirty cone less what early cutoff skips), *changed* how many "
        "changed value; *mark* is setConstant (marking the cone), *recalc* is recalculate().")
    add("")
    add("| model | edited cell | evaluated | changed | median µs | min µs | CPU µs (median) | mark µs | recalc µs | ns per evaluated cell | repeats |")
    add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, e in r["models"].items():
        for ed in measure(e, "edit"):
            add("| %s | %s — %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                name, ed["cell"], ed["label"], fmt(ed["evaluated"]), fmt(ed["changed"]), fmt(ed["medianUs"], 1),
                fmt(ed["minUs"], 1), fmt(ed.get("cpuMedianUs"), 1), fmt(ed["markMedianUs"], 1), fmt(ed["recalcMedianUs"], 1),
                fmt(ed["nsPerEvaluated"]), ed["repeats"]))
    add("")
    add("First edit after the full recalculation (builds the index of dependents):")
    add("")
    add("| model | first edit ms |")
    add("|---|---:|")
    for name, e in r["models"].items():
        firsts = [ed for ed in measure(e, "edit") if ed.get("firstBuildsIndex")]
        if firsts:
            add("| %s | %s |" % (name, fmt(firsts[0]["firstMs"], 1)))
    add("")

    add("### Memory")
    add("")
    add("finmodel: RSS before loading (baseline), peak RSS after the full evaluation (getrusage), RSS "
        "after it; bytes per formula cell = (peak − baseline) / formula cells. *+ index* is the RSS "
        "growth over the edits (the index of dependents built by the first edit). LibreOffice: "
        "soffice.bin peak (VmHWM) minus its RSS before loading the file; IronCalc: process peak minus "
        "RSS after `import ironcalc`.")
    add("")
    add("| model | baseline MB | peak MB | peak B/formula | retained B/formula | + index B/formula | "
        "peak during edits B/formula | LibreOffice B/formula | IronCalc B/formula |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, e in r["models"].items():
        mem = (measure(e, "memory") or [{}])[0]
        idx = (measure(e, "memory-edits") or [{}])[0]
        n = mem.get("formulas") or 1
        lo = office.get(("libreoffice", os.path.basename(e["xlsx"])), {})
        ic = office.get(("ironcalc", os.path.basename(e["xlsx"])), {})
        lo_b = (lo["peakMB"] - lo["rssBeforeMB"]) * 2 ** 20 / n if lo.get("peakMB") and lo.get("rssBeforeMB") else None
        ic_b = (ic["peakMB"] - ic["baselineMB"]) * 2 ** 20 / n if ic.get("peakMB") and ic.get("baselineMB") else None
        edit_peak = ((idx["peakMB"] - mem["baselineMB"]) * 2 ** 20 / n) if idx.get("peakMB") and mem.get("baselineMB") else None
        add("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, fmt(mem.get("baselineMB"), 1), fmt(mem.get("peakMB"), 1), fmt(mem.get("bytesPerFormulaCell")),
            fmt(mem.get("retainedBytesPerFormulaCell")), fmt(idx.get("indexBytesPerFormulaCell")), fmt(edit_peak),
            fmt(lo_b), fmt(ic_b)))
    add("")

    if r["explicit"]:
        add("### Parsing a model written one cell per line")
        add("")
        add("`finmodel recalc --stats`: *parse* is reading the lines into statements; *build* includes "
            "parsing and binding each line's formula and placing the cells.")
        add("")
        add("| model | lines (formula cells) | file MB | parse ms | parse cells/s | build ms | parse + build cells/s | eval ms | peak MB |")
        add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for x in r["explicit"]:
            st = x.get("stats") or {}
            rate = st["cells"] / (st["parseMs"] / 1000) if st.get("parseMs") else None
            both = st["cells"] / ((st["parseMs"] + st["buildMs"]) / 1000) if st.get("buildMs") else None
            add("| %s | %s | %.1f | %s | %s | %s | %s | %s | %s |" % (
                x["name"], fmt(x["meta"]["formulas"]), x["meta"]["bytes"] / 2 ** 20,
                st.get("parseMs", "timeout"), human_rate(rate), st.get("buildMs", "—"), human_rate(both),
                st.get("evalMs", "—"), st.get("peakMemoryMB", "—")))
        add("")

    if r["export"]:
        add("### Export (chain shape, the cells bench_c_writer writes)")
        add("")
        add("*finmodel export call*: `WorkbookExporter.export` timed inside finmodel-bench on the evaluated "
            "model (wall and thread CPU); *C program*: scripts/bench_c_writer, whole run (its own JSON: "
            "wall and process CPU). Ratio = finmodel / C. Peaks: RSS high-water marks (`/usr/bin/time`); "
            "*export extra peak* is what the export call adds over the evaluated model.")
        add("")
        add("| formula cells | finmodel export call s (wall / CPU) | C program s (wall / CPU) | ratio (wall / CPU) | "
            "finmodel `export` process s, peak MB | C peak MB | C constant_memory s, peak MB | finmodel export extra peak MB | xlsx MB (finmodel / C) |")
        add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for x in r["export"]:
            call = x.get("finmodel_call") or {}
            c = x["c_default"]
            cm = x["c_constant-memory"]
            fm_s = call.get("exportMs", 0) / 1000 if call else None
            fm_cpu = call.get("exportCpuMs", 0) / 1000 if call else None
            ratio = fm_s / c["seconds"] if fm_s and c.get("seconds") else None
            ratio_cpu = fm_cpu / c["cpu_seconds"] if fm_cpu and c.get("cpu_seconds") else None
            add("| %s | %s / %s | %s / %s | %s / %s | %s, %s | %s | %s, %s | %s | %s / %s |" % (
                fmt(x["cells"]), fmt(fm_s, 2), fmt(fm_cpu, 2), fmt(c.get("seconds"), 2), fmt(c.get("cpu_seconds"), 2),
                ("%.1f×" % ratio) if ratio else "—", ("%.1f×" % ratio_cpu) if ratio_cpu else "—",
                fmt(x["finmodel_process"]["wall"], 2), fmt(x["finmodel_process"]["peakMB"]),
                fmt(c.get("peakMB")), fmt(cm.get("seconds"), 2), fmt(cm.get("peakMB")),
                fmt(call.get("exportExtraPeakMB"), 1),
                fmt((x["finmodel_process"]["bytes"] or 0) / 2 ** 20, 1), fmt((c.get("bytes") or 0) / 2 ** 20, 1)))
        add("")

    # Probe agreement.
    disagreements = []
    for e in r["models"].values():
        ours = {p["cell"]: p["value"] for p in measure(e, "probe")}
        for o in r["office"]:
            if os.path.basename(o.get("file", "")) != os.path.basename(e["xlsx"]):
                continue
            for cell, value in (o.get("probes") or {}).items():
                if cell in ours and isinstance(value, float) and isinstance(ours[cell], (int, float)):
                    if abs(value - ours[cell]) > 1e-9 * max(1, abs(value)):
                        disagreements.append("%s %s %s: %s vs finmodel %s" % (o["engine"], e["name"], cell, value, ours[cell]))
    add("Probe cells compared with LibreOffice and IronCalc: %s." % (
        "all agree" if not disagreements else "; ".join(disagreements[:10])))
    add("")
    add("### Targets")
    add("")
    for line in targets(r):
        add("- " + line)
    add("")
    return "\n".join(lines)


def targets(r):
    """One line per target: MET / NOT MET with the figure it rests on."""
    out = []
    models = r["models"]

    def verdict(ok):
        return "**met**" if ok else "**not met**"

    chains = [(n, (measure(e, "full") or [{}])[0]) for n, e in models.items() if e["shape"] == "chain"]
    if chains:
        name, full = max(chains, key=lambda x: x[1].get("formulas", 0))
        rate, cpu_rate = full.get("evalFormulasPerSecond"), full.get("evalFormulasPerCpuSecond")
        out.append("Full evaluation of simple chains ≥ 10 M formula cells/s: %s — %s: %s wall, %s per CPU second." % (
            verdict((cpu_rate or 0) >= 1e7), name, human_rate(rate), human_rate(cpu_rate)))
    edits = []
    for n, e in models.items():
        for ed in measure(e, "edit"):
            if ed["formulas"] >= 1_000_000 and ed["evaluated"] <= 500:
                edits.append((n, ed))
    if edits:
        worst = max(edits, key=lambda x: x[1]["cpuMedianUs"])
        out.append("Small-cone edit in a 1,000,000-cell model in microseconds (≤ 100 µs here): %s — %s" % (
            verdict(worst[1]["cpuMedianUs"] <= 100), "; ".join(
                "%s %s: %s cells in %s µs (mark %s, recalc %s)" % (n, ed["cell"], ed["evaluated"], fmt(ed["medianUs"], 0),
                                                                  fmt(ed["markMedianUs"], 0), fmt(ed["recalcMedianUs"], 0))
                for n, ed in edits)))
    mems = [(n, (measure(e, "memory") or [{}])[0], (measure(e, "memory-edits") or [{}])[0])
            for n, e in models.items()]
    big = [(n, m, i) for n, m, i in mems if m.get("formulas", 0) >= 1_000_000]
    if big:
        worst = max(m.get("bytesPerFormulaCell", 0) for _, m, _ in big)
        with_index = max(m.get("retainedBytesPerFormulaCell", 0) + i.get("indexBytesPerFormulaCell", 0) for _, m, i in big)
        out.append("≤ 200 bytes per formula cell (1,000,000 cells): %s after a full evaluation (peak %s B); "
                   "%s once the incremental index exists (retained %s B)." % (
                       verdict(worst <= 200), fmt(worst), verdict(with_index <= 200), fmt(with_index)))
    explicit = [x for x in r["explicit"] if x.get("stats")]
    if explicit:
        x = max(explicit, key=lambda x: x["meta"]["formulas"])
        st = x["stats"]
        rate = st["cells"] / (st["parseMs"] / 1000)
        both = st["cells"] / ((st["parseMs"] + st["buildMs"]) / 1000)
        out.append("Parse ≥ 1 M cells/s: %s for the line parser on a one-cell-per-line model (%s: %s), %s "
                   "counting formula parsing and binding (parse + build %s); range fills parse in "
                   "time proportional to lines, not cells." % (
                       verdict(rate >= 1e6), x["name"], human_rate(rate), verdict(both >= 1e6), human_rate(both)))
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv))
