"""Drafts in the clerk's own folder (issue 18) and the folders a plan may name (issue 19):
`antq new` leaves a schema VS Code can read beside the draft, lines for the văn thư, a
prompt that asks again; commune drafts carry out the province's plan and give work to the
units a commune has; provinces in Vietnamese alphabetical order; `--profiles DIR` on every
command that reads plans; a plan's footnotes and cells capped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from antq_docs.cli import app

from .helpers import FIXTURES, ROOT

ORGS = ROOT / "examples" / "orgs"
WARD = ORGS / "phuong-thuc-phan.yaml"
BASIS = "123/KH-UBND ngày 15/3/2026 của UBND tỉnh Cao Bằng"


def run(*args, input: str | None = None):
    from antq_docs.i18n import use_language

    try:
        return CliRunner().invoke(app, [str(a) for a in args], input=input)
    finally:
        use_language("en")  # `--lang vi` sets the process's language: the next tests read English


def _new(folder: Path, *extra, kind="ngay-hoi", org=ORGS / "cao-bang.yaml", name="ke-hoach.yaml"):
    target = folder / name
    result = run("new", kind, "--year", 2026, "--org", org, "-o", target, "--no-input", *extra)
    assert result.exit_code == 0, result.output
    return target, result


def _preview(plan: Path) -> str:
    from antq_docs.render import build_tree
    from antq_docs.write.text import render_text

    document, _warnings = build_tree(plan)
    return " ".join(render_text(document, markdown=True).split())


# -- the schema beside the draft ------------------------------------------------------------
def test_a_draft_outside_the_project_names_antqs_schema_written_beside_it(tmp_path):
    from antq_docs.model.schema import schema_dict, schema_json
    from antq_docs.new import PLAN_SCHEMA_ID

    plan, result = _new(tmp_path)
    schema = tmp_path / "plan.schema.json"
    assert plan.read_text("utf-8").startswith("# yaml-language-server: $schema=plan.schema.json\n")
    assert schema.read_text("utf-8") == schema_json("plan")
    assert schema_dict()["$id"] == PLAN_SCHEMA_ID  # how antq knows its own file again
    assert "plan.schema.json" in result.stdout


def test_a_schema_antq_did_not_write_is_never_replaced(tmp_path):
    schema = tmp_path / "plan.schema.json"
    schema.write_text('{"title": "the office\'s own schema"}', "utf-8")
    plan, result = _new(tmp_path)
    assert schema.read_text("utf-8") == '{"title": "the office\'s own schema"}'
    assert "$schema" not in plan.read_text("utf-8")
    assert "not written by antq" in result.stdout


def test_antqs_own_older_schema_is_brought_up_to_date(tmp_path):
    from antq_docs.model.schema import schema_json
    from antq_docs.new import PLAN_SCHEMA_ID

    schema = tmp_path / "plan.schema.json"
    schema.write_text(json.dumps({"$id": PLAN_SCHEMA_ID, "title": "last year"}), "utf-8")
    _new(tmp_path)
    assert schema.read_text("utf-8") == schema_json("plan")


def test_inside_the_project_the_committed_schema_is_named_and_none_is_written():
    folder = ROOT / "examples"
    target = folder / ".tmp-drafts-folder.yaml"
    try:
        _new(folder, name=target.name)
        assert target.read_text("utf-8").startswith(
            "# yaml-language-server: $schema=../schema/plan.schema.json\n"
        )
        assert not (folder / "plan.schema.json").exists()
    finally:
        target.unlink(missing_ok=True)


# -- the lines left for the văn thư ------------------------------------------------------------
def test_the_number_and_date_lines_for_the_van_thu_work_once_uncommented(tmp_path):
    target = tmp_path / "ke-hoach.yaml"
    args = ["--lang", "vi", "new", "ngay-hoi", "--year", 2026, "--org", ORGS / "cao-bang.yaml"]
    assert run(*args, "-o", target, "--no-input").exit_code == 0
    text = target.read_text("utf-8")
    assert "  # number: 123  # văn thư ghi số khi ban hành\n" in text
    assert "  # date: 15/4/2026  # văn thư ghi ngày ký ban hành, thay cho dòng dưới\n" in text
    issued = text.replace("  # number: 123", "  number: 123").replace(
        "  # date: 15/4/2026", "  date: 15/4/2026"
    )
    issued = issued.replace("  date: {month: 4, year: 2026}\n", "")
    target.write_text(issued, "utf-8")
    shown = _preview(target)
    assert "Số: 123/KH-UBND" in shown and "Cao Bằng, ngày 15 tháng 4 năm 2026" in shown


# -- the prompt -------------------------------------------------------------------------------
@pytest.fixture
def terminal(monkeypatch):
    import antq_docs.cli.console

    monkeypatch.setattr(antq_docs.cli.console, "stdin_is_terminal", lambda: True)


def test_a_wrong_kind_is_asked_again_with_the_nearest_one_and_the_year_is_asked(tmp_path, terminal):
    target = tmp_path / "ke-hoach.yaml"
    answers = f"ngay-hôi\nngay-hoi\n{ORGS / 'cao-bang.yaml'}\n1990\n2027\n"
    result = run("--lang", "vi", "new", "-o", target, input=answers)
    assert result.exit_code == 0, result.output
    assert "có phải ý bạn là 'ngay-hoi'" in result.output
    assert "Năm của kế hoạch" in result.output
    assert "1990: hãy ghi một năm từ 2006 đến 2100" in result.output
    assert "{month: 4, year: 2027}" in target.read_text("utf-8")


def test_a_wrong_kind_on_the_command_line_is_asked_again_at_a_terminal(tmp_path, terminal):
    target = tmp_path / "ke-hoach.yaml"
    answers = f"thi-dua\n{ORGS / 'cao-bang.yaml'}\n\n"  # Enter: this year
    result = run("new", "thi-đua", "-o", target, input=answers)
    assert result.exit_code == 0, result.output
    assert "did you mean 'thi-dua'?" in result.output
    import datetime

    year = datetime.date.today().year
    assert f"giai đoạn {year} - {year + 4}" in target.read_text("utf-8")


def test_a_missing_profile_is_asked_again_and_three_wrong_years_end_the_prompt(tmp_path, terminal):
    target = tmp_path / "ke-hoach.yaml"
    answers = f"ngay-hoi\nkhong-co.yaml\n{ORGS / 'cao-bang.yaml'}\n1990\nabc\n2200\n"
    result = run("new", "-o", target, input=answers)
    assert "khong-co.yaml: no such file" in result.output
    assert result.exit_code == 2 and "2200: write a year from 2006 to 2100" in result.output
    assert not target.exists()


def test_no_input_never_asks(tmp_path):
    result = run("new", "ngay-hôi", "--org", ORGS / "cao-bang.yaml", "--no-input")
    assert result.exit_code == 2
    assert "no kind 'ngay-hôi'; did you mean 'ngay-hoi'?" in result.stderr
    assert "Kind of plan" not in result.output


# -- a commune's draft -----------------------------------------------------------------------
def test_a_commune_draft_carries_out_the_provinces_plan_given_with_basis(tmp_path):
    plan, _result = _new(tmp_path, "--basis", BASIS, org=WARD)
    shown = _preview(plan)
    assert (
        "*Thực hiện Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Cao Bằng về tổ chức "
        "“Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2026.*"
    ) in shown


def test_without_basis_a_commune_draft_still_names_the_provinces_plan(tmp_path):
    plan, _result = _new(tmp_path, kind="thi-dua", org=WARD)
    text = plan.read_text("utf-8")
    assert "--basis" in text  # the comment says how to give the number and date
    assert "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Cao Bằng về phát động" in _preview(plan)


@pytest.mark.parametrize(
    "given,message",
    [
        ("Kế hoạch của tỉnh", "write the number, the date and the issuer"),
        ("12/KH-UBND ngày 31/2/2026 của UBND tỉnh Cao Bằng", "31/2/2026 is not a real date"),
        ("12/XYZ-UBND ngày 1/3/2026 của UBND tỉnh Cao Bằng", "'XYZ' is not a document type"),
    ],
)
def test_a_basis_antq_cannot_read_says_what_to_write(tmp_path, given, message):
    target = tmp_path / "ke-hoach.yaml"
    result = run("new", "ngay-hoi", "--org", WARD, "-o", target, "--no-input", "--basis", given)
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert not target.exists()


def test_basis_reads_the_type_and_subject_when_written():
    from antq_docs.kinds.basis import parse_basis

    basis = parse_basis(
        "Kế hoạch số 45/KH-BCĐ ngày 02/4/2026 của Ban Chỉ đạo 138 tỉnh về Ngày hội năm 2026"
    )
    assert basis == {
        "verb": "Thực hiện",
        "type": "Kế hoạch",
        "number": "45/KH-BCĐ",
        "date": "02/4/2026",
        "issuer": "Ban Chỉ đạo 138 tỉnh",
        "subject": "về Ngày hội năm 2026",
    }
    assert parse_basis("7/QĐ-UBND ngày 1/2/2026 của UBND tỉnh Cao Bằng")["type"] == "Quyết định"


COMMUNE_UNITS = {
    "phường": (
        "Ban Chỉ huy quân sự phường",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        "Các trường học trên địa bàn phường",
        "Tổ trưởng các tổ dân phố",
    ),
    "xã": (
        "Ban Chỉ huy quân sự xã",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "Các trường học trên địa bàn xã",
        "Trưởng các thôn",
    ),
    "đặc khu": ("Ban Chỉ huy quân sự đặc khu", "Các trường học trên địa bàn đặc khu"),
}


def _commune_profile(folder: Path, kind: str) -> Path:
    """The ward's profile made a xã's or a đặc khu's, without the Mặt trận in its Nơi nhận:
    the draft must add the units it gives work to."""
    text = WARD.read_text("utf-8").replace("  - Ủy ban MTTQ Việt Nam phường\n", "")
    if kind == "xã":
        text = text.replace("PHƯỜNG THỤC PHÁN", "XÃ HÒA AN").replace(
            "Phường Thục Phán", "Xã Hòa An"
        )
        text = text.replace("phường Thục Phán", "xã Hòa An").replace(
            "place: Thục Phán", "place: Hòa An"
        )
        text = text.replace("Công an phường", "Công an xã").replace("Đảng ủy phường", "Đảng ủy xã")
    if kind == "đặc khu":
        text = text.replace("PHƯỜNG THỤC PHÁN", "ĐẶC KHU CÔ TÔ").replace(
            "Phường Thục Phán", "Đặc khu Cô Tô"
        )
        text = text.replace("phường Thục Phán", "đặc khu Cô Tô").replace(
            "place: Thục Phán", "place: Cô Tô"
        )
        text = text.replace("province: Cao Bằng", "province: Quảng Ninh").replace(
            "Cao Bằng", "Quảng Ninh"
        )
        text = text.replace("Công an phường", "Công an đặc khu")
    profile = folder / "org.yaml"
    profile.write_text(text, "utf-8")
    return profile


@pytest.mark.parametrize("kind", ["ngay-hoi", "ky-niem", "thi-dua"])
@pytest.mark.parametrize("commune", ["phường", "xã", "đặc khu"])
def test_a_commune_draft_gives_work_to_the_units_a_commune_has(tmp_path, kind, commune):
    from antq_docs.validate import load_plan

    plan, _result = _new(tmp_path, kind=kind, org=_commune_profile(tmp_path, commune))
    validated = load_plan(plan, strict=True)  # every unit given work is in Nơi nhận
    assert validated.warnings == [], [str(w) for w in validated.warnings]
    shown = _preview(plan)
    place = shown.index("Nơi nhận")
    for unit in COMMUNE_UNITS[commune]:
        assert f"**{unit}:**" in shown or f"**Đề nghị {unit}:**" in shown, unit
    reached = shown[place:]
    for unit in COMMUNE_UNITS[commune]:
        assert unit.replace("Mặt trận Tổ quốc", "MTTQ") in reached, unit


def test_a_unit_the_profile_lists_already_is_not_listed_twice(tmp_path):
    plan, _result = _new(
        tmp_path, org=WARD
    )  # the ward's profile lists «Ủy ban MTTQ Việt Nam phường»
    shown = _preview(plan)
    assert shown.count("- Ủy ban MTTQ Việt Nam phường;") == 1


# -- Vietnamese alphabetical order -----------------------------------------------------------
def test_vietnamese_order_letters_first_then_tones():
    from antq_docs.collation import vietnamese_key

    words = ["mạ", "mb", "mâ", "má", "mã", "mả", "mà", "ma", "mă", "đa", "da", "Ea", "dz"]
    assert sorted(words, key=vietnamese_key) == [
        "da",
        "dz",
        "đa",
        "Ea",
        "ma",
        "mà",
        "mả",
        "mã",
        "má",
        "mạ",
        "mă",
        "mâ",
        "mb",
    ]
    assert sorted(["Cao Bằng", "Cà Mau"], key=vietnamese_key) == ["Cà Mau", "Cao Bằng"]


def test_places_lists_the_provinces_in_vietnamese_order():
    result = run("places")
    names = result.stdout.splitlines()
    assert len(names) == 34 and names[:4] == ["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng"]
    assert names.index("Thành phố Cần Thơ") == 4  # a thành phố under its own name
    assert names.index("Thành phố Đà Nẵng") < names.index("Đắk Lắk") < names.index("Gia Lai")
    assert names.index("Lạng Sơn") < names.index("Lào Cai") < names.index("Lâm Đồng")
    assert names[-1] == "Vĩnh Long"


# -- --profiles ------------------------------------------------------------------------------
@pytest.fixture
def shared(tmp_path, monkeypatch):
    """A plan in plans/ that names a profile in shared/: a folder antq is not given."""
    monkeypatch.delenv("ANTQ_PROFILES", raising=False)
    (tmp_path / "shared").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "shared" / "org.yaml").write_text(
        (ORGS / "bcd-cao-bang.yaml").read_text("utf-8"), "utf-8"
    )
    plan = tmp_path / "plans" / "ke-hoach.yaml"
    minimal = (FIXTURES / "minimal.yaml").read_text("utf-8")
    plan.write_text("org: ../shared/org.yaml\n" + minimal, "utf-8")
    return plan


def test_every_command_that_reads_plans_takes_profiles():
    import typer.main

    group = typer.main.get_command(app)
    for name in ("render", "validate", "test", "new", "import", "batch"):
        options = {o for p in group.commands[name].params for o in p.opts}
        assert "--profiles" in options, name


def test_validate_and_render_read_a_profile_only_in_a_folder_they_are_given(shared):
    refused = run("validate", shared)
    assert refused.exit_code == 2 and "outside the plan's folder" in refused.stderr
    assert "--profiles" in refused.stderr  # what to do instead
    assert run("validate", shared, "--profiles", shared.parent.parent / "shared").exit_code == 0
    out = shared.with_suffix(".docx")
    rendered = run("render", shared, "--profiles", shared.parent.parent / "shared", "-o", out)
    assert rendered.exit_code == 0 and out.is_file(), rendered.output
    assert "ANTQ_PROFILES" not in os.environ  # the folders were given for one command only


def test_profiles_are_searched_with_those_of_the_variable(shared, monkeypatch):
    monkeypatch.setenv("ANTQ_PROFILES", str(FIXTURES))
    given = shared.parent.parent / "shared"
    assert run("validate", shared, "--profiles", given).exit_code == 0
    assert os.environ["ANTQ_PROFILES"] == str(FIXTURES)


def test_profiles_must_be_a_folder(shared):
    result = run("validate", shared, "--profiles", shared)
    assert result.exit_code == 2 and "is not a folder" in result.output


def test_new_names_a_profile_in_a_given_folder_without_copying_it(shared):
    folder = shared.parent
    profile = folder.parent / "shared" / "org.yaml"
    target = folder / "moi.yaml"
    given = ("--profiles", folder.parent / "shared")
    result = run("new", "ngay-hoi", "--org", profile, "-o", target, "--no-input", *given)
    assert result.exit_code == 0, result.output
    assert 'org: "../shared/org.yaml"' in target.read_text("utf-8")
    assert not (folder / "org.yaml").exists()
    assert run("validate", target, *given).exit_code == 0


def test_a_table_batch_takes_the_base_plans_folder_with_profiles(tmp_path, monkeypatch):
    monkeypatch.delenv("ANTQ_PROFILES", raising=False)
    out = tmp_path / "out"
    args = ["batch", FIXTURES / "batch" / "schools.csv", "--plan", FIXTURES / "batch" / "base.yaml"]
    refused = run(*args, "-o", out, "-j", 1)
    assert refused.exit_code == 2 and "outside the plan's folder" in refused.output
    result = run(*args, "-o", out, "-j", 1, "--profiles", FIXTURES)
    assert result.exit_code == 0, result.output
    rows = (FIXTURES / "batch" / "schools.csv").read_text("utf-8").strip().splitlines()[1:]
    assert len(list(out.glob("*.docx"))) == len(rows)


# -- a plan's footnotes and cells ------------------------------------------------------------
def _plan_with(tmp_path, items: str, extra: str = "") -> Path:
    minimal = (FIXTURES / "minimal.yaml").read_text("utf-8")
    text = minimal.replace("      - Nâng cao ý thức, trách nhiệm của cán bộ và Nhân dân.\n", items)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text + extra, "utf-8")
    return plan


def test_a_plan_holds_up_to_1000_footnotes_and_no_more(tmp_path):
    from antq_docs.errors import PlanError
    from antq_docs.validate import load_plan

    def items(counts):
        return "".join(f'      - "{"a^[n] " * count}"\n' for count in counts)

    load_plan(_plan_with(tmp_path, items([500, 500])))
    with pytest.raises(PlanError) as refused:
        load_plan(_plan_with(tmp_path, items([500, 500, 1])))
    (problem,) = refused.value.problems
    assert problem.path == "sections[0].items[2]" and problem.line == 17
    assert "more than 1,000 footnotes" in problem.message
    # an escaped mark is no footnote; a `vars` text counts where it is printed
    load_plan(_plan_with(tmp_path, items([1000]).replace("a^[n]", "a\\\\^[n]", 1) + items([1])))
    aliased = '      - &t "{{ vars.t }}"\n' + "      - *t\n" * 3
    extra = 'vars:\n  t: "' + "a^[n] " * 300 + '"\n'
    with pytest.raises(PlanError, match="more than 1,000 footnotes"):
        load_plan(_plan_with(tmp_path, aliased, extra))


def test_a_plans_tables_hold_up_to_20000_cells(tmp_path):
    from antq_docs.errors import PlanError
    from antq_docs.validate import load_plan

    def appendix(rows: int) -> str:
        cells = ", ".join(["x"] * 100)
        return (
            "appendices:\n  - title: Bảng\n    table:\n      columns: ["
            + cells
            + "]\n      rows:\n        - &row ["
            + cells
            + "]\n"
            + "        - *row\n" * (rows - 1)
        )

    item = "      - Nâng cao ý thức.\n"
    assert load_plan(_plan_with(tmp_path, item, appendix(200))).plan.appendices
    with pytest.raises(PlanError) as refused:
        load_plan(_plan_with(tmp_path, item, appendix(201)))
    (problem,) = refused.value.problems
    assert problem.path == "appendices[0].table" and "more than 20,000 cells" in problem.message
