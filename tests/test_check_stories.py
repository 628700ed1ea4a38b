"""Headers, footers and footnotes: findings there are located in their own part, page
numbers are recognised however Word wrote the field, and no document gives exit 70."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from antq_docs.check import check_document
from antq_docs.cli import app
from antq_docs.render import render_file

from .helpers import DOC, FIXTURES, mutate, with_app_pages

HEADER = "word/header1.xml"  # antq's header of the other pages (the PAGE field)
ARIAL = (
    '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr><w:t>Dự thảo lần 2</w:t></w:r>'
)


@pytest.fixture(scope="module")
def appendix():
    docx = render_file(FIXTURES / "with-appendix.yaml").docx
    return mutate(docx, "docProps/custom.xml", "antq-fingerprint", "origin", 1)


@pytest.fixture(scope="module")
def clean():
    docx = render_file(FIXTURES / "minimal.yaml").docx
    return mutate(docx, "docProps/custom.xml", "antq-fingerprint", "origin", 1)


def _header_line(docx: bytes, run: str = ARIAL) -> bytes:
    return mutate(docx, HEADER, r"(<w:hdr [^>]*>)", rf"\1<w:p>{run}</w:p>", 1)


def test_a_finding_in_the_header_of_a_document_with_an_appendix(appendix, tmp_path, monkeypatch):
    monkeypatch.setenv("ANTQ_SOFFICE", str(tmp_path / "no-libreoffice"))  # pages not counted
    docx = _header_line(appendix)
    found = [f for f in check_document(docx).findings if f.rule == "ND30-FONT"]
    assert [f.where for f in found] == ["header of section 1, paragraph 1"]
    source = tmp_path / "du-thao.docx"
    source.write_bytes(docx)
    runner = CliRunner()
    assert runner.invoke(app, ["check", str(source)]).exit_code == 1
    fixed = runner.invoke(app, ["fix", str(source)])
    assert fixed.exit_code == 0, fixed.output
    assert check_document(tmp_path / "du-thao.fixed.docx").findings == []


def test_footers_and_footnotes_are_named_by_their_part(appendix):
    footer = "word/footer9.xml"
    docx = _with_footer(appendix, footer, f"<w:p>{ARIAL}</w:p>")
    found = [f.where for f in check_document(docx).findings if f.rule == "ND30-FONT"]
    assert found == ["footer of section 1, paragraph 1"]


def test_a_finding_in_a_footnote_of_a_document_with_an_appendix(tmp_path, monkeypatch):
    """A footnote typed in Arial in a plan with two appendices: named by its note, and
    `antq fix` corrects it (exit 0, never 70)."""
    monkeypatch.setenv("ANTQ_SOFFICE", str(tmp_path / "no-libreoffice"))
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(
        (FIXTURES / "with-appendix.yaml")
        .read_text("utf-8")
        .replace(
            "- text: Phát động phong trào.", "- text: Phát động phong trào.^[Theo Bộ Công an.]"
        ),
        "utf-8",
    )
    docx = render_file(plan).docx
    docx = mutate(docx, "docProps/custom.xml", "antq-fingerprint", "origin", 1)
    docx = mutate(
        docx,
        "word/footnotes.xml",
        r'w:ascii="Times New Roman" w:hAnsi="Times New Roman"( w:eastAsia="[^"]*" w:cs="[^"]*"/>'
        r'<w:sz w:val="24"/>(?:(?!</w:rPr>).)*</w:rPr><w:t xml:space="preserve">Theo)',
        r'w:ascii="Arial" w:hAnsi="Arial"\1',
        1,
    )
    found = [f.where for f in check_document(docx).findings if f.rule == "ND30-FONT"]
    assert found == ["footnote 1, paragraph 1"]
    source = tmp_path / "du-thao.docx"
    source.write_bytes(docx)
    fixed = CliRunner().invoke(app, ["fix", str(source)])
    assert fixed.exit_code == 0, fixed.output
    assert check_document(tmp_path / "du-thao.fixed.docx").findings == []


def _with_footer(docx: bytes, name: str, body: str) -> bytes:
    """The package with a default footer on the first section holding `body`."""
    import io
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    entries[name] = f'<w:ftr xmlns:w="{w}" xmlns:r="{r}">{body}</w:ftr>'.encode()
    rels = "word/_rels/document.xml.rels"
    entries[rels] = entries[rels].replace(
        b"</Relationships>",
        f'<Relationship Id="rId900" Type="{r}/footer" Target="{name[5:]}"/>'
        "</Relationships>".encode(),
    )
    types = "[Content_Types].xml"
    entries[types] = entries[types].replace(
        b"</Types>",
        f'<Override PartName="/{name}" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footer+xml"/></Types>'.encode(),
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for entry, data in entries.items():
            target.writestr(entry, data)
    return mutate(
        out.getvalue(),
        DOC,
        r"(<w:sectPr[^>]*>)",
        r'\1<w:footerReference w:type="default" r:id="rId900"/>',
        1,
    )


PAGE_FIELDS = {
    # begin, instruction, end in several runs, no result computed yet, lower case
    "complex, no result": (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> pa</w:instrText>'
        "</w:r><w:r><w:instrText>ge \\* MERGEFORMAT </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    ),
    "complex, one run": (
        '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText>'
        '<w:fldChar w:fldCharType="separate"/><w:t>2</w:t><w:fldChar w:fldCharType="end"/></w:r>'
    ),
    "simple, empty": '<w:fldSimple w:instr=" PAGE "/>',
}


@pytest.mark.parametrize("field", sorted(PAGE_FIELDS))
def test_page_fields_however_written(clean, field):
    header = mutate(
        clean,
        HEADER,
        r"<w:p>(<w:pPr>(?:(?!</w:pPr>).)*</w:pPr>)(?:(?!</w:p>).)*</w:p>",
        r"<w:p>\1" + PAGE_FIELDS[field].replace("\\", "\\\\") + "</w:p>",
        1,
    )
    assert "ND30-PAGE-NUMBER" not in {
        f.rule for f in check_document(with_app_pages(header, 3)).findings
    }


def test_page_numbers_only_in_the_even_page_header_are_named_so(clean):
    docx = mutate(
        clean, DOC, r'<w:headerReference w:type="default"', '<w:headerReference w:type="even"', 1
    )
    found = [
        f for f in check_document(with_app_pages(docx, 3)).findings if f.rule == "ND30-PAGE-NUMBER"
    ]
    assert found and "even-page" in found[0].message
