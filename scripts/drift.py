"""Which installed packages differ from the versions pinned in constraints.txt.

    .venv/bin/python scripts/drift.py

Run after `ANTQ_CONSTRAINTS=none bash scripts/setup-dev.sh` (the newest releases): it lists
every pinned package whose installed version moved, and those installed but not pinned.
Exit 0 always: drift is information for whoever updates the pins.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

CONSTRAINTS = Path(__file__).resolve().parent.parent / "constraints.txt"


def pinned() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        found = re.match(r"([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip())
        if found:
            pins[_canonical(found[1])] = found[2]
    return pins


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> int:
    pins = pinned()
    installed = {_canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    moved = [
        (name, pins[name], installed[name])
        for name in sorted(pins)
        if name in installed and installed[name] != pins[name]
    ]
    unpinned = sorted(set(installed) - set(pins) - {"antq", "pip", "setuptools"})
    for name, old, new in moved:
        print(f"moved     {name}: {old} -> {new}")
    for name in unpinned:
        print(f"unpinned  {name} {installed[name]}")
    print(f"{len(moved)} of {len(pins)} pinned packages moved; {len(unpinned)} unpinned")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
