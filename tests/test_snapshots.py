"""Golden snapshots through `antq test`: every example renders, audits clean and matches
its readable dump in tests/snapshots/.

Refresh after an intended change with `antq test --update` (or ANTQ_UPDATE_SNAPSHOTS=1 with
pytest) and review `git diff tests/snapshots` before committing.
"""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from antq_docs.cli import app
from antq_docs.regression import discover, kind_plans, run_case

from .helpers import ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"
PLANS = discover(ROOT)
# Every kind with every profile that may issue it (a Ban Chỉ đạo issues only the Ngày hội).
KIND_NAMES = ["new-ngay-hoi-bcd-cao-bang"] + [
    f"new-{kind}-{org}"
    for org in ("cao-bang", "phuong-thuc-phan")
    for kind in ("ngay-hoi", "ky-niem", "thi-dua")
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinds")
    return {p.stem: p for p in kind_plans(ROOT, folder)}


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_plan_renders_clean_and_matches_its_snapshot(plan):
    _assert_case(plan)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_kind_template_renders_clean_and_matches_its_snapshot(name, generated):
    assert set(generated) == set(KIND_NAMES)
    _assert_case(generated[name])


def _assert_case(plan):
    result = run_case(plan, SNAPSHOTS, update=bool(os.environ.get("ANTQ_UPDATE_SNAPSHOTS")))
    assert not result.problems
    assert not result.findings, "\n".join(map(str, result.findings))
    assert not result.diff, "snapshot differs (antq test --update to accept):\n" + result.diff


def test_antq_test_reports_a_text_change_as_a_diff(tmp_path, monkeypatch):
    snapshots = tmp_path / "snapshots"
    plan = PLANS[0]
    runner = CliRunner()
    assert (
        runner.invoke(app, ["test", str(plan), "--snapshots", str(snapshots), "--update"]).exit_code
        == 0
    )
    snapshot = snapshots / f"{plan.stem}.txt"
    snapshot.write_text(snapshot.read_text("utf-8").replace("KẾ HOẠCH", "KẾ HOẠCH CŨ"), "utf-8")
    result = runner.invoke(app, ["test", str(plan), "--snapshots", str(snapshots)])
    assert result.exit_code == 1
    assert "-^ **KẾ HOẠCH CŨ**" in result.stdout and "+^ **KẾ HOẠCH**" in result.stdout
    assert f"FAILED   {plan}" in result.stdout


def test_antq_test_fails_on_a_format_finding(tmp_path):
    plan = tmp_path / "slip.yaml"
    # a plan whose own text carries a superscript digit standing in for a footnote
    text = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text("utf-8")
    plan.write_text(text.replace("của cán bộ và Nhân dân.", "của cán bộ và Nhân dân.²"), "utf-8")
    runner = CliRunner()
    runner.invoke(app, ["test", str(plan), "--snapshots", str(tmp_path), "--update"])
    result = runner.invoke(app, ["test", str(plan), "--snapshots", str(tmp_path)])
    assert result.exit_code == 1 and "ND30-FOOTNOTES" in result.stdout
