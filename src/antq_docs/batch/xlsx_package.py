"""An Excel workbook (.xlsx) opened with the care a DOCX gets, before openpyxl sees it.

A workbook comes by e-mail like a document: it must be a regular file of at most 100 MB, and
its package passes the guards `antq check` uses for a DOCX (every part checked against its
declared size and compression ratio, no encryption, no part twice) and a workbook's own (no
links to other files, no DTD, shared strings of a table's size). Only then is it opened, by
openpyxl in read-only (streaming) mode.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from ..errors import PlanError, Problem
from ..files import DAMAGED, MAX_DOCX_BYTES, checked_entry, package_entries, read_input
from ..i18n import _
from ..reasons import reason

__all__ = [
    "XLSX_SUFFIXES",
    "Workbook",
    "READ_ERRORS",
    "cell_name",
    "sheet_names",
    "hidden_values",
    "refused",
]

XLSX_SUFFIXES = (".xlsx", ".xlsm")
# openpyxl holds every shared string in memory at once: a table's worth, not a bomb's.
MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024
MAX_MERGED_CELLS = 1_000_000  # cells covered by merged ranges, all together
MAX_SHEET_ROWS = 101_000  # a table's 100,000 rows, with headings and blank rows
#: What openpyxl raises on a package whose XML is not what Excel writes.
READ_ERRORS = (*DAMAGED, KeyError, ValueError, TypeError, IndexError, SyntaxError)
_HEAD_BYTES = 4096  # where an XML part's DTD would be
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an .xls, or an .xlsx encrypted by a password
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?)"')


def cell_name(sheet: str, row: int, column: int) -> str:
    """`Kết_quả!B12`, `'Kết quả'!B12`: a cell of a sheet as Excel's formulas name it (a
    sheet name with a space or a sign is quoted)."""
    from openpyxl.utils import get_column_letter

    plain = all(c.isalnum() or c == "_" for c in sheet) and not sheet[:1].isdigit()
    name = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{get_column_letter(column)}{row}"


def sheet_names(path: Path) -> list[str]:
    """The visible sheets of the workbook, in their order."""
    with Workbook(path) as book:
        return [s.title for s in book.values.worksheets if s.sheet_state == "visible"]


def hidden_values(path: Path, sheet: str) -> dict[str, str] | None:
    """Column A -> column B of a sheet antq keeps hidden (the plan's digest), or None."""
    with Workbook(path) as book:
        if sheet not in book.values.sheetnames:
            return None
        found: dict[str, str] = {}
        for row in book.values[sheet].iter_rows(max_row=50, max_col=2, values_only=True):
            if row and row[0] is not None:
                found[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
        return found


def refused(path: Path, message: str) -> PlanError:
    return PlanError([Problem(str(path), 0, 0, "", message)])


class Workbook:
    """The package checked as a DOCX is, then opened twice by openpyxl in read-only mode:
    the values Excel saved, and the formulas (to tell a formula never computed from an
    empty cell)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data = read_input(path, MAX_DOCX_BYTES)
        except OSError as exc:
            raise refused(
                path, _("cannot read the file: {reason}").format(reason=reason(exc))
            ) from None
        self.parts = _checked_parts(path, self.data)
        self.values = self._open(data_only=True)
        self.formulas = self._open(data_only=False)

    def _open(self, *, data_only: bool) -> Any:
        from openpyxl import load_workbook

        try:
            with warnings.catch_warnings():  # "extension not supported": nothing antq reads
                warnings.simplefilter("ignore")
                return load_workbook(
                    io.BytesIO(self.data), read_only=True, data_only=data_only, keep_links=False
                )
        except READ_ERRORS as exc:
            raise refused(
                self.path,
                _("cannot read the workbook: {reason}; open it in Excel and save it again").format(
                    reason=reason(exc)
                ),
            ) from None

    def merges(self, sheet: str) -> list[tuple[int, int, int, int]]:
        """The merged ranges of a sheet (min_col, min_row, max_col, max_row); read-only mode
        does not give them, so they are found in the sheet's part."""
        from openpyxl.utils import range_boundaries

        part = self.values[sheet]._worksheet_path  # the sheet's part in the package
        with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
            text = archive.read(checked_entry(self.parts[part]))
        rows = sum(1 for _row in _ROW.finditer(text))
        if rows > MAX_SHEET_ROWS:  # refused before openpyxl reads a row of them
            raise refused(
                self.path,
                _(
                    "{sheet}: the sheet has {count:,} rows, more than 100,000 rows of a table; "
                    "split it, or run slices of it with --rows"
                ).format(sheet=sheet, count=rows),
            )
        found: list[tuple[int, int, int, int]] = []
        covered = 0
        for match in _MERGE.finditer(text):
            bounds = range_boundaries(match.group(1).decode("ascii"))
            left, top, right, bottom = (int(b or 0) for b in bounds)
            covered += (right - left + 1) * (bottom - top + 1)
            if covered > MAX_MERGED_CELLS:
                raise refused(
                    self.path,
                    _("{sheet}: merged ranges cover more than {limit:,} cells").format(
                        sheet=sheet, limit=MAX_MERGED_CELLS
                    ),
                )
            found.append((left, top, right, bottom))
        return found

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.values.close()
        self.formulas.close()


def _checked_parts(path: Path, data: bytes) -> dict[str, zipfile.ZipInfo]:
    """The package's entries once every guard passed; nothing is decompressed past them."""
    if data.startswith(_OLE_MAGIC):
        raise refused(
            path,
            _(
                "not an .xlsx workbook: an old .xls, or a workbook protected by a password to "
                "open; in Excel save it as 'Excel Workbook (.xlsx)' without a password"
            ),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = package_entries(archive)
            for info in infos.values():
                checked_entry(info)
            if "xl/workbook.xml" not in infos:
                raise ValueError(_("it has no xl/workbook.xml: not an Excel workbook"))
            if any(name.startswith("xl/externalLinks/") for name in infos):
                raise ValueError(
                    _(
                        "the workbook takes values from other files (external links); in "
                        "Excel: Data → Edit Links → Break Link, then save"
                    )
                )
            strings = infos.get("xl/sharedStrings.xml")
            if strings is not None and strings.file_size > MAX_SHARED_STRINGS_BYTES:
                raise ValueError(
                    _("its shared strings unpack to {size} MB, more than a table holds").format(
                        size=strings.file_size // 1024 // 1024
                    )
                )
            for name, info in infos.items():
                if name.endswith((".xml", ".rels")):
                    with archive.open(info) as part:
                        head = part.read(_HEAD_BYTES)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise ValueError(
                            _("its part {part} declares entities, which Excel never writes").format(
                                part=name[:200]
                            )
                        )
    except DAMAGED as exc:
        raise refused(
            path, _("not an .xlsx workbook ({reason})").format(reason=reason(exc))
        ) from None
    except ValueError as exc:
        raise refused(path, str(exc)) from None
    return infos
