"""Spreadsheets (issue 20): the results sheet `antq new bao-cao --sheet` writes (protection,
dropdown, hidden digest, the same bytes twice), XLSX tables of rows read as CSV ones are
(the same documents), and real sheets' shapes read or refused with their cell."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from antq_docs.batch.rows import table_rows
from antq_docs.batch.tables import variable_name
from antq_docs.cli import app
from antq_docs.cli.exit_codes import ExitCode

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "bac-giang-2024-ngay-hoi-bcd.yaml"
RESULTS_CSV = ROOT / "examples" / "ket-qua-bac-giang-2024.csv"
runner = CliRunner()


def antq(*args: str):
    return runner.invoke(app, [*map(str, args)], env={"ANTQ_LANG": "en"})


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    for name in ("bac-giang-2024-ngay-hoi-bcd.yaml",):
        shutil.copy(ROOT / "examples" / name, tmp_path / name)
    shutil.copytree(ROOT / "examples" / "orgs", tmp_path / "orgs")
    return tmp_path / PLAN.name


def test_the_results_sheet_is_locked_with_a_dropdown_and_a_hidden_digest(plan, tmp_path):
    sheet = tmp_path / "ket-qua.xlsx"
    result = antq("new", "bao-cao", "--from", plan, "--sheet", sheet)
    assert result.exit_code == ExitCode.OK, result.output
    book = openpyxl.load_workbook(sheet)
    assert book.sheetnames == ["Kết quả", "Đơn vị", "antq"]
    assert book["antq"].sheet_state == "veryHidden"
    assert len(dict(book["antq"].iter_rows(values_only=True))["digest"]) == 64
    results = book["Kết quả"]
    assert results.protection.sheet
    headings = [c.value for c in results[1]]
    assert headings[:4] == ["TT", "Đơn vị", "Mục", "Nhiệm vụ theo Kế hoạch"]
    assert results["D2"].protection.locked and not results["G2"].protection.locked
    (validation,) = results.data_validations.dataValidation
    assert validation.formula1 == '"Hoàn thành,Đang thực hiện,Chưa thực hiện"'
    assert str(validation.sqref) == f"I2:I{results.max_row}"
    assert book["Đơn vị"].protection.sheet and not book["Đơn vị"]["C2"].protection.locked


def test_the_same_plan_gives_the_same_bytes(plan, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert antq("new", "bao-cao", "--from", plan, "--sheet", first).exit_code == 0
    assert antq("new", "bao-cao", "--from", plan, "--sheet", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def _filled(sheet: Path) -> Path:
    """The results of the example CSV typed into antq's sheet."""
    rows = list(csv.reader(RESULTS_CSV.read_text("utf-8").splitlines(), delimiter=";"))[1:]
    typed = {(r[0], r[1]): r for r in rows}
    book = openpyxl.load_workbook(sheet)
    for cells in book["Kết quả"].iter_rows(min_row=2):
        row = typed.get((cells[1].value, cells[2].value))
        if row:
            cells[6].value, cells[8].value, cells[11].value = row[2], row[3], row[4] or None
    book.save(sheet)
    return sheet


def test_reports_from_the_sheet_are_those_from_the_csv(plan, tmp_path):
    sheet = tmp_path / "ket-qua.xlsx"
    antq("new", "bao-cao", "--from", plan, "--sheet", sheet)
    _filled(sheet)
    from_csv = antq(
        "batch",
        "bao-cao",
        "--from",
        plan,
        "--results",
        RESULTS_CSV,
        "--consolidate",
        "-o",
        tmp_path / "csv",
    )
    from_xlsx = antq(
        "batch",
        "bao-cao",
        "--from",
        plan,
        "--results",
        sheet,
        "--consolidate",
        "-o",
        tmp_path / "xlsx",
    )
    assert from_csv.exit_code == from_xlsx.exit_code == ExitCode.OK, from_xlsx.output
    docs = sorted(p.name for p in (tmp_path / "csv").glob("*.docx"))
    assert docs and docs == sorted(p.name for p in (tmp_path / "xlsx").glob("*.docx"))
    for name in docs:
        assert (tmp_path / "csv" / name).read_bytes() == (tmp_path / "xlsx" / name).read_bytes()


def test_a_sheet_of_another_version_of_the_plan_is_refused(plan, tmp_path):
    sheet = tmp_path / "ket-qua.xlsx"
    antq("new", "bao-cao", "--from", plan, "--sheet", sheet)
    text = plan.read_text(encoding="utf-8")
    old = "Chủ trì, phối hợp với Công an tỉnh và các đơn vị có liên quan thẩm định"
    assert old in text
    plan.write_text(text.replace(old, old.replace("thẩm định", "xét"), 1), encoding="utf-8")
    result = antq("batch", "bao-cao", "--from", plan, "--results", sheet, "-o", tmp_path / "o")
    assert result.exit_code == ExitCode.INVALID
    assert "was made from another version of" in result.output


def test_a_wrong_progress_is_placed_as_a_cell(plan, tmp_path):
    sheet = tmp_path / "ket-qua.xlsx"
    antq("new", "bao-cao", "--from", plan, "--sheet", sheet)
    book = openpyxl.load_workbook(sheet)
    book["Kết quả"]["I3"] = "xong"
    book.save(sheet)
    result = antq("batch", "bao-cao", "--from", plan, "--results", sheet, "-o", tmp_path / "o")
    assert result.exit_code == ExitCode.INVALID
    assert "'Kết quả'!I3" in result.output and "Hoàn thành" in result.output


BASE = ROOT / "tests" / "fixtures" / "batch"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    from .hostile.cases import MINIMAL

    (tmp_path / "minimal.yaml").write_text(MINIMAL, "utf-8")
    text = (BASE / "base.yaml").read_text("utf-8").replace("../minimal.yaml", "minimal.yaml")
    text = text.replace("vars.school", "vars.ten_truong").replace("school:", "ten_truong:")
    (tmp_path / "base.yaml").write_text(text, "utf-8")
    return tmp_path / "base.yaml"


def _book(path: Path, rows: list[list], title: str = "Danh sách") -> Path:
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_table_as_csv_or_xlsx_gives_the_same_documents(base, tmp_path):
    rows = [
        ["unit", "Tên trường", "head"],
        ["Trường A", "Trường THCS A", "Hiệu trưởng"],
        ["Trường B", "Trường THCS B", "Hiệu trưởng"],
    ]
    (tmp_path / "rows.csv").write_text("\n".join(",".join(r) for r in rows) + "\n", "utf-8")
    _book(tmp_path / "rows.xlsx", rows)
    for table in ("rows.csv", "rows.xlsx"):
        result = antq(
            "batch",
            tmp_path / table,
            "--plan",
            base,
            "-j",
            "1",
            "-o",
            tmp_path / table.replace(".", "-"),
        )
        assert result.exit_code == ExitCode.OK, result.output
    docs = sorted((tmp_path / "rows-csv").glob("*.docx"))
    assert len(docs) == 2
    for doc in docs:
        assert doc.read_bytes() == (tmp_path / "rows-xlsx" / doc.name).read_bytes()


def test_columns_prints_each_heading_and_its_variable(base, tmp_path):
    table = _book(tmp_path / "rows.xlsx", [["unit", "Tên trường"], ["A", "B"]])
    result = antq("batch", table, "--plan", base, "--columns")
    assert result.exit_code == ExitCode.OK
    assert "'Danh sách'!B1\tTên trường\t→ {{ vars.ten_truong }}" in result.output


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Tên trường", "ten_truong"),
        ("school", "school"),
        ("Số TT", "so_tt"),
        ("Đơn vị", "don_vi"),
        ("2026", "c_2026"),
        ("???", None),
    ],
)
def test_the_heading_rule(heading, name):
    assert variable_name(heading) == name


def test_real_cells_are_read_as_the_clerk_sees_them(tmp_path):
    table = _book(
        tmp_path / "t.xlsx",
        [
            ["unit", "Ngày", "Số", "Mã"],
            ["A", dt.date(2026, 8, 20), 12, "012"],
            ["B", dt.datetime(2026, 8, 5, 14, 30), 1.5, "  x "],
        ],
    )
    book = openpyxl.load_workbook(table)
    book.active.merge_cells("A3:A4")
    book.active["B4"], book.active["C4"] = "20/8/2026", 3
    book.save(table)
    values = [dict(r.values) for r in table_rows(table, "k")]
    assert values[0] == {"unit": "A", "ngay": "20/08/2026", "so": "12", "ma": "012"}
    assert values[1] == {"unit": "B", "ngay": "05/08/2026 14:30", "so": "1.5", "ma": "x"}
    assert values[2]["unit"] == "B"  # a merged cell's value in every cell it covers


def _refusal(path: Path, sheet: str | None = None) -> str:
    from antq_docs.errors import PlanError

    with pytest.raises(PlanError) as caught:
        table_rows(path, "k", sheet)
    return str(caught.value)


def test_a_merged_heading_is_refused_with_its_cells(tmp_path):
    table = _book(tmp_path / "t.xlsx", [["unit", "Kết quả", None], ["A", "1", "2"]])
    book = openpyxl.load_workbook(table)
    book.active.merge_cells("B1:C1")
    book.save(table)
    assert "'Danh sách'!B1: B1:C1 is a merged heading" in _refusal(table)


def test_two_heading_rows_are_refused(tmp_path):
    table = _book(tmp_path / "t.xlsx", [["unit", "Kết quả", None], [None, "Số", "Tỷ lệ"]])
    assert "'Danh sách'!C2: a value under no heading" in _refusal(table)


def test_a_formula_never_computed_is_refused_with_its_cell(tmp_path):
    table = _book(tmp_path / "t.xlsx", [["unit", "tong"], ["A", "=SUM(1,2)"]], "KQ")
    assert "KQ!B2: the cell holds a formula (=SUM(1,2))" in _refusal(table)


def test_a_date_as_a_serial_number_is_refused(tmp_path):
    table = _book(tmp_path / "t.xlsx", [["unit", "Thời hạn"], ["A", 46254]], "KQ")
    assert "KQ!B2: 46254 in a column of dates" in _refusal(table)


def test_a_bad_cell_of_a_row_is_placed_on_the_sheet(tmp_path):
    table = _book(tmp_path / "t.xlsx", [["unit", "year"], ["A", "19"]], "KQ")
    (row,) = table_rows(table, "k")
    assert "t.xlsx, KQ!B2: " in str(row.problems[0]) and "is not a year" in str(row.problems[0])


def test_an_unknown_sheet_names_the_sheets(base, tmp_path):
    table = _book(tmp_path / "t.xlsx", [["unit"], ["A"]], "KQ")
    result = antq("batch", table, "--plan", base, "--sheet", "Khác", "-o", tmp_path / "o")
    assert result.exit_code == ExitCode.INVALID
    assert "--sheet Khác: the workbook has no such sheet; its sheets are: KQ" in result.output
