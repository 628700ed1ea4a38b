"""`antq check`: every rule fires on a document with exactly one defect, and only that rule;
the slips found in the seeds are caught; every rendered example is clean."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from typer.testing import CliRunner

from antq_docs.check import RULES, check_docx
from antq_docs.check.locate import locate
from antq_docs.cli import app
from antq_docs.inspect import read_docx
from antq_docs.render import render_file

from .conftest import EXAMPLES, FIXTURES

DOC = "word/document.xml"


@pytest.fixture(scope="module")
def clean():
    return render_file(FIXTURES / "minimal.yaml").docx


def mutate(docx: bytes, part: str, pattern: str, replacement: str, count: int = 1) -> bytes:
    """The same package with one regex substitution in one part (`count` times)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    text = entries[part].decode("utf-8")
    changed, done = re.subn(pattern, replacement, text, count=count)
    assert done == (count or done) and done > 0, f"pattern not found: {pattern}"
    entries[part] = changed.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return out.getvalue()


def fired(docx: bytes) -> set[str]:
    return {f.rule for f in check_docx(docx)}


FONTS = r'<w:rFonts [^>]*/>'  # every run names its font first
BODY_RUN = rf'<w:r><w:rPr>{FONTS}</w:rPr><w:t xml:space="preserve">1\. Nâng'  # item I.1
DEFECTS = {
    "ND30-PAGE-SIZE": [(DOC, r'w:w="11906"', 'w:w="12240"', 0)],
    # landscape, with the margins turned with the page and the subject's rule kept as long
    "ND30-PAGE-ORIENTATION": [(DOC, r'<w:pgSz w:w="11906" w:h="16838"/>',
                               '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>', 0),
                              (DOC, r'<w:pgMar w:top="\d+" w:right="\d+" w:bottom="\d+" '
                               r'w:left="\d+"', '<w:pgMar w:top="1701" w:right="1134" '
                               'w:bottom="850" w:left="1134"', 0),
                              (DOC, r'(Tổ quốc năm 2026</w:t></w:r></w:p><w:p><w:pPr><w:pBdr>'
                               r'.*?)<w:ind w:left="3307" w:right="3307"',
                               r'\1<w:ind w:left="5773" w:right="5773"', 1)],
    "ND30-PAGE-MARGINS": [(DOC, r'w:left="1701"', 'w:left="1440"', 0)],
    # a legacy TCVN3 font set directly on one run
    "ND30-FONT": [(DOC, rf'<w:r><w:rPr>{FONTS}(</w:rPr><w:t xml:space="preserve">'
                   r'1\. Nâng cao)', r'<w:r><w:rPr><w:rFonts w:ascii=".VnTime" '
                   r'w:hAnsi=".VnTime"/>\1', 1)],
    "ND30-NATIONAL-TITLE": [(DOC, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VN", 1)],
    "ND30-NATIONAL-TITLE-SPELLING": [(DOC, "CỘNG HÒA", "CỘNG HOÀ", 1)],
    "ND30-NATIONAL-TITLE-FORMAT": [(DOC, r'<w:b/><w:bCs/>(<w:sz w:val="26"/><w:szCs w:val="26"/>'
                                    r'</w:rPr><w:t xml:space="preserve">CỘNG)', r'\1', 1)],
    "ND30-MOTTO": [(DOC, "Độc lập - Tự do - Hạnh phúc", "Độc lập-Tự do-Hạnh phúc", 1)],
    "ND30-MOTTO-FORMAT": [(DOC, r'(<w:sz w:val="28"/><w:szCs w:val="28"/>)(</w:rPr><w:t '
                           r'xml:space="preserve">Độc lập)', r'\1<w:u w:val="single"/>\2', 1)],
    "ND30-MOTTO-RULE": [(DOC, r'(Hạnh phúc</w:t></w:r></w:p>)<w:p><w:pPr><w:pBdr>.*?</w:p>',
                         r'\1', 1)],
    "ND30-ISSUER": [(DOC, rf'(<w:rPr>{FONTS})(<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>'
                     r'<w:t xml:space="preserve">UBND TỈNH)', r'\1<w:b/><w:bCs/>\2', 1)],
    "ND30-ISSUER-RULE": [(DOC, r'(BAN CHỈ ĐẠO 138</w:t></w:r></w:p>)<w:p><w:pPr><w:pBdr>.*?</w:p>',
                          r'\1', 1)],
    "ND30-NUMBER": [(DOC, "Số: 05/KH-BCĐ", "Số: 5/KH - BCĐ", 1)],
    "ND30-NUMBER-FORMAT": [(DOC, r'<w:sz w:val="26"/><w:szCs w:val="26"/>(</w:rPr><w:t '
                            r'xml:space="preserve">Số:)',
                            r'<w:sz w:val="28"/><w:szCs w:val="28"/>\1', 1)],
    "ND30-DATE": [(DOC, "ngày 05 tháng 01 năm 2026", "ngày 5 tháng 1 năm 2026", 1)],
    "ND30-DATE-FORMAT": [(DOC, r'<w:i/><w:iCs/>(<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'
                          r'<w:t xml:space="preserve">Cao Bằng, ngày)', r'\1', 1)],
    "ND30-TITLE": [(DOC, r'<w:b/><w:bCs/>(<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t '
                    r'xml:space="preserve">KẾ HOẠCH)', r'\1', 1)],
    "ND30-SUBJECT": [(DOC, r'<w:sz w:val="28"/><w:szCs w:val="28"/>(</w:rPr>'
                      r'<w:t xml:space="preserve">Tổ chức Ngày hội)',
                      r'<w:sz w:val="24"/><w:szCs w:val="24"/>\1', 1)],
    "ND30-BODY-SIZE": [(DOC, rf'(<w:r><w:rPr>{FONTS})(</w:rPr><w:t xml:space="preserve">'
                        r'1\. Nâng cao)', r'\1<w:sz w:val="24"/>\2', 1)],
    "ND30-BODY-JUSTIFY": [(DOC, rf'<w:jc w:val="both"/>(</w:pPr>{BODY_RUN})',
                           r'<w:jc w:val="left"/>\1', 1)],
    "ND30-BODY-INDENT": [(DOC, rf'w:firstLine="567"/>(<w:jc w:val="both"/></w:pPr>{BODY_RUN})',
                          r'w:firstLine="0"/>\1', 1)],
    "ND30-BODY-SPACING": [(DOC, r'w:before="120"( w:after="0" w:line="276" w:lineRule="auto"/>'
                           rf'<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>{BODY_RUN})',
                           r'w:before="0"\1', 1)],
    "ND30-BODY-LINE-SPACING": [(DOC, r'w:line="276"( w:lineRule="auto"/><w:ind w:firstLine='
                                rf'"567"/><w:jc w:val="both"/></w:pPr>{BODY_RUN})',
                                r'w:line="480"\1', 1)],
    "ND30-END-MARK": [(DOC, r"\./\.", ".", 1)],
    "ND30-SIGNATURE": [(DOC, "KT. TRƯỞNG BAN", "K/T TRƯỞNG BAN", 1)],
    "ND30-RECIPIENTS-LABEL": [(DOC, r'<w:b/><w:bCs/><w:i/><w:iCs/>(<w:sz w:val="24"/><w:szCs '
                               r'w:val="24"/></w:rPr><w:t xml:space="preserve">Nơi nhận:)',
                               r'<w:b/><w:bCs/>\1', 1)],
    "ND30-RECIPIENTS": [(DOC, "- Lưu: VT, PV05.", "- Lưu VT, PV05 (Đ2).", 1)],
    "ND30-PAGE-NUMBER": [(DOC, r"<w:titlePg/>", "", 1)],
    "ND30-FOOTNOTES": [(DOC, r"(của cán bộ và Nhân dân\.)", r"\1¹", 1)],
    # without its «Số:» line, a plan with a tên loại is no administrative document
    "ND30-NOT-ADMINISTRATIVE": [(DOC, "Số: 05/KH-BCĐ", "", 1)],
    # the rule under the subject drawn across the whole line
    "ND30-SUBJECT-RULE": [(DOC, r'(Tổ quốc năm 2026</w:t></w:r></w:p><w:p><w:pPr><w:pBdr>.*?)'
                           r'<w:ind w:left="\d+" w:right="\d+"', r'\1<w:ind w:left="0" '
                           r'w:right="0"', 1)],
    # a công văn (a ký hiệu without a type, a «V/v» line) whose V/v line is bold 14 pt
    "ND30-SUMMARY": [(DOC, "Số: 05/KH-BCĐ", "Số: 05/BCĐ-CAT", 1),
                     (DOC, "KẾ HOẠCH", "V/v tổ chức Ngày hội", 1)],
    # the công văn of ND30-SUMMARY, its «V/v» set right under the «Số:» line
    "ND30-SUMMARY-SPACING": [(DOC, "Số: 05/KH-BCĐ", "Số: 05/BCĐ-CAT", 1),
                             (DOC, r'w:before="360"( w:after="0"/><w:ind w:firstLine="0"/>'
                              r'<w:jc w:val="center"/><w:rPr>(?:(?!</w:rPr>).)*<w:sz w:val="28"/>'
                              r'<w:szCs w:val="28"/></w:rPr></w:pPr><w:r><w:rPr>(?:(?!</w:rPr>)'
                              r'.)*<w:b/><w:bCs/>)<w:sz w:val="28"/><w:szCs w:val="28"/>'
                              r'(</w:rPr><w:t xml:space="preserve">)KẾ HOẠCH',
                              r'w:before="0"\1<w:sz w:val="26"/>\2V/v tổ chức Ngày hội', 1),
                             (DOC, r'<w:b/><w:bCs/>(<w:sz w:val="26"/></w:rPr><w:t xml:space='
                              r'"preserve">V/v)', r'\1', 1),
                             (DOC, "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026<",
                              "Kính gửi: Công an các xã, phường.<", 1)],
    "ND30-SUBJECT-CAPITALS": [(DOC, "bảo vệ an ninh Tổ quốc năm 2026</w:t>",
                               "bảo vệ An ninh Tổ quốc năm 2026</w:t>", 1)],
    "ND30-BODY-NOTE": [(DOC, rf'<w:ind w:firstLine="567"/><w:jc w:val="both"/>(</w:pPr>'
                        rf'<w:r><w:rPr>{FONTS}</w:rPr><w:t xml:space="preserve">)1\. Nâng cao '
                        r'ý thức, trách nhiệm của cán bộ và Nhân dân\.',
                        r'<w:ind w:firstLine="0"/><w:jc w:val="center"/>\1(Theo phụ lục kèm '
                        r'theo)', 1)],
    "ND30-BLANK-PARAGRAPHS": [(DOC, rf'(<w:p><w:pPr><w:spacing w:before="120"[^>]*/><w:ind '
                               rf'w:firstLine="567"/><w:jc w:val="both"/></w:pPr>{BODY_RUN})',
                               r'<w:p/>\1', 1)],
    "ND30-DRAFTER-MARK": [(DOC, r"(- Lưu: VT, PV05\.</w:t></w:r>)", r'\1<w:r><w:rPr>'
                           r'<w:vertAlign w:val="subscript"/><w:sz w:val="18"/></w:rPr>'
                           r'<w:t>nam</w:t></w:r>', 1)],
}
# Rules shown on another rendered plan than the minimal one (it has no such part).
OTHER_BASES = {
    "ND30-APPENDIX-PAGE-NUMBER": ("with-appendix", [(DOC, r'<w:pgNumType w:start="1"/>', "",
                                                     0)]),
    "ND30-APPENDIX-HEADING": ("with-appendix", [(DOC, ">Phụ lục I<", ">PHỤ LỤC I<", 1)]),
    "ND30-HEADINGS": ("cao-bang-2022", [(DOC, r'<w:b/><w:bCs/>(</w:rPr><w:t xml:space='
                                              r'"preserve">2\. Yêu cầu)', r"\1", 1)]),
}



def test_every_rule_has_a_defect_fixture():
    assert set(DEFECTS) | set(OTHER_BASES) == {rule.id for rule in RULES}


@pytest.mark.parametrize("rule_id", sorted(OTHER_BASES))
def test_one_defect_on_a_richer_plan_fires_its_rule_and_only_it(rule_id, rendered):
    base, mutations = OTHER_BASES[rule_id]
    docx = rendered["cao-bang-2022-ngay-hoi-bcd"].docx if base == "cao-bang-2022" else \
        render_file(FIXTURES / f"{base}.yaml").docx
    assert fired(docx) == set()
    for part, pattern, replacement, count in mutations:
        docx = mutate(docx, part, pattern, replacement, count)
    assert fired(docx) == {rule_id}


@pytest.mark.parametrize("rule_id", sorted(DEFECTS))
def test_one_defect_fires_its_rule_and_only_it(rule_id, clean):
    docx = clean
    for part, pattern, replacement, count in DEFECTS[rule_id]:
        docx = mutate(docx, part, pattern, replacement, count)
    assert fired(docx) == {rule_id}


def test_clean_document_and_located_parts(clean):
    assert check_docx(clean) == []
    parts = locate(read_docx(clean))
    assert parts.national_title.text.startswith("CỘNG HÒA")
    assert parts.motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert [p.text for p in parts.issuer_lines] == ["UBND TỈNH CAO BẰNG", "BAN CHỈ ĐẠO 138"]
    assert parts.number_line.text == "Số: 05/KH-BCĐ"
    assert parts.place_date.text == "Cao Bằng, ngày 05 tháng 01 năm 2026"
    assert parts.title.text == "KẾ HOẠCH"
    assert [p.text for p in parts.subject] == [
        "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026"]
    assert parts.body[0].text == "I. MỤC ĐÍCH, YÊU CẦU" and parts.body[-1].text.endswith("./.")
    assert [p.text for p in parts.recipients] == ["- Công an tỉnh;", "- Lưu: VT, PV05."]
    assert [p.text for p in parts.signature][-1] == "Nguyễn Văn A"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_is_clean(path, rendered):
    assert check_docx(rendered[path.stem].docx) == []


# The slips of the published seeds, reproduced on the example that reproduces each seed.
SEED_SLIPS = [
    ("cao-bang-2022-ngay-hoi-bcd", "ngày 04 tháng 4 năm 2022", "ngày 4 tháng 4 năm 2022",
     "ND30-DATE", "days below 10 take a leading zero"),
    ("cao-bang-2022-ngay-hoi-bcd", r"- Lưu: VT, PV05 \(Đ2\)\.", "- Lưu VT, PV05 (Đ2).",
     "ND30-RECIPIENTS", "«- Lưu: VT, …» (with a colon)"),
    ("cao-bang-2022-ngay-hoi-bcd", r"- Cục V05 - BCA \(để b/cáo\);", "- Cục V05 - BCA; (để b/cáo);",
     "ND30-RECIPIENTS", "a single «;»"),
    ("bac-giang-2024-ngay-hoi-bcd", "/KH-BCĐ", "/KH - BCĐ", "ND30-NUMBER",
     "no spaces inside the ký hiệu"),
    ("cao-bang-2024-ky-niem-80-nam-cand", r"theo quy định\./\.", "theo quy định.⁶",
     "ND30-END-MARK", "./."),
    ("cao-bang-2024-ky-niem-80-nam-cand", "- CVP, các PCVP UBND tỉnh;",
     "- CVP, các PCVP UBND tỉnh,", "ND30-RECIPIENTS", "a single «;»"),
]


@pytest.mark.parametrize("name,pattern,replacement,rule_id,words", SEED_SLIPS)
def test_seed_slips_are_caught(name, pattern, replacement, rule_id, words, rendered):
    docx = mutate(rendered[name].docx, DOC, pattern, replacement, 1)
    findings = [f for f in check_docx(docx) if f.rule == rule_id]
    assert findings and words in findings[0].message


def test_stray_superscript_six_in_the_seed_is_flagged(rendered):
    docx = mutate(rendered["cao-bang-2024-ky-niem-80-nam-cand"].docx, DOC,
                  r"theo quy định\./\.", "theo quy định.⁶", 1)
    assert {"ND30-END-MARK", "ND30-FOOTNOTES"} <= fired(docx)


def test_fonts_inherited_from_styles_are_read(tmp_path):
    """A hand-made document: Times New Roman set only on the Normal style passes the font
    rule; python-docx's default template (theme fonts) does not."""
    import docx as python_docx
    from docx.oxml.ns import qn

    document = python_docx.Document()
    document.add_paragraph("Nội dung")
    themed = tmp_path / "themed.docx"
    document.save(themed)
    assert drawn(themed) == {"Cambria"}  # the template theme's minor font, via theme1.xml
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")
    fixed = tmp_path / "fixed.docx"
    document.save(fixed)
    assert drawn(fixed) == {"Times New Roman"}


def drawn(path) -> set[str]:
    return {font for para in read_docx(path).paragraphs() for run in para.runs
            for font in run.drawn_fonts.values()}


def test_missing_subject_rule(clean):
    docx = mutate(clean, DOC, r'(năm 2026</w:t></w:r></w:p>)<w:p><w:pPr><w:pBdr>.*?</w:p>',
                  r'\1', 1)
    assert fired(docx) == {"ND30-SUBJECT-RULE"}


def test_cli_exit_codes_and_json(tmp_path, clean):
    good = tmp_path / "good.docx"
    good.write_bytes(clean)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(mutate(clean, DOC, "ngày 05 tháng 01", "ngày 5 tháng 01", 1))
    junk = tmp_path / "junk.docx"
    junk.write_text("not a docx")
    runner = CliRunner()
    assert runner.invoke(app, ["check", str(good)]).exit_code == 0
    result = runner.invoke(app, ["check", str(bad), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report[0]["findings"][0]["rule"] == "ND30-DATE"
    assert report[0]["findings"][0]["clause"] == "PL1 II.4.b"
    assert report[0]["findings"][0]["where"] == "header, right column, place and date"
    assert runner.invoke(app, ["check", str(junk)]).exit_code == 2
    listed = runner.invoke(app, ["check", "--rules"]).stdout
    assert all(rule.id in listed for rule in RULES)
