"""`antq validate --strict`: the content rules, each shown to fire and to stay quiet."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from antq_docs.cli import app
from antq_docs.validate import load_plan

from .helpers import EXAMPLES, FIXTURES

MINIMAL = (FIXTURES / "minimal.yaml").read_text("utf-8")


def lint(tmp_path, text: str) -> list[str]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return [f"{w.line}:{w.column} {w.message}" for w in load_plan(path, strict=True).warnings]


def test_minimal_plan_is_lint_clean(tmp_path):
    assert lint(tmp_path, MINIMAL) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_are_lint_clean(path):
    assert load_plan(path, strict=True).warnings == []


def test_numbering_hole_and_duplicate(tmp_path):
    text = MINIMAL.replace(
        "      - Nâng cao ý thức, trách nhiệm của cán bộ và Nhân dân.\n",
        "      - Một.\n      - {number: '3', text: Ba.}\n      - {number: '3', text: Ba nữa.}\n",
    )
    found = lint(tmp_path, text)
    assert any("number 3 skips after 1" in f and f.startswith("16:") for f in found)
    assert any("number 3 repeats after 3" in f for f in found)


def test_abbreviation_used_before_definition(tmp_path):
    text = MINIMAL.replace(
        "Nâng cao ý thức, trách nhiệm của cán bộ và Nhân dân.",
        "Phối hợp với MTTQ tỉnh. Sau đó Mặt trận Tổ quốc (MTTQ) tham gia.",
    )
    text = text.replace(
        "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.", "Báo cáo Ủy ban nhân dân (UBND) tỉnh."
    )
    text = text.replace("subject: Tổ chức", "subject: UBND tỉnh tổ chức")
    found = lint(tmp_path, text)
    assert [f for f in found if "LINT-ABBREVIATION" in f] == [
        "11:10 'UBND' is used here before it is defined (\"… (UBND)\" comes later); define it "
        "at first use [LINT-ABBREVIATION]"
    ]


def test_own_number_cited_differently(tmp_path):
    text = MINIMAL.replace(
        "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.",
        "Theo dõi thực hiện Kế hoạch số 50/KH-BCĐ.",
    )
    found = lint(tmp_path, text)
    assert any("cites Kế hoạch số 50/KH-BCĐ, but this plan is số 05/KH-BCĐ" in f for f in found)
    dated = MINIMAL.replace(
        "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.",
        "Theo dõi thực hiện Kế hoạch số 05/KH-BCĐ ngày 15/01/2026.",
    )
    assert any(
        "cites this plan as dated 15/01/2026, but it is dated 05/1/2026" in f
        for f in lint(tmp_path, dated)
    )
    right = dated.replace("15/01/2026", "05/01/2026")
    assert not any("LINT-SELF-REFERENCE" in f for f in lint(tmp_path, right))


def test_recipient_asked_to_implement_without_work(tmp_path):
    text = MINIMAL.replace(
        "recipients:\n  - Công an tỉnh\n",
        "recipients:\n  - Công an tỉnh\n  - {name: Sở Tài chính, note: t/hiện}\n",
    )
    found = lint(tmp_path, text)
    assert any("'Sở Tài chính' is asked to implement" in f for f in found)


def test_times_outside_the_window(tmp_path):
    text = MINIMAL.replace("subject:", "window: {from: 01/8/2026, to: 19/8/2026}\nsubject:")
    text = text.replace(
        "        deadline: 25/8/2026\n",
        "        deadline: 25/8/2026\n        time: {from: 01/9/2026, to: 30/9/2026}\n",
    )
    found = lint(tmp_path, text)
    assert any("outside the plan's window (01/8/2026–19/8/2026)" in f for f in found)


def test_districts_after_the_reform(tmp_path):
    text = MINIMAL.replace(
        "      - unit: Công an tỉnh\n", "      - unit: UBND các huyện, thành phố\n"
    )
    text = text.replace(
        "recipients:\n  - Công an tỉnh\n", "recipients:\n  - UBND các huyện, thành phố\n"
    )
    found = lint(tmp_path, text)
    assert sum("LINT-DISTRICT" in f for f in found) == 2
    before = text.replace("date: 05/01/2026", "date: 05/01/2025").replace(
        "deadline: 25/8/2026", "deadline: 25/8/2025"
    )
    assert not any("LINT-DISTRICT" in f for f in lint(tmp_path, before))


def test_mixed_tone_marks(tmp_path):
    text = MINIMAL.replace(
        "Nâng cao ý thức, trách nhiệm của cán bộ và Nhân dân.",
        "Giữ hòa bình, hòa hợp; chăm lo sức khỏe; trường Thuỷ Nguyên.",
    )
    found = lint(tmp_path, text)
    assert [f for f in found if "LINT-TONE-MARKS" in f] == [
        "15:9 'Thuỷ' places its tone mark the modern (hoà) way, while the rest of the plan writes "
        "e.g. 'hòa'; use one style throughout [LINT-TONE-MARKS]"
    ]


def test_strict_validate_fails_on_warnings():
    runner = CliRunner()
    plan = str(FIXTURES / "with-appendix.yaml")
    assert runner.invoke(app, ["validate", plan]).exit_code == 0
    result = runner.invoke(app, ["validate", "--strict", plan])
    assert result.exit_code == 2 and "LINT-NUMBERING" in result.stderr


def test_appendix_text_is_linted(tmp_path):
    text = (
        (FIXTURES / "with-appendix.yaml")
        .read_text("utf-8")
        .replace(
            "[1, Xây dựng mô hình tự quản",
            "[1, Theo Kế hoạch số 21/KH-UBND xây dựng mô hình tự quản",
        )
    )
    found = lint(tmp_path, text)
    assert any("cites Kế hoạch số 21/KH-UBND, but this plan is số 12/KH-UBND" in f for f in found)
