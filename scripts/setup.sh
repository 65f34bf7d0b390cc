#!/usr/bin/env bash
# Installs what a fresh Debian machine with only the Swift toolchain lacks.
#   scripts/setup.sh          libxlsxwriter (needed to build)
#   scripts/setup.sh --tests  also LibreOffice + python3-uno (the referee used by the test suite)
#                             and poppler-utils (sheet pictures)
# Idempotent: packages already installed are not fetched again.
set -euo pipefail

packages=(libxlsxwriter-dev zlib1g-dev pkg-config)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(libreoffice-calc-nogui python3-uno poppler-utils unzip)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  sudo_cmd=()
  [[ "$(id -u)" -ne 0 ]] && sudo_cmd=(sudo)
  echo "setup: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
