"""`antq fix`: each fixable rule goes from defect to fixed to clean; the words never change;
signed documents, antq's own and papers that are not administrative are left alone."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import pytest
from lxml import etree
from typer.testing import CliRunner

from antq_docs.check import check_document
from antq_docs.cli import app
from antq_docs.fix import FIXERS, Refused, fix_document
from antq_docs.render import render_file

from .helpers import FIXTURES
from .helpers import DEFECTS, DOC, OTHER_BASES, mutate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def handmade(docx: bytes) -> bytes:
    """antq's output without its fingerprint: a document as a clerk would receive it."""
    return mutate(docx, "docProps/custom.xml", "antq-fingerprint", "origin", 1)


def texts(docx: bytes) -> dict[str, list[str]]:
    """The text of every paragraph of every part (body, tables, headers, footnotes, text
    boxes), part by part."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                out[name] = [
                    "".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")
                ]
    return out


def _words(text: str) -> str:
    """The words, without the characters that rules exist to correct (hyphens and dashes,
    leading zeros, colons, periods, slashes, case) and without spaces."""
    text = unicodedata.normalize("NFC", text).casefold().replace("hoà", "hòa")
    text = re.sub(r"(?<![\d])0(?=\d)", "", text)  # leading zeros
    return re.sub(r"[\s\-–—−:./]", "", text)


def assert_same_words(before: bytes, after: bytes) -> None:
    old, new = texts(before), texts(after)
    for part, paragraphs in old.items():
        kept = [p for p in new.get(part, []) if p.strip()]
        assert [_words(p) for p in paragraphs if p.strip()] == [_words(p) for p in kept], part


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
    docx = _with_word_pages(docx, 3)
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
    signed = _with_entry(clean, "_xmlsignatures/sig1.xml", b"<Signature/>")
    with pytest.raises(Refused, match="digital signature"):
        fix_document(signed)
    speech = mutate(clean, DOC, "Số: 05/KH-BCĐ", "", 1)
    with pytest.raises(Refused, match="not an administrative document"):
        fix_document(speech)


def test_cli(tmp_path, clean):
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


def _with_entry(docx: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, data)
    return out.getvalue()


def _with_word_pages(docx: bytes, pages: int) -> bytes:
    from .test_check_wordlike import _with_app_pages

    return _with_app_pages(docx, pages)
