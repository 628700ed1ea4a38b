"""A Word table -> `table:`: the first row gives the column headings, merged cells become
`span:` (w:gridSpan) and `rows:` (w:vMerge), several paragraphs a list, widths in cm (scaled
to the page's text width when Word's grid is wider)."""

from __future__ import annotations

from typing import Any

from ..i18n import _
from ..inspect.model import TableView
from ..model.table import TEXT_WIDTH_CM
from .markup import FootnoteText, escape_template, markup, plain
from .notes import Notes

__all__ = ["read_table"]

_TWIPS_PER_CM = 1440 / 2.54


def _grid(table: TableView) -> list[list[tuple[int, Any]]]:
    """Each row as (grid column, cell) pairs."""
    out = []
    for row in table.rows:
        column = 0
        placed = []
        for cell in row:
            placed.append((column, cell))
            column += max(1, cell.span)
        out.append(placed)
    return out


def _rows_down(grid: list[list[tuple[int, Any]]], row: int, column: int) -> int:
    count = 1
    for below in grid[row + 1 :]:
        cell = next((c for col, c in below if col == column), None)
        if cell is None or cell.vmerge != "continue":
            break
        count += 1
    return count


def read_table(
    table: TableView, footnote: FootnoteText, notes: Notes, landscape: bool
) -> dict[str, Any]:
    grid = _grid(table)
    width = max((col + max(1, cell.span) for row in grid for col, cell in row), default=1)
    head, body = (grid[0], grid[1:]) if grid else ([], [])
    titles = [""] * width
    for column, cell in head:
        # a heading over several lines keeps them: antq breaks the line where Word did
        lines = [
            " ".join(piece.split()) for p in cell.paragraphs for piece in plain(p.runs).split("\n")
        ]
        titles[column] = escape_template("\n".join(line for line in lines if line))
    if any(cell.span > 1 or cell.vmerge for _col, cell in head):
        notes.add((), _("a merged heading cell of a table became one heading per column"))
    columns: list[Any] = list(titles)
    widths = _widths(table, width, landscape)
    if widths:
        columns = [{"title": t, "width": w} for t, w in zip(titles, widths)]
    rows = []
    for r, row in enumerate(body, start=1):
        cells: list[Any] = []
        filled = 0
        for column, cell in row:
            if cell.vmerge == "continue":
                filled += max(1, cell.span)
                continue
            paragraphs = [markup(p.runs, footnote) for p in cell.paragraphs]
            paragraphs = [p for p in paragraphs if p] or [""]
            value: Any = paragraphs[0] if len(paragraphs) == 1 else paragraphs
            span = min(max(1, cell.span), width - column)
            down = _rows_down(grid, r, column) if cell.vmerge == "restart" else 1
            if span > 1 or down > 1:
                value = {
                    "text": value,
                    **({"span": span} if span > 1 else {}),
                    **({"rows": down} if down > 1 else {}),
                }
            cells.append(value)
            filled += span
        rows.append(cells)
    data = {"columns": columns, "rows": rows}
    return _fitted(data, width)


def _widths(table: TableView, width: int, landscape: bool) -> list[float] | None:
    grid = table.grid_twips
    if len(grid) != width or not all(grid):
        return None
    limit = TEXT_WIDTH_CM["landscape" if landscape else "portrait"]
    cm = [w / _TWIPS_PER_CM for w in grid]
    scale = min(1.0, (limit - 0.05) / sum(cm))
    return [max(0.3, int(w * scale * 100) / 100) for w in cm]


def _fitted(data: dict[str, Any], width: int) -> dict[str, Any]:
    """The table as antq accepts it; a grid Word drew ragged is evened out cell by cell."""
    from pydantic import ValidationError

    from ..model.table import Table

    try:
        Table.model_validate(data)
        return data
    except ValidationError:
        pass
    rows = []
    for row in data["rows"]:
        flat = [c["text"] if isinstance(c, dict) else c for c in row][:width]
        rows.append(flat + [""] * (width - len(flat)))
    return {"columns": data["columns"], "rows": rows}
