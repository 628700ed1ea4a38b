#!/usr/bin/env bash
# After adding or changing a message: see scripts/catalogue.py.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python scripts/catalogue.py "$@"
