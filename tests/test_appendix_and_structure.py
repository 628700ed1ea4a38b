"""Appendices (own section, own numbering, 'Kèm theo' line), tables, letters, overrides."""

from __future__ import annotations

import pytest

from antq_docs.inspect import read_docx
from antq_docs.inspect.docx_read import TableView
from antq_docs.render import render_file

from .helpers import FIXTURES


@pytest.fixture(scope="module")
def view():
    return read_docx(render_file(FIXTURES / "with-appendix.yaml").docx)


def _texts(view):
    return [p.text for p in view.paragraphs() if p.text.strip()]


def test_each_appendix_is_a_section_numbered_from_one(view):
    assert len(view.sections) == 3
    main, first, second = view.sections
    assert main.page_start is None
    assert first.page_start == second.page_start == 1
    assert all(s.title_page for s in view.sections)


def test_appendix_heading_and_attached_line(view):
    texts = _texts(view)
    index = texts.index("Phụ lục I")
    assert texts[index + 1] == "NỘI DUNG PHONG TRÀO THI ĐUA"
    assert texts[index + 2] == (
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 09 tháng 01 năm 2026 của UBND tỉnh Cao Bằng)"
    )
    assert "Phụ lục II" in texts
    label = next(p for p in view.paragraphs() if p.text == "Phụ lục I")
    assert label.align == "center" and all(r.bold and r.size == 14 for r in label.runs)
    attached = next(p for p in view.paragraphs() if p.text.startswith("(Kèm theo"))
    assert all(r.italic for r in attached.runs)


def test_appendix_table(view):
    table = [b for b in view.blocks if isinstance(b, TableView) and b.borders][-1]
    header = [c.paragraphs[0].text for c in table.rows[0]]
    assert header == ["TT", "Nội dung thi đua", "Chỉ tiêu định lượng"]
    assert round(table.grid_twips[0] / 567, 1) == 1.2
    assert sum(table.grid_twips) == pytest.approx(16.5 * 567, abs=3)
    target = table.rows[1][2].paragraphs[0]
    assert [(r.text, r.bold) for r in target.runs] == [("100%", True), (" xã, phường", False)]
    assert table.rows[2][0].paragraphs[0].text == "3.1"
    assert table.rows[1][0].paragraphs[0].align == "center"


def test_letters_continue_after_an_override(view):
    texts = _texts(view)
    letters = [t.split(")")[0] for t in texts if t[:2] in ("a)", "b)", "e)", "g)")]
    assert letters == ["a", "b", "e", "g"]


def test_bases_end_with_semicolon_then_period(view):
    texts = _texts(view)
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in texts
    assert "Căn cứ Kế hoạch của Bộ Công an về phong trào thi đua." in texts


def test_single_day_timeline(view):
    assert "2. Phát động phong trào. (Thời gian thực hiện: ngày 19/8/2026)." in _texts(view)


def test_end_mark_closes_the_body_not_the_appendix(view):
    texts = _texts(view)
    main_end = texts.index("Nơi nhận:") - 1
    assert texts[main_end].endswith("./.")
    assert not any(t.endswith("./.") for t in texts[main_end + 1 :])


def test_appendices_need_the_short_name(tmp_path):
    from antq_docs.errors import PlanError

    plan = (FIXTURES / "with-appendix.yaml").read_text("utf-8")
    path = tmp_path / "p.yaml"
    path.write_text(plan.replace("  short_name: UBND tỉnh Cao Bằng\n", ""), "utf-8")
    with pytest.raises(PlanError, match="short_name"):
        render_file(path)


def test_a_draft_with_the_month_blank_too(tmp_path):
    """`date: {year: 2026}`: «ngày    tháng    năm 2026», in the header and in the captions
    of the appendices, and the document checks clean."""
    from antq_docs.check import check_docx
    from antq_docs.inspect import read_docx
    from antq_docs.render import render_file

    plan = tmp_path / "draft.yaml"
    plan.write_text(
        f"extends: {FIXTURES / 'with-appendix.yaml'}\nissuer:\n  number: null\n"
        "  date: {year: 2026}\n",
        "utf-8",
    )
    docx = render_file(plan).docx
    texts = [" ".join(p.text.split()) for p in read_docx(docx).paragraphs()]
    assert "Cao Bằng, ngày tháng năm 2026" in texts
    assert (
        sum(
            "(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND tỉnh Cao Bằng)" == t
            for t in texts
        )
        == 2
    )
    assert check_docx(docx) == []
    bad = tmp_path / "bad.yaml"
    bad.write_text(plan.read_text("utf-8").replace("{year: 2026}", "{day: 5, year: 2026}"), "utf-8")
    from antq_docs.errors import PlanError

    with pytest.raises(PlanError, match="a day needs its month"):
        render_file(bad)


def test_line_breaks_in_the_subject_and_an_appendix_title(tmp_path):
    """«\\n» breaks the subject and an appendix title into lines; the subject's rule is
    sized on its longest line, so the document checks clean."""
    from antq_docs.check import check_docx
    from antq_docs.inspect import read_docx
    from antq_docs.render import render_file

    plan = tmp_path / "lines.yaml"
    base = (FIXTURES / "with-appendix.yaml").read_text("utf-8")
    plan.write_text(
        base.replace(
            'subject: Phát động phong trào thi đua "Toàn dân bảo vệ an ninh Tổ quốc"',
            'subject: "Phát động phong trào thi đua\\n“Toàn dân bảo vệ an ninh Tổ quốc”"',
        ).replace("  - title: Danh sách đơn vị", '  - title: "Danh sách\\nđơn vị"'),
        "utf-8",
    )
    docx = render_file(plan).docx
    texts = [p.text for p in read_docx(docx).paragraphs()]
    assert "Phát động phong trào thi đua\n“Toàn dân bảo vệ an ninh Tổ quốc”" in texts
    assert "DANH SÁCH\nĐƠN VỊ" in texts
    assert check_docx(docx) == []
