"""What real plans say that the first three examples did not: merged and multi-paragraph
cells, landscape appendices, run-in bases, Nơi nhận sub-lists and «Bản điện tử:», yearly
deadlines, a heading's own emphasis, a basis's date form, column widths by content, and a
signature that never stands alone. The model plan is examples/mau-phan-cong-nhiem-vu.yaml."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest
from lxml import etree

from antq_docs.check import check_docx
from antq_docs.errors import PlanError
from antq_docs.render import render_file

from .helpers import EXAMPLES, FIXTURES, ROOT

MODEL = ROOT / "examples" / "mau-phan-cong-nhiem-vu.yaml"
MINIMAL = (FIXTURES / "minimal.yaml").read_text("utf-8")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


@pytest.fixture(scope="module")
def model_docx() -> bytes:
    return render_file(MODEL).docx


def _document(docx: bytes):
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _text(element) -> str:
    return "".join(element.itertext())


def _plan(tmp_path, text: str):
    path = tmp_path / "p.yaml"
    path.write_text(text, "utf-8")
    return path


def _problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        render_file(_plan(tmp_path, text))
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


def test_the_model_plan_has_no_finding(model_docx):
    assert check_docx(model_docx) == []


# -- merged and multi-paragraph cells -----------------------------------------------------
def test_cells_span_columns_and_rows(model_docx):
    table = _document(model_docx).findall(".//w:tbl", NS)[-1]
    rows = table.findall("w:tr", NS)
    assert len(rows) == 5  # the heading row and four rows
    row3, row4, row5 = rows[2], rows[3], rows[4]
    shared = row3.findall("w:tc", NS)[2]
    assert shared.find("w:tcPr/w:vMerge", NS).get(f"{W}val") == "restart"
    assert _text(shared) == "Các thôn"
    below = row4.findall("w:tc", NS)[2]
    assert below.find("w:tcPr/w:vMerge", NS) is not None
    assert below.find("w:tcPr/w:vMerge", NS).get(f"{W}val") is None  # continues
    assert len(row4.findall("w:tc", NS)) == 5
    wide = row5.findall("w:tc", NS)[2]
    assert wide.find("w:tcPr/w:gridSpan", NS).get(f"{W}val") == "2"
    assert len(row5.findall("w:tc", NS)) == 4
    assert [_text(p) for p in wide.findall("w:p", NS)] == [
        "Theo phân công tại Quyết định của Ban Chỉ đạo xã",
        "- Thành viên phụ trách thôn",
    ]


def _span(cell) -> int:
    found = cell.find("w:tcPr/w:gridSpan", NS)
    return int(found.get(f"{W}val")) if found is not None else 1


def test_every_row_fills_the_grid(model_docx):
    table = _document(model_docx).findall(".//w:tbl", NS)[-1]
    columns = len(table.findall("w:tblGrid/w:gridCol", NS))
    for row in table.findall("w:tr", NS):
        assert sum(_span(cell) for cell in row.findall("w:tc", NS)) == columns


def test_the_text_preview_shows_merged_cells():
    from antq_docs.render import build_tree
    from antq_docs.write.text import render_text

    text = render_text(build_tree(MODEL)[0], markdown=True)
    assert "| 3 | Sơ kết phong trào ở thôn | ↑ | Ủy ban MTTQ xã | 30/11/2026 |" in text
    assert (
        "| Theo phân công tại Quyết định của Ban Chỉ đạo xã<br>- Thành viên phụ trách thôn | ← |"
    ) in text


@pytest.mark.parametrize(
    "rows, says",
    [
        ("[[1, a, b], [2, c]]", "row 2 fills 2 of the 3 columns"),
        ("[[1, {text: a, span: 3}, b]]", "row 1: cell 2 does not fit"),
        ("[[1, {text: a, rows: 3}, b], [2, c]]", "row 1: cell 2 spans 3 rows, past the last row"),
        ("[[1, {text: a, rows: 2}, b], [2, c, d]]", "row 2: cell 3 does not fit"),
    ],
)
def test_a_grid_that_does_not_fill_is_refused_with_its_row(tmp_path, rows, says):
    text = MINIMAL + f"appendices:\n  - table: {{columns: [TT, A, B], rows: {rows}}}\n"
    text = text.replace("  short_name:", "  short_name:", 1)
    found = _problems(tmp_path, text)
    assert any(p.startswith("appendices[0].table") and says in p for p in found), found


# -- landscape appendices ----------------------------------------------------------------
def test_a_landscape_appendix_turns_its_page_and_margins(model_docx):
    sections = _document(model_docx).findall(".//w:sectPr", NS)
    main, appendix = sections[0], sections[-1]
    size = main.find("w:pgSz", NS)
    assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == (
        "11906",
        "16838",
        None,
    )
    size = appendix.find("w:pgSz", NS)
    assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == (
        "16838",
        "11906",
        "landscape",
    )
    margins = appendix.find("w:pgMar", NS)
    assert {
        side: round(int(margins.get(f"{W}{side}")) / 56.7)
        for side in ("top", "bottom", "left", "right")
    } == {"top": 30, "bottom": 15, "left": 25, "right": 25}
    assert appendix.find("w:pgNumType", NS).get(f"{W}start") == "1"


def test_tables_never_overflow_the_text(model_docx):
    """Portrait 16.5 cm, landscape 24.7 cm: in every example, each table within the text of
    the section it is in (a body's last section is its final w:sectPr)."""
    for docx in [model_docx, *(render_file(path).docx for path in EXAMPLES)]:
        body = _document(docx).find("w:body", NS)
        pending = []
        for child in body:
            sect = (
                child.find("w:pPr/w:sectPr", NS)
                if child.tag == f"{W}p"
                else (child if child.tag == f"{W}sectPr" else None)
            )
            if child.tag == f"{W}tbl":
                pending.append(
                    sum(int(c.get(f"{W}w")) for c in child.findall("w:tblGrid/w:gridCol", NS))
                )
            if sect is not None:
                margins = sect.find("w:pgMar", NS)
                text = (
                    int(sect.find("w:pgSz", NS).get(f"{W}w"))
                    - int(margins.get(f"{W}left"))
                    - int(margins.get(f"{W}right"))
                )
                assert all(width <= text + 2 for width in pending), (pending, text)
                pending = []


def test_columns_share_the_width_by_content(model_docx):
    table = _document(model_docx).findall(".//w:tbl", NS)[-1]
    widths = [int(c.get(f"{W}w")) / 567 for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert widths[0] == pytest.approx(1.2, abs=0.01)  # TT
    assert max(widths) == widths[1]  # the longest texts
    assert sum(widths) == pytest.approx(24.7, abs=0.02)


def test_given_widths_wider_than_the_page_are_refused(tmp_path):
    text = MINIMAL + (
        "appendices:\n  - table: {columns: [{title: A, width: 10}, {title: B, "
        "width: 8}], rows: [[a, b]]}\n"
    )
    found = _problems(tmp_path, text)
    assert any(
        "the columns are 18.0 cm wide; the text of a portrait page is 16.5 cm wide" in p
        for p in found
    ), found
    landscape = text.replace("  - table:", "  - orientation: landscape\n    table:")
    assert render_file(_plan(tmp_path, landscape)).docx


# -- the opening ---------------------------------------------------------------------------
def test_bases_run_into_one_paragraph(model_docx):
    paragraphs = [_text(p) for p in _document(model_docx).iter(f"{W}p")]
    assert (
        "Thực hiện Quyết định số 521/QĐ-TTg ngày 13/6/2005 của Thủ tướng Chính phủ về "
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc; Thực hiện Kế hoạch số 12/KH-UBND ngày "
        "15 tháng 01 năm 2026 của Ủy ban nhân dân xã, Ban Chỉ đạo xã xây dựng Kế hoạch "
        "triển khai như sau:"
    ) in paragraphs


def test_the_last_basis_may_end_with_a_semicolon_and_a_law_keep_its_short_date(tmp_path):
    text = MINIMAL.replace(
        "subject: Tổ chức",
        "preamble:\n  last_mark: ';'\n  bases:\n"
        "    - {type: Luật, issuer: Quốc hội, date: 19/6/2015, "
        "date_form: short}\nsubject: Tổ chức",
    )
    result = render_file(_plan(tmp_path, text))
    texts = [_text(p) for p in _document(result.docx).iter(f"{W}p")]
    assert "Căn cứ Luật ngày 19/6/2015 của Quốc hội;" in texts


# -- headings with their own emphasis --------------------------------------------------------
def test_a_heading_keeps_the_emphasis_its_author_marked(model_docx):
    for paragraph in _document(model_docx).iter(f"{W}p"):
        if _text(paragraph).startswith("2. Khen thưởng:"):
            runs = [
                (_text(r), r.find("w:rPr/w:b", NS) is not None, r.find("w:rPr/w:i", NS) is not None)
                for r in paragraph.findall("w:r", NS)
                if _text(r)
            ]
            assert ("Khen thưởng:", True, True) in runs
            assert any(t.startswith(" Tập thể") and not b and not i for t, b, i in runs)
            return
    pytest.fail("no «2. Khen thưởng:» paragraph")


# -- yearly deadlines --------------------------------------------------------------------------
def test_a_yearly_deadline_is_printed_and_checked(model_docx, tmp_path):
    texts = [_text(p) for p in _document(model_docx).iter(f"{W}p")]
    assert any(
        t.endswith("báo cáo kết quả về Ban Chỉ đạo xã trước ngày 15/11 hằng năm.") for t in texts
    )
    found = _problems(
        tmp_path, MINIMAL.replace("deadline: 25/8/2026", "deadline: {every_year: 31/4}")
    )
    assert found == [
        "sections[1].items[0].deadline: every_year: 31/4 is no day of the year "
        "(write day/month, e.g. 15/11)"
    ]


# -- Nơi nhận ------------------------------------------------------------------------------------
def test_recipients_with_a_sub_list_and_an_electronic_list(model_docx):
    cell = _document(model_docx).findall(".//w:tbl", NS)[-2].findall(".//w:tc", NS)[0]
    lines = [_text(p) for p in cell.findall("w:p", NS)]
    assert lines == [
        "Nơi nhận:",
        "- Ban Chỉ đạo 138 tỉnh (để b/cáo);",
        "- Thường trực Đảng ủy, HĐND, UBND xã;",
        "- Các thành viên Ban Chỉ đạo xã:",
        "+ Công an xã;",
        "+ Ủy ban MTTQ xã;",
        "- Các thôn (t/hiện);",
        "- Ban Chỉ đạo xã;",
        "- Lưu: VT, CAX.",
        "Bản điện tử:",
        "- Chủ tịch, các Phó Chủ tịch UBND xã;",
        "- Văn phòng HĐND và UBND xã.",
    ]
    label = cell.findall("w:p", NS)[9].find("w:r/w:rPr", NS)
    assert label.find("w:b", NS) is not None and label.find("w:i", NS) is not None


def test_check_reads_the_lists_after_the_filing_line(model_docx):
    from antq_docs.check.body_rules import recipient_lines
    from antq_docs.check.locate import locate
    from antq_docs.inspect import read_docx

    items, filing, labels = recipient_lines(locate(read_docx(model_docx)))
    assert items[filing].text == "- Lưu: VT, CAX." and [items[i].text for i in labels] == [
        "Bản điện tử:"
    ]


# -- the signature never stands alone ------------------------------------------------------------
def test_the_last_body_paragraph_keeps_with_the_signature(model_docx):
    body = _document(model_docx).find("w:body", NS)
    children = list(body)
    signature = [c for c in children if c.tag == f"{W}tbl"][1]
    before = children[children.index(signature) - 2]  # the closing paragraph, then the gap
    assert _text(before).startswith("Trên đây là Kế hoạch")
    assert before.find("w:pPr/w:keepNext", NS) is not None
    assert before.find("w:pPr/w:keepLines", NS) is not None
    gap = children[children.index(signature) - 1]
    assert gap.find("w:pPr/w:keepNext", NS) is not None


def _pdf_pages(pdf) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return text.split("\f")


@pytest.mark.pdf
@pytest.mark.parametrize("plan", [MODEL, *EXAMPLES], ids=lambda p: p.stem)
def test_in_libreoffice_the_signature_page_is_never_bare_and_rows_stay_whole(
    plan, soffice, tmp_path
):
    from antq_docs.write.pdf import convert_to_pdf

    docx = tmp_path / "plan.docx"
    docx.write_bytes(render_file(plan).docx)
    convert_to_pdf(docx, tmp_path / "plan.pdf")
    pages = _pdf_pages(tmp_path / "plan.pdf")
    signed = next(i for i, page in enumerate(pages) if "Nơi nhận:" in page)
    lines_before = pages[signed].split("Nơi nhận:")[0].strip().splitlines()
    assert len([line for line in lines_before if line.strip()]) >= 2, pages[signed][:400]
    if plan == MODEL:  # each row of the appendix table on one page
        appendix = "\n".join(pages[signed + 1 :])
        for first, last in (
            ("Tuyên truyền trên hệ thống", "Thường xuyên"),
            ("Kiểm tra, đôn đốc", "Thành viên phụ trách thôn"),
        ):
            page = next(p for p in pages[signed + 1 :] if first in p)
            assert last in page and first in appendix


def test_each_of_several_appendices_restarts_its_numbers_once(tmp_path):
    """A section copies the one before it: its pgNumType must not be doubled (found by a
    long property run)."""
    import yaml

    from .helpers import ooxml_errors

    data = yaml.safe_load(MODEL.read_text("utf-8"))
    data["appendices"] = data["appendices"] * 3
    docx = render_file(_plan(tmp_path, yaml.safe_dump(data, allow_unicode=True))).docx
    sections = _document(docx).findall(".//w:sectPr", NS)
    assert [len(s.findall("w:pgNumType", NS)) for s in sections] == [0, 1, 1, 1]
    (tmp_path / "o.docx").write_bytes(docx)
    assert ooxml_errors(tmp_path / "o.docx") == []


def test_a_recipient_called_luu_is_not_the_filing_line(tmp_path):
    text = MINIMAL.replace(
        "recipients:\n  - Công an tỉnh\n",
        "recipients:\n  - Lưu trữ lịch sử tỉnh\n  - Công an tỉnh\n",
    )
    assert check_docx(render_file(_plan(tmp_path, text)).docx) == []
