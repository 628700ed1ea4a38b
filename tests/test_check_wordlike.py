"""`antq check` on the ways Word users lay a page out: each cause of a false alarm seen on
real documents (../shared/realdocs/README.md) rebuilt in code on antq's own clean plan, and
the document types of Nghị định 30 that are not a Kế hoạch."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from typer.testing import CliRunner

from antq_docs.check import check_document
from antq_docs.cli import app
from antq_docs.render import render_file

from .helpers import FIXTURES
from .helpers import BODY_RUN, DOC, mutate, with_app_pages, with_entry

RULE = (
    r'<w:p><w:pPr><w:pBdr><w:top w:val="single"[^>]*/></w:pBdr>(?:(?!</w:p>).)*'
    r"</w:pPr></w:p>"
)  # antq's rules: an empty bordered paragraph


@pytest.fixture(scope="module")
def clean():
    return render_file(FIXTURES / "minimal.yaml").docx


def rules_of(docx: bytes) -> set[str]:
    return {f.rule for f in check_document(docx).findings}


def run(
    text: str, *, size: int = 28, bold: bool = False, italic: bool = False, extra: str = ""
) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
        f'{props}<w:sz w:val="{size}"/>{extra}</w:rPr><w:t xml:space="preserve">{text}'
        f"</w:t></w:r>"
    )


def line_shape(width_mm: float) -> str:
    """A horizontal line drawn as a floating DrawingML shape, as Word draws one."""
    return (
        '<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing" behindDoc="0" layoutInCell="1">'
        '<wp:positionH relativeFrom="column"><wp:posOffset>720000</wp:posOffset>'
        f'</wp:positionH><wp:extent cx="{int(width_mm * 36000)}" cy="0"/><wp:wrapNone/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData><a:prstGeom prst="line"/></a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing></w:r>"
    )


# 1. Font slots --------------------------------------------------------------------------------
def test_east_asian_and_complex_script_slots_draw_no_vietnamese(clean):
    """«Set As Default» leaves theme fonts in eastAsia/cs; Word draws Vietnamese with
    ascii/hAnsi, so only those count."""
    docx = mutate(
        clean,
        DOC,
        r'w:eastAsia="Times New Roman" w:cs="Times New Roman"',
        'w:eastAsiaTheme="minorHAnsi" w:cs=".VnTime"',
        0,
    )
    assert rules_of(docx) == set()
    arial = mutate(
        clean,
        DOC,
        r'w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
        r'( w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:b/><w:bCs/>'
        r'<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">'
        r"KẾ HOẠCH)",
        r'w:ascii="Arial" w:hAnsi="Arial"\1',
        1,
    )
    findings = [f for f in check_document(arial).findings if f.rule == "ND30-FONT"]
    assert len(findings) == 1 and "drawn in Arial" in findings[0].message
    assert findings[0].where == "title"


def test_theme_fonts_are_resolved_through_the_theme(clean):
    """A run whose ascii/hAnsi slots name a theme font is drawn in the theme's font."""
    themed = mutate(
        clean,
        DOC,
        r'w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
        r'(( w:eastAsia="Times New Roman" w:cs="Times New Roman"/>)<w:b/><w:bCs/>'
        r'<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">'
        r"KẾ HOẠCH)",
        r'w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"\1',
        1,
    )
    message = next(f.message for f in check_document(themed).findings if f.rule == "ND30-FONT")
    assert "drawn in" in message  # python-docx's template theme: not Times New Roman


# 2. Document types ----------------------------------------------------------------------------
def cong_van(clean) -> bytes:
    """The plan turned into a công văn: a ký hiệu without a type and a «V/v» line."""
    docx = mutate(clean, DOC, "Số: 05/KH-BCĐ", "Số: 05/BCĐ-CAT", 1)
    docx = mutate(
        docx,
        DOC,
        r'<w:p><w:pPr><w:spacing w:before="360"(?:(?!</w:p>).)*KẾ HOẠCH'
        r"</w:t></w:r></w:p><w:p>(?:(?!</w:p>).)*</w:p>" + RULE,
        '<w:p><w:pPr><w:spacing w:before="120"/><w:jc w:val="center"/></w:pPr>'
        + run("V/v tổ chức Ngày hội năm 2026", size=26)
        + "</w:p>"
        + '<w:p><w:pPr><w:spacing w:before="120"/><w:ind w:left="2268"/></w:pPr>'
        + run("Kính gửi: Công an các xã, phường.")
        + "</w:p>",
        1,
    )
    return docx


def test_a_cong_van_has_no_type_name_and_its_body_is_checked(clean):
    docx = cong_van(clean)
    result = check_document(docx)
    assert result.recognised == "công văn" and result.findings == []
    justified = mutate(
        docx, DOC, rf'<w:jc w:val="both"/>(</w:pPr>{BODY_RUN})', r'<w:jc w:val="left"/>\1', 1
    )
    found = [f for f in check_document(justified).findings]
    assert [f.rule for f in found] == ["ND30-BODY-JUSTIFY"]
    assert found[0].where == "body, I.1"


def test_a_quyet_dinh_authority_line_is_not_body(clean):
    docx = mutate(clean, DOC, "Số: 05/KH-BCĐ", "Số: 05/QĐ-BCĐ", 1)
    docx = mutate(docx, DOC, ">KẾ HOẠCH<", ">QUYẾT ĐỊNH<", 1)
    docx = mutate(
        docx,
        DOC,
        "(Tổ quốc năm 2026</w:t></w:r></w:p>" + RULE + ")",
        r'\1<w:p><w:pPr><w:spacing w:before="120"/><w:jc w:val="center"/></w:pPr>'
        + run("TRƯỞNG BAN CHỈ ĐẠO 138 TỈNH CAO BẰNG", bold=True)
        + "</w:p>",
        1,
    )
    result = check_document(docx)
    assert result.recognised == "Quyết định"
    assert result.findings == []


def test_a_paper_that_is_not_administrative_gets_one_finding_and_exit_2(clean, tmp_path):
    speech = mutate(clean, DOC, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", 1)
    speech = mutate(speech, DOC, "Số: 05/KH-BCĐ", "", 1)
    speech = mutate(speech, DOC, ">KẾ HOẠCH<", ">THAM LUẬN<", 1)
    result = check_document(speech)
    assert not result.administrative and result.recognised.startswith("not administrative")
    assert [f.rule for f in result.findings] == ["ND30-NOT-ADMINISTRATIVE"]
    path = tmp_path / "tham-luan.docx"
    path.write_bytes(speech)
    outcome = CliRunner().invoke(app, ["check", str(path)])
    assert outcome.exit_code == 2 and "not checked against Nghị định 30" in outcome.stdout


def test_an_internal_form_with_quoc_hieu_and_so_is_not_administrative(clean):
    form = mutate(clean, DOC, "Số: 05/KH-BCĐ", "Số: 05/PT-NC", 1)
    form = mutate(form, DOC, ">KẾ HOẠCH<", ">PHIẾU TRÌNH<", 1)
    assert [f.rule for f in check_document(form).findings] == ["ND30-NOT-ADMINISTRATIVE"]


# 3. Layouts Word users make --------------------------------------------------------------------
def test_lines_joined_by_line_breaks(clean):
    """Quốc hiệu + Tiêu ngữ, and «Nơi nhận:» + its first item, in one paragraph each."""
    docx = mutate(
        clean,
        DOC,
        r"(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r>)</w:p><w:p>"
        r"<w:pPr>(?:(?!</w:pPr>).)*</w:pPr>(<w:r>(?:(?!</w:r>).)*Độc lập)",
        r"\1<w:r><w:br/></w:r>\2",
        1,
    )
    docx = mutate(
        docx,
        DOC,
        r"(Nơi nhận:</w:t></w:r>)</w:p><w:p><w:pPr>(?:(?!</w:pPr>).)*"
        r"</w:pPr>(<w:r>(?:(?!</w:r>).)*- Công an tỉnh;)",
        r"\1<w:r><w:br/></w:r>\2",
        1,
    )
    assert rules_of(docx) == set()


def test_recipients_in_the_row_below_their_label(clean):
    """«Nơi nhận:» beside the signer's first line, the list in the next row."""
    docx = mutate(
        clean,
        DOC,
        r"(Nơi nhận:</w:t></w:r></w:p>)((?:<w:p>(?:(?!</w:p>).)*- "
        r"(?:Công an tỉnh;|Lưu: VT, PV05\.)</w:t></w:r></w:p>)+)(</w:tc>.*?</w:tr>)",
        r"\1\3<w:tr><w:tc>\2</w:tc><w:tc><w:p/></w:tc></w:tr>",
        1,
    )
    assert "- Công an tỉnh;" in _text(docx)
    assert rules_of(docx) == set()


def test_header_typed_with_tabs_not_a_table(clean):
    header = "".join(
        f'<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs><w:jc w:val="left"/>'
        f"</w:pPr>{left}<w:r><w:tab/></w:r>{right}</w:p>"
        for left, right in (
            (
                run("UBND TỈNH CAO BẰNG", size=26),
                run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=26, bold=True),
            ),
            (
                run("BAN CHỈ ĐẠO 138", size=26, bold=True),
                run("Độc lập - Tự do - Hạnh phúc", bold=True),
            ),
        )
    ) + (
        f"<w:p>{line_shape(20)}{line_shape(60)}</w:p>"
        f'<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="6800"/></w:tabs></w:pPr>'
        f"{run('Số:      /KH-BCĐ', size=26)}<w:r><w:tab/></w:r>"
        f"{run('Cao Bằng, ngày      tháng 01 năm 2026', italic=True)}</w:p>"
    )
    docx = mutate(clean, DOC, r"<w:tbl>.*?</w:tbl>", header, 1)
    result = check_document(docx)
    assert result.recognised == "Kế hoạch" and result.findings == []


def test_rules_drawn_as_floating_shapes_in_the_next_row(clean):
    """Rules under the issuer and the Tiêu ngữ as line shapes anchored in the «Số» row."""
    docx = mutate(clean, DOC, RULE, "", 2)  # the two header rules
    assert {"ND30-ISSUER-RULE", "ND30-MOTTO-RULE"} <= rules_of(docx)
    docx = mutate(
        docx,
        DOC,
        r'(<w:t xml:space="preserve">Số: 05/KH-BCĐ</w:t></w:r>)',
        r"\1" + line_shape(18),
        1,
    )
    docx = mutate(
        docx,
        DOC,
        r'(<w:t xml:space="preserve">Cao Bằng, ngày 05 tháng 01 năm '
        r"2026</w:t></w:r>)",
        r"\1" + line_shape(60),
        1,
    )
    assert rules_of(docx) == set()


def test_a_subject_rule_a_quarter_of_its_line_is_too_short(clean):
    docx = mutate(
        clean,
        DOC,
        "(Tổ quốc năm 2026</w:t></w:r></w:p>)" + RULE,
        r"\1" + f"<w:p>{line_shape(20)}</w:p>",
        1,
    )
    found = [f for f in check_document(docx).findings]
    assert [f.rule for f in found] == ["ND30-SUBJECT-RULE"]
    assert found[0].certainty == "estimate" and "20 mm" in found[0].message
    assert not found[0].counts  # an estimate alone does not fail the check


def test_a_draft_stamp_in_a_text_box_inside_the_number_line(clean):
    box = (
        '<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
        '2006/wordprocessingDrawing"><wp:extent cx="1150000" cy="365760"/><a:graphic xmlns:a='
        '"http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><w:txbxContent>'
        f"<w:p>{run('DỰ THẢO', bold=True)}</w:p></w:txbxContent></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></w:r>"
    )
    docx = mutate(
        clean,
        DOC,
        r"(<w:r><w:rPr>(?:(?!</w:rPr>).)*</w:rPr><w:t xml:space="
        r'"preserve">Số: 05/KH-BCĐ)',
        box + r"\1",
        1,
    )
    assert rules_of(docx) == set()
    bigger = mutate(
        docx,
        DOC,
        r'<w:sz w:val="26"/><w:szCs w:val="26"/>(</w:rPr><w:t '
        r'xml:space="preserve">Số: 05)',
        r'<w:sz w:val="28"/>\1',
        1,
    )
    assert rules_of(bigger) == {"ND30-NUMBER-FORMAT"}


@pytest.mark.parametrize(
    "date",
    [
        "ngày      tháng 01 năm 2026",
        "ngày      tháng      năm 2026",
        "ngày      tháng      năm     ",
    ],
)
def test_draft_dates_left_blank(clean, date):
    docx = mutate(clean, DOC, "ngày 05 tháng 01 năm 2026", date, 1)
    assert rules_of(docx) == set()


def test_a_one_page_letter_needs_no_page_number(clean, rendered):
    docx = mutate(clean, DOC, r"<w:headerReference [^>]*/>", "", 0)
    assert "ND30-PAGE-NUMBER" not in rules_of(docx)  # short enough for one page
    assert "ND30-PAGE-NUMBER" not in rules_of(with_app_pages(docx, 1))
    counted = [
        f for f in check_document(with_app_pages(docx, 3)).findings if f.rule == "ND30-PAGE-NUMBER"
    ]
    assert counted and counted[0].certainty == "certain"
    long_plan = mutate(
        rendered["cao-bang-2022-ngay-hoi-bcd"].docx, DOC, r"<w:headerReference [^>]*/>", "", 0
    )
    estimated = [f for f in check_document(long_plan).findings if f.rule == "ND30-PAGE-NUMBER"]
    assert estimated and estimated[0].certainty == "estimate"


def test_a_page_number_centred_by_a_tab_stop_and_sized_inside_fldsimple(clean):
    from .helpers import mutate as change

    header_part = "word/header1.xml"
    docx = clean
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        names = package.namelist()
        header_part = next(
            n for n in names if n.startswith("word/header") and "PAGE" in package.read(n).decode()
        )
    docx = change(
        docx,
        header_part,
        r"<w:p>.*</w:p>",
        '<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="4677"/></w:tabs></w:pPr>'
        '<w:r><w:tab/></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz '
        'w:val="28"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple></w:p>',
        1,
    )
    assert rules_of(docx) == set()
    small = change(docx, header_part, r'<w:sz w:val="28"/>', '<w:sz w:val="22"/>', 1)
    assert rules_of(small) == {"ND30-PAGE-NUMBER"}


def test_spacing_is_measured_between_paragraphs(clean):
    """6 pt after one paragraph and none before the next is 6 pt between them."""
    docx = mutate(clean, DOC, r'w:before="120"( w:after="0" w:line="276")', r'w:before="0"\1', 0)
    assert "ND30-BODY-SPACING" in rules_of(docx)
    docx = mutate(
        docx,
        DOC,
        r'w:before="0"( w:after=)"0"( w:line="276")',
        r'w:before="0"\1'
        r'"120"\2',
        0,
    )
    assert "ND30-BODY-SPACING" not in rules_of(docx)


def test_a_superscript_unit_is_not_a_footnote(clean):
    docx = mutate(
        clean,
        DOC,
        r"(của cán bộ và Nhân dân)\.",
        r"\1 trên 5 km</w:t></w:r>"
        r'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>'
        r'<w:r><w:t xml:space="preserve">.',
        1,
    )
    assert "ND30-FOOTNOTES" not in rules_of(docx)


def test_landscape_pages_are_judged_turned(clean):
    docx = mutate(
        clean,
        DOC,
        r'<w:pgSz w:w="11906" w:h="16838"/>',
        '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
        0,
    )
    assert "ND30-PAGE-MARGINS" in rules_of(docx)  # portrait margins on a turned page
    turned = mutate(
        docx,
        DOC,
        r'<w:pgMar w:top="\d+" w:right="\d+" w:bottom="\d+" '
        r'w:left="\d+"',
        '<w:pgMar w:top="1701" w:right="1134" w:bottom="1134" w:left="1134"',
        0,
    )
    assert "ND30-PAGE-MARGINS" not in rules_of(turned)
    assert "ND30-PAGE-ORIENTATION" in rules_of(turned)  # a warning: the decree is silent


# 5. Locations in Word terms ------------------------------------------------------------------
def test_locations_name_the_part_of_the_page(clean):
    docx = mutate(clean, DOC, "ngày 05 tháng 01", "ngày 5 tháng 01", 1)
    docx = mutate(docx, DOC, "- Lưu: VT, PV05.", "- Lưu VT, PV05.", 1)
    docx = mutate(
        docx,
        DOC,
        r'w:firstLine="567"(/><w:jc w:val="both"/></w:pPr><w:r><w:rPr>'
        r'(?:(?!</w:rPr>).)*</w:rPr><w:t xml:space="preserve">Chủ trì)',
        r'w:firstLine="0"\1',
        1,
    )
    where = {f.rule: f.where for f in check_document(docx).findings}
    assert where == {
        "ND30-DATE": "header, right column, place and date",
        "ND30-RECIPIENTS": "Nơi nhận, line 2",
        "ND30-BODY-INDENT": "body, II.1, paragraph 1",
    }


def _text(docx: bytes) -> str:
    from antq_docs.inspect import read_docx

    return "\n".join(p.text for p in read_docx(docx).paragraphs())


def test_no_stray_regex_left(clean):
    assert re.search(
        RULE, __import__("zipfile").ZipFile(__import__("io").BytesIO(clean)).read(DOC).decode()
    )


def test_a_rule_drawn_as_the_bottom_border_of_the_line_above(clean):
    docx = mutate(
        clean,
        DOC,
        "(Tổ quốc năm 2026</w:t></w:r></w:p>)" + RULE,
        r'\1<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6"/></w:pBdr>'
        r'<w:ind w:left="3307" w:right="3307"/></w:pPr></w:p>',
        1,
    )
    assert rules_of(docx) == set()


def test_a_text_issued_with_a_decision_has_no_number_date_or_recipients(clean):
    """Mẫu 1.3: «QUY CHẾ … (Kèm theo Quyết định số …)» and the signature, nothing more."""
    docx = mutate(clean, DOC, "Số: 05/KH-BCĐ", "", 1)
    docx = mutate(docx, DOC, "Cao Bằng, ngày 05 tháng 01 năm 2026", "", 1)
    docx = mutate(docx, DOC, ">KẾ HOẠCH<", ">QUY CHẾ<", 1)
    docx = mutate(
        docx,
        DOC,
        "(Tổ quốc năm 2026</w:t></w:r></w:p>)",
        r"\1<w:p><w:pPr><w:jc "
        r'w:val="center"/></w:pPr>'
        + run("(Kèm theo Quyết định số 12/QĐ-BCĐ ngày 05/01/2026 của Ban Chỉ đạo)", italic=True)
        + "</w:p>",
        1,
    )
    docx = mutate(docx, DOC, r"Nơi nhận:</w:t>", "</w:t>", 1)
    docx = mutate(docx, DOC, r"- (Công an tỉnh;|Lưu: VT, PV05\.)</w:t>", "</w:t>", 0)
    result = check_document(docx)
    assert result.administrative and result.recognised == "Quy chế"
    assert not {"ND30-NUMBER", "ND30-DATE", "ND30-RECIPIENTS-LABEL"} & rules_of(docx)


@pytest.mark.parametrize(
    "title, symbol, kind",
    [
        ("GIẤY MỜI HỌP", "VP", "Giấy mời"),  # a ký hiệu without the type
        ("ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)", "ĐL", "Điều lệ"),
    ],
)
def test_a_type_name_with_a_qualifier_is_recognised(clean, title, symbol, kind):
    docx = mutate(clean, DOC, "Số: 05/KH-BCĐ", f"Số: 05/{symbol}-BCĐ", 1)
    result = check_document(mutate(docx, DOC, ">KẾ HOẠCH<", f">{title}<", 1))
    assert result.administrative and result.recognised == kind


def test_a_saved_page_count_the_length_contradicts_is_not_trusted(rendered):
    """A long plan whose docProps/app.xml still says the template's «1 page»."""
    long_plan = mutate(
        rendered["cao-bang-2022-ngay-hoi-bcd"].docx, DOC, r"<w:headerReference [^>]*/>", "", 0
    )
    found = [
        f
        for f in check_document(with_app_pages(long_plan, 1)).findings
        if f.rule == "ND30-PAGE-NUMBER"
    ]
    assert found and found[0].certainty == "estimate"


def test_a_subject_typed_in_capitals(clean):
    subject = "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026"
    docx = mutate(clean, DOC, f">{subject}<", f">{subject.upper()}<", 1)
    found = [f for f in check_document(docx).findings if f.rule == "ND30-SUBJECT-CAPITALS"]
    assert [f.where for f in found] == ["subject (trích yếu)"]


def _centred(text: str, *, bold: bool = True) -> str:
    return f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{run(text, bold=bold)}</w:p>'


def test_without_noi_nhan_the_signature_and_an_appendix_are_not_body(clean):
    """A closing typed as centred paragraphs with no Nơi nhận, then an appendix in the
    same section: the body ends at the signer, and the appendix title gets no «./.»."""
    closing = (
        _centred("KT. TRƯỞNG BAN")
        + _centred("PHÓ TRƯỞNG BAN")
        + _centred("Nguyễn Văn A")
        + _centred("Phụ lục I")
        + _centred("DANH SÁCH ĐƠN VỊ PHỐI HỢP")
        + '<w:p><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/></w:pPr>'
        + run("Các đơn vị phối hợp thực hiện")
        + "</w:p>"
    )
    docx = mutate(clean, DOC, r"<w:tbl>(?:(?!<w:tbl>).)*</w:tbl>(<w:sectPr)", closing + r"\1", 1)
    from antq_docs.check.locate import locate
    from antq_docs.inspect import read_docx

    parts = locate(read_docx(docx))
    body = [p.text for p in parts.body]
    assert body[-1].endswith("25/8/2026./.") and "Phụ lục I" not in body
    assert [p.text for p in parts.signature][:1] == ["KT. TRƯỞNG BAN"]
    assert [a.heading.text for a in parts.appendices] == ["Phụ lục I"]
    # and the signature block is checked: an authority line not in bold is reported
    regular = mutate(
        docx,
        DOC,
        r'<w:b/>(<w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">KT\. TRƯỞNG)',
        r"\1",
        1,
    )
    found = [(f.rule, f.where) for f in check_document(regular).findings]
    assert ("ND30-SIGNATURE", "signature block") in found
    assert not [where for _, where in found if where.startswith("body")]


def test_a_rule_typed_as_underscores_under_the_subject_is_not_body(clean):
    """«____________» centred under the subject, in place of a drawn rule: the subject's
    rule (measured), not the first line of the body."""
    docx = mutate(
        clean,
        DOC,
        "(Tổ quốc năm 2026</w:t></w:r></w:p>)" + RULE,
        r"\1" + _centred("_" * 20, bold=False),
        1,
    )
    from antq_docs.check.locate import locate
    from antq_docs.inspect import read_docx

    assert not [p for p in locate(read_docx(docx)).body if "___" in p.text]
    assert check_document(docx).findings == []


def test_kinh_gui_dash_lines_and_address_notes_are_not_body(clean):
    addressees = "".join(
        f'<w:p><w:pPr><w:jc w:val="both"/><w:ind w:left="2268"/></w:pPr>{run(text)}</w:p>'
        for text in ("- Công an các xã, phường;", "(địa chỉ: số 1 đường Trần Phú)")
    )
    docx = mutate(
        cong_van(clean),
        DOC,
        r"(Kính gửi: Công an các xã, phường\.</w:t></w:r></w:p>)",
        r"\1" + addressees,
        1,
    )
    assert check_document(docx).findings == []


@pytest.mark.parametrize("align", ["center", "left"])
def test_a_vv_line_under_so_before_the_date_in_reading_order(clean, align):
    """The «V/v» in the header table's left cell, under «Số»: it comes before the place
    and date in reading order, and is found; a V/v not centred under «Số» is reported."""
    docx = cong_van(clean)
    docx = mutate(
        docx,
        DOC,
        r"<w:p><w:pPr><w:spacing w:before=\"120\"/><w:jc w:val=\"center\"/>"
        r"</w:pPr>(?:(?!</w:p>).)*V/v tổ chức(?:(?!</w:p>).)*</w:p>",
        "",
        1,
    )
    vv = (
        f'<w:p><w:pPr><w:spacing w:before="120"/><w:jc w:val="{align}"/></w:pPr>'
        + run("V/v tổ chức Ngày hội năm 2026", size=26)
        + "</w:p>"
    )
    docx = mutate(docx, DOC, r"(Số: 05/BCĐ-CAT</w:t></w:r></w:p>)", r"\1" + vv, 1)
    result = check_document(docx)
    assert result.recognised == "công văn"
    summary = [f for f in result.findings if f.rule == "ND30-SUMMARY"]
    assert [f.where for f in summary] == (
        [] if align == "center" else ["header, left column, «V/v» line"]
    )
    assert [f.rule for f in result.findings if f.rule != "ND30-SUMMARY"] == []


MOTTO_PARAGRAPH = (
    r'<w:p><w:pPr>(<w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/>'
    r'<w:jc w:val="center"/>(?:(?!</w:p>).)*Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>)'
)


def test_a_motto_rule_drawn_as_the_border_of_its_full_width_line_is_too_long(clean):
    """The bottom border of the Tiêu ngữ's own paragraph runs across the whole cell."""
    docx = mutate(
        clean,
        DOC,
        MOTTO_PARAGRAPH + RULE,
        r"<w:p><w:pPr><w:pBdr><w:bottom "
        r'w:val="single" w:sz="6"/></w:pBdr>\1',
        1,
    )
    found = [f for f in check_document(docx).findings if f.rule == "ND30-MOTTO-RULE"]
    assert found and found[0].certainty == "estimate"


def test_a_rule_under_the_issuing_body_is_measured(clean):
    """Drawn as floating lines in the «Số» row: 18 mm fits the issuing body, 6 mm does not."""
    docx = mutate(clean, DOC, RULE, "", 2)
    docx = mutate(
        docx,
        DOC,
        r'(<w:t xml:space="preserve">Cao Bằng, ngày 05 tháng 01 năm 2026</w:t></w:r>)',
        r"\1" + line_shape(60),
        1,
    )
    number = r'(<w:t xml:space="preserve">Số: 05/KH-BCĐ</w:t></w:r>)'
    assert rules_of(mutate(docx, DOC, number, r"\1" + line_shape(18), 1)) == set()
    short = [
        f
        for f in check_document(mutate(docx, DOC, number, r"\1" + line_shape(6), 1)).findings
        if f.rule == "ND30-ISSUER-RULE"
    ]
    assert short and short[0].certainty == "estimate" and "6 mm" in short[0].message


def test_the_rule_of_the_other_column_is_not_this_ones(clean):
    """Only the Tiêu ngữ's rule, anchored in the next row's right cell: the issuing body has
    none (not one of 60 mm), and fix draws it without shortening the Tiêu ngữ's."""
    from antq_docs.fix import fix_document

    docx = mutate(clean, DOC, RULE, "", 2)
    docx = mutate(
        docx,
        DOC,
        r'(<w:t xml:space="preserve">Cao Bằng, ngày 05 tháng 01 năm 2026</w:t></w:r>)',
        r"\1" + line_shape(60),
        1,
    )
    found = [f for f in check_document(docx).findings]
    assert [(f.rule, f.certainty) for f in found] == [("ND30-ISSUER-RULE", "certain")]
    assert "mm under a line" not in found[0].message  # asked for, not measured
    fixed = fix_document(mutate(docx, "docProps/custom.xml", "antq-fingerprint", "origin", 1))
    assert fixed.after == []
    with zipfile.ZipFile(io.BytesIO(fixed.docx)) as package:
        assert f'cx="{60 * 36000}"' in package.read(DOC).decode()


def _bordered(length_mm: float, cell_mm: float) -> str:
    """An empty paragraph whose top border, centred in its cell, is `length_mm` long (the
    border runs inside the cell's default margins of 0.19 cm)."""
    side = round((cell_mm - 3.81 - length_mm) / 2 * 56.7)
    return (
        '<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6"/></w:pBdr>'
        f'<w:ind w:left="{side}" w:right="{side}"/></w:pPr></w:p>'
    )


def _vml_line(length_mm: float) -> str:
    return (
        '<w:p><w:r><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" from="0,0" '
        f'to="{length_mm}mm,0" strokeweight=".5pt"/></w:pict></w:r></w:p>'
    )


def _underscores(count: int) -> str:
    return f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{run("_" * count, size=26)}</w:p>'


@pytest.mark.parametrize(
    "drawn, length, fits",
    [
        ("border", 18, True),
        ("border", 65, False),  # the whole cell
        ("vml", 18, True),
        ("vml", 24, False),  # over half the issuing body («BAN CHỈ ĐẠO 138», 39 mm)
        ("vml", 6, False),
        ("vml", 10, False),  # a quarter of the line
        ("vml", 42, False),  # most of it
        ("underscores", 8, True),  # about 18 mm
        ("underscores", 25, False),  # about 57 mm
    ],
)
def test_the_rule_under_the_issuing_body_is_measured_however_drawn(clean, drawn, length, fits):
    """Under «BAN CHỈ ĐẠO 138» (about 39 mm, in a 65 mm cell, under a longer parent body that
    is not measured) the rule is 1/3 to 1/2 of the line, whatever draws it; real documents
    draw 0.19 to 0.95 of it. Typed underscores are the rule, not a line of the body's name."""
    rule = {"border": lambda n: _bordered(n, 65), "vml": _vml_line, "underscores": _underscores}
    docx = mutate(clean, DOC, RULE, rule[drawn](length), 1)
    found = [(f.rule, f.where) for f in check_document(docx).findings]
    assert found == ([] if fits else [("ND30-ISSUER-RULE", "header, left column, issuing body")])


@pytest.mark.parametrize("length_mm, fits", [(61, True), (52, True), (40, False), (98, False)])
def test_the_rule_under_the_motto_is_as_long_as_the_motto(clean, length_mm, fits):
    """The Tiêu ngữ at 14 pt bold prints about 61 mm in its 100 mm cell: a rule of two
    thirds of it is as wrong as one across the cell."""
    docx = mutate(
        clean, DOC, MOTTO_PARAGRAPH + RULE, r"<w:p><w:pPr>\1" + _bordered(length_mm, 100), 1
    )
    found = [f for f in check_document(docx).findings]
    assert [f.rule for f in found] == ([] if fits else ["ND30-MOTTO-RULE"])
    assert fits or f"{length_mm} mm" in found[0].message


def test_titled_khoan_numbered_by_word_are_judged_like_typed_ones(clean):
    """«1. Công tác tuyên truyền» bold and «2. Kinh phí thực hiện» regular, both numbered
    by Word's automatic numbering (the number is not in the text)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = (
        f'<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )

    def khoan(title: str, bold: bool) -> str:
        return (
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
            '<w:spacing w:before="120" w:after="0"/><w:ind w:firstLine="567"/>'
            f'<w:jc w:val="both"/></w:pPr>{run(title, bold=bold)}</w:p>'
            '<w:p><w:pPr><w:spacing w:before="120" w:after="0"/><w:ind w:firstLine="567"/>'
            f'<w:jc w:val="both"/></w:pPr>{run("Các cơ quan thực hiện theo kế hoạch.")}</w:p>'
        )

    docx = mutate(
        clean,
        DOC,
        r"(MỤC ĐÍCH, YÊU CẦU</w:t></w:r></w:p>)",
        r"\1" + khoan("Công tác tuyên truyền", True) + khoan("Kinh phí thực hiện", False),
        1,
    )
    docx = with_entry(docx, "word/numbering.xml", numbering)
    docx = mutate(
        docx,
        "word/_rels/document.xml.rels",
        "</Relationships>",
        '<Relationship Id="rId990" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        1,
    )
    found = [f for f in check_document(docx).findings if f.rule == "ND30-HEADINGS"]
    assert [(f.where, f.excerpt) for f in found] == [("body, I.2", "Kinh phí thực hiện")]


@pytest.fixture(scope="module")
def appendix_plan():
    return render_file(FIXTURES / "with-appendix.yaml").docx


def _appendix_findings(docx: bytes) -> list:
    return [f for f in check_document(docx).findings if f.rule.startswith("ND30-APPENDIX-")]


@pytest.mark.parametrize(
    "label",
    [
        ">Phụ lục số 02:<",  # «số», a leading zero and a colon
        ">Phụ lục 2<",  # Arabic with several appendices
        ">Phụ lục II: DANH SÁCH ĐƠN VỊ<",  # the title on the label's line
    ],
)
def test_appendix_labels_the_decree_does_not_write(appendix_plan, label):
    docx = mutate(appendix_plan, DOC, ">Phụ lục II<", label, 1)
    found = _appendix_findings(docx)
    assert [(f.rule, f.where) for f in found] == [("ND30-APPENDIX-FORM", "appendix 2, heading")]


def test_a_label_with_so_and_no_attached_line(appendix_plan):
    """«Phụ lục số 01:» with no «(Kèm theo …)» line under the title; then «Phụ lục: TITLE»
    on one line, without its number though there are two appendices."""
    docx = mutate(appendix_plan, DOC, ">Phụ lục I<", ">Phụ lục số 01:<", 1)
    docx = mutate(docx, DOC, r"<w:p>(?:(?!<w:p>).)*>\(Kèm theo(?:(?!</w:p>).)*</w:p>", "", 1)
    found = _appendix_findings(docx)
    assert [(f.rule, f.where) for f in found] == [
        ("ND30-APPENDIX-FORM", "appendix 1, heading"),
        ("ND30-APPENDIX-ATTACHED", "appendix 1, heading"),
    ]
    assert "«Phụ lục I»" in found[0].message
    one_line = mutate(
        appendix_plan, DOC, ">Phụ lục I<", ">Phụ lục: NỘI DUNG PHONG TRÀO THI ĐUA<", 1
    )
    found = _appendix_findings(one_line)
    assert [(f.rule, f.where) for f in found] == [("ND30-APPENDIX-FORM", "appendix 1, heading")]
    assert found[0].message.count("«Phụ lục I»") == 2  # the label, then the title's own line


def test_an_attachment_without_a_phu_luc_line_is_an_appendix(appendix_plan):
    """«DANH SÁCH ĐƠN VỊ» over «(Kèm theo Kế hoạch số …)» after the signature, with no
    «Phụ lục II» line above it: read as the second appendix, and its label asked for."""
    docx = mutate(appendix_plan, DOC, r"<w:p>(?:(?!<w:p>).)*>Phụ lục II</w:t></w:r></w:p>", "", 1)
    from antq_docs.check.locate import locate
    from antq_docs.inspect import read_docx

    parts = locate(read_docx(docx))
    assert [a.heading.text for a in parts.appendices] == ["Phụ lục I", "DANH SÁCH ĐƠN VỊ"]
    found = _appendix_findings(docx)
    assert [(f.rule, f.where) for f in found] == [("ND30-APPENDIX-FORM", "appendix 2, heading")]
    assert "«Phụ lục II»" in found[0].message
