"""`blocks:`: an item or an appendix holding paragraphs and several captioned tables in their
order («Biểu 01 …», text, «Biểu 02 …»). A Word plan built in code imports to `blocks:` and
renders back in the same order with the same cells; a plan written with `blocks:` renders
and validates; `blocks:` beside `text:` or `table:` is refused where it is written."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from typer.testing import CliRunner

from antq_docs.check import check_document
from antq_docs.cli import app
from antq_docs.cli.exit_codes import ExitCode
from antq_docs.importer import import_docx
from antq_docs.importer.roundtrip import round_trip, tree_paragraphs, words
from antq_docs.render import render_file
from antq_docs.write.docx import render_docx

RESULTS = [
    ["TT", "Nội dung", "Kết quả"],
    ["1", "Tuyên truyền", "12 buổi"],
    ["2", "Tập huấn", "3 lớp"],
]
TARGETS = [["TT", "Nội dung", "Chỉ tiêu"], ["1", "Tuyên truyền", "15 buổi"]]
CLASSES = [["TT", "Đơn vị", "Số lớp"], ["1", "Thôn Nà Lẹng", "2"]]
SESSIONS = [["TT", "Đơn vị", "Số buổi"], ["1", "Thôn Nà Lẹng", "5"]]
COSTS = [["TT", "Khoản", "Số tiền"], ["1", "Tài liệu", "2.000.000"]]


# -- a plan as a clerk types it in Word -------------------------------------------------------
def _para(document, text: str, *, bold: bool = False, italic: bool = False, center=False):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _word_plan(points: bool = False) -> bytes:
    """Item 1 holds text, «Biểu 01» (a caption over two lines), text, «Biểu 02»; item 2 text and
    one uncaptioned table (`points`: then text and lettered points); the appendix two captioned
    tables."""
    document = docx.Document()
    _para(document, "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    _para(document, "XÃ HÒA AN\tĐộc lập - Tự do - Hạnh phúc", bold=True)
    _para(document, "Số: 12/KH-UBND\tHòa An, ngày 05 tháng 3 năm 2025")
    _para(document, "KẾ HOẠCH", bold=True, center=True)
    _para(document, "Tổng kết công tác tuyên truyền năm 2025", bold=True, center=True)
    _para(document, "Căn cứ Quyết định số 521/QĐ-TTg ngày 13/6/2005 của Thủ tướng Chính phủ;")
    _para(document, "Ủy ban nhân dân xã ban hành Kế hoạch như sau:")
    _para(document, "I. KẾT QUẢ NĂM 2025", bold=True)
    _para(document, "1. Kết quả thực hiện", bold=True)
    _para(document, "Kết quả năm 2025 như sau:")
    _para(document, "Biểu 01", bold=True, center=True)
    _para(document, "KẾT QUẢ TUYÊN TRUYỀN", bold=True, center=True)
    _table(document, RESULTS)
    _para(document, "Chỉ tiêu năm 2026 gồm:")
    _para(document, "Biểu 02. Chỉ tiêu năm 2026", bold=True, center=True)
    _table(document, TARGETS)
    _para(document, "2. Kinh phí", bold=True)
    _para(document, "Kinh phí gồm:")
    _table(document, COSTS)
    if points:
        _para(document, "Nguồn kinh phí gồm:")
        _para(document, "a) Ngân sách xã;")
        _para(document, "b) Nguồn xã hội hóa.")
    _para(document, "II. TỔ CHỨC THỰC HIỆN", bold=True)
    _para(document, "Công an xã chủ trì thực hiện.")
    _para(document, "Trên đây là Kế hoạch của Ủy ban nhân dân xã./.")
    _para(document, "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN")
    _para(document, "- Công an xã;\tCHỦ TỊCH")
    _para(document, "- Lưu: VT.\t")
    _para(document, "\tNguyễn Văn A")
    document.add_section(WD_SECTION.NEW_PAGE)
    _para(document, "Phụ lục", bold=True, center=True)
    _para(document, "TỔNG HỢP SỐ LIỆU", bold=True, center=True)
    _para(
        document,
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2025 của Ủy ban nhân dân xã Hòa An)",
        italic=True,
        center=True,
    )
    _para(document, "Biểu 01. Số lớp tập huấn", bold=True, center=True)
    _table(document, CLASSES)
    _para(document, "Biểu 02. Số buổi tuyên truyền", bold=True, center=True)
    _table(document, SESSIONS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- what a rendered DOCX holds, in order ---------------------------------------------------
def _read_back(data: bytes) -> list[tuple]:
    """The body in order: ("p", text), ("caption", text) for a centred all-bold paragraph
    without indent that keeps with the next, ("table", cell texts); empty paragraphs aside."""
    document = docx.Document(io.BytesIO(data))
    out: list[tuple] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            table = docx.table.Table(element, document)
            out.append(("table", [[cell.text for cell in row.cells] for row in table.rows]))
        elif element.tag == qn("w:p"):
            paragraph = docx.text.paragraph.Paragraph(element, document)
            if not paragraph.text.strip():
                continue
            inked = [r for r in paragraph.runs if r.text.strip()]
            fmt = paragraph.paragraph_format
            caption = (
                paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
                and all(r.bold for r in inked)
                and not fmt.first_line_indent
                and fmt.keep_with_next
            )
            out.append(("caption" if caption else "p", paragraph.text))
    return out


def _after(blocks: list[tuple], text: str, count: int) -> list[tuple]:
    start = next(i for i, block in enumerate(blocks) if block[0] != "table" and block[1] == text)
    return blocks[start + 1 : start + 1 + count]


def test_word_plan_with_captioned_tables_imports_to_blocks_and_renders_in_order() -> None:
    result = import_docx(_word_plan())
    item = result.plan["sections"][0]["items"][0]
    assert set(item) == {"title", "blocks"}
    kinds = [
        block if isinstance(block, str) else block["table"]["caption"] for block in item["blocks"]
    ]
    assert kinds == [
        "Kết quả năm 2025 như sau:",
        "Biểu 01\nKẾT QUẢ TUYÊN TRUYỀN",
        "Chỉ tiêu năm 2026 gồm:",
        "Biểu 02. Chỉ tiêu năm 2026",
    ]
    # one table after the text: the simpler keys, as before
    assert set(result.plan["sections"][0]["items"][1]) == {"title", "text", "table"}
    appendix = result.plan["appendices"][0]
    assert "text" not in appendix and "table" not in appendix
    assert [block["table"]["caption"] for block in appendix["blocks"]] == [
        "Biểu 01. Số lớp tập huấn",
        "Biểu 02. Số buổi tuyên truyền",
    ]
    assert result.status == 0, result.notes
    assert result.word_similarity == 1.0

    trip = round_trip(result.yaml)
    assert trip.problems == []
    blocks = _read_back(render_docx(trip.document))
    assert _after(blocks, "1. Kết quả thực hiện", 6) == [
        ("p", "Kết quả năm 2025 như sau:"),
        ("caption", "Biểu 01\nKẾT QUẢ TUYÊN TRUYỀN"),
        ("table", RESULTS),
        ("p", "Chỉ tiêu năm 2026 gồm:"),
        ("caption", "Biểu 02. Chỉ tiêu năm 2026"),
        ("table", TARGETS),
    ]
    assert _after(blocks, "2. Kinh phí", 3) == [
        ("p", "Kinh phí gồm:"),
        ("table", COSTS),
        ("p", "II. TỔ CHỨC THỰC HIỆN"),
    ]
    attached = next(b[1] for b in blocks if b[0] != "table" and b[1].startswith("(Kèm theo"))
    assert _after(blocks, attached, 4) == [
        ("caption", "Biểu 01. Số lớp tập huấn"),
        ("table", CLASSES),
        ("caption", "Biểu 02. Số buổi tuyên truyền"),
        ("table", SESSIONS),
    ]


def test_text_after_a_table_and_then_points_keeps_the_points_numbered() -> None:
    """Before `blocks:` the text after the table became an unnumbered point and every letter
    an override; now the item holds it and its points are lettered by antq."""
    result = import_docx(_word_plan(points=True))
    item = result.plan["sections"][0]["items"][1]
    assert item["blocks"][0] == "Kinh phí gồm:"
    assert item["blocks"][1]["table"]["rows"] == [COSTS[1]]
    assert item["blocks"][2] == "Nguồn kinh phí gồm:"
    assert item["numbering"] == "letter"
    assert item["items"] == [{"text": "Ngân sách xã;"}, {"text": "Nguồn xã hội hóa."}]
    assert result.word_similarity == 1.0
    blocks = _read_back(render_docx(round_trip(result.yaml).document))
    assert _after(blocks, "Kinh phí gồm:", 4) == [
        ("table", COSTS),
        ("p", "Nguồn kinh phí gồm:"),
        ("p", "a) Ngân sách xã;"),
        ("p", "b) Nguồn xã hội hóa."),
    ]


PLAN = """\
issuer:
  name: ỦY BAN NHÂN DÂN XÃ HÒA AN
  short_name: UBND xã Hòa An
  symbol: KH-UBND
  number: 12
  place: Hòa An
  date: 05/3/2026
subject: Tổng kết công tác tuyên truyền năm 2025
sections:
  - title: Kết quả
    items:
      - title: Kết quả thực hiện
        blocks:
          - "Kết quả năm 2025 như sau:"
          - table:
              caption: "Biểu 01\\nKết quả tuyên truyền"
              columns: [TT, Nội dung, Kết quả]
              rows: [[1, Tuyên truyền, 12 buổi], [2, Tập huấn, 3 lớp]]
          - text: ["Chỉ tiêu năm 2026 gồm:", "Trong đó, tuyên truyền là trọng tâm."]
          - table:
              caption: Biểu 02. Chỉ tiêu năm 2026
              columns: [TT, Nội dung, Chỉ tiêu]
              rows: [[1, Tuyên truyền, 15 buổi]]
          - Các thôn căn cứ chỉ tiêu để thực hiện.
  - title: Tổ chức thực hiện
    text: Công an xã chủ trì thực hiện.
recipients: [Công an xã]
signature: {titles: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Văn A}
appendices:
  - title: Tổng hợp số liệu
    orientation: landscape
    blocks:
      - table: {caption: Biểu 01. Số lớp tập huấn, columns: [TT, Đơn vị, Số lớp],
                rows: [[1, Thôn Nà Lẹng, 2]]}
      - Số liệu đến ngày 30/11/2025.
      - table: {caption: Biểu 02. Số buổi, columns: [TT, Đơn vị, Số buổi],
                rows: [[1, Thôn Nà Lẹng, 5]]}
"""


def test_a_plan_with_blocks_validates_and_renders_them_in_order(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(PLAN, "utf-8")
    result = CliRunner().invoke(app, ["--lang", "en", "validate", "--strict", str(plan)])
    assert result.exit_code == ExitCode.OK, result.output + result.stderr
    rendered = render_file(plan)
    blocks = _read_back(rendered.docx)
    assert _after(blocks, "1. Kết quả thực hiện", 8) == [
        ("p", "Kết quả năm 2025 như sau:"),
        ("caption", "Biểu 01\nKết quả tuyên truyền"),
        (
            "table",
            [
                ["TT", "Nội dung", "Kết quả"],
                ["1", "Tuyên truyền", "12 buổi"],
                ["2", "Tập huấn", "3 lớp"],
            ],
        ),
        ("p", "Chỉ tiêu năm 2026 gồm:"),
        ("p", "Trong đó, tuyên truyền là trọng tâm."),
        ("caption", "Biểu 02. Chỉ tiêu năm 2026"),
        ("table", [["TT", "Nội dung", "Chỉ tiêu"], ["1", "Tuyên truyền", "15 buổi"]]),
        ("p", "Các thôn căn cứ chỉ tiêu để thực hiện."),
    ]
    attached = next(b[1] for b in blocks if b[0] != "table" and b[1].startswith("(Kèm theo"))
    assert _after(blocks, attached, 4) == [
        ("caption", "Biểu 01. Số lớp tập huấn"),
        ("table", [["TT", "Đơn vị", "Số lớp"], ["1", "Thôn Nà Lẹng", "2"]]),
        ("p", "Số liệu đến ngày 30/11/2025."),
        ("caption", "Biểu 02. Số buổi"),
    ]
    # the landscape appendix keeps its turned page; captions break no rule of the decree
    section = docx.Document(io.BytesIO(rendered.docx)).sections[-1]
    assert section.page_width > section.page_height
    rules = {f.rule for f in check_document(rendered.docx).findings}
    assert rules <= {"ND30-PAGE-ORIENTATION"}, rules
    # and antq's own render imports back to the same blocks and words
    back = import_docx(rendered.docx)
    item = back.plan["sections"][0]["items"][0]
    assert [b if isinstance(b, str) else b["table"]["caption"] for b in item["blocks"]] == [
        "Kết quả năm 2025 như sau:",
        "Biểu 01\nKết quả tuyên truyền",
        "Chỉ tiêu năm 2026 gồm:",
        "Trong đó, tuyên truyền là trọng tâm.",
        "Biểu 02. Chỉ tiêu năm 2026",
        "Các thôn căn cứ chỉ tiêu để thực hiện.",
    ]
    trip = round_trip(back.yaml)
    assert trip.problems == []
    mine = list(trip.document.body) + [b for part in trip.document.appendices for b in part.blocks]
    theirs = list(rendered.document.body) + [
        b for part in rendered.document.appendices for b in part.blocks
    ]
    assert words(tree_paragraphs(mine)) == words(tree_paragraphs(theirs))
    assert back.word_similarity == 1.0


SAME = """\
      - title: Kết quả thực hiện
        run_in: true
        time: Q4/2026
        {content}
recipients: [Công an xã]
signature: {{titles: [CHỦ TỊCH], name: Nguyễn Văn A}}
"""
KEYS = """text: [Tổng hợp kết quả., "Kết quả như sau:"]
        table: {caption: Biểu 01, columns: [TT, Nội dung], rows: [[1, Tuyên truyền]]}"""
BLOCKS = """blocks:
          - Tổng hợp kết quả.
          - "Kết quả như sau:"
          - table: {caption: Biểu 01, columns: [TT, Nội dung], rows: [[1, Tuyên truyền]]}"""


def test_text_and_table_render_as_the_same_content_written_as_blocks(tmp_path: Path) -> None:
    """The run-in title and the time join the text before the table either way."""
    head = PLAN.split("      - title: Kết quả thực hiện")[0]
    keys, blocks = tmp_path / "keys.yaml", tmp_path / "blocks.yaml"
    keys.write_text(head + SAME.format(content=KEYS), "utf-8")
    blocks.write_text(head + SAME.format(content=BLOCKS), "utf-8")
    body = render_file(keys).document.body
    assert render_file(blocks).document.body == body
    assert tree_paragraphs(body)[1:4] == [
        "1. Kết quả thực hiện: Tổng hợp kết quả.",
        "Kết quả như sau: (Thời gian thực hiện: quý IV năm 2026)./.",
        "Biểu 01",
    ]


@pytest.mark.parametrize(
    ("extra", "where", "message"),
    [
        (
            "    text: Kết quả như sau.\n    blocks:\n      - Chỉ tiêu năm 2026.\n",
            "13:7",
            "write the content as 'blocks' or as 'text', not both: keep 'blocks' and move 'text' "
            "into it where it is printed",
        ),
        (
            "    table: {columns: [TT], rows: [[1]]}\n    text: Ghi chú.\n    blocks: [Ghi chú.]\n",
            "13:13",
            "write the content as 'blocks' or as 'text' and 'table', not both",
        ),
        (
            "    blocks:\n      - Kết quả như sau:\n",
            "12:9",
            "a paragraph ending with ':' must be put in quotes, or YAML reads it as a key: "
            '- "Kết quả như sau:"',
        ),
        (
            "    blocks:\n      - {text: Ghi chú., table: {columns: [TT], rows: [[1]]}}\n",
            "12:9",
            "a block holds 'text' or 'table', not both",
        ),
    ],
    ids=["blocks-and-text", "blocks-text-and-table", "unquoted-colon", "text-and-table-in-a-block"],
)
def test_blocks_beside_text_or_table_is_refused_where_it_is_written(
    extra: str, where: str, message: str, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    head = PLAN.split("sections:")[0]
    plan.write_text(
        head
        + "sections:\n  - title: Kết quả\n"
        + extra
        + "recipients: [Công an xã]\nsignature: {titles: [CHỦ TỊCH], name: Nguyễn Văn A}\n",
        "utf-8",
    )
    out = tmp_path / "out.docx"
    for command in (["validate", str(plan)], ["render", str(plan), "-o", str(out)]):
        result = CliRunner().invoke(app, ["--lang", "en", *command])
        assert result.exit_code == ExitCode.INVALID
        located = [line for line in result.stderr.splitlines() if line.startswith(f"{plan}:")]
        assert len(located) == 1, result.stderr
        assert located[0].startswith(f"{plan}:{where}: ")
        assert message in located[0]
        assert "Traceback" not in result.output + result.stderr
    assert not out.exists()


def test_the_refusal_speaks_vietnamese(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PLAN.replace("        blocks:\n", "        text: Mở đầu.\n        blocks:\n", 1), "utf-8"
    )
    from antq_docs.i18n import use_language

    try:
        result = CliRunner().invoke(app, ["--lang", "vi", "validate", str(plan)])
    finally:
        use_language("en")  # the language is the process's: the next tests read English
    assert result.exit_code == ExitCode.INVALID
    assert "các đoạn và bảng" in result.stderr
    assert "giữ 'blocks' và chuyển 'text' vào đó" in result.stderr
