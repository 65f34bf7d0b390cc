#!/usr/bin/env bash
# Sets up everything the test suite needs (LibreOffice is the referee) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
swift build
swift test
