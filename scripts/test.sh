#!/usr/bin/env bash
# Sets up everything the test suite needs (LibreOffice is the referee) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
# Formatting is part of the contract: any `swift format` finding fails the run.
swift format lint --strict --recursive Sources Tests scripts/fuzz
swift build
swift test
