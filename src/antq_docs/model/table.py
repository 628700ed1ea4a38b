"""Tables: column headings, then rows of cells. A cell may span columns (`span:`) and rows
(`rows:`, downwards) and hold several paragraphs, as the task-assignment appendices of real
plans do («Theo phân công tại Quyết định số …» across two columns; one task shared by three
units)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..i18n import N_, _
from ..nd30 import text_width_mm
from .base import Strict
from .shorthand import expand

__all__ = [
    "Alignment",
    "Column",
    "Cell",
    "Table",
    "PlacedCell",
    "MAX_SPAN",
    "TEXT_WIDTH_CM",
    "ORIENTATIONS",
]

MAX_SPAN = 1000
# The width of the text on A4 between the margins antq writes (nd30.MARGINS): portrait
# 16.5 cm, landscape 24.7 cm (the binding edge then at the top).
TEXT_WIDTH_CM = {"portrait": text_width_mm() / 10, "landscape": text_width_mm(True) / 10}
ORIENTATIONS = (N_("portrait"), N_("landscape"))

Alignment = Literal["left", "center", "right", "justify"]  # as the document tree spells it


class Column(Strict):
    title: str = Field(description=N_("The column's heading."))
    width: float | None = Field(
        None,
        gt=0,
        description=N_(
            "Width in cm; when left out, shared by the content (a 'TT' column is narrow)."
        ),
    )
    align: Alignment = Field("left", description=N_("How the column's cells are aligned."))


class Cell(Strict):
    """A cell written out in full, when it spans or holds several paragraphs."""

    text: str | int | float | list[str] = Field(
        "",
        description=N_(
            "The cell's text, or a list of paragraphs ('- …' items as the author writes them)."
        ),
    )
    span: int = Field(
        1,
        ge=1,
        le=MAX_SPAN,
        description=N_("How many columns the cell spans, from where it stands."),
    )
    rows: int = Field(
        1,
        ge=1,
        le=MAX_SPAN,
        description=N_(
            "How many rows the cell spans, downwards; the rows below leave its place out."
        ),
    )
    align: Alignment | None = Field(
        None, description=N_("How this cell is aligned, instead of its column's way.")
    )

    def paragraphs(self) -> list[str]:
        values = self.text if isinstance(self.text, list) else [self.text]
        return [_cell_text(value) for value in values]


def _cell_text(value: str | int | float) -> str:
    return (
        value
        if isinstance(value, str)
        else f"{value:g}"
        if isinstance(value, float)
        else str(value)
    )


@dataclass(frozen=True)
class PlacedCell:
    """A cell where the grid puts it: row and first column (0-based), spans, paragraphs."""

    row: int
    column: int
    span: int
    rows: int
    paragraphs: tuple[str, ...]
    align: Alignment
    source_index: int  # its position in the row as written (for messages)


class Table(Strict):
    """A table: column headings, then rows of cells (cells accept **bold** and *italic*)."""

    caption: str | None = Field(
        None,
        description=N_(
            "The caption printed bold and centred above the table, e.g. 'Biểu 01. Kết quả "
            "thực hiện'; \\n breaks it into lines."
        ),
    )
    columns: list[Annotated[Column, expand("title", "Column")]] = Field(
        min_length=1, description=N_("The columns, each a heading or {title, width, align}.")
    )
    rows: list[list[str | int | float | list[str] | Cell]] = Field(
        default_factory=list,
        description=N_(
            "The rows, each a list of cells: text, a list of paragraphs, or {text, span, "
            "rows} for a merged cell."
        ),
    )

    @model_validator(mode="after")
    def _fills_the_grid(self) -> Table:
        self.placed()
        return self

    def placed(self) -> list[PlacedCell]:
        """Every cell on the grid, row by row; ValueError when a row does not fill it."""
        width = len(self.columns)
        below: dict[int, int] = {}  # column -> rows still covered by a cell from above
        out: list[PlacedCell] = []
        for r, row in enumerate(self.rows):
            taken = {c for c, left in below.items() if left > 0}
            column = 0
            for index, value in enumerate(row):
                cell = value if isinstance(value, Cell) else Cell(text=value)
                while column in taken:
                    column += 1
                if column + cell.span > width or any(
                    c in taken for c in range(column, column + cell.span)
                ):
                    raise ValueError(
                        _(
                            "row {row}: cell {cell} does not fit; the table has {columns} "
                            "columns, and a cell merged from the rows above keeps its place "
                            "(leave it out of this row)"
                        ).format(row=r + 1, cell=index + 1, columns=width)
                    )
                if r + cell.rows > len(self.rows):
                    raise ValueError(
                        _("row {row}: cell {cell} spans {rows} rows, past the last row").format(
                            row=r + 1, cell=index + 1, rows=cell.rows
                        )
                    )
                align = cell.align or self.columns[column].align
                out.append(
                    PlacedCell(
                        r, column, cell.span, cell.rows, tuple(cell.paragraphs()), align, index
                    )
                )
                for c in range(column, column + cell.span):
                    taken.add(c)
                    if cell.rows > 1:
                        below[c] = cell.rows
                column += cell.span
            if len(taken) != width:
                raise ValueError(
                    _(
                        "row {row} fills {filled} of the {columns} columns (a cell's 'span' counts "
                        "its columns; a cell merged from above keeps its place)"
                    ).format(row=r + 1, filled=len(taken), columns=width)
                )
            below = {c: left - 1 for c, left in below.items() if left > 1}
        return out
