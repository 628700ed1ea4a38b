"""The hostile corpus of XLSX tables (issue 20, «Spreadsheets»): workbooks an attacker
controls, read by `antq batch rows.xlsx --plan base.yaml`. Each is a small real workbook
made by openpyxl with one part replaced or added; tests/test_hostile_xlsx.py runs each as
tests/test_hostile.py runs the others (own process, memory cap, time limit)."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from .batch_cases import _table_args
from .cases import Case

SHEET = "xl/worksheets/sheet1.xml"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_HEADINGS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>school</t></is></c></row>'
)


def _base() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["unit", "school"])
    book.active.append(["Trường A", "Trường Trung học cơ sở A"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _package(parts: dict[str, bytes], level: int = 6) -> bytes:
    """The base workbook with `parts` replacing or joining its own."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_base())) as base, zipfile.ZipFile(out, "w") as target:
        for name in base.namelist():
            if name not in parts:
                target.writestr(name, base.read(name), zipfile.ZIP_DEFLATED)
        for name, data in parts.items():
            target.writestr(name, data, zipfile.ZIP_DEFLATED, compresslevel=level)
    return out.getvalue()


def workbook(make_bytes: Callable[[], bytes]) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        (folder / "rows.xlsx").write_bytes(make_bytes())
        return _table_args(folder, str(folder / "rows.xlsx"), "-j", "1")

    return make


def _sheet(rows: str) -> bytes:
    return (_HEAD + _HEADINGS + rows + "</sheetData></worksheet>").encode()


def _million_rows() -> bytes:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 1_000_002))
    return _package({SHEET: _sheet(rows)}, level=1)


def _bomb() -> bytes:
    return _package({SHEET: _sheet("") + b" " * (30 * 1024 * 1024)}, level=9)


def _shared_strings() -> bytes:
    strings = "".join(f"<si><t>{os.urandom(12).hex()}</t></si>" for _ in range(900_000))
    return _package(
        {
            "xl/sharedStrings.xml": (
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                + strings
                + "</sst>"
            ).encode()
        },
        level=1,
    )


def _external_link() -> bytes:
    return _package(
        {
            "xl/externalLinks/externalLink1.xml": b"<externalLink/>",
            SHEET: _sheet('<row r="2"><c r="A2"><f>[1]Sheet1!A1</f><v>7</v></c></row>'),
        }
    )


def _entities() -> bytes:
    laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    text = _sheet('<row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row>').decode()
    return _package({SHEET: text.replace("\n", "\n" + laughs, 1).encode()})


def _long_cell() -> bytes:
    cell = "x" * 40_000
    return _package(
        {SHEET: _sheet(f'<row r="2"><c r="B2" t="inlineStr"><is><t>{cell}</t></is></c></row>')}
    )


def _wide_row() -> bytes:
    return _package({SHEET: _sheet('<row r="2"><c r="GS2"><v>1</v></c></row>')})


def _lying_dimension() -> bytes:
    text = _sheet(
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Trường A</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Trường A</t></is></c></row>'
    )
    whole = b'<dimension ref="A1:XFD1048576"/><sheetData>'
    return _package({SHEET: text.replace(b"<sheetData>", whole)})


XLSX_CASES: list[Case] = [
    Case("a zip bomb of a sheet", workbook(_bomb), 2, "zip bomb"),
    Case("a sheet of 1,000,000 rows", workbook(_million_rows), 2, "1,000,001 rows"),
    Case("900,000 shared strings", workbook(_shared_strings), 2, "shared strings unpack to"),
    Case("a link to another workbook", workbook(_external_link), 2, "external links"),
    Case("entities declared in a sheet", workbook(_entities), 2, "declares entities"),
    Case("a cell of 40,000 characters", workbook(_long_cell), 2, "rows.xlsx, Sheet!B2:"),
    Case("a value in column 201", workbook(_wide_row), 2, "Sheet!GS2: a table of rows"),
    Case(
        "an .xls under an .xlsx name",
        workbook(lambda: b"\xd0\xcf\x11\xe0" + bytes(600)),
        2,
        "not an .xlsx workbook",
    ),
    Case("not a zip at all", workbook(lambda: b"unit,school\n"), 2, "not an .xlsx workbook"),
    Case("a dimension of the whole sheet", workbook(_lying_dimension), 0, "", never=("Traceback",)),
]
