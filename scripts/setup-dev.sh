#!/usr/bin/env bash
# Everything the test suite needs, on Debian/Ubuntu or any machine that already has it:
# LibreOffice (PDF tests), Liberation 2 fonts (Times New Roman metrics with every
# Vietnamese letter), poppler-utils (pdftotext, pdffonts), chromium and chromium-driver (the
# browser tests of `antq serve`), then a virtualenv in .venv with
# the tested versions of constraints.txt (ANTQ_CONSTRAINTS=none: the newest releases instead,
# as the drift job installs). Needs Python >= 3.11 with venv (Debian: python3-venv).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
  else
    echo "warning: install ${need[*]} yourself to run the PDF and browser tests (they are skipped otherwise)" >&2
  fi
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "antq needs Python 3.11 or newer; this python3 is $(python3 --version)" >&2; exit 2; }
python3 -m venv .venv
pins=(-c constraints.txt)
[ "${ANTQ_CONSTRAINTS:-}" = none ] && pins=()
.venv/bin/python -m pip install -q "${pins[@]}" --upgrade pip
.venv/bin/python -m pip install -q "${pins[@]}" -e ".[test]"
