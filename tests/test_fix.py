"""`antq fix`: each fixable rule goes from defect to fixed to clean; the words never change;
signed documents, antq's own and papers that are not administrative are left alone."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from typer.testing import CliRunner

from antq_docs.check import check_document
from antq_docs.cli import app
from antq_docs.fix import FIXERS, Refused, fix_document
from antq_docs.render import render_file

from .helpers import EXAMPLES, FIXTURES
from .helpers import (
    DEFECTS,
    DOC,
    OTHER_BASES,
    assert_same_words,
    mutate,
    texts,
    with_app_pages,
    with_entry,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def handmade(docx: bytes) -> bytes:
    """antq's output without its fingerprint: a document as a clerk would receive it."""
    return mutate(docx, "docProps/custom.xml", "antq-fingerprint", "origin", 1)


@pytest.fixture(scope="module")
def clean():
    return handmade(render_file(FIXTURES / "minimal.yaml").docx)


FIXABLE = sorted(rule for rule in DEFECTS if rule in FIXERS)
# A legacy TCVN3 font needs its text converted, which is a person's work; a wrong Unicode
# font is what fix corrects.
FIX_DEFECTS = {
    **DEFECTS,
    "ND30-FONT": [
        (part, pattern, replacement.replace(".VnTime", "Arial"), count)
        for part, pattern, replacement, count in DEFECTS["ND30-FONT"]
    ],
}


@pytest.mark.parametrize("rule_id", FIXABLE)
def test_defect_fixed_clean(rule_id, clean):
    docx = clean
    for part, pattern, replacement, count in FIX_DEFECTS[rule_id]:
        docx = mutate(docx, part, pattern, replacement, count)
    assert rule_id in {f.rule for f in check_document(docx).findings}
    result = fix_document(docx)
    assert [f.rule for f in result.after] == [], result.after
    assert {c.rule for c in result.changes} == {rule_id}
    assert_same_words(docx, result.docx)


@pytest.mark.parametrize("rule_id", sorted(r for r in OTHER_BASES if r in FIXERS))
def test_defect_fixed_clean_on_a_richer_plan(rule_id, rendered):
    base, mutations = OTHER_BASES[rule_id]
    docx = (
        rendered["cao-bang-2022-ngay-hoi-bcd"].docx
        if base == "cao-bang-2022"
        else render_file(FIXTURES / f"{base}.yaml").docx
    )
    docx = handmade(docx)
    for part, pattern, replacement, count in mutations:
        docx = mutate(docx, part, pattern, replacement, count)
    result = fix_document(docx)
    assert result.after == [] and {c.rule for c in result.changes} == {rule_id}
    assert_same_words(docx, result.docx)


def test_every_fixable_rule_has_a_fixture():
    assert set(FIXERS) <= set(DEFECTS) | set(OTHER_BASES)


def test_many_defects_at_once(clean):
    docx = clean
    for rule_id in (
        "ND30-PAGE-MARGINS",
        "ND30-MOTTO",
        "ND30-DATE",
        "ND30-RECIPIENTS",
        "ND30-END-MARK",
        "ND30-NUMBER-FORMAT",
        "ND30-BODY-JUSTIFY",
    ):
        for part, pattern, replacement, count in DEFECTS[rule_id]:
            docx = mutate(docx, part, pattern, replacement, count)
    before = check_document(docx).findings
    result = fix_document(docx)
    assert len(before) >= 7 and result.after == []
    assert_same_words(docx, result.docx)


def test_missing_page_number_gets_a_header(clean):
    docx = mutate(clean, DOC, r"<w:headerReference [^>]*/>", "", 0)
    docx = mutate(docx, DOC, r"<w:titlePg/>", "", 0)
    docx = with_app_pages(docx, 3)
    assert "ND30-PAGE-NUMBER" in {f.rule for f in check_document(docx).findings}
    result = fix_document(docx)
    assert result.after == []
    with zipfile.ZipFile(io.BytesIO(result.docx)) as package:
        assert package.testzip() is None
        headers = [n for n in package.namelist() if n.startswith("word/header")]
        assert any(b"PAGE" in package.read(n) for n in headers)


def test_what_survives(clean):
    """Comments, tracked changes, bookmarks and fields are kept."""
    extra = (
        '<w:bookmarkStart w:id="7" w:name="mark"/><w:ins w:id="8" w:author="A" '
        'w:date="2026-01-05T00:00:00Z"><w:r><w:t>thêm</w:t></w:r></w:ins><w:del w:id="9" '
        'w:author="A" w:date="2026-01-05T00:00:00Z"><w:r><w:delText>bỏ</w:delText></w:r>'
        '</w:del><w:commentRangeStart w:id="3"/><w:bookmarkEnd w:id="7"/>'
    )
    docx = mutate(
        clean,
        DOC,
        r'(<w:jc w:val="both"/></w:pPr>)(<w:r><w:rPr>(?:(?!</w:rPr>).)*'
        r'</w:rPr><w:t xml:space="preserve">1\. Nâng cao)',
        r"\1" + extra + r"\2",
        1,
    )
    docx = mutate(docx, DOC, r'w:left="1701"', 'w:left="1440"', 0)
    result = fix_document(docx)
    assert [c.rule for c in result.changes] == ["ND30-PAGE-MARGINS"]
    for element in (
        "bookmarkStart",
        "bookmarkEnd",
        "ins",
        "del",
        "commentRangeStart",
        "fldChar",
        "footnoteReference",
        "sectPr",
    ):
        assert _count(docx, element) == _count(result.docx, element), element


def test_refused_documents(clean):
    with pytest.raises(Refused, match="antq wrote this document"):
        fix_document(render_file(FIXTURES / "minimal.yaml").docx)
    signed = with_entry(clean, "_xmlsignatures/sig1.xml", b"<Signature/>")
    with pytest.raises(Refused, match="digital signature"):
        fix_document(signed)
    speech = mutate(clean, DOC, "Số: 05/KH-BCĐ", "", 1)
    with pytest.raises(Refused, match="not an administrative document"):
        fix_document(speech)


def test_cli(tmp_path, clean, monkeypatch):
    # pages are counted with LibreOffice in the pdf tier (test_a_one_page_letter_…)
    monkeypatch.setenv("ANTQ_SOFFICE", str(tmp_path / "no-libreoffice"))
    source = tmp_path / "du-thao.docx"
    source.write_bytes(mutate(clean, DOC, "ngày 05 tháng 01", "ngày 5 tháng 1", 1))
    runner = CliRunner()
    dry = runner.invoke(app, ["fix", str(source), "--dry-run"])
    assert (
        dry.exit_code == 0
        and "[ND30-DATE] header, right column, place and date" in dry.stdout
        and not (tmp_path / "du-thao.fixed.docx").exists()
    )
    done = runner.invoke(app, ["fix", str(source)])
    assert done.exit_code == 0 and (tmp_path / "du-thao.fixed.docx").is_file()
    assert check_document(tmp_path / "du-thao.fixed.docx").findings == []
    again = runner.invoke(app, ["fix", str(source)])
    assert again.exit_code == 3 and "already exists" in again.output
    original = source.read_bytes()
    in_place = runner.invoke(app, ["fix", str(source), "--in-place"])
    assert in_place.exit_code == 0
    assert (tmp_path / "du-thao.bak.docx").read_bytes() == original
    assert check_document(source).findings == []
    only = runner.invoke(app, ["fix", str(source), "--only", "ND30-NOTHING"])
    assert only.exit_code == 2 and "cannot be fixed" in only.output
    junk = tmp_path / "junk.docx"
    junk.write_text("no")
    assert runner.invoke(app, ["fix", str(junk)]).exit_code == 2


def _count(docx: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return (
            package.read(DOC).decode().count(f"<w:{name} ")
            + package.read(DOC).decode().count(f"<w:{name}>")
            + package.read(DOC).decode().count(f"<w:{name}/>")
        )


def test_a_page_number_joins_the_header_text_it_finds(clean):
    """A «Dự thảo lần 2» line in the header stays on every page, page 1 included, when the
    page number is added; the number is added once, and not on page 1."""
    draft = '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>Dự thảo lần 2</w:t></w:r></w:p>'
    docx = mutate(clean, DOC, r'<w:headerReference w:type="first"[^>]*/>', "", 0)
    docx = mutate(docx, DOC, r"<w:titlePg/>", "", 0)
    docx = mutate(docx, "word/header1.xml", r"<w:p>.*</w:p>", draft, 1)
    docx = with_app_pages(docx, 3)
    assert "ND30-PAGE-NUMBER" in {f.rule for f in check_document(docx).findings}
    result = fix_document(docx)
    assert result.after == [], result.after
    view = __import__("antq_docs.inspect", fromlist=["read_docx"]).read_docx(result.docx)
    headers = view.sections[0].headers
    assert [p.text for p in headers["default"]] == ["2", "Dự thảo lần 2"]
    assert [p.text for p in headers["first"] if p.text] == ["Dự thảo lần 2"]
    assert not any(r.field == "PAGE" for p in headers["first"] for r in p.runs)
    assert_same_words(docx, result.docx)


@pytest.mark.slow
@pytest.mark.parametrize(
    "plan", [*sorted(FIXTURES.glob("*.yaml")), *EXAMPLES], ids=lambda path: path.stem
)
def test_fix_changes_no_word_of_any_fixture(plan):
    """Every fixture and example, with every defect of DEFECTS that its text allows at once
    and a footer typed in Arial: fix changes no word of any paragraph of any part (body,
    headers, footers, footnotes; the decree's formulas aside)."""
    from .test_check_stories import ARIAL, _with_footer

    docx = _with_footer(handmade(render_file(plan).docx), "word/footer9.xml", f"<w:p>{ARIAL}</w:p>")
    for mutations in DEFECTS.values():
        try:
            changed = docx
            for part, pattern, replacement, count in mutations:
                changed = mutate(changed, part, pattern, replacement, count)
        except AssertionError:
            continue  # this plan has no such text
        docx = changed
    result = fix_document(docx)
    assert result.failed == []
    assert "footer of section 1, paragraph 1" in {f.where for f in result.before}
    assert not [f for f in result.after if f.where.startswith("footer")]
    assert_same_words(docx, result.docx)


def test_a_period_inside_the_drafters_mark_closes_the_luu_line(clean):
    """«- Lưu: VT, PV05» then «.Tr» in subscript: the line ends with its «.» already; check
    does not ask for one and fix adds no second one."""
    docx = mutate(
        clean,
        DOC,
        r"(<w:t xml:space=\"preserve\">- Lưu: VT, PV05)\.(</w:t></w:r>)",
        r'\1\2<w:r><w:rPr><w:sz w:val="22"/><w:vertAlign w:val="subscript"/></w:rPr>'
        r"<w:t>.Tr</w:t></w:r>",
        1,
    )
    assert "ND30-RECIPIENTS" not in {f.rule for f in check_document(docx).findings}
    result = fix_document(mutate(docx, DOC, r'w:left="1701"', 'w:left="1440"', 0))
    assert "PV05.Tr" in "".join(texts(result.docx)[DOC])


def test_the_report_claims_only_what_fix_changed(clean):
    """Page 1 showing its number is corrected; the number, already centred at 13 pt, is
    not said to be centred."""
    docx = mutate(clean, DOC, r'<w:headerReference w:type="first"[^>]*/>', "", 0)
    docx = mutate(docx, DOC, r"<w:titlePg/>", "", 0)
    result = fix_document(with_app_pages(docx, 3))
    assert [c.what for c in result.changes] == ["page 1 shows no number (different first page)"]
    assert result.after == []


ITEM_ONE = (
    r'<w:spacing w:before="120" w:after="0" w:line="276" w:lineRule="auto"/>'
    r'<w:ind w:firstLine="567"/>(<w:jc w:val="both"/></w:pPr>)(<w:r><w:rPr>(?:(?!</w:rPr>).)*'
    r'</w:rPr><w:t xml:space="preserve">)(1\. Nâng cao)'
)


def test_a_leading_tab_is_the_first_line_indent(clean):
    """«\\t1. Nâng cao …» with no first-line indent starts 1.27 cm in, as Word's default tab
    stop puts it: no finding, and fix adds no indent on top of the tab."""
    docx = mutate(
        clean,
        DOC,
        ITEM_ONE,
        r'<w:spacing w:before="120" w:after="0" w:line="276" w:lineRule="auto"/>'
        r"\1\2</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>\3",
        1,
    )
    assert "ND30-BODY-INDENT" not in {f.rule for f in check_document(docx).findings}


def test_a_small_least_line_height_is_single_spacing(clean):
    """w:lineRule="atLeast" at 10 pt: Word draws 14 pt text at its single spacing."""
    docx = mutate(
        clean,
        DOC,
        ITEM_ONE,
        r'<w:spacing w:before="120" w:after="0" w:line="200" w:lineRule="atLeast"/>'
        r'<w:ind w:firstLine="567"/>\1\2\3',
        1,
    )
    assert "ND30-BODY-LINE-SPACING" not in {f.rule for f in check_document(docx).findings}


SUBJECT_RULE = (
    r"(Tổ quốc năm 2026</w:t></w:r></w:p>)<w:p><w:pPr><w:pBdr><w:top w:val=\"single\"[^>]*/>"
    r"</w:pBdr>(?:(?!</w:p>).)*</w:pPr></w:p>"
)


def test_a_vml_rule_of_the_wrong_length_is_resized_not_doubled(clean):
    vml = (
        '<w:p><w:r><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" from="0,0" '
        'to="20mm,0" strokeweight=".5pt"/></w:pict></w:r></w:p>'
    )
    docx = mutate(clean, DOC, SUBJECT_RULE, r"\1" + vml, 1)
    assert "ND30-SUBJECT-RULE" in {f.rule for f in check_document(docx).findings}
    result = fix_document(docx)
    assert "ND30-SUBJECT-RULE" not in {f.rule for f in result.after}
    with zipfile.ZipFile(io.BytesIO(result.docx)) as package:
        xml = package.read(DOC).decode()
    assert xml.count("<v:line") == 1 and xml.count('<w:top w:val="single"') == 2  # header rules
    # made longer about its middle (10 mm from where it started), not from its left end
    ends = re.search(r'from="(-?[\d.]+)pt,0" to="(-?[\d.]+)pt,0"', xml)
    assert ends and abs((float(ends[1]) + float(ends[2])) / 2 - 10 * 72 / 25.4) < 0.2


@pytest.mark.pdf
def test_a_one_page_letter_pushed_onto_a_second_page_is_said(clean, soffice, tmp_path):
    """Margins of 7 mm and twenty lines of text: one page as sent; with the decree's margins
    and 6 pt between paragraphs, two. LibreOffice counts both and fix says so."""
    docx = mutate(
        clean,
        DOC,
        r'<w:pgMar w:top="\d+" w:right="\d+" w:bottom="\d+" w:left="\d+"',
        '<w:pgMar w:top="400" w:right="400" w:bottom="400" w:left="400"',
        1,
    )
    line = (
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/>'
        "</w:rPr><w:t>Các đơn vị thực hiện nghiêm túc nội dung của kế hoạch.</w:t></w:r></w:p>"
    )
    docx = mutate(docx, DOC, r"(MỤC ĐÍCH, YÊU CẦU</w:t></w:r></w:p>)", r"\1" + line * 20, 1)
    result = fix_document(docx, count_pages=True)
    assert result.pages == (1, 2) and result.grew
    source = tmp_path / "cong-van.docx"
    source.write_bytes(docx)
    shown = CliRunner().invoke(app, ["fix", str(source), "--dry-run"])
    assert shown.exit_code == 0 and "prints on 2 pages" in shown.stdout


def _paragraph_properties(docx: bytes, text: str) -> list[str]:
    """The w:pPr (as XML) of each paragraph of the body whose text starts with `text`."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read(DOC))
    out = []
    for p in root.iter(f"{W}p"):
        if "".join(t.text or "" for t in p.iter(f"{W}t")).lstrip("\t").startswith(text):
            ppr = p.find(f"{W}pPr")
            out.append(etree.tostring(ppr).decode() if ppr is not None else "")
    return out


def _leading_tab(clean: bytes) -> bytes:
    return mutate(
        clean,
        DOC,
        ITEM_ONE,
        r'<w:spacing w:before="120" w:after="0" w:line="276" w:lineRule="auto"/>'
        r"\1\2</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>\3",
        1,
    )


def _least_height(clean: bytes) -> bytes:
    return mutate(
        clean,
        DOC,
        ITEM_ONE,
        r'<w:spacing w:before="120" w:after="0" w:line="200" w:lineRule="atLeast"/>'
        r'<w:ind w:firstLine="567"/>\1\2\3',
        1,
    )


def _typed_rule(clean: bytes) -> bytes:
    from .test_check_wordlike import _centred

    return mutate(clean, DOC, SUBJECT_RULE, r"\1" + _centred("_" * 20, bold=False), 1)


def _addressees(clean: bytes) -> bytes:
    from .test_check_wordlike import cong_van, run

    lines = "".join(
        f'<w:p><w:pPr><w:jc w:val="both"/><w:ind w:left="2268"/></w:pPr>{run(text)}</w:p>'
        for text in ("- Công an các xã, phường;", "(địa chỉ: số 1 đường Trần Phú)")
    )
    return mutate(
        cong_van(clean),
        DOC,
        r"(Kính gửi: Công an các xã, phường\.</w:t></w:r></w:p>)",
        r"\1" + lines,
        1,
    )


@pytest.mark.parametrize(
    "build, text",
    [
        (_leading_tab, "1. Nâng cao"),  # fix added 1 cm on top of the tab
        (_least_height, "1. Nâng cao"),  # fix set 1.15 lines over Word's single spacing
        (_typed_rule, "____"),  # fix moved the rule to the left margin as a body line
        (_addressees, "- Công an các xã"),  # fix justified and indented them as body
        (_addressees, "(địa chỉ"),
    ],
    ids=["leading tab", "atLeast", "typed rule", "Kính gửi dash line", "address note"],
)
def test_fix_leaves_word_like_lines_as_they_are(clean, build, text):
    """Lines that are right as Word draws them keep their paragraph properties when fix
    corrects the rest of the document (here, the margins)."""
    docx = mutate(build(clean), DOC, r'w:left="1701"', 'w:left="1440"', 0)
    before = _paragraph_properties(docx, text)
    assert len(before) == 1
    result = fix_document(docx)
    assert [f.rule for f in result.before] == ["ND30-PAGE-MARGINS"]
    assert result.after == [] and _paragraph_properties(result.docx, text) == before


def test_without_noi_nhan_fix_ends_the_body_not_the_appendix(clean):
    """No Nơi nhận, a closing typed as centred lines, then «Phụ lục I» in the same section:
    the «./.» goes to the body's last line, never onto the appendix title."""
    from .test_check_wordlike import _centred, run

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
    docx = mutate(docx, DOC, r"25/8/2026\./\.", "25/8/2026.", 1)
    result = fix_document(docx)
    assert [c.rule for c in result.changes] == ["ND30-END-MARK"]
    marked = [t for t in texts(result.docx)[DOC] if "./." in t]
    assert len(marked) == 1 and marked[0].endswith("25/8/2026./.")
    assert "ND30-END-MARK" not in {f.rule for f in result.after}


@pytest.mark.parametrize("field", ["complex, no result", "complex, one run", "simple, empty"])
def test_a_page_field_however_written_is_kept_and_not_doubled(clean, field):
    """The header holds the page number as Word wrote it (complex-field runs, in one run or
    several, or an empty fldSimple) above a «Dự thảo lần 2» line, and page 1 shows it: fix
    gives page 1 a header of its own with the line and no number, and leaves the other
    pages' header as it was (no second field, no second header)."""
    from antq_docs.inspect import read_docx

    from .test_check_stories import HEADER, PAGE_FIELDS

    docx = mutate(
        clean,
        HEADER,
        r"<w:p>(<w:pPr>(?:(?!</w:pPr>).)*</w:pPr>)(?:(?!</w:p>).)*</w:p>",
        r"<w:p>\1"
        + PAGE_FIELDS[field].replace("\\", "\\\\")
        + "</w:p><w:p><w:r><w:t>Dự thảo lần 2</w:t></w:r></w:p>",
        1,
    )
    docx = mutate(docx, DOC, r'<w:headerReference w:type="first"[^>]*/>', "", 0)
    docx = with_app_pages(mutate(docx, DOC, r"<w:titlePg/>", "", 0), 3)
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        header_before = package.read(HEADER)
    result = fix_document(docx)
    assert [f.rule for f in result.before] == ["ND30-PAGE-NUMBER"] and result.after == []
    with zipfile.ZipFile(io.BytesIO(result.docx)) as package:
        assert package.read(HEADER) == header_before
    headers = read_docx(result.docx).sections[0].headers
    assert [p.text for p in headers["first"] if p.text] == ["Dự thảo lần 2"]
    assert not any(r.field == "PAGE" for p in headers["first"] for r in p.runs)
    assert_same_words(docx, result.docx)
