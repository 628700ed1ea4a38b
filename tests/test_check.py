"""`antq check`: every rule fires on a document with exactly one defect, and only that rule;
the slips found in the seeds are caught; every rendered example is clean."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from antq_docs.check import RULES, check_docx
from antq_docs.check.locate import locate
from antq_docs.cli import app
from antq_docs.inspect import read_docx
from antq_docs.render import render_file

from .helpers import DEFECTS, DOC, EXAMPLES, FIXTURES, OTHER_BASES, mutate


@pytest.fixture(scope="module")
def clean():
    return render_file(FIXTURES / "minimal.yaml").docx


def fired(docx: bytes) -> set[str]:
    return {f.rule for f in check_docx(docx)}


def test_every_rule_has_a_defect_fixture():
    assert set(DEFECTS) | set(OTHER_BASES) == {rule.id for rule in RULES}


@pytest.mark.parametrize("rule_id", sorted(OTHER_BASES))
def test_one_defect_on_a_richer_plan_fires_its_rule_and_only_it(rule_id, rendered):
    base, mutations = OTHER_BASES[rule_id]
    docx = (
        rendered["cao-bang-2022-ngay-hoi-bcd"].docx
        if base == "cao-bang-2022"
        else render_file(FIXTURES / f"{base}.yaml").docx
    )
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
        "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026"
    ]
    assert parts.body[0].text == "I. MỤC ĐÍCH, YÊU CẦU" and parts.body[-1].text.endswith("./.")
    assert [p.text for p in parts.recipients] == ["- Công an tỉnh;", "- Lưu: VT, PV05."]
    assert [p.text for p in parts.signature][-1] == "Nguyễn Văn A"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_is_clean(path, rendered):
    assert check_docx(rendered[path.stem].docx) == []


# The slips of the published seeds, reproduced on the example that reproduces each seed.
SEED_SLIPS = [
    (
        "cao-bang-2022-ngay-hoi-bcd",
        "ngày 04 tháng 4 năm 2022",
        "ngày 4 tháng 4 năm 2022",
        "ND30-DATE",
        "days below 10 take a leading zero",
    ),
    (
        "cao-bang-2022-ngay-hoi-bcd",
        r"- Lưu: VT, PV05 \(Đ2\)\.",
        "- Lưu VT, PV05 (Đ2).",
        "ND30-RECIPIENTS",
        "«- Lưu: VT, …» (with a colon)",
    ),
    (
        "cao-bang-2022-ngay-hoi-bcd",
        r"- Cục V05 - BCA \(để b/cáo\);",
        "- Cục V05 - BCA; (để b/cáo);",
        "ND30-RECIPIENTS",
        "a single «;»",
    ),
    (
        "bac-giang-2024-ngay-hoi-bcd",
        "/KH-BCĐ",
        "/KH - BCĐ",
        "ND30-NUMBER",
        "no spaces inside the ký hiệu",
    ),
    (
        "cao-bang-2024-ky-niem-80-nam-cand",
        r"theo quy định\./\.",
        "theo quy định.⁶",
        "ND30-END-MARK",
        "./.",
    ),
    (
        "cao-bang-2024-ky-niem-80-nam-cand",
        "- CVP, các PCVP UBND tỉnh;",
        "- CVP, các PCVP UBND tỉnh,",
        "ND30-RECIPIENTS",
        "a single «;»",
    ),
]


@pytest.mark.parametrize("name,pattern,replacement,rule_id,words", SEED_SLIPS)
def test_seed_slips_are_caught(name, pattern, replacement, rule_id, words, rendered):
    docx = mutate(rendered[name].docx, DOC, pattern, replacement, 1)
    findings = [f for f in check_docx(docx) if f.rule == rule_id]
    assert findings and words in findings[0].message


def test_stray_superscript_six_in_the_seed_is_flagged(rendered):
    docx = mutate(
        rendered["cao-bang-2024-ky-niem-80-nam-cand"].docx,
        DOC,
        r"theo quy định\./\.",
        "theo quy định.⁶",
        1,
    )
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
    return {
        font
        for para in read_docx(path).paragraphs()
        for run in para.runs
        for font in run.drawn_fonts.values()
    }


def test_missing_subject_rule(clean):
    docx = mutate(
        clean, DOC, r"(năm 2026</w:t></w:r></w:p>)<w:p><w:pPr><w:pBdr>.*?</w:p>", r"\1", 1
    )
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
