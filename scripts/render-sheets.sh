#!/usr/bin/env bash
# Renders every sheet of an exported workbook to PNG through LibreOffice (xlsx → PDF) and
# pdftoppm, for docs/ and the README. CJK text needs a CJK font (Debian: fonts-wqy-zenhei). Uses a private LibreOffice profile so it never touches
# (or waits for) a running instance.
#   scripts/render-sheets.sh Output/zhipu.xlsx docs/images/zhipu
set -euo pipefail
workbook=${1:?usage: render-sheets.sh WORKBOOK.xlsx OUTPUT_PREFIX}
prefix=${2:?usage: render-sheets.sh WORKBOOK.xlsx OUTPUT_PREFIX}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# SinglePageSheets (LibreOffice 7.4+) renders each sheet whole on one page: one picture a sheet.
soffice --headless "-env:UserInstallation=file://$work/profile" \
  --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
  --outdir "$work" "$workbook" >/dev/null 2>&1
pdf="$work/$(basename "${workbook%.*}").pdf"
mkdir -p "$(dirname "$prefix")"
rm -f "$prefix"-*.png
pdftoppm -png -r 96 "$pdf" "$prefix"
ls "$prefix"-*.png
