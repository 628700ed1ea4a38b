"""Golden snapshots: a readable dump of each rendered example (text + formatting markers).

Refresh after an intended change with:  ANTQ_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py
and review the diff of tests/snapshots/ before committing it.
"""

from __future__ import annotations

import difflib
import os

import pytest

from antq_docs.inspect import dump_text

from .conftest import EXAMPLES, ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_snapshot(name, views):
    actual = dump_text(views[name])
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("ANTQ_UPDATE_SNAPSHOTS"):
        path.write_text(actual, "utf-8")
    expected = path.read_text("utf-8") if path.exists() else ""
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                    str(path.relative_to(ROOT)), "rendered", lineterm="")
        pytest.fail("snapshot differs (ANTQ_UPDATE_SNAPSHOTS=1 to accept):\n"
                    + "\n".join(diff))
