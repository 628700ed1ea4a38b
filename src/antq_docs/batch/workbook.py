"""Reading a table of rows from an Excel workbook (.xlsx) with the care a DOCX gets.

A workbook comes by e-mail like a document: the package is opened with the guards `antq
check` uses for a DOCX (a regular file of at most 100 MB, every part checked against its
declared size and compression ratio, no encryption, no DTD) before openpyxl sees it, then
read in openpyxl's read-only (streaming) mode within the bounds of the CSV reader: rows,
columns and cell length. The first non-empty row holds the headings. A cell is read as the
clerk sees it: a number as typed (12, not 12.0), a date as dd/mm/yyyy, a merged cell's value
in every cell it covers. What cannot be read for sure (a formula no program has computed, an
error value, a date stored as a bare serial number, a merged heading) is refused with its
cell, as `'Kết quả'!B12`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PlanError, Problem
from ..i18n import _
from ..reasons import reason
from .tables import MAX_COLUMNS, MAX_ROWS, Record, cell_problem, variable_name
from .xlsx_package import READ_ERRORS, XLSX_SUFFIXES, Workbook, cell_name, refused

__all__ = ["XLSX_SUFFIXES", "xlsx_records", "xlsx_headings", "relocate"]

_LAST_ROW = MAX_ROWS + 1_000  # the rows a table may use, headings and blank rows with them
# A serial number read in a date column (General format): 1/1/1955 to 31/12/2118.
_SERIALS = (20_000, 80_000)
_DATE_WORDS = ("ngay", "date", "han")  # words of a heading over dates («Thời hạn»)


def xlsx_records(path: Path, sheet: str | None = None) -> Iterator[Record]:
    """The rows of one sheet (`sheet`, else the first visible one), streamed, as the CSV
    reader gives them: (row, {heading: text}, where a heading's cell is). PlanError at the
    first cell that cannot be read, placed as `Sheet!B12`."""
    with Workbook(path) as book:
        chosen = _choose(path, book, sheet)
        yield from _read(path, book, chosen, _SheetReader(path, chosen, book.merges(chosen)))


def xlsx_headings(path: Path, sheet: str | None = None) -> list[tuple[str, str]]:
    """(heading, its cell) for each column of the sheet, as `--columns` prints them."""
    with Workbook(path) as book:
        chosen = _choose(path, book, sheet)
        reader = _SheetReader(path, chosen, book.merges(chosen))
        next(_read(path, book, chosen, reader), None)
        return [
            (name, cell_name(chosen, reader.header_row, index))
            for index, name in enumerate(reader.header, start=1)
        ]


def _read(path: Path, book: Workbook, sheet: str, reader: _SheetReader) -> Iterator[Record]:
    bounds = {"max_row": _LAST_ROW + 1, "max_col": MAX_COLUMNS + 1}
    try:
        yield from reader.records(
            book.values[sheet].iter_rows(**bounds), book.formulas[sheet].iter_rows(**bounds)
        )
    except READ_ERRORS as exc:  # XML no program of Excel's writes, found as it is read
        raise refused(
            path, _("cannot read the workbook: {reason}").format(reason=reason(exc))
        ) from None


def relocate(error: PlanError, path: Path, sheet: str) -> PlanError:
    """The CSV reader's (line, column) places of a sheet's problems as `Sheet!B12`."""
    moved = [
        Problem(f"{p.file}, {cell_name(sheet, p.line, max(p.column, 1))}", 0, 0, p.path, p.message)
        if p.file == str(path) and p.line
        else p
        for p in error.problems
    ]
    return PlanError(moved)


def _choose(path: Path, book: Workbook, sheet: str | None) -> str:
    visible = [s.title for s in book.values.worksheets if s.sheet_state == "visible"]
    if sheet is None:
        if not visible:
            raise refused(path, _("the workbook has no visible sheet"))
        return visible[0]
    if sheet not in visible:
        raise refused(
            path,
            _("--sheet {sheet}: the workbook has no such sheet; its sheets are: {names}").format(
                sheet=sheet, names="; ".join(visible)
            ),
        )
    return sheet


@dataclass
class _SheetReader:
    """One sheet's rows as records: headings from the first non-empty row."""

    path: Path
    sheet: str
    merges: list[tuple[int, int, int, int]]
    header: list[str] = field(default_factory=list)
    header_row: int = 0
    _cover: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    _anchors: dict[tuple[int, int], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for left, top, right, bottom in self.merges:
            for row in range(top, bottom + 1):
                for column in range(left, right + 1):
                    if (row, column) != (top, left):
                        self._cover[row, column] = (top, left)

    def records(self, values: Iterator[tuple], formulas: Iterator[tuple]) -> Iterator[Record]:
        for number, (cells, raw) in enumerate(zip(values, formulas, strict=False), start=1):
            if number > _LAST_ROW:
                if any(c.value is not None for c in cells):
                    raise self._at(
                        number,
                        1,
                        _("the sheet goes past row {limit:,}; split the table").format(
                            limit=_LAST_ROW
                        ),
                    )
                return
            texts = [self._text(number, i, c, r) for i, (c, r) in enumerate(zip(cells, raw), 1)]
            if not any(texts):
                continue
            if len(texts) > MAX_COLUMNS and texts[MAX_COLUMNS]:
                raise self._at(
                    number,
                    MAX_COLUMNS + 1,
                    _("a table of rows has at most {limit} columns").format(limit=MAX_COLUMNS),
                )
            if not self.header:
                self._read_header(number, texts)
                continue
            extra = next((i for i in range(len(self.header), len(texts)) if texts[i]), None)
            if extra is not None:
                raise self._at(
                    number,
                    extra + 1,
                    _(
                        "a value under no heading; give its column a heading in row {row} "
                        "(one row of headings, not two)"
                    ).format(row=self.header_row),
                )
            yield number, dict(zip(self.header, texts)), self._locator(number)

    def _read_header(self, number: int, texts: list[str]) -> None:
        last = max(i for i, t in enumerate(texts) if t)
        header = texts[: last + 1]
        for left, top, right, bottom in self.merges:
            if top <= number <= bottom and left <= last + 1 and (right > left or bottom > top):
                from openpyxl.utils import get_column_letter

                span = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
                raise self._at(
                    top,
                    left,
                    _(
                        "{span} is a merged heading (two heading rows, or one over several "
                        "columns); keep one row of headings, one per column: unmerge it and "
                        "give each column its own heading"
                    ).format(span=span),
                )
        for index, name in enumerate(header):
            if not name:
                raise self._at(
                    number,
                    index + 1,
                    _(
                        "the headings are in row {row} and this column has none; give every "
                        "column a heading, each once"
                    ).format(row=number),
                )
            if header.index(name) != index:
                raise self._at(
                    number,
                    index + 1,
                    _("the heading '{name}' is already in column {column}").format(
                        name=name, column=_letter(header.index(name) + 1)
                    ),
                )
        self.header, self.header_row = header, number

    def _text(self, row: int, column: int, cell: Any, raw: Any) -> str:
        """The cell as the clerk sees it, or a located refusal."""
        if (row, column) in self._cover:  # a merged cell shows its top-left cell's value
            return self._anchors.get(self._cover[row, column], "")
        value = cell.value
        if value is None:
            if getattr(raw, "data_type", None) == "f":
                raise self._at(
                    row,
                    column,
                    _(
                        "the cell holds a formula ({formula}) no program has computed; open "
                        "the workbook in Excel or LibreOffice and save it, or type the value"
                    ).format(formula=str(raw.value)[:80]),
                )
            return ""
        if cell.data_type == "e":
            raise self._at(
                row,
                column,
                _("the cell shows the error {error}; correct it or type the value").format(
                    error=value
                ),
            )
        text = self._shown(row, column, value)
        wrong = cell_problem(text)
        if wrong:
            raise self._at(row, column, wrong)
        if self.merges:
            self._anchors[row, column] = text
        return text

    def _shown(self, row: int, column: int, value: object) -> str:
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, dt.datetime):
            if value.time() == dt.time(0, 0):
                return value.strftime("%d/%m/%Y")
            return value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, dt.date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        if isinstance(value, (int, float)):
            if self._a_date_column(column) and _SERIALS[0] <= value <= _SERIALS[1]:
                raise self._at(
                    row,
                    column,
                    _(
                        "{value} in a column of dates is a date's serial number shown without "
                        "a date format; format the column as a date, or type the date as "
                        "20/08/2026"
                    ).format(value=value),
                )
            return str(int(value)) if float(value).is_integer() else repr(value)
        return unicodedata.normalize("NFC", str(value)).strip()

    def _a_date_column(self, column: int) -> bool:
        if not self.header or column > len(self.header):
            return False
        name = variable_name(self.header[column - 1]) or ""
        return any(part in _DATE_WORDS for part in name.split("_"))

    def _locator(self, row: int):
        header = self.header

        def locate(key: str) -> tuple[int, int]:
            return row, header.index(key) + 1 if key in header else 1

        return locate

    def _at(self, row: int, column: int, message: str) -> PlanError:
        return PlanError(
            [Problem(f"{self.path}, {cell_name(self.sheet, row, column)}", 0, 0, "", message)]
        )


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
