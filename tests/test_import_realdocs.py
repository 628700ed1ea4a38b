"""`antq import` on the in-scope Kế hoạch of ../shared/realdocs: every one imports, its plan
validates and renders, and the render keeps the original's words (figures:
scripts/import_report.py). Nothing of these documents is copied into the repository."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REALDOCS = Path(__file__).resolve().parents[1] / ".." / "shared" / "realdocs"
if not REALDOCS.is_dir():
    pytest.skip("../shared/realdocs not available", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from import_report import report  # noqa: E402

EXPECTED = json.loads((REALDOCS / "expected.json").read_text(encoding="utf-8"))
PLANS = sorted(n for n, v in EXPECTED.items() if v["kind"] == "Kế hoạch" and v["in_scope"])
OTHERS = sorted(n for n, v in EXPECTED.items() if v["kind"] != "Kế hoạch")


@pytest.mark.slow  # every real Kế hoạch imported and rendered, as tests/test_realdocs.py
@pytest.mark.parametrize("name", PLANS)
def test_plan_round_trip(name: str) -> None:
    row = report(REALDOCS / name)
    assert row["status"] in (0, 1)
    # the goals of issue 16, on lines as a reader sees them (scripts/import_report.py)
    assert row["words"] >= 0.995
    assert row["paragraphs"] >= 0.98
    assert row["labels"] >= 0.99
    assert row["new_findings"] == []
    assert row["seconds"] <= 1.0  # CPU seconds; the goal is 0.5, with room for a slow machine


@pytest.mark.parametrize("name", OTHERS[:4])
def test_other_papers_are_refused(name: str) -> None:
    from antq_docs.importer import ImportRefused, import_docx

    with pytest.raises(ImportRefused):
        import_docx((REALDOCS / name).read_bytes())
