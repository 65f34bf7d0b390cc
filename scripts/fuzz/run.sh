#!/usr/bin/env bash
# A libFuzzer campaign over finmodel's model parser, formula parser, loader, evaluator, writers
# and formula printer, outside the test suite.
#
#   scripts/fuzz/run.sh [SECONDS] [libFuzzer options…]      (default 600 seconds)
#
# Builds FormulaSyntax, SpreadsheetEngine and ModelFormat with `swiftc -sanitize=fuzzer,address`
# into .build-libfuzzer/ (Package.swift is not involved), links the harness
# scripts/fuzz/FuzzMain.swift with the suite's oracle (Tests/FinModelTests/FuzzOracle.swift), and
# runs it on a copy of the committed corpus Tests/FinModelTests/Golden/fuzz-corpus (new inputs
# go to .build-libfuzzer/corpus, crashes to .build-libfuzzer/crashes). Turn a crash into a
# named test in Tests/FinModelTests/FuzzRegressionTests.swift and add its input to the corpus
# as regression-<name>.fmodel.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-600}
shift || true
build=$root/.build-libfuzzer
mkdir -p "$build/corpus" "$build/crashes"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -module-cache-path "$build/module-cache")

# Each module inlines code from the ones before it (-O -wmo), so rebuilding one rebuilds all
# that follow: a stale ModelFormat holding an older Workbook's layout overflows the heap.
rebuilt=false
for module in FormulaSyntax SpreadsheetEngine ModelFormat; do
  if $rebuilt || [[ ! -f $build/lib$module.a ]] ||
    [[ -n $(find "$root/Sources/$module" -name '*.swift' -newer "$build/lib$module.a") ]]; then
    rebuilt=true
    echo "building $module" >&2
    swiftc "${flags[@]}" -wmo -module-name "$module" -I "$build" \
      -emit-module -emit-module-path "$build/$module.swiftmodule" \
      -emit-library -static -o "$build/lib$module.a" \
      $(find "$root/Sources/$module" -name '*.swift' | sort)
  fi
done
echo "building the harness" >&2
swiftc "${flags[@]}" -module-name FinModelFuzz -I "$build" -L "$build" \
  -lModelFormat -lSpreadsheetEngine -lFormulaSyntax \
  "$root/scripts/fuzz/FuzzMain.swift" \
  "$root/Tests/FinModelTests/FuzzOracle.swift" "$root/Tests/FinModelTests/FuzzModelPrinter.swift" \
  -o "$build/finmodel-fuzz"

cp -n "$root"/Tests/FinModelTests/Golden/fuzz-corpus/*.fmodel "$build/corpus/" 2>/dev/null || true
cd "$build"
exec ./finmodel-fuzz corpus -dict="$root/scripts/fuzz/fmodel.dict" -max_len=4096 -timeout=20 \
  -rss_limit_mb=4096 -max_total_time="$seconds" -artifact_prefix="$build/crashes/" \
  -print_final_stats=1 "$@"
