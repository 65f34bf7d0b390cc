#!/usr/bin/env bash
# scripts/bench/run.sh — finmodel's recalculation and export benchmarks (docs/benchmarks.md).
#
# Builds the release binaries (finmodel, finmodel-bench) and the C baseline, generates models of
# 10,000, 100,000 and 1,000,000 formula cells (mixed shapes, and the plain chain), runs finmodel
# (recalc --stats, finmodel-bench), exports them, recalculates the exports in LibreOffice and IronCalc,
# compares export with the C program, and prints the tables (also OUT/results.md, OUT/results.json).
#
# Usage: scripts/bench/run.sh [--sizes 10000,100000] [--shapes mixed,chain] [--no-office] [...]
#        (options are run_bench.py's; BENCH_OUT sets the output folder, default /tmp/finmodel-bench)
# Takes about 6-8 minutes on the 2-core benchmark machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${BENCH_OUT:-/tmp/finmodel-bench}"
mkdir -p "$OUT"

swift build -c release --scratch-path .build-bench --product finmodel >&2
swift build -c release --scratch-path .build-bench --product finmodel-bench >&2
BIN="$(swift build -c release --scratch-path .build-bench --show-bin-path)"
cc -O2 -Wall -o "$OUT/bench_c_writer" scripts/bench_c_writer/bench_c_writer.c \
  $(pkg-config --cflags --libs xlsxwriter)
python3 -c "import ironcalc" 2>/dev/null || python3 -m pip install --quiet ironcalc >&2

exec python3 scripts/bench/run_bench.py --bin "$BIN" --c-writer "$OUT/bench_c_writer" --out "$OUT" "$@"
