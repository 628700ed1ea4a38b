"""`antq import`: antq's own renders import back to the same words; Word's constructs built in
code (automatic numbering with overrides, merged cells, a tab-laid header, markup characters)
are read as a clerk sees them; refusals and exit codes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from antq_docs.content.build import build_document
from antq_docs.importer import ImportRefused, import_docx
from antq_docs.importer.roundtrip import round_trip, tree_paragraphs, words
from antq_docs.inspect import read_docx
from antq_docs.render import render_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _words(document) -> list[str]:
    blocks = list(document.body)
    for part in document.appendices:
        blocks += list(part.blocks)
    return words(tree_paragraphs(blocks))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_round_trip_keeps_every_word(example: Path) -> None:
    rendered = render_file(example)
    result = import_docx(rendered.docx)
    trip = round_trip(result.yaml)
    assert trip.problems == []
    assert _words(trip.document) == _words(rendered.document)
    assert trip.document.closing == rendered.document.closing
    assert trip.document.header.number_line == rendered.document.header.number_line


def _p(
    text: str,
    *,
    num: tuple[int, int] | None = None,
    bold: bool = False,
    center: bool = False,
    style: str | None = None,
) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if center:
        ppr += '<w:jc w:val="center"/>'
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    runs = "<w:r><w:tab/></w:r>".join(
        f'<w:r>{rpr}<w:t xml:space="preserve">{piece}</w:t></w:r>' for piece in text.split("\t")
    )
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def _docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        package.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>',
        )
        package.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
        if numbering:
            package.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
    return out.getvalue()


def _level(ilvl: int, fmt: str, text: str, start: int = 1, style: str = "") -> str:
    linked = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{linked}<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    + _level(0, "upperRoman", "%1.")
    + _level(1, "decimal", "%2.")
    + _level(2, "decimal", "%2.%3.")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">' + _level(0, "lowerLetter", "%1)") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="2">' + _level(0, "bullet", "-") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="3">'
    + _level(0, "lowerRoman", "%1.", style="Muc")
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
    '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">'
    '<w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>'
)
STYLES = (
    '<w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr>'
    '<w:numId w:val="6"/></w:numPr></w:pPr></w:style>'
)


def test_numbering_resolves_levels_overrides_restarts_and_styles() -> None:
    body = "".join(
        [
            _p("Mục một", num=(1, 0)),
            _p("Khoản", num=(1, 1)),
            _p("Điểm", num=(1, 2)),
            _p("Điểm", num=(1, 2)),
            _p("Khoản", num=(1, 1)),
            _p("Điểm", num=(1, 2)),
            _p("Mục hai", num=(1, 0)),
            _p("Khoản", num=(1, 1)),
            _p("a", num=(2, 0)),
            _p("b", num=(2, 0)),
            _p("again", num=(3, 0)),
            _p("dash", num=(4, 0)),
            _p("five", num=(5, 1)),
            _p("styled", style="Muc"),
            _p("styled", style="Muc"),
            _p("plain"),
        ]
    )
    view = read_docx(_docx(body, NUMBERING, STYLES))
    assert [p.label for p in view.paragraphs()] == [
        "I.",
        "1.",
        "1.1.",
        "1.2.",
        "2.",
        "2.1.",
        "II.",
        "1.",
        "a)",
        "b)",
        "a)",
        "-",
        "5.",
        "i.",
        "ii.",
        None,
    ]
    assert view.paragraphs()[2].list_level == 2
    assert view.paragraphs()[0].list_format == "upperRoman"


def _word_plan(header: str, extra_body: str = "") -> bytes:
    body = "".join(
        [
            header,
            _p("KẾ HOẠCH", bold=True, center=True),
            _p("Tổ chức Ngày hội năm 2025", bold=True, center=True),
            _p("Căn cứ Quyết định số 521/QĐ-TTg ngày 13/6/2005 của Thủ tướng Chính phủ;"),
            _p("Ủy ban nhân dân xã ban hành Kế hoạch như sau:"),
            _p("Mục đích, yêu cầu", num=(1, 0), bold=True),
            _p("Phát huy sức mạnh {{ year }} {% x %} *sao* ^[không] \\ gạch.", num=(4, 0)),
            _p("Tổ chức thực hiện", num=(1, 0), bold=True),
            _p("Công an xã", num=(5, 1), bold=True),
            _p("Chủ trì thực hiện."),
            extra_body,
            _p("Trên đây là Kế hoạch của Ủy ban nhân dân xã./."),
            _p("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"),
            _p("- Công an xã;\tCHỦ TỊCH"),
            _p("- Lưu: VT.\t"),
            _p("\tNguyễn Văn A"),
        ]
    )
    return _docx(body, NUMBERING, STYLES)


TAB_HEADER = "".join(
    [
        _p("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True),
        _p("XÃ HÒA AN\tĐộc lập - Tự do - Hạnh phúc", bold=True),
        _p("Số: 12/KH-UBND\tHòa An, ngày 05 tháng 3 năm 2025"),
    ]
)


def test_word_like_plan_imports_with_tab_header_numbering_and_literal_marks() -> None:
    result = import_docx(_word_plan(TAB_HEADER))
    plan = result.plan
    assert plan["issuer"]["name"] == "ỦY BAN NHÂN DÂN\nXÃ HÒA AN"
    assert plan["issuer"]["number"] == 12 and plan["issuer"]["symbol"] == "KH-UBND"
    assert plan["issuer"]["date"] == "05/3/2025"
    assert plan["sections"][1]["items"][0]["number"] == "5."
    assert plan["sections"][1]["items"][0]["unit"] == "Công an xã"
    assert plan["filing"] == {"units": ["VT"]}
    assert plan["signature"] == {
        "titles": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "name": "Nguyễn Văn A",
    }
    trip = round_trip(result.yaml)
    assert trip.problems == []
    body = tree_paragraphs(trip.document.body)
    assert "- Phát huy sức mạnh {{ year }} {% x %} *sao* ^[không] \\ gạch." in body
    assert body[-1].endswith("xã./.")
    assert result.yaml.startswith("# yaml-language-server: $schema=")
    assert result.status == 0, result.notes


def test_merged_cells_become_span_and_rows() -> None:
    def cell(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"

    restart, spans = '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="3"/>'
    table = (
        "<w:tbl><w:tblGrid><w:gridCol w:w='1000'/><w:gridCol w:w='3000'/>"
        "<w:gridCol w:w='3000'/></w:tblGrid>"
        f"<w:tr>{cell('TT')}{cell('Nội dung')}{cell('Đơn vị')}</w:tr>"
        f"<w:tr>{cell('1')}{cell('Tuyên truyền')}{cell('Các thôn', restart)}</w:tr>"
        f"<w:tr>{cell('2')}{cell('Sơ kết')}{cell('', '<w:vMerge/>')}</w:tr>"
        f"<w:tr>{cell('Theo phân công', spans)}</w:tr></w:tbl>"
    )
    result = import_docx(_word_plan(TAB_HEADER, table))
    item = result.plan["sections"][1]["items"][0]
    rows = item["table"]["rows"]
    assert rows[0][2] == {"text": "Các thôn", "rows": 2}
    assert rows[1] == ["2", "Sơ kết"]
    assert rows[2] == [{"text": "Theo phân công", "span": 3}]
    assert round_trip(result.yaml).problems == []


def test_year_reissues_the_subject_and_leaves_bases_alone() -> None:
    result = import_docx(_word_plan(TAB_HEADER), year=2026)
    assert result.plan["issuer"]["date"] == {"year": 2026}
    assert "number" not in result.plan["issuer"]
    assert result.plan["subject"] == "Tổ chức Ngày hội năm 2026"
    assert "13/6/2005" in result.plan["preamble"]["bases"][0]
    assert any("2025 replaced by 2026" in n.message for n in result.notes)


def test_not_a_plan_is_refused() -> None:
    with pytest.raises(ImportRefused):
        import_docx(b"not a zip")
    with pytest.raises(ImportRefused):
        import_docx(_docx(_p("Tham luận") + _p("Kính thưa các đồng chí")))


def test_command_exit_codes(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from antq_docs.cli import app

    source = tmp_path / "kh.docx"
    source.write_bytes(_word_plan(TAB_HEADER))
    runner = CliRunner()
    target = tmp_path / "kh.yaml"
    ran = runner.invoke(app, ["import", str(source), "-o", str(target)])
    assert ran.exit_code == 0, ran.output
    rendered = runner.invoke(app, ["render", str(target), "-o", str(tmp_path / "out.docx")])
    assert rendered.exit_code == 0, rendered.output
    text = " ".join(p.text for p in read_docx(tmp_path / "out.docx").paragraphs())
    assert "Phát huy sức mạnh {{ year }}" in text
    other = tmp_path / "mine.yaml"
    other.write_text("clerk's own\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(source), "-o", str(other)]).exit_code == 3
    assert other.read_text(encoding="utf-8") == "clerk's own\n"
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_docx(_p("Tham luận")))
    assert runner.invoke(app, ["import", str(bad), "-o", str(tmp_path / "b.yaml")]).exit_code == 2
    assert not (tmp_path / "b.yaml").exists()


def test_build_document_is_used_for_the_tree() -> None:
    assert callable(build_document)
