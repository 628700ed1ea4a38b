"""Cells a spreadsheet reads as text, never as a formula (CSV injection).

A unit named `=cmd|' /C calc'!A0` must reach Excel or LibreOffice Calc as those characters,
not as a command. Every table antq writes for spreadsheets (manifest.csv, and any XLSX)
passes each text cell through `as_text_cell`; `from_text_cell` is its exact inverse for a
file antq reads back.
"""

from __future__ import annotations

__all__ = ["as_text_cell", "from_text_cell", "formula_like"]

# What makes a spreadsheet start a formula (or, for tab and CR, hide one after them).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's and Calc's "this is text" mark; a value that already starts with it is marked
# too, so that reading back is exact.
_TEXT_MARK = "'"


def formula_like(value: str) -> bool:
    """Whether a spreadsheet would take `value`, typed into a cell, for a formula (an XLSX
    writer then marks the cell as text instead of prefixing the value)."""
    return value.startswith(_FORMULA_STARTS)


def as_text_cell(value: str) -> str:
    """`value` as a cell a spreadsheet shows as text."""
    if value.startswith((*_FORMULA_STARTS, _TEXT_MARK)):
        return _TEXT_MARK + value
    return value


def from_text_cell(cell: str) -> str:
    """The value `as_text_cell` was given."""
    return cell[len(_TEXT_MARK) :] if cell.startswith(_TEXT_MARK) else cell
