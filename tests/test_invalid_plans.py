"""Each file in fixtures/invalid gives exactly the messages in its .expected file, exit 2."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from antq_docs.cli import app

from .helpers import FIXTURES

CASES = sorted((FIXTURES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("plan", CASES, ids=[p.stem for p in CASES])
def test_invalid_plan_reports_every_problem_with_its_position(plan, monkeypatch):
    monkeypatch.chdir(plan.parent)
    result = CliRunner().invoke(app, ["validate", plan.name])
    assert result.exit_code == 2
    reported = [line for line in result.stderr.splitlines() if line.startswith(plan.name + ":")]
    expected = plan.with_suffix(".expected").read_text("utf-8").splitlines()
    assert reported == expected
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize("plan", CASES[:3], ids=[p.stem for p in CASES[:3]])
def test_render_of_invalid_plan_writes_nothing(plan, tmp_path, monkeypatch):
    monkeypatch.chdir(plan.parent)
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(app, ["render", plan.name, "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    assert "nothing was written" in result.stderr


def test_the_offending_line_is_shown_under_the_message(monkeypatch):
    monkeypatch.chdir(FIXTURES / "invalid")
    result = CliRunner().invoke(app, ["validate", "symbol-spaces.yaml"])
    lines = result.stderr.splitlines()
    index = lines.index(next(line for line in lines if line.startswith("symbol-spaces.yaml:3:11")))
    assert lines[index + 1].strip() == "symbol: KH - BCĐ"
    assert lines[index + 2].index("^") == lines[index + 1].index("KH - BCĐ")
