"""`antq import` of a draft's blank date («ngày … tháng … năm 20…»), `--year` moving the
anniversary counts antq computes, and underline as antq markup (`++…++`): each built in code
as Word writes it (a header in a two-column table, typed numbers, runs of mixed emphasis),
imported, rendered, and read back from the DOCX."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
import yaml
from typer.testing import CliRunner

from antq_docs.check import check_docx
from antq_docs.cli import app
from antq_docs.content.markup import MarkupProblem, parse_inline
from antq_docs.importer import import_docx
from antq_docs.importer.roundtrip import round_trip
from antq_docs.nd30.forms import issue_date_text
from antq_docs.tree.nodes import Run

from .helpers import FIXTURES, ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A run: its text and its emphasis, «b» bold, «i» italic, «u» underlined.
Piece = tuple[str, str]


def _para(*pieces: Piece | str, center: bool = False) -> str:
    runs = []
    for piece in pieces:
        text, marks = (piece, "") if isinstance(piece, str) else piece
        props = "".join(
            tag
            for mark, tag in (("b", "<w:b/>"), ("i", "<w:i/>"), ("u", '<w:u w:val="single"/>'))
            if mark in marks
        )
        runs.append(
            f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        )
    align = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return f"<w:p>{align}{''.join(runs)}</w:p>"


def _header(date_line: str) -> str:
    """The header as most offices lay it out: a borderless table of two columns."""

    def cell(*paras: str) -> str:
        return f"<w:tc>{''.join(paras)}</w:tc>"

    left = cell(
        _para(("ỦY BAN NHÂN DÂN", "b"), center=True),
        _para(("XÃ HÒA AN", "b"), center=True),
        _para("Số:      /KH-UBND", center=True),
    )
    right = cell(
        _para(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"), center=True),
        _para(("Độc lập - Tự do - Hạnh phúc", "b"), center=True),
        _para((date_line, "i"), center=True),
    )
    return f"<w:tbl><w:tr>{left}{right}</w:tr></w:tbl>"


def _plan_docx(
    date_line: str = "Hòa An, ngày 05 tháng 3 năm 2025",
    subject: str = "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
    basis: str = "Căn cứ Quyết định số 521/QĐ-TTg ngày 13/6/2005 của Thủ tướng Chính phủ;",
    body: tuple[str, ...] = (),
) -> bytes:
    paragraphs = [
        _header(date_line),
        _para(("KẾ HOẠCH", "b"), center=True),
        _para((subject, "b"), center=True),
        _para((basis, "i")),
        _para("Ủy ban nhân dân xã ban hành Kế hoạch như sau:"),
        *(
            body
            or (
                _para(("I. MỤC ĐÍCH, YÊU CẦU", "b")),
                _para("Nâng cao ý thức của Nhân dân."),
            )
        ),
        _para(("II. TỔ CHỨC THỰC HIỆN", "b")),
        _para("Công an xã chủ trì thực hiện."),
        _para("Trên đây là Kế hoạch của Ủy ban nhân dân xã./."),
    ]
    closing = (
        "<w:tbl><w:tr><w:tc>"
        + _para(("Nơi nhận:", "bi"))
        + _para("- Công an xã;")
        + _para("- Lưu: VT.")
        + "</w:tc><w:tc>"
        + _para(("TM. ỦY BAN NHÂN DÂN", "b"), center=True)
        + _para(("CHỦ TỊCH", "b"), center=True)
        + _para(("Nguyễn Văn A", "b"), center=True)
        + "</w:tc></w:tr></w:tbl>"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(paragraphs)
        + closing
        + "</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxml'
            'formats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        package.writestr("word/document.xml", document.encode("utf-8"))
    return out.getvalue()


def _render(yaml_text: str, folder: Path, name: str = "plan") -> docx.document.Document:
    """`antq render` of the plan text, the DOCX opened again."""
    plan = folder / f"{name}.yaml"
    plan.write_text(yaml_text, encoding="utf-8")
    out = folder / f"{name}.docx"
    ran = CliRunner().invoke(app, ["render", str(plan), "-o", str(out)])
    assert ran.exit_code == 0, ran.output
    return docx.Document(str(out))


def _all_paragraphs(document: docx.document.Document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _place_date(document: docx.document.Document):
    return next(p for p in _all_paragraphs(document) if ", ngày" in p.text)


def _minimal(**issuer: object) -> dict:
    """tests/fixtures/minimal.yaml with the issuer's keys given (None: left out)."""
    plan = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    for key, value in issuer.items():
        if value is None:
            plan["issuer"].pop(key, None)
        else:
            plan["issuer"][key] = value
    return plan


def _validate(plan: dict, folder: Path, *options: str):
    path = folder / "plan.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return CliRunner().invoke(app, ["--lang", "en", "validate", *options, str(path)])


# --- a draft's blank year ----------------------------------------------------------------


@pytest.mark.parametrize(
    "date_line",
    [
        "Hòa An, ngày      tháng      năm 20…",
        "Hòa An, ngày … tháng … năm …",
        "Hòa An, ngày ….. tháng ….. năm 20….",
    ],
)
def test_a_draft_with_a_blank_year_imports_without_one_and_renders_the_blank(
    date_line: str, tmp_path: Path
) -> None:
    result = import_docx(_plan_docx(date_line))
    assert result.plan["issuer"]["date"] == {}  # no year guessed
    assert result.status == 0, result.notes  # the original's own blank, nobody must look
    note = next(n for n in result.notes if n.path == ("issuer", "date"))
    assert f"«{' '.join(date_line.split())}»" in note.message and "năm 20…" in note.message
    lines = result.yaml.splitlines()
    at = lines.index("  date: {}")
    assert lines[at - 1].lstrip().startswith("# antq import:")
    assert round_trip(result.yaml).problems == []
    rendered = _place_date(_render(result.yaml, tmp_path))
    assert " ".join(rendered.text.split()) == "Hòa An, ngày tháng năm 20…"
    assert "\u00a0" * 6 in rendered.text  # the day and the month: blanks to write in by hand
    assert all(run.italic for run in rendered.runs if run.text.strip())  # ô 4


def test_the_blank_year_is_the_decrees_in_every_date_antq_writes() -> None:
    blank = "\u00a0" * 6
    assert issue_date_text(None, None, None) == f"ngày {blank} tháng {blank} năm 20…"
    assert issue_date_text(None, 4, 2026) == f"ngày {blank} tháng 4 năm 2026"


def test_a_blank_year_with_year_given_is_a_draft_of_that_year() -> None:
    result = import_docx(_plan_docx("Hòa An, ngày … tháng … năm 20…"), year=2026)
    assert result.plan["issuer"]["date"] == {"year": 2026}


def test_a_date_with_a_day_or_a_month_but_no_year_is_refused_where_it_is(
    tmp_path: Path,
) -> None:
    for date in ({"day": 5, "month": 4}, {"month": 4}):
        ran = _validate(_minimal(date=date, number=None), tmp_path)
        assert ran.exit_code == 2, ran.output
        assert (
            "plan.yaml:" in ran.stderr
            and "issuer.date: a date with a day or a month needs its year" in ran.stderr
        )
        assert "Traceback" not in ran.output


def test_what_is_computed_from_the_year_asks_for_it_or_takes_it_from_vars_or_window(
    tmp_path: Path,
) -> None:
    plan = _minimal(date={}, number=None)
    plan["subject"] = "Kỷ niệm {{ cand_anniversary() }} năm Ngày truyền thống CAND năm {{ year }}"
    ran = _validate(plan, tmp_path)
    assert ran.exit_code == 2
    assert "subject: this needs the plan's year, and its date leaves the year blank" in ran.stderr
    assert "names you can use" not in ran.stderr  # said plainly, not as an unknown name
    plan["vars"] = {"year": 2026}
    subject = _render(yaml.safe_dump(plan, allow_unicode=True), tmp_path, "vars")
    assert "Kỷ niệm 81 năm Ngày truyền thống CAND năm 2026" in [p.text for p in subject.paragraphs]
    assert " ".join(_place_date(subject).text.split()).endswith("năm 20…")  # still the draft's
    del plan["vars"]
    plan["window"] = {"from": "01/8/2026", "to": "31/12/2026"}
    windowed = _render(yaml.safe_dump(plan, allow_unicode=True), tmp_path, "window")
    assert "Kỷ niệm 81 năm Ngày truyền thống CAND năm 2026" in [p.text for p in windowed.paragraphs]


def test_the_2025_reform_rule_needs_the_year_and_takes_it_from_the_window(tmp_path: Path) -> None:
    plan = _minimal(date={}, number=None)
    plan["subject"] = "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
    plan["sections"][1]["items"].append({"unit": "UBND các huyện", "text": "Triển khai."})
    plan["recipients"].append("UBND các huyện")
    ran = _validate(plan, tmp_path)
    assert ran.exit_code == 0, ran.output  # a warning: the plan renders
    assert "issuer.date: the date leaves the year blank, so antq cannot tell" in ran.stderr
    assert _validate(plan, tmp_path, "--strict").exit_code == 2
    plan["window"] = {"from": "01/8/2026", "to": "31/12/2026"}
    windowed = _validate(plan, tmp_path)
    assert "LINT-DISTRICT" in windowed.stderr and "year blank" not in windowed.stderr


# --- --year moves the anniversary counts -----------------------------------------------------

ANNIVERSARY = (
    "Tổ chức các hoạt động kỷ niệm 80 năm Ngày truyền thống Công an nhân dân (19/8/1945 - "
    "19/8/2025) và 20 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2025)"
)
ANNIVERSARY_BASIS = (
    "Căn cứ Kế hoạch số 10/KH-UBND ngày 15/01/2025 của UBND tỉnh về kỷ niệm 80 năm Ngày "
    "truyền thống Công an nhân dân (19/8/1945 - 19/8/2025);"
)
ANNIVERSARY_BODY = (
    _para(("I. MỤC ĐÍCH, YÊU CẦU", "b")),
    _para(
        "Giáo dục truyền thống 80 năm xây dựng, chiến đấu và trưởng thành của lực lượng Công an "
        "nhân dân; ghi nhận kết quả 20 năm thực hiện Ngày hội toàn dân bảo vệ an ninh Tổ quốc."
    ),
    _para("Tổng kết 5 năm thực hiện phong trào tại 80 năm thôn."),
)


def test_year_moves_the_anniversary_counts_and_lists_each_one(tmp_path: Path) -> None:
    result = import_docx(
        _plan_docx(subject=ANNIVERSARY, basis=ANNIVERSARY_BASIS, body=ANNIVERSARY_BODY),
        year=2026,
    )
    plan = result.plan
    assert plan["subject"] == (
        "Tổ chức các hoạt động kỷ niệm 81 năm Ngày truyền thống Công an nhân dân (19/8/1945 - "
        "19/8/2026) và 21 năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2026)"
    )
    assert plan["preamble"]["bases"][0] == ANNIVERSARY_BASIS.rstrip(";")  # căn cứ as written
    texts = plan["sections"][0]["text"]  # the paragraphs under «I.», typed without numbers
    assert texts[0].startswith("Giáo dục truyền thống 81 năm xây dựng")
    assert "kết quả 21 năm thực hiện Ngày hội" in texts[0]
    assert texts[1] == "Tổng kết 5 năm thực hiện phong trào tại 80 năm thôn."  # no founding named
    counts = [n for n in result.notes if "anniversary" in n.message]
    assert [n.message for n in counts if n.path == ("subject",)] == [
        "the anniversary «80 năm» replaced by «81 năm» (counted from 1945)",
        "the anniversary's span «1945 - 2025» now ends in 2026",
        "the anniversary «20 năm» replaced by «21 năm» (counted from 2005)",
        "the anniversary's span «2005 - 2025» now ends in 2026",
    ]
    assert {n.path for n in counts} == {("subject",), ("sections", 0, "text", 0)}
    assert all(not n.needs_person for n in counts)
    assert result.yaml.count("# antq import: the anniversary") == len(counts)
    assert round_trip(result.yaml).problems == []
    words = " ".join(p.text for p in _render(result.yaml, tmp_path).paragraphs)
    assert "kỷ niệm 81 năm Ngày truyền thống Công an nhân dân (19/8/1945 - 19/8/2026)" in words


def test_without_year_the_counts_stay_as_written() -> None:
    result = import_docx(_plan_docx(subject=ANNIVERSARY, body=ANNIVERSARY_BODY))
    assert result.plan["subject"] == ANNIVERSARY
    assert not any("anniversary" in n.message for n in result.notes)


# --- underline --------------------------------------------------------------------------------


def test_underline_is_markup_that_renders_as_a_single_underline_and_reads_back(
    tmp_path: Path,
) -> None:
    body = (
        _para(("I. MỤC ĐÍCH, ", "b"), ("YÊU CẦU", "bu")),
        _para("Bảo đảm ", ("đúng tiến độ", "u"), ", ", ("an toàn tuyệt đối", "bu"), "."),
    )
    result = import_docx(_plan_docx(body=body))
    section = result.plan["sections"][0]
    assert section["title"].casefold() == "mục đích, ++yêu cầu++".casefold()
    text = section["text"]
    assert text == "Bảo đảm ++đúng tiến độ++, **++an toàn tuyệt đối++**."
    document = _render(result.yaml, tmp_path)
    runs = {
        run.text.strip(): run
        for p in document.paragraphs
        for run in p.runs
        if run.text.strip(" ,.")
    }
    assert runs["YÊU CẦU"].underline is True and runs["YÊU CẦU"].bold
    assert not runs["I. MỤC ĐÍCH,"].underline and runs["I. MỤC ĐÍCH,"].bold
    assert runs["đúng tiến độ"].underline is True and not runs["đúng tiến độ"].bold
    assert runs["an toàn tuyệt đối"].underline is True and runs["an toàn tuyệt đối"].bold
    assert not runs["Bảo đảm"].underline
    underlines = {u.get(f"{{{W}}}val") for u in document.element.body.iter(f"{{{W}}}u")}
    assert underlines == {"single"}
    # the author's emphasis, not a defect: antq's own render passes antq check
    assert check_docx((tmp_path / "plan.docx").read_bytes()) == []
    # and back again: the render imports to the same markup
    again = import_docx((tmp_path / "plan.docx").read_bytes())
    assert again.plan["sections"][0]["title"] == section["title"]
    assert again.plan["sections"][0]["text"] == text


def test_a_literal_marker_stays_literal_even_across_word_runs(tmp_path: Path) -> None:
    typed = "Dùng C++ và ++ hai dấu, \\+, *, ^[x], {{ y }}, a+"
    body = (
        _para(("I. MỤC ĐÍCH, YÊU CẦU", "b")),
        # Word cuts runs anywhere: «+» | «+», «{» | «{» and «+» before an underlined word
        _para("Dùng C+", "+ và +", "+ hai dấu, \\+, *, ^[x], {", "{ y }}, a+", ("b", "u"), "+c"),
    )
    result = import_docx(_plan_docx(body=body))
    assert round_trip(result.yaml).problems == []
    document = _render(result.yaml, tmp_path)
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Dùng"))
    assert paragraph.text.rstrip("./") == typed + "b+c"
    underlined = [run.text for run in paragraph.runs if run.underline]
    assert underlined == ["b"]


def test_markup_parses_underline_with_the_other_marks() -> None:
    assert parse_inline("a **b ++c++** ++d++ \\+\\+ e") == (
        Run("a "),
        Run("b ", bold=True),
        Run("c", bold=True, underline=True),
        Run(" "),
        Run("d", underline=True),
        Run(" ++ e"),
    )
    assert parse_inline("C\\++", underline=True) == (Run("C++", underline=True),)
    with pytest.raises(MarkupProblem, match=r"'\+\+' is opened but never closed.*\\\+"):
        parse_inline("a ++b")


def test_an_unclosed_underline_is_a_located_problem(tmp_path: Path) -> None:
    plan = _minimal()
    plan["sections"][0]["items"] = ["Ghi ++chưa đóng."]
    ran = _validate(plan, tmp_path)
    assert ran.exit_code == 2
    assert "sections[0].items[0]" in ran.stderr and "'++' is opened but never closed" in ran.stderr


def test_a_profiles_plus_signs_stay_literal_in_a_new_plan(tmp_path: Path) -> None:
    from antq_docs.new import write_new_plan
    from antq_docs.render import build_tree

    profile = tmp_path / "org.yaml"
    text = (ROOT / "examples" / "orgs" / "cao-bang.yaml").read_text("utf-8")
    marked = text.replace("standing_agency: Công an tỉnh", "standing_agency: Công an tỉnh ++C++")
    assert marked != text
    profile.write_text(marked, "utf-8")
    plan = tmp_path / "ke-hoach.yaml"
    write_new_plan("ngay-hoi", 2026, profile, plan)
    document, _warnings = build_tree(plan)
    runs = [run for block in document.body for run in getattr(block, "runs", ())]
    named = [run for run in runs if isinstance(run, Run) and "++C++" in run.text]
    assert named and not any(run.underline for run in runs if isinstance(run, Run))
