"""Every Nghị định 30 element of the rendered examples, checked by reading the DOCX back."""

from __future__ import annotations

import re
import zipfile
import io

import pytest

from antq_docs.inspect.docx_read import Para, TableView
from antq_docs.write.docx import layout

NAMES = [
    "bac-giang-2024-ngay-hoi-bcd",
    "cao-bang-2022-ngay-hoi-bcd",
    "cao-bang-2024-ky-niem-80-nam-cand",
]
MM = 1440 / 25.4
BLANK = "\u00a0" * 6  # a draft's blank number or day, for the văn thư to fill in


def _tables(view) -> list[TableView]:
    return [b for b in view.blocks if isinstance(b, TableView)]


def _header(view) -> TableView:
    return _tables(view)[0]


def _signature(view) -> TableView:
    return _tables(view)[-1]


def _cell_texts(cell) -> list[Para]:
    return [p for p in cell.paragraphs if p.text.strip()]


def _runs(para: Para):
    return [r for r in para.runs if r.text.strip()]


@pytest.mark.parametrize("name", NAMES)
def test_page_is_a4_portrait_with_nd30_margins(name, views):
    for section in views[name].sections:
        assert (section.page_width, section.page_height) == (11906, 16838)  # A4 in twips
        assert section.orientation == "portrait"
        assert 20 * MM - 1 <= section.margins["top"] <= 25 * MM + 1
        assert 20 * MM - 1 <= section.margins["bottom"] <= 25 * MM + 1
        assert 30 * MM - 1 <= section.margins["left"] <= 35 * MM + 1
        assert 15 * MM - 1 <= section.margins["right"] <= 20 * MM + 1


@pytest.mark.parametrize("name", NAMES)
def test_times_new_roman_in_every_font_slot_and_every_run(name, views):
    view = views[name]
    assert view.default_fonts == {
        slot: "Times New Roman" for slot in ("ascii", "hAnsi", "eastAsia", "cs")
    }
    for para in view.paragraphs():
        for run in para.runs:
            assert set(run.fonts.values()) == {"Times New Roman"}, (para.text, run.fonts)
    assert view.default_size == 14


def test_fonts_are_written_on_the_runs_themselves(rendered):
    """So that a paragraph copied into another document keeps Times New Roman."""
    xml = (
        zipfile.ZipFile(io.BytesIO(rendered["cao-bang-2022-ngay-hoi-bcd"].docx))
        .read("word/document.xml")
        .decode()
    )
    runs = re.findall(r"<w:r>(.*?)</w:r>", xml)
    assert runs and all(
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        'w:eastAsia="Times New Roman" w:cs="Times New Roman"/>' in r
        for r in runs
    )


@pytest.mark.parametrize("name", NAMES)
def test_header_columns_fit_quoc_hieu_on_one_line(name, views):
    header = _header(views[name])
    assert not header.borders
    left, right = header.grid_twips
    assert right >= round(92 * MM), "the 13 pt Quốc hiệu needs ≥ 92 mm (text + cell padding)"
    assert left + right <= round(layout.TEXT_WIDTH_MM * MM) + 1


@pytest.mark.parametrize("name", NAMES)
def test_quoc_hieu_and_tieu_ngu(name, views):
    right = _header(views[name]).rows[0][1]
    texts = _cell_texts(right)
    assert [p.text for p in texts] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    national, motto = texts
    assert all(r.bold and not r.italic and r.size in (12, 13) for r in _runs(national))
    assert all(r.bold and not r.underline and r.size in (13, 14) for r in _runs(motto))
    assert national.align == motto.align == "center"
    # A separate rule paragraph as long as the motto (57.2 mm at 14 pt), not an underline.
    rule = right.paragraphs[-1]
    assert rule.border_top and not rule.text
    cell_text_mm = right.width_twips / MM - 2 * layout.CELL_PADDING_MM
    length = cell_text_mm - (rule.left_twips + rule.right_twips) / MM
    assert abs(length - layout.MOTTO_WIDTH_MM) < 1


@pytest.mark.parametrize("name", NAMES)
def test_issuing_body_block(name, views):
    left = _header(views[name]).rows[0][0]
    paras = _cell_texts(left)
    name_lines = [p for p in paras if all(r.bold for r in _runs(p))]
    parent_lines = [p for p in paras if not any(r.bold for r in _runs(p))]
    assert name_lines, "the issuing body is bold"
    assert all(p.text == p.text.upper() for p in paras)
    assert all(r.size in (12, 13) for p in paras for r in _runs(p))
    assert paras.index(name_lines[0]) == len(parent_lines), "the parent body comes first"
    rule = left.paragraphs[-1]
    assert rule.border_top and not rule.text
    rule_mm = (
        left.width_twips / MM
        - 2 * layout.CELL_PADDING_MM
        - (rule.left_twips + rule.right_twips) / MM
    )
    widest = max(layout.estimated_width_mm(p.text, 13) for p in name_lines)
    assert widest / 3 - 1 <= rule_mm <= widest / 2 + 1


@pytest.mark.parametrize(
    "name,expected",
    [
        (
            "cao-bang-2022-ngay-hoi-bcd",
            ("Số: 1238/BCĐ-CAT-PV05", "Cao Bằng, ngày 04 tháng 4 năm 2022"),
        ),
        (
            "bac-giang-2024-ngay-hoi-bcd",
            ("Số: " + BLANK + "/KH-BCĐ", f"Bắc Giang, ngày {BLANK} tháng 4 năm 2024"),
        ),
        (
            "cao-bang-2024-ky-niem-80-nam-cand",
            ("Số: " + BLANK + "/KH-UBND", f"Cao Bằng, ngày {BLANK} tháng 10 năm 2024"),
        ),
    ],
)
def test_number_and_date_share_one_row(name, expected, views):
    row = _header(views[name]).rows[1]
    number, date = (_cell_texts(cell)[0] for cell in row)
    assert (number.text, date.text) == expected
    assert all(r.size == 13 and not r.bold and not r.italic for r in _runs(number))
    assert all(r.italic and r.size in (13, 14) for r in _runs(date))
    assert number.align == date.align == "center"


@pytest.mark.parametrize("name", NAMES)
def test_title_and_subject(name, views):
    blocks = views[name].blocks
    title_index = next(
        i for i, b in enumerate(blocks) if isinstance(b, Para) and b.text == "KẾ HOẠCH"
    )
    title, subject, rule = blocks[title_index : title_index + 3]
    for para in (title, subject):
        assert para.align == "center"
        assert all(r.bold and r.size == 14 for r in _runs(para))
    assert rule.border_top and not rule.text
    text_mm = layout.TEXT_WIDTH_MM
    rule_mm = text_mm - (rule.left_twips + rule.right_twips) / MM
    line_mm = min(layout.estimated_width_mm(subject.text, 14), text_mm)
    assert line_mm / 3 - 1 <= rule_mm <= line_mm / 2 + 1


def _body(view) -> list[Para]:
    paras = [b for b in view.blocks if isinstance(b, Para) and b.text.strip()]
    start = next(i for i, p in enumerate(paras) if p.text == "KẾ HOẠCH") + 2
    return paras[start:]


@pytest.mark.parametrize("name", NAMES)
def test_body_paragraphs(name, views):
    body = [p for p in _body(views[name]) if p.cell is None]
    assert len(body) > 20
    for para in body:
        assert para.align == "both", para.text[:60]
        assert para.first_line_twips in (567, 720), para.text[:60]  # 1 cm or 1.27 cm
        assert para.before_twips + para.after_twips >= 120  # ≥ 6 pt between paragraphs
        assert para.line_rule == "auto" and 240 <= para.line <= 360
        assert all(r.size in (None, 13, 14) for r in _runs(para))


@pytest.mark.parametrize("name", NAMES)
def test_legal_bases_one_per_line_italic_with_final_period(name, views):
    body = _body(views[name])
    bases = [
        p
        for p in body
        if p.text.startswith(("Căn cứ", "Thực hiện")) and all(r.italic for r in _runs(p))
    ]
    assert len(bases) == 2
    assert bases[0].text.endswith(";") and bases[-1].text.endswith(".")


@pytest.mark.parametrize("name", NAMES)
def test_headings_numbered_roman_then_arabic(name, views):
    body = _body(views[name])
    roman = [p.text.split(".")[0] for p in body if re.match(r"^[IVX]+\. ", p.text)]
    assert roman == ["I", "II", "III", "IV", "V", "VI"][: len(roman)] and len(roman) >= 3
    for para in body:
        if re.match(r"^[IVX]+\. ", para.text):
            assert para.text == para.text.upper() and all(r.bold for r in _runs(para))


@pytest.mark.parametrize("name", NAMES)
def test_body_ends_with_end_mark(name, views):
    assert _body(views[name])[-1].cell is None
    last_body = [p for p in _body(views[name]) if p.cell is None][-1]
    assert last_body.text.endswith("./.")
    assert sum(p.text.count("./.") for p in views[name].paragraphs()) == 1


@pytest.mark.parametrize("name", NAMES)
def test_recipients_beside_signature(name, views):
    table = _signature(views[name])
    assert not table.borders
    left, right = table.rows[0]
    assert [round(w / 567, 1) for w in table.grid_twips] == list(layout.SIGNATURE_COLUMNS_CM)
    label, *items = _cell_texts(left)
    assert label.text == "Nơi nhận:"
    assert all(r.bold and r.italic and not r.underline and r.size == 12 for r in _runs(label))
    assert all(r.size == 11 and not r.bold and not r.italic for p in items for r in _runs(p))
    assert all(p.text.startswith("- ") for p in items)
    assert all(p.text.endswith(";") for p in items[:-1])
    assert re.match(r"^- Lưu: VT(, [^;]+)?\.", items[-1].text) and items[-1].text.endswith(".")
    signer = _cell_texts(right)
    assert all(p.align == "center" for p in signer)
    assert all(r.bold and r.size in (13, 14) for p in signer for r in _runs(p))
    assert re.match(r"^(TM|KT|Q|TL|TUQ)\. ", signer[0].text)


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_from_page_two(name, views, rendered):
    section = views[name].sections[0]
    assert section.title_page
    default = section.headers["default"]
    assert [r.field for p in default for r in p.runs if r.field] == ["PAGE"]
    assert default[0].align == "center"
    assert all(r.size in (13, 14) for p in default for r in p.runs if r.field)
    assert not any(p.text.strip() for p in section.headers["first"])


def test_footnotes_are_real_footnotes(views, rendered):
    view = views["bac-giang-2024-ngay-hoi-bcd"]
    assert sorted(view.footnotes) == [1, 2]
    marks = [r.footnote for p in view.paragraphs() for r in p.runs if r.footnote is not None]
    assert marks == [1, 2]
    # no superscript digits standing in for footnotes in the text
    assert not re.search("[¹²³⁴⁵⁶⁷⁸⁹]", " ".join(p.text for p in view.paragraphs()))
    xml = zipfile.ZipFile(io.BytesIO(rendered["bac-giang-2024-ngay-hoi-bcd"].docx))
    assert "footnotes+xml" in xml.read("[Content_Types].xml").decode()


def test_programme_numbers_never_skip(views):
    view = views["bac-giang-2024-ngay-hoi-bcd"]
    para = next(p for p in view.paragraphs() if p.text.startswith("- Chương trình gồm:"))
    marks = [r.text for r in para.runs if r.superscript]
    assert marks == [f"({n})" for n in range(1, 10)]


def test_backdrop_title_is_a_centred_framed_block(views):
    view = views["bac-giang-2024-ngay-hoi-bcd"]
    frame = next(
        t for t in _tables(view) if "NGÀY HỘI" in " ".join(p.text for p in t.rows[0][0].paragraphs)
    )
    assert frame.borders and len(frame.rows) == 1 and len(frame.rows[0]) == 1
    lines = _cell_texts(frame.rows[0][0])
    assert [p.text for p in lines] == [
        "TÊN CƠ QUAN, ĐƠN VỊ TỔ CHỨC",
        "NGÀY HỘI",
        "TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2024",
        "...ngày...tháng...năm 2024",
    ]
    assert all(p.align == "center" for p in lines)
    assert all(r.italic for r in _runs(lines[-1]))


def test_timeline_in_the_seed_phrasing(views):
    texts = [p.text for p in views["cao-bang-2024-ky-niem-80-nam-cand"].paragraphs()]
    notes = [re.search(r"\(Thời gian thực hiện: ([^)]*)\)\.$", t) for t in texts]
    assert [m[1] for m in notes if m] == [
        "từ quý I đến quý III năm 2025",
        "từ nay đến quý IV năm 2025",
        "từ quý I đến tháng 8 năm 2025",
        "từ quý I đến quý III năm 2025",
        "từ quý I năm 2025, trọng tâm các hoạt động từ tháng 7 đến tháng 8 năm 2025",
        "từ quý IV năm 2024 đến quý III năm 2025",
        "từ quý IV năm 2024 đến quý III năm 2025",
        "từ nay đến trước ngày tổ chức kỷ niệm",
    ]
    para = next(
        p
        for p in views["cao-bang-2024-ky-niem-80-nam-cand"].paragraphs()
        if p.text.endswith("(Thời gian thực hiện: từ quý I đến quý III năm 2025).")
        and p.text.startswith("1.")
    )
    italic = "".join(r.text for r in para.runs if r.italic)
    assert italic.endswith("Thời gian thực hiện: từ quý I đến quý III năm 2025")


def test_core_properties_come_from_the_plan(views):
    core = views["cao-bang-2022-ngay-hoi-bcd"].core
    assert core["created"] == core["modified"] == "2022-04-04T00:00:00Z"
    assert core["title"].startswith("Kế hoạch Tổ chức Ngày hội")
    assert core["language"] == "vi-VN"
