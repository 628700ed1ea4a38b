"""The báo cáo kết quả a plan asks of its units (`antq new bao-cao`, `antq batch bao-cao`):
every unit with work gets a report that validates and renders with zero `antq check`
findings; each assignment is reported once, in section II and in the table; Kính gửi in both
layouts; the summary has a line per (unit, assignment); wrong input is refused, located."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from docx import Document as open_docx
from typer.testing import CliRunner

from antq_docs.batch.reports import write_reports
from antq_docs.check import check_docx
from antq_docs.check.locate import locate
from antq_docs.cli import app
from antq_docs.inspect import read_docx
from antq_docs.kinds import KINDS
from antq_docs.new import write_new_plan
from antq_docs.render import render_file
from antq_docs.report.skeleton import Result
from antq_docs.report.write import read_plan
from antq_docs.validate import load_plan
from antq_docs.validate.assignments import assignments_of, open_groups, working_units
from antq_docs.validate.report_lint import plan_folder

from .helpers import ROOT

ORGS = {p.stem: p for p in (ROOT / "examples" / "orgs").glob("*.yaml")}
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
KIND_PLANS = [
    (kind, org)
    for kind in sorted(KINDS)
    for org in sorted(ORGS)
    if kind == "ngay-hoi" or not org.startswith("bcd")
]
runner = CliRunner()


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    """Every example plan and every kind × profile plan (2026), each in its own folder."""
    folder = tmp_path_factory.mktemp("plans")
    found = {}
    for path in EXAMPLES:
        copy = folder / path.stem / path.name
        copy.parent.mkdir()
        shutil.copy(path, copy)
        found[path.stem] = copy
    for kind, org in KIND_PLANS:
        target = folder / f"{kind}-{org}" / "ke-hoach.yaml"
        target.parent.mkdir()
        write_new_plan(kind, 2026, ORGS[org], target, force=True)
        found[f"{kind}-{org}"] = target
    return found


@pytest.fixture(scope="module")
def written(plans):
    """Each plan's reports, written by the batch without results, and the summary."""
    out = {}
    for name, plan in plans.items():
        source = read_plan(plan)
        outcome = write_reports(source, {}, plan.parent / "out", consolidate=True)
        out[name] = (source, outcome)
    return out


@pytest.mark.parametrize(
    "name",
    [p.stem for p in EXAMPLES]
    # the kind × profile plans read back every report: the slow tier
    + [pytest.param(f"{k}-{o}", marks=pytest.mark.slow) for k, o in KIND_PLANS],
)
def test_every_unit_with_work_gets_a_clean_report(name, written):
    source, outcome = written[name]
    units = [u for u in working_units(source.plan, source.province) if u not in outcome.skipped]
    assert units and outcome.failed == [], outcome.failed
    assert outcome.warnings == [], [str(w) for w in outcome.warnings]
    assert len(outcome.written) == len(units) + 1  # and the summary
    for docx in outcome.written:
        report = docx.with_suffix(".yaml")
        with plan_folder(source.path.parent):  # as `--profiles FOLDER` gives it
            validated = load_plan(report)
        assert validated.plan.type == "BC"
        assert validated.warnings == [], [str(w) for w in validated.warnings]
        assert check_docx(docx) == [], docx.name


def test_groups_become_their_members(written):
    source, outcome = written["ngay-hoi-cao-bang"]
    units = working_units(source.plan, source.province)
    communes = [u for u in units if u.startswith(("UBND xã", "UBND phường"))]
    assert len(communes) == 56  # «UBND các xã, phường» of Cao Bằng, from the list of places
    assert "UBND các xã, phường" not in units
    assert (source.path.parent / "out" / "bao-cao-ubnd-xa-minh-khai.docx").is_file()
    # «Các sở, ban, ngành, đoàn thể tỉnh» names no members: each sở reports by name
    assert open_groups(source.plan, source.province) == outcome.skipped != []
    assert [a.ref for a in assignments_of("Sở Tài chính", source.plan)] == ["III.2"]


def _section(document, start: str, end: str) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    first = next(i for i, t in enumerate(texts) if t.startswith(start))
    last = next(i for i, t in enumerate(texts) if i > first and t.startswith(end))
    return texts[first + 1 : last]


@pytest.mark.parametrize("name", ["cao-bang-2024-ky-niem-80-nam-cand", "ngay-hoi-cao-bang"])
def test_each_assignment_once_in_section_two_and_in_the_table(name, written):
    source, outcome = written[name]
    for docx in outcome.written[:-1]:
        unit = load_plan(docx.with_suffix(".yaml")).plan
        assert unit.answers is not None
        refs = [a.ref for a in assignments_of(unit.answers.unit, source.plan, source.province)]
        document = open_docx(docx)
        second = " ".join(_section(document, "II. KẾT QUẢ", "III. ĐÁNH GIÁ"))
        table = document.tables[-1]
        cells = [row.cells[1].text for row in table.rows[1:]]
        assert len(table.rows) - 1 == len(refs), docx.name
        assert table.rows[0].cells[1].text == "Nhiệm vụ theo Kế hoạch"
        for ref in refs:
            assert len(re.findall(rf"\(mục {re.escape(ref)} của Kế hoạch[;)]", second)) == 1
            assert sum(cell.endswith(f"(mục {ref})") for cell in cells) == 1, (docx.name, ref)


def test_the_summary_has_a_line_per_unit_and_assignment(tmp_path, plans):
    plan = plans["cao-bang-2024-ky-niem-80-nam-cand"]
    source = read_plan(plan)
    results = {
        "sở tài chính": {"V.10": Result("Bố trí 500 triệu đồng", "Hoàn thành", "", "Sở Tài chính")}
    }
    outcome = write_reports(source, results, tmp_path, consolidate=True)
    assert outcome.failed == []
    summary = open_docx(tmp_path / "bao-cao-tong-hop.docx")
    pairs = [
        (unit, a.ref)
        for unit in working_units(source.plan)
        for a in assignments_of(unit, source.plan)
    ]
    rows = summary.tables[-1].rows[1:]
    assert len(rows) == len(pairs) == 17
    assert sorted((r.cells[2].text, r.cells[1].text.rsplit("(mục ", 1)[1][:-1]) for r in rows) == (
        sorted(pairs)
    )
    lines = _section(summary, "II. KẾT QUẢ", "III. ĐÁNH GIÁ")
    units = [line for line in lines if line.startswith("- ")]
    assert len(units) == len(pairs)
    assert "- Sở Tài chính: Bố trí 500 triệu đồng (hoàn thành)." in lines
    assert "- Sở Nội vụ: chưa báo cáo." in lines
    # this plan names no recipient «để b/cáo»: the summary has no Kính gửi
    assert locate(read_docx(tmp_path / "bao-cao-tong-hop.docx")).addressees == []


def test_the_summary_is_sent_to_the_plans_upward_recipients(written):
    source, outcome = written["ngay-hoi-cao-bang"]
    summary = outcome.written[-1]
    assert summary.name == "bao-cao-tong-hop.docx"
    parts = locate(read_docx(summary))
    assert [p.text for p in parts.addressees] == [
        "Kính gửi:",
        "- Bộ Công an;",
        "- Thường trực Tỉnh ủy;",
        "- Thường trực HĐND tỉnh.",
    ]
    assert [p.text for p in parts.recipients] == ["- Như trên;", "- Lưu: VT, NC."]


def _report(tmp_path, addressees: list[str], kind: str = "BC"):
    plan = tmp_path / "bao-cao.yaml"
    plan.write_text(
        f"""
issuer: {{name: SỞ TÀI CHÍNH, short_name: Sở Tài chính, symbol: BC-STC, place: Cao Bằng,
         date: 12/8/2026}}
type: {kind}
subject: Kết quả thực hiện Kế hoạch số 05/KH-UBND
addressees: {addressees}
sections: [{{title: Kết quả, text: Đã thực hiện.}}]
recipients: [Như trên]
signature: {{titles: [GIÁM ĐỐC], name: Nguyễn Văn B}}
""",
        "utf-8",
    )
    return plan


@pytest.mark.parametrize(
    "names,lines",
    [
        (["Công an tỉnh"], ["Kính gửi: Công an tỉnh."]),
        (
            ["Công an tỉnh", "Ủy ban nhân dân tỉnh", "Sở Nội vụ"],
            ["Kính gửi:", "- Công an tỉnh;", "- Ủy ban nhân dân tỉnh;", "- Sở Nội vụ."],
        ),
    ],
)
def test_kinh_gui_in_both_layouts_passes_check(tmp_path, names, lines):
    docx = render_file(_report(tmp_path, names)).docx
    assert check_docx(docx) == []
    parts = locate(read_docx(docx))
    assert [p.text for p in parts.addressees] == lines
    assert parts.body[0].text == "I. KẾT QUẢ"  # Kính gửi is not read as the body
    paragraphs = {p.text: p for p in open_docx(__import__("io").BytesIO(docx)).paragraphs}
    if len(names) == 1:
        assert paragraphs[lines[0]].alignment == 1  # centred
    else:
        label = paragraphs["Kính gửi:"].paragraph_format.left_indent
        dash = paragraphs[lines[1]].paragraph_format
        # the dash under the colon: the text starts further right, the dash hangs before it
        assert dash.left_indent > label and dash.first_line_indent < 0
        assert dash.left_indent + dash.first_line_indent > label


def test_a_ke_hoach_has_no_kinh_gui(tmp_path):
    plan = _report(tmp_path, ["Công an tỉnh"], kind="KH")
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 2
    assert re.search(r"bao-cao\.yaml:6:\d+: .*a Kế hoạch has no «Kính gửi»", result.output)


@pytest.fixture()
def cycle(tmp_path):
    plan = tmp_path / "ke-hoach.yaml"
    shutil.copy(ROOT / "examples" / "bac-giang-2024-ngay-hoi-bcd.yaml", plan)
    return plan


def test_new_bao_cao_writes_one_units_report(cycle):
    target = cycle.parent / "bao-cao.yaml"
    result = runner.invoke(
        app,
        ["new", "bao-cao", "--from", str(cycle), "--unit", "Sở Tài chính", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    report = load_plan(target)
    assert report.warnings == []
    plan = report.plan
    assert (plan.type, plan.addressees) == ("BC", ["Thường trực Ban Chỉ đạo tỉnh"])
    assert plan.subject.startswith("Kết quả thực hiện Kế hoạch số …/KH-BCĐ ngày …/4/2024 của")
    assert plan.subject.endswith("về tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2024")
    assert [s.title for s in plan.sections] == [
        "Công tác chỉ đạo, triển khai",
        "Kết quả thực hiện",
        "Đánh giá chung",
        "Phương hướng, nhiệm vụ thời gian tới",
        "Đề xuất, kiến nghị",
    ]
    assert [i.ref for i in plan.sections[1].items] == ["III.4"]
    assert [r.name for r in plan.recipients] == ["Như trên", "Ban Chỉ đạo tỉnh Bắc Giang"]
    assert plan.filing.units == ["VT", "STC"]
    assert (plan.issuer.date.month, plan.issuer.date.year) == (5, 2024)  # the deadline's
    assert plan.appendices[0].orientation == "landscape"
    assert check_docx(render_file(target).docx) == []


def test_chu_tri_first_then_phoi_hop(plans):
    plan = load_plan(plans["cao-bang-2024-ky-niem-80-nam-cand"]).plan
    roles = [a.role for a in assignments_of("Công an tỉnh", plan)]
    assert roles == sorted(roles, key=lambda role: role != "chủ trì")


def test_the_plans_own_outline_wins(cycle):
    text = cycle.read_text("utf-8").replace(
        "\nclosing:",
        """
  - title: Dự phòng
    text: Nội dung.
appendices:
  - title: Đề cương báo cáo
    items:
      - title: Đặc điểm tình hình
        text: Nêu khái quát.
      - title: Kết quả tổ chức Ngày hội
      - title: Kiến nghị
closing:""",
        1,
    )
    cycle.write_text(text, "utf-8")
    target = cycle.parent / "bao-cao.yaml"
    args = ["new", "bao-cao", "--from", str(cycle), "--unit", "Sở Nội vụ", "-o", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    plan = load_plan(target).plan
    assert [s.title for s in plan.sections] == [
        "Đặc điểm tình hình",
        "Kết quả tổ chức Ngày hội",
        "Kiến nghị",
    ]
    assert [i.ref for i in plan.sections[1].items] == ["III.3"]


@pytest.mark.parametrize(
    "args,message",
    [
        ([], "give --from with the plan the report answers"),
        (
            ["--unit", "Sở Tài chánh"],
            "the plan gives 'Sở Tài chánh' no work; did you mean 'Sở Tài chính'?",
        ),
        (
            ["--period", "13/2026", "--unit", "Sở Nội vụ"],
            "--period 13/2026: write a month as 8/2026",
        ),
        ([], "the plan gives work to 7 units; choose one with --unit"),
    ],
)
def test_new_bao_cao_refuses_with_a_sentence(cycle, args, message):
    given = ["--from", str(cycle)] if "--from" not in message else []
    result = runner.invoke(
        app, ["new", "bao-cao", *given, *args, "-o", str(cycle.parent / "b.yaml")]
    )
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not (cycle.parent / "b.yaml").exists()


def _lint(cycle, edit):
    target = cycle.parent / "bao-cao.yaml"
    args = ["new", "bao-cao", "--from", str(cycle), "--unit", "Công an tỉnh", "-o", str(target)]
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    target.write_text(edit(target.read_text("utf-8")), "utf-8")
    return runner.invoke(app, ["validate", str(target)]), runner.invoke(
        app, ["validate", "--strict", str(target)]
    )


def test_a_missing_or_repeated_assignment_is_a_warning(cycle):
    plain, strict = _lint(cycle, lambda text: text.replace("ref: III.1", "ref: III.2"))
    assert plain.exit_code == 0 and strict.exit_code == 2
    output = " ".join(plain.output.split())
    assert "the plan gives 'Công an tỉnh' no work at III.2; its work is at III.1" in output
    assert "the plan's item III.1 (chủ trì:" in output and "[LINT-REPORT-COVERAGE]" in output

    def twice(text):
        data = yaml.safe_load(text)
        results = data["sections"][1]["items"]
        results.append(dict(results[0]))
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

    plain, _strict = _lint(cycle, twice)
    assert re.search(r"III\.1 is reported twice, here and on line \d+", plain.output)


def test_a_report_dated_after_the_deadline_is_a_warning(cycle):
    plain, strict = _lint(cycle, lambda text: text.replace("month: 5", "month: 6", 1))
    assert strict.exit_code == 2
    assert re.search(
        r"bao-cao\.yaml:\d+:\d+: warning: issuer\.date"
        r".*dated after 10/5/2024.*\[LINT-REPORT-DATE\]",
        " ".join(plain.output.split()),
    )


def test_the_batch_reads_the_results_table(cycle):
    table = cycle.parent / "ket-qua.csv"
    table.write_text(
        "Đơn vị;Mục;Kết quả;Tiến độ;Ghi chú\n"
        "Sở Tài chính;III.4;Đã bố trí 200 triệu đồng;hoàn thành;\n"
        "Sở Nội vụ;III.3;Đã thẩm định hồ sơ;Đang thực hiện;Còn 2 hồ sơ\n",
        "utf-8",
    )
    out = cycle.parent / "out"
    args = ["batch", "bao-cao", "--from", str(cycle), "--results", str(table), "-o", str(out)]
    result = runner.invoke(app, [*args, "--consolidate"])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.docx"))) == 8
    document = open_docx(out / "bao-cao-so-tai-chinh.docx")
    row = [c.text for c in document.tables[-1].rows[1].cells]
    assert row[4:6] == ["Đã bố trí 200 triệu đồng", "Hoàn thành"]
    # run again: untouched reports are replaced; one the clerk filled in is not
    edited = out / "bao-cao-so-noi-vu.yaml"
    edited.write_text(edited.read_text("utf-8").replace("text: …", "text: Đã xong.", 1), "utf-8")
    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert "Sở Nội vụ: not written" in " ".join(again.output.split())
    assert "Đã xong." in edited.read_text("utf-8")


@pytest.mark.parametrize(
    "row,where,message",
    [
        ("Sở Tài chánh;III.4;x;Hoàn thành", ":3:1:", "'Sở Tài chánh' has no work in the plan"),
        ("Sở Tài chính;III.9;x;Hoàn thành", ":3:14:", "Sở Tài chính has no work at 'III.9'"),
        ("Sở Tài chính;III.4;x;Xong", ":3:22:", "write the progress as one of: Hoàn thành;"),
        ("Sở Nội vụ;III.3;x;Hoàn thành", ":3:11:", "Sở Nội vụ, III.3 has a row already"),
    ],
)
def test_a_wrong_results_row_is_located_and_nothing_is_written(cycle, row, where, message):
    table = cycle.parent / "ket-qua.csv"
    table.write_text(f"Đơn vị;Mục;Kết quả;Tiến độ\nSở Nội vụ;III.3;x;Hoàn thành\n{row}\n", "utf-8")
    out = cycle.parent / "out"
    args = ["batch", "bao-cao", "--from", str(cycle), "--results", str(table), "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    output = " ".join(result.output.split())
    assert f"ket-qua.csv{where}" in output and message in output
    assert not out.exists()


def test_the_unit_of_a_profile_reports_as_its_profile_says(plans, tmp_path):
    plan = plans["ngay-hoi-cao-bang"]
    target = plan.parent / "bao-cao-thuc-phan.yaml"
    org = ROOT / "examples" / "orgs" / "phuong-thuc-phan.yaml"
    result = runner.invoke(
        app, ["new", "bao-cao", "--from", str(plan), "--org", str(org), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    report = load_plan(target)
    assert report.warnings == []
    issuer = report.plan.issuer
    assert (issuer.name, issuer.symbol) == ("ỦY BAN NHÂN DÂN\nPHƯỜNG THỤC PHÁN", "BC-UBND")
    assert report.plan.answers.unit == "UBND phường Thục Phán"  # as the plan names it
    assert report.plan.signature.titles == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert [i.ref for i in report.plan.sections[1].items] == ["III.3"]
    assert check_docx(render_file(target).docx) == []


def test_the_previews_show_kinh_gui_as_the_docx_does(tmp_path):
    from antq_docs.render import build_tree
    from antq_docs.write.html import render_html
    from antq_docs.write.text import render_text

    document, _problems = build_tree(_report(tmp_path, ["Công an tỉnh", "Sở Nội vụ"]))
    html = render_html(document)
    assert '<p class="addressees-label">Kính gửi:</p>' in html
    assert '<p class="addressee">- Sở Nội vụ.</p>' in html
    assert "Kính gửi:  \n- Công an tỉnh;  \n- Sở Nội vụ.  " in render_text(document, markdown=True)
    assert "Kính gửi:\n- Công an tỉnh;\n- Sở Nội vụ.\n" in render_text(document)


def test_new_lists_the_report_kind():
    result = runner.invoke(app, ["new", "--list"])
    assert result.exit_code == 0
    assert re.search(r"^bao-cao\s+a unit's báo cáo kết quả", result.output, re.M)
