#!/usr/bin/env bash
# Installs the Debian packages finmodel needs on a fresh machine that has only the Swift toolchain:
#   scripts/setup.sh          libxlsxwriter-dev, zlib1g-dev, pkg-config (needed to build)
#   scripts/setup.sh --tests  also libreoffice-calc-nogui + python3-uno (the referee the test
#                             suite compares against), poppler-utils and unzip
# Always runs `apt-get update` and `apt-get install` (which skips what is already installed), so a
# fresh machine gets everything and a set-up one loses a few seconds.
set -euo pipefail

packages=(libxlsxwriter-dev zlib1g-dev pkg-config)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(libreoffice-calc-nogui python3-uno poppler-utils unzip)
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "setup: apt-get update; apt-get install ${packages[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
pkg-config --exists xlsxwriter || { echo "setup: libxlsxwriter is still not found by pkg-config" >&2; exit 1; }
