#!/usr/bin/env python3
"""lo_ironcalc_recalc.py - time LibreOffice's and IronCalc's full recalculation of .xlsx workbooks.

Usage (any python3; it runs each engine under the interpreter that can load it)::

    python3 scripts/bench/lo_ironcalc_recalc.py [--engines libreoffice,ironcalc] [--repeat 3]
            [--probe Sheet!C2 ...] FILE.xlsx [FILE2.xlsx ...]

Prints one JSON object per engine and file on stdout:

- LibreOffice (Debian's /usr/bin/python3 with python3-uno): a fresh headless soffice with a
  private profile for each file (scripts/lo_recalc.py starts, connects and stops it). For each file:
  ``loadSeconds`` (loadComponentFromURL, hidden, read-only: not part of the recalculation),
  ``calcSeconds`` (each ``doc.calculateAll()``, timed inside the UNO client around the call, so
  it is LibreOffice's recalculation plus one UNO round trip) and soffice.bin's CPU seconds over
  the same call (all its threads: LibreOffice may calculate formula groups in parallel), the
  soffice.bin resident memory
  before the load, after it, and its peak during load and recalculation (VmHWM, reset before
  the load through /proc/PID/clear_refs), and the probe cells' values after recalculation.
  ``startSeconds`` is soffice's start-up.
- IronCalc (PyPI ``ironcalc``, in this interpreter or the ``python3`` on PATH): one fresh process
  per file. ``loadSeconds`` (``ironcalc.load_from_xlsx``, which does not evaluate) and
  ``evaluateSeconds`` (each ``model.evaluate()``, a full evaluation) with the process's CPU
  seconds over each (``evaluateCpuSeconds``), process peak RSS
  (getrusage) and RSS after the import (the baseline), probe values.

Probes are cell references such as ``Summary!T25``: compare them with finmodel's values to see
that every engine computed the same workbook.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEBIAN_PYTHON = "/usr/bin/python3"


def rss_of(pid, field):
    """VmRSS / VmHWM of a process in MB (None when unreadable)."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def cpu_seconds_of(pid):
    """User + system CPU seconds of a process, all threads (None when unreadable)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def reset_peak(pid):
    try:
        with open("/proc/%d/clear_refs" % pid, "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def split_ref(ref):
    sheet, cell = ref.rsplit("!", 1)
    return sheet.strip("'"), cell


# ---------------------------------------------------------------- LibreOffice (worker)

def soffice_bin(group):
    """The pid of soffice.bin in the process group soffice was started in (its launcher's)."""
    for _ in range(100):
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % entry) as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            if name.startswith("soffice.bin") and int(fields[2]) == group:
                return int(entry)
        time.sleep(0.1)
    return None


def libreoffice_worker(paths, repeat, probes):
    sys.path.insert(0, os.path.dirname(HERE))
    import uno  # noqa: F401
    import lo_recalc  # scripts/lo_recalc.py: private soffice start, connect, stop

    for path in paths:  # a fresh soffice per file, so that its memory figures are the file's own
        result = {"engine": "libreoffice", "file": path}
        started = time.perf_counter()
        proc, profile, pipe = lo_recalc.start_office()
        desktop = None
        try:
            desktop = lo_recalc.connect(proc, pipe)
            result["startSeconds"] = round(time.perf_counter() - started, 3)
            office = soffice_bin(proc.pid)
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            if office:
                result["rssBeforeMB"] = rss_of(office, "VmRSS")
                result["peakReset"] = reset_peak(office)
            t0 = time.perf_counter()
            doc = desktop.loadComponentFromURL(
                url, "_blank", 0, (lo_recalc.prop("Hidden", True), lo_recalc.prop("ReadOnly", True)))
            result["loadSeconds"] = round(time.perf_counter() - t0, 4)
            if office:
                result["rssAfterLoadMB"] = rss_of(office, "VmRSS")
            try:
                times, cpu = [], []
                for _ in range(repeat):
                    c0 = cpu_seconds_of(office) if office else None
                    t0 = time.perf_counter()
                    doc.calculateAll()
                    times.append(round(time.perf_counter() - t0, 4))
                    c1 = cpu_seconds_of(office) if office else None
                    if c0 is not None and c1 is not None:
                        cpu.append(round(c1 - c0, 2))
                result["calcSeconds"] = times
                result["calcCpuSeconds"] = cpu  # soffice.bin, all threads (clock ticks: 10 ms)
                if office:
                    result["peakMB"] = rss_of(office, "VmHWM")
                values = {}
                sheets = doc.getSheets()
                for ref in probes:
                    sheet, cell = split_ref(ref)
                    if sheets.hasByName(sheet):
                        c = sheets.getByName(sheet).getCellRangeByName(cell)
                        values[ref] = c.getValue() if c.getError() == 0 else {"error": c.getError()}
                result["probes"] = values
            finally:
                doc.close(False)
        except Exception as exc:  # report it for this file and go on
            result["error"] = "%s: %s" % (type(exc).__name__, exc)
        finally:
            lo_recalc.stop_office(proc, desktop, profile)
        print(json.dumps(result), flush=True)


# ---------------------------------------------------------------- IronCalc (worker)

def ironcalc_worker(path, repeat, probes):
    import ironcalc
    baseline = rss_of(os.getpid(), "VmRSS")
    result = {"engine": "ironcalc", "file": path, "version": getattr(ironcalc, "__version__", "?"),
              "baselineMB": baseline}
    t0 = time.perf_counter()
    model = ironcalc.load_from_xlsx(path)
    result["loadSeconds"] = round(time.perf_counter() - t0, 4)
    result["rssAfterLoadMB"] = rss_of(os.getpid(), "VmRSS")
    times, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        model.evaluate()
        times.append(round(time.perf_counter() - t0, 4))
        cpu.append(round(time.process_time() - c0, 4))
    result["evaluateSeconds"] = times
    result["evaluateCpuSeconds"] = cpu
    result["peakMB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    values = {}
    for ref in probes:  # probes of other workbooks name sheets this one lacks
        try:
            values[ref] = model.get_cell_value_by_ref(ref)
        except Exception:
            pass
    result["probes"] = values
    print(json.dumps(result), flush=True)


def ironcalc_python():
    """An interpreter that can import ironcalc: this one, or python3 on PATH."""
    for candidate in (sys.executable, "python3"):
        try:
            if subprocess.run([candidate, "-c", "import ironcalc"], capture_output=True).returncode == 0:
                return candidate
        except OSError:
            pass
    return None


# ---------------------------------------------------------------- driver

def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="libreoffice,ironcalc")
    parser.add_argument("--repeat", type=int, default=3, help="recalculations per file (default 3)")
    parser.add_argument("--probe", action="append", default=[], help="a cell to report, Sheet!C2")
    parser.add_argument("--worker", choices=["libreoffice", "ironcalc"], help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv[1:])
    if args.worker == "libreoffice":
        libreoffice_worker(args.files, args.repeat, args.probe)
        return 0
    if args.worker == "ironcalc":
        ironcalc_worker(args.files[0], args.repeat, args.probe)
        return 0
    status = 0
    probes = [a for p in args.probe for a in ("--probe", p)]
    me = os.path.abspath(__file__)
    engines = args.engines.split(",")
    if "libreoffice" in engines:
        done = subprocess.run([DEBIAN_PYTHON, me, "--worker", "libreoffice", "--repeat", str(args.repeat)]
                              + probes + args.files)
        status |= done.returncode
    if "ironcalc" in engines:
        python = ironcalc_python()
        if python is None:
            print(json.dumps({"engine": "ironcalc", "error": "ironcalc is not installed: pip install ironcalc"}))
            status = 1
        else:
            for path in args.files:
                done = subprocess.run([python, me, "--worker", "ironcalc", "--repeat", str(args.repeat)]
                                      + probes + [path])
                if done.returncode:
                    print(json.dumps({"engine": "ironcalc", "file": path,
                                      "error": "exit status %d" % done.returncode}), flush=True)
                    status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
