"""`antq new bao-cao --from plan.yaml --sheet ket-qua.xlsx`: the results sheet the units fill.

Sheet «Kết quả» has one row per (unit, assignment) in the plan's order, the task and its
place in the plan written in and locked, the unit's answers in unlocked cells: the result,
its figures, a progress chosen from a list, difficulties, proposals, a note. Sheet «Đơn vị»
holds each unit's signer. A very hidden sheet holds the digest of the work the rows were
made from, so that results typed into a sheet of another version of the plan are refused
rather than filed under the wrong tasks. The same plan gives the same bytes (fixed dates in
docProps, fixed zip timestamps), as antq's DOCX does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..spreadsheet import formula_like

if TYPE_CHECKING:
    from .write import PlanForReports

__all__ = [
    "RESULTS_SHEET",
    "UNITS_SHEET",
    "DIGEST_SHEET",
    "PROGRESS",
    "SheetRow",
    "sheet_rows",
    "plan_digest",
    "results_workbook",
]

RESULTS_SHEET, UNITS_SHEET, DIGEST_SHEET = "Kết quả", "Đơn vị", "antq"
PROGRESS = ("Hoàn thành", "Đang thực hiện", "Chưa thực hiện")  # as batch/reports.py reads
# (heading, width, filled by the unit); «Đơn vị», «Mục», «Kết quả», «Tiến độ», «Ghi chú» are
# the headings `antq batch bao-cao --results` reads.
_COLUMNS = (
    ("TT", 5, False),
    ("Đơn vị", 28, False),
    ("Mục", 8, False),
    ("Nhiệm vụ theo Kế hoạch", 48, False),
    ("Vai trò", 10, False),
    ("Thời hạn", 12, False),
    ("Kết quả", 48, True),
    ("Số liệu", 20, True),
    ("Tiến độ", 16, True),
    ("Khó khăn, vướng mắc", 30, True),
    ("Đề xuất, kiến nghị", 30, True),
    ("Ghi chú", 20, True),
)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class SheetRow:
    unit: str
    ref: str
    role: str
    task: str
    deadline: str
    open_group: bool  # a group whose members the plan does not name: the unit is typed


def sheet_rows(source: PlanForReports) -> list[SheetRow]:
    """A row per (unit, assignment), units in the plan's order, chủ trì before phối hợp."""
    from ..validate.assignments import assignments_of, open_groups, working_units

    plan, province = source.plan, source.province
    groups = set(open_groups(plan, province))
    return [
        SheetRow(unit, a.ref, a.role, a.task, a.deadline, unit in groups)
        for unit in working_units(plan, province)
        for a in assignments_of(unit, plan, province)
    ]


def plan_digest(source: PlanForReports) -> str:
    """What the sheet's rows were made from: its units and their work, nothing else (a
    corrected date of signature leaves sheets already sent out valid)."""
    rows = [[r.unit, r.ref, r.role, r.task, r.deadline] for r in sheet_rows(source)]
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def results_workbook(source: PlanForReports) -> bytes:
    """The workbook's bytes, the same for the same plan."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    rows = sheet_rows(source)
    book = Workbook()
    _results(book.active, rows)
    _units(book.create_sheet(UNITS_SHEET), rows)
    digest = book.create_sheet(DIGEST_SHEET)
    for pair in (
        ("plan", source.path.name),
        ("digest", plan_digest(source)),
        ("rows", str(len(rows))),
    ):
        _append(digest, list(pair))
    digest.sheet_state = "veryHidden"  # not listed by Format → Unhide
    stamp = _stamp(source)
    book.properties.creator = book.properties.lastModifiedBy = "antq"
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # openpyxl's save() would stamp the clock
    return _reproducible(out.getvalue())


def _results(sheet: Any, rows: list[SheetRow]) -> None:
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet.title = RESULTS_SHEET
    sheet.append([heading for heading, _width, _typed in _COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for number, row in enumerate(rows, start=1):
        values = [str(number), row.unit, row.ref, row.task, row.role.capitalize(), row.deadline]
        _append(sheet, [*values, *[None] * 6])
    unlocked = Protection(locked=False)
    for index, (_heading, width, typed) in enumerate(_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if typed or (index == 2 and rows[cell.row - 2].open_group):
                cell.protection = unlocked  # a group's rows: the member is typed in
    progress = DataValidation(
        type="list",
        formula1='"' + ",".join(PROGRESS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tiến độ",
        error="Chọn một trong: " + "; ".join(PROGRESS),
    )
    column = get_column_letter(next(i for i, c in enumerate(_COLUMNS, 1) if c[0] == "Tiến độ"))
    progress.add(f"{column}2:{column}{max(len(rows) + 1, 2)}")
    sheet.add_data_validation(progress)
    sheet.freeze_panes = "A2"
    _protect(sheet)


def _units(sheet: Any, rows: list[SheetRow]) -> None:
    from openpyxl.styles import Font, Protection

    sheet.append(["TT", "Đơn vị", "Chức vụ người ký", "Họ và tên người ký"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    units = list(dict.fromkeys(r.unit for r in rows))
    for number, unit in enumerate(units, start=1):
        _append(sheet, [str(number), unit, None, None])
        for cell in sheet[number + 1][2:]:
            cell.protection = Protection(locked=False)
    for letter, width in zip("ABCD", (5, 36, 28, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    _protect(sheet)


def _protect(sheet: Any) -> None:
    """Locked cells cannot be typed over; widths, heights and filters stay the clerk's."""
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.autoFilter = False


def _append(sheet: Any, values: list[str | None]) -> None:
    """A row of text cells Excel shows as typed, never as formulas (spreadsheet.py): a
    value that starts like one is a string cell with Excel's text mark (quotePrefix)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and formula_like(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True


def _stamp(source: PlanForReports) -> dt.datetime:
    day = getattr(source.plan, "date", None)
    if isinstance(day, dt.date):
        return dt.datetime.combine(day, dt.time(0, 0))
    return dt.datetime(2000, 1, 1)


def _reproducible(data: bytes) -> bytes:
    """The zip rewritten in a fixed order with fixed times and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same on Windows and Linux
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
