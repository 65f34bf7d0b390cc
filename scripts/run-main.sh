#!/usr/bin/env bash
# The main job: set up, build, recalculate the Zhipu model and export Output/zhipu.xlsx.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release
.build/release/finmodel recalc Models/zhipu.fmodel --outputs
.build/release/finmodel recalc Models/zhipu.fmodel --scenarios
.build/release/finmodel export Models/zhipu.fmodel -o Output/zhipu.xlsx
