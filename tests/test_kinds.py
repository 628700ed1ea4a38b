"""`antq new`: every kind, for every year 2022–2030 and both example profiles, gives a plan
that validates strictly and renders with zero `antq check` findings; year-dependent values."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from antq_docs.check import check_docx
from antq_docs.cli import app
from antq_docs.kinds import KINDS
from antq_docs.kinds.calendar import year_facts
from antq_docs.new import write_new_plan
from antq_docs.render import build_tree, render_file
from antq_docs.validate import load_plan
from antq_docs.write.text import render_text

from .helpers import ROOT

ORGS = {p.stem: p for p in (ROOT / "examples" / "orgs").glob("*.yaml")}
YEARS = range(2022, 2031)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("new")


def _new(folder, kind, year, org="cao-bang"):
    target = folder / f"{kind}-{year}-{org}.yaml"
    write_new_plan(kind, year, ORGS[org], target, force=True)
    return target


PAIRS = [
    (kind, org)
    for kind in sorted(KINDS)
    for org in sorted(ORGS)
    if kind == "ngay-hoi" or not org.startswith("bcd")
]


@pytest.mark.parametrize("kind,org", PAIRS)
def test_every_year_renders_clean(kind, org, folder):
    for year in YEARS:
        plan = _new(folder, kind, year, org)
        validated = load_plan(plan, strict=True)
        assert validated.warnings == [], (year, [str(w) for w in validated.warnings])
        assert check_docx(render_file(plan).docx) == [], year


def _text(folder, kind, year, org="cao-bang") -> str:
    document, _ = build_tree(_new(folder, kind, year, org))
    return " ".join(render_text(document, markdown=True).split())


@pytest.mark.parametrize(
    "year,cand,festival",
    [(2022, 77, 17), (2024, 79, 19), (2025, 80, 20), (2026, 81, 21), (2030, 85, 25)],
)
def test_anniversaries_and_slogan(year, cand, festival, folder):
    facts = year_facts(year)
    assert (facts.cand, facts.festival) == (cand, festival)
    text = _text(folder, "ngay-hoi", year)
    assert (
        f"Nhiệt liệt chào mừng kỷ niệm {cand} năm Ngày truyền thống Công an nhân dân Việt "
        f"Nam và {festival} năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
    ) in text
    assert f"truyền thống {cand} năm xây dựng" in text
    assert f"Tổ chức Ngày hội từ ngày 01/8 đến hết ngày 19/8/{year}." in text
    assert f"báo cáo kết quả trước ngày 25/8/{year}" in text


def test_districts_before_the_reform_communes_after(folder):
    assert "UBND các huyện, thành phố" in _text(folder, "ngay-hoi", 2025)  # dated April 2025
    later = _text(folder, "ngay-hoi", 2026)
    assert "UBND các xã, phường" in later and "huyện" not in later
    assert "các xã, phường, thị trấn" in _text(folder, "ngay-hoi", 2024)
    assert "các xã, phường, thôn" in later


def test_round_anniversaries_are_celebrated_at_province_level(folder):
    round_year = _text(folder, "ky-niem", 2025)
    assert (
        "kỷ niệm 80 năm Ngày truyền thống Công an nhân dân Việt Nam (19/8/1945 - 19/8/2025)"
        in round_year
    )
    assert "**Quy mô:** Cấp tỉnh, do Ủy ban nhân dân tỉnh Cao Bằng tổ chức." in round_year
    assert "Tổ chức trọng thể các hoạt động" in round_year
    other = _text(folder, "ky-niem", 2026)
    assert "**Quy mô:** Gặp mặt truyền thống do Công an tỉnh tổ chức." in other
    assert "trọng thể" not in other


def test_commune_profile_speaks_of_its_own_units(folder):
    text = _text(folder, "ngay-hoi", 2026, "phuong-thuc-phan")
    assert "ỦY BAN NHÂN DÂN PHƯỜNG THỤC PHÁN" in text and "Số: /KH-UBND" in text.replace(
        "\u00a0", ""
    ).replace("  ", " ")
    # A phường is divided into tổ dân phố (no thôn), whose heads are given the work.
    assert "Công an phường" in text and "**Tổ trưởng các tổ dân phố:**" in text
    assert "thôn" not in text
    assert "Thục Phán, ngày" in text


def test_emulation_plan_has_lettered_criteria_timeline_and_table(folder):
    text = _text(folder, "thi-dua", 2026)
    for letter in (
        "a) **Đối với cơ quan",
        "b) **Đối với xã, phường",
        "c) **Đối với Mặt trận",
        "d) **Đối với doanh nghiệp",
        "đ) **Đối với cá nhân",
    ):
        assert letter in text
    assert "Tổng kết giai đoạn 2026 - 2030. (*Thời gian thực hiện: quý IV năm 2030*)." in text
    assert "| TT | Nội dung thi đua | Thực hiện | Đơn vị thực hiện | Chỉ tiêu định lượng |" in text
    assert "| 3.1 | Tố giác tội phạm, vi phạm pháp luật | Thường xuyên | Toàn dân | **90%**" in text
    assert "(Kèm theo Kế hoạch số" in text


def test_new_list_and_errors(tmp_path, monkeypatch):
    runner = CliRunner()
    listed = runner.invoke(app, ["new", "--list"])
    assert listed.exit_code == 0 and [line.split()[0] for line in listed.stdout.splitlines()] == [
        *KINDS,
        "bao-cao",
    ]  # the plan kinds, then the report written from a plan
    missing = runner.invoke(app, ["new", "ngay-hoi", "--no-input", "-o", str(tmp_path / "a.yaml")])
    assert missing.exit_code == 2 and "give --org" in missing.stderr
    unknown = runner.invoke(app, ["new", "hop-mat", "--org", str(ORGS["cao-bang"]), "--no-input"])
    assert unknown.exit_code == 2 and "no kind 'hop-mat'" in unknown.stderr
    out = tmp_path / "plan.yaml"
    args = ["new", "ngay-hoi", "--year", "2026", "--org", str(ORGS["cao-bang"]), "-o", str(out)]
    monkeypatch.delenv("ANTQ_PROFILES", raising=False)  # the profile's folder is not given
    assert runner.invoke(app, args + ["--no-input"]).exit_code == 0
    again = runner.invoke(app, args + ["--no-input"])
    assert again.exit_code == 3 and "already exists" in again.stderr
    # the draft, the profile it carries along and the schema for the editor (no probe file)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cao-bang.yaml",
        "plan.schema.json",
        "plan.yaml",
    ]


def test_prompts_only_in_a_terminal(tmp_path, monkeypatch):
    out = tmp_path / "plan.yaml"
    import antq_docs.cli.console

    monkeypatch.setattr(antq_docs.cli.console, "stdin_is_terminal", lambda: True)
    runner = CliRunner()
    result = runner.invoke(
        app, ["new", "--year", "2027", "-o", str(out)], input=f"ky-niem\n{ORGS['cao-bang']}\n"
    )
    assert result.exit_code == 0, result.output
    assert "Kind of plan" in result.output and "Organisation profile" in result.output
    assert "{month: 3, year: 2027}" in out.read_text("utf-8")


def test_generated_plan_points_to_its_profile_and_schema(tmp_path):
    out = ROOT / "examples" / ".tmp-new.yaml"
    try:
        write_new_plan("ngay-hoi", 2026, ORGS["cao-bang"], out, force=True)
        text = out.read_text("utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schema/plan.schema.json")
        assert '\norg: "orgs/cao-bang.yaml"\n' in text  # quoted: a folder may hold a «#»
    finally:
        out.unlink(missing_ok=True)


def test_a_steering_committee_issues_only_the_festival_plan(folder, tmp_path):
    from antq_docs.errors import PlanError

    text = _text(folder, "ngay-hoi", 2026, "bcd-cao-bang")
    assert "Ban Chỉ đạo 138 tỉnh Cao Bằng xây dựng Kế hoạch" in text
    assert "**KT. TRƯỞNG BAN CHỈ ĐẠO**" in text and "**Đại tá Nguyễn Văn C**" in text
    with pytest.raises(PlanError, match="a ky-niem plan is issued by a UBND"):
        write_new_plan("ky-niem", 2026, ORGS["bcd-cao-bang"], tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


def test_festival_plan_names_its_participants(folder):
    text = _text(folder, "ngay-hoi", 2026)
    assert "# 2.4. Thành phần tham dự" in text
    assert "Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân nơi tổ chức" in text


def test_profile_text_stays_literal_in_a_new_plan(tmp_path):
    """«Công an tỉnh # PV05», a «#» in a folder name and {{ }} in a profile: the new plan
    says exactly what the profile says, and nothing in it becomes an expression."""
    folder = tmp_path / "Hồ sơ #2"
    folder.mkdir()
    profile = folder / "org.yaml"
    text = (
        ORGS["cao-bang"]
        .read_text("utf-8")
        .replace(
            "standing_agency: Công an tỉnh", 'standing_agency: "Công an tỉnh # PV05 {{ 7*7 }}"'
        )
    )
    assert "# PV05" in text
    profile.write_text(text, "utf-8")
    plan = tmp_path / "ke-hoach.yaml"
    write_new_plan("ngay-hoi", 2026, profile, plan)
    from antq_docs.render import build_tree
    from antq_docs.write.text import render_text

    document, _ = build_tree(plan)
    preview = render_text(document, markdown=True)
    assert "Công an tỉnh # PV05 {{ 7*7 }}" in preview and "49" not in preview


def test_a_draft_written_elsewhere_carries_its_profile_and_renders(tmp_path, monkeypatch):
    """antq render reads profiles only from the plan's folder (and the folders it is given):
    `antq new -o` into another folder copies the profile beside the draft, once."""
    monkeypatch.delenv("ANTQ_PROFILES", raising=False)  # no folder given: the copy is needed
    folder = tmp_path / "van-ban"
    folder.mkdir()
    plan = folder / "ke-hoach.yaml"
    result = CliRunner().invoke(
        app,
        [
            "new",
            "ngay-hoi",
            "--year",
            "2026",
            "--org",
            str(ORGS["cao-bang"]),
            "-o",
            str(plan),
            "--no-input",
        ],
    )
    assert result.exit_code == 0, result.output
    copy = folder / ORGS["cao-bang"].name
    assert copy.read_bytes() == ORGS["cao-bang"].read_bytes()
    assert 'org: "cao-bang.yaml"' in plan.read_text("utf-8")
    rendered = CliRunner().invoke(app, ["render", str(plan)])
    assert rendered.exit_code == 0, rendered.output
    # a different profile of the same name beside the plan is never replaced
    copy.write_text("# the office's own profile\n", "utf-8")
    again = CliRunner().invoke(
        app,
        [
            "new",
            "ngay-hoi",
            "--year",
            "2026",
            "--org",
            str(ORGS["cao-bang"]),
            "-o",
            str(folder / "khac.yaml"),
            "--no-input",
        ],
    )
    assert again.exit_code == 3
    assert copy.read_text("utf-8") == "# the office's own profile\n"
    assert not (folder / "khac.yaml").exists()
