"""A plan's table -> the document tree's table: merged cells placed on the grid (a cell
spanning rows is continued by `merged` cells below it), and the check that the widths the
plan gives fit the page."""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import _
from ..load.yaml_source import PathKey
from ..model.table import TEXT_WIDTH_CM, Table as TableModel
from ..tree.nodes import Inline, Table, TableCell

__all__ = ["table_node", "too_wide"]

#: Parses one text of the plan into runs, reporting bad markup at the path given.
Inliner = Callable[[str, PathKey], tuple[Inline, ...]]


def table_node(table: TableModel, path: PathKey, inline: Inliner) -> Table:
    grid: list[dict[int, TableCell]] = [{} for _row in table.rows]
    for cell in table.placed():
        where = path + ("rows", cell.row, cell.source_index)
        paragraphs = tuple(inline(text, where) for text in cell.paragraphs)
        grid[cell.row][cell.column] = TableCell(paragraphs, cell.align, cell.span, cell.rows)
        for below in range(cell.row + 1, cell.row + cell.rows):
            grid[below][cell.column] = TableCell(((),), cell.align, cell.span, 1, merged=True)
    return Table(
        tuple(col.title for col in table.columns),
        tuple(col.width for col in table.columns),
        tuple(tuple(row[c] for c in sorted(row)) for row in grid),
    )


def too_wide(table: TableModel, orientation: str) -> str | None:
    """What to do when the widths given add up to more than the text of the page."""
    given = sum(col.width or 0 for col in table.columns)
    if given <= TEXT_WIDTH_CM[orientation] + 0.005:
        return None
    return _(
        "the columns are {given:.1f} cm wide; the text of a {orientation} page is "
        "{width:.1f} cm wide: narrow them, or leave some widths out"
    ).format(given=given, orientation=_(orientation), width=TEXT_WIDTH_CM[orientation])
