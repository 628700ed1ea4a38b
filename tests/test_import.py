"""`antq import`: antq's own renders import back to the same words; Word's constructs built in
code (automatic numbering with overrides, merged cells, a tab-laid header, markup characters)
are read as a clerk sees them; refusals and exit codes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml

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


def _assert_round_trip(plan: Path) -> None:
    """render -> import -> render: a valid plan, the same words, closing and number line."""
    rendered = render_file(plan)
    result = import_docx(rendered.docx)
    trip = round_trip(result.yaml)
    assert trip.problems == []
    assert _words(trip.document) == _words(rendered.document)
    assert trip.document.closing == rendered.document.closing
    assert trip.document.header.number_line == rendered.document.header.number_line
    assert result.word_similarity == 1.0


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_round_trip_keeps_every_word(example: Path) -> None:
    _assert_round_trip(example)


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


_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = (
    '<?xml version="1.0"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE}/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)


def _docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    """A package as Word writes it: the document's relationships name styles and numbering."""
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
        package.writestr("word/_rels/document.xml.rels", _RELS)
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


def _word_plan(
    header: str,
    extra_body: str = "",
    bases: str = "",
    sections: str = "",
    subject: str = "Tổ chức Ngày hội năm 2025",
) -> bytes:
    body = "".join(
        [
            header,
            _p("KẾ HOẠCH", bold=True, center=True),
            _p(subject, bold=True, center=True),
            _p("Căn cứ Quyết định số 521/QĐ-TTg ngày 13/6/2005 của Thủ tướng Chính phủ;"),
            bases,
            _p("Ủy ban nhân dân xã ban hành Kế hoạch như sau:"),
            _p("Mục đích, yêu cầu", num=(1, 0), bold=True),
            _p("Phát huy sức mạnh {{ year }} {% x %} *sao* ^[không] \\ gạch.", num=(4, 0)),
            _p("Tổ chức thực hiện", num=(1, 0), bold=True),
            _p("Công an xã", num=(5, 1), bold=True),
            _p("Chủ trì thực hiện."),
            extra_body,
            sections,
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
    # no schema file known near the plan: no modeline (antq publishes no schema address)
    assert "yaml-language-server" not in result.yaml
    named = import_docx(_word_plan(TAB_HEADER), schema="../schema/plan.schema.json").yaml
    assert named.startswith("# yaml-language-server: $schema=../schema/plan.schema.json\n")
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


# --- the clerk's language, --org, --year, .doc, every exit code and refusal ---------------

REISSUE_BASIS = _p(
    "Căn cứ Kế hoạch số 10/KH-UBND ngày 15/01/2025 của UBND huyện về công tác năm 2025;"
)
REISSUE_SECTION = _p("Thời gian tổ chức trong năm 2025", num=(1, 0), bold=True) + _p(
    "Từ tháng 3 đến tháng 5 năm 2025."
)


def test_notes_speak_the_clerks_language() -> None:
    from antq_docs.i18n import language, use_language

    before = language()
    try:
        use_language("vi")
        vietnamese = import_docx(_word_plan(TAB_HEADER), year=2026).yaml
        use_language("en")
        english = import_docx(_word_plan(TAB_HEADER), year=2026).yaml
    finally:
        use_language(before)
    assert "# antq import: đã thay 2025 bằng 2026" in vietnamese
    assert "replaced by" not in vietnamese and "Imported by" not in vietnamese
    assert "# antq import: 2025 replaced by 2026" in english


def test_year_replaces_the_subject_and_the_plans_window_and_lists_each_place() -> None:
    result = import_docx(
        _word_plan(TAB_HEADER, bases=REISSUE_BASIS, sections=REISSUE_SECTION), year=2026
    )
    plan = result.plan
    assert plan["subject"] == "Tổ chức Ngày hội năm 2026"
    assert "ngày 15/01/2025" in plan["preamble"]["bases"][-1]  # căn cứ keep their dates
    assert "công tác năm 2025" in plan["preamble"]["bases"][-1]
    titles = [section["title"] for section in plan["sections"]]
    assert "Thời gian tổ chức trong năm 2026" in titles
    replaced = [n.path for n in result.notes if n.message == "2025 replaced by 2026"]
    assert replaced == [
        ("subject",),
        ("sections", titles.index("Thời gian tổ chức trong năm 2026"), "title"),
    ]
    # each replacement sits as a note above the value it changed
    assert result.yaml.count("# antq import: 2025 replaced by 2026") == len(replaced)
    assert plan["issuer"]["date"] == {"year": 2026} and "number" not in plan["issuer"]
    assert round_trip(result.yaml).problems == []
    assert result.status == 0, result.notes  # the replacements are no guesses


def _refused_documents() -> dict[str, bytes]:
    def typed(symbol: str, *paras: str) -> bytes:
        return _docx(TAB_HEADER.replace("KH-UBND", symbol) + "".join(paras))

    return {
        "quyết định": typed(
            "QĐ-UBND",
            _p("QUYẾT ĐỊNH", bold=True, center=True),
            _p("Về việc ban hành Quy chế", bold=True, center=True),
            _p("Điều 1. Ban hành Quy chế."),
        ),
        "tờ trình": typed(
            "TTr-UBND",
            _p("TỜ TRÌNH", bold=True, center=True),
            _p("Về việc phê duyệt Kế hoạch", bold=True, center=True),
            _p("Kính gửi: Ủy ban nhân dân huyện.", center=True),
        ),
        "công văn": typed(
            "UBND-VP",
            _p("V/v tổ chức Ngày hội"),
            _p("Kính gửi: Ủy ban nhân dân huyện.", center=True),
            _p("Ủy ban nhân dân xã báo cáo như sau."),
        ),
        "not administrative": _docx(_p("Tham luận") + _p("Kính thưa các đồng chí")),
        "scanned PDF": b"%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image >> endobj\n",
        "not a DOCX": b"not a zip",
    }


@pytest.mark.parametrize("kind", list(_refused_documents()))
def test_every_refusal_exits_2_with_a_sentence_and_writes_nothing(
    kind: str, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from antq_docs.cli import app

    source = tmp_path / ("paper.pdf" if kind == "scanned PDF" else "paper.docx")
    source.write_bytes(_refused_documents()[kind])
    target = tmp_path / "plan.yaml"
    ran = CliRunner().invoke(app, ["import", str(source), "-o", str(target)])
    assert ran.exit_code == 2, ran.output
    assert "Traceback" not in ran.output and str(source) in ran.output
    if kind in ("quyết định", "tờ trình", "công văn"):
        assert kind in ran.output.lower()
    if kind == "scanned PDF":
        assert "PDF" in ran.output and "DOCX" not in ran.output
    assert not target.exists()


def test_a_plan_without_its_title_is_refused_with_what_to_write() -> None:
    paper = _docx(TAB_HEADER + _p("Tổ chức Ngày hội năm 2025", bold=True, center=True))
    with pytest.raises(ImportRefused, match="KẾ HOẠCH"):
        import_docx(paper)


def test_exit_1_when_a_person_must_look(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from antq_docs.cli import app

    source = tmp_path / "kh.docx"
    source.write_bytes(_unsigned_plan())
    target = tmp_path / "kh.yaml"
    ran = CliRunner().invoke(app, ["import", str(source), "-o", str(target)])
    assert ran.exit_code == 1, ran.output
    assert "needs a person" in ran.output
    written = target.read_text("utf-8")
    assert '# antq import: no signer\'s name (a draft?)\n  name: ""' in written
    assert round_trip(written).problems == []  # a plan to edit, not a broken one


def _unsigned_plan() -> bytes:
    """The Word-like plan with no signer's name (a draft): a guess a person must check."""
    body = "".join(
        [
            TAB_HEADER,
            _p("KẾ HOẠCH", bold=True, center=True),
            _p("Tổ chức Ngày hội năm 2025", bold=True, center=True),
            _p("Mục đích, yêu cầu", num=(1, 0), bold=True),
            _p("Phát huy sức mạnh toàn dân.", num=(4, 0)),
            _p("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"),
            _p("- Công an xã;\tCHỦ TỊCH"),
            _p("- Lưu: VT.\t"),
        ]
    )
    return _docx(body, NUMBERING, STYLES)


def test_doc_without_libreoffice_is_refused_with_a_sentence(tmp_path: Path, monkeypatch) -> None:
    import shutil

    from typer.testing import CliRunner

    from antq_docs.cli import app

    monkeypatch.setattr(shutil, "which", lambda name: None)
    source = tmp_path / "kh.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    ran = CliRunner().invoke(app, ["import", str(source)])
    assert ran.exit_code == 2, ran.output
    assert "LibreOffice" in ran.output and not (tmp_path / "kh.yaml").exists()


@pytest.mark.pdf
def test_doc_is_converted_by_libreoffice(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from typer.testing import CliRunner

    from antq_docs.cli import app

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    rendered = render_file(EXAMPLES[0])
    (tmp_path / "kh.docx").write_bytes(rendered.docx)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "old"),
            str(tmp_path / "kh.docx"),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    target = tmp_path / "kh.yaml"
    ran = CliRunner().invoke(app, ["import", str(tmp_path / "old" / "kh.doc"), "-o", str(target)])
    assert ran.exit_code in (0, 1), ran.output
    trip = round_trip(target.read_text("utf-8"))
    assert trip.problems == []
    mine, theirs = _words(trip.document), _words(rendered.document)
    from antq_docs.importer.roundtrip import similarity

    assert similarity(mine, theirs) >= 0.99


KINDS = ("ngay-hoi", "ky-niem", "thi-dua")
ORGS = sorted((ROOT / "examples" / "orgs").glob("*.yaml"))
YEARS = (2026, 2030, 2045)


def _new_plan(kind: str, org: Path, year: int, folder: Path) -> Path | None:
    """`antq new KIND --year YEAR --org ORG`, or None where the kind refuses the profile."""
    from antq_docs.errors import PlanError
    from antq_docs.new import write_new_plan

    import shutil

    target = folder / f"{kind}-{org.stem}-{year}.yaml"
    profile = folder / "orgs" / org.name  # antq reads profiles beside the plan
    profile.parent.mkdir(exist_ok=True)
    shutil.copyfile(org, profile)
    try:
        write_new_plan(kind, year, profile, target)
    except PlanError:
        return None
    return target


@pytest.mark.parametrize("org", ORGS, ids=lambda p: p.stem)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_and_profile_renders_imports_and_renders_to_the_same_words(
    kind: str, org: Path, tmp_path: Path
) -> None:
    year = YEARS[(KINDS.index(kind) + ORGS.index(org)) % len(YEARS)]
    plan = _new_plan(kind, org, year, tmp_path)
    if plan is None:
        pytest.skip(f"{kind} is not issued by {org.stem}")
    _assert_round_trip(plan)


def test_org_leaves_out_what_the_profile_says_and_the_round_trip_holds(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from antq_docs.cli import app

    plan = _new_plan("ky-niem", ROOT / "examples" / "orgs" / "cao-bang.yaml", 2026, tmp_path)
    org = tmp_path / "orgs" / "cao-bang.yaml"
    assert plan is not None
    rendered = render_file(plan)
    source = tmp_path / "last-year.docx"
    source.write_bytes(rendered.docx)
    target = tmp_path / "plan.yaml"
    ran = CliRunner().invoke(app, ["import", str(source), "--org", str(org), "-o", str(target)])
    assert ran.exit_code in (0, 1), ran.output
    imported = yaml.safe_load(target.read_text("utf-8"))
    assert imported["org"] == "orgs/cao-bang.yaml"
    assert "signature" not in imported
    for key in ("name", "symbol", "place"):
        assert key not in imported["issuer"]
    again = render_file(target)
    assert _words(again.document) == _words(rendered.document)


def test_year_leaves_a_period_alone_and_takes_the_plans_year_from_its_date() -> None:
    paper = _word_plan(TAB_HEADER, subject="Phong trào thi đua giai đoạn 2025 - 2029")
    result = import_docx(paper, year=2026)
    assert result.plan["subject"] == "Phong trào thi đua giai đoạn 2025 - 2029"
    assert result.status == 1  # nothing replaced: a person says what the new plan's years are
    assert not any("replaced by" in note.message for note in result.notes)


def test_a_heading_that_is_no_unit_is_not_listed_as_one() -> None:
    result = import_docx(
        _word_plan(
            TAB_HEADER,
            sections=_p("Nội dung", num=(1, 0), bold=True)
            + _p("Các hoạt động hướng tới Ngày hội", num=(1, 1), bold=True)
            + _p("Các sở, ban, ngành", num=(1, 1), bold=True),
        )
    )
    listed = [note.message for note in result.notes if "looks like a unit" in note.message]
    assert listed == [
        "«Các sở, ban, ngành» looks like a unit but is not a line of Nơi nhận: no `unit:` was set"
    ]


def test_org_outside_the_plans_folder_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from antq_docs.cli import app

    source = tmp_path / "kh.docx"
    source.write_bytes(_word_plan(TAB_HEADER))
    import shutil

    target = tmp_path / "plans" / "kh.yaml"
    org = tmp_path / "elsewhere" / "cao-bang.yaml"  # neither beside the plan nor configured
    org.parent.mkdir()
    shutil.copyfile(ROOT / "examples" / "orgs" / "cao-bang.yaml", org)
    ran = CliRunner().invoke(app, ["import", str(source), "--org", str(org), "-o", str(target)])
    assert ran.exit_code == 2, ran.output
    assert str(org) in ran.output and "ANTQ_PROFILES" in ran.output
    assert not target.exists()


def test_a_line_break_the_author_typed_is_kept() -> None:
    from antq_docs.content.markup import parse_inline
    from antq_docs.importer.markup import markup
    from antq_docs.inspect.model import TextRun

    runs = [TextRun("Đường lối của", bold=True), TextRun("\n"), TextRun("Đảng, pháp luật")]
    printed = parse_inline(markup(runs))
    assert "".join(run.text for run in printed) == "Đường lối của\nĐảng, pháp luật"
    assert printed[0].bold and not printed[-1].bold
    heading = (
        "<w:tbl><w:tr><w:tc>"
        + _p("Thời gian")
        + _p("hoàn thành")
        + "</w:tc><w:tc>"
        + _p("Chủ trì")
        + "</w:tc></w:tr><w:tr><w:tc>"
        + _p("Quý II")
        + "</w:tc><w:tc>"
        + _p("Công an xã")
        + "</w:tc></w:tr></w:tbl>"
    )
    result = import_docx(_word_plan(TAB_HEADER, heading))
    table = result.plan["sections"][1]["items"][0]["table"]
    assert [c if isinstance(c, str) else c["title"] for c in table["columns"]] == [
        "Thời gian\nhoàn thành",
        "Chủ trì",
    ]
    assert round_trip(result.yaml).problems == []
