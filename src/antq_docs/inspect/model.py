"""What the reader gives back: paragraphs, runs, tables, sections and drawn lines of a DOCX,
with formatting already resolved through styles."""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import field as _field  # TextRun has an attribute called field

from ..ooxml.names import W_NS as W
from ..ooxml.names import q
from ..ooxml.tree import Element

__all__ = ["W", "q", "TextRun", "Para", "Shape", "Cell", "TableView", "Section", "DocxView"]


@dataclass
class TextRun:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False
    size: float | None = None  # pt
    fonts: dict[str, str] = field(default_factory=dict)  # every slot set -> font name
    footnote: int | None = None  # a footnote reference mark
    field: str | None = None  # instruction of a field this run belongs to (PAGE, …)
    # The slots Word draws this run's characters with (MS-OI29500 §2.1.88): ascii/hAnsi for
    # Latin and Vietnamese letters, eastAsia for East-Asian characters, cs only for runs
    # marked w:cs or w:rtl. Theme references are resolved through the theme part.
    drawn_fonts: dict[str, str] = _field(default_factory=dict)
    subscript: bool = False
    element: Element | None = _field(default=None, repr=False, compare=False)  # its w:r (fix)


@dataclass
class Shape:
    """A drawn line (a rule) or a text box anchored in a paragraph."""

    kind: str  # "line" or "textbox"
    width_mm: float
    offset_mm: float | None = None  # horizontal offset from its reference (column, margin…)
    text: str = ""  # a text box's words


@dataclass(eq=False)  # a paragraph is itself: two empty ones are not the same paragraph
class Para:
    runs: list[TextRun]
    align: str = "left"  # left, center, right, both
    first_line_twips: int = 0
    left_twips: int = 0
    right_twips: int = 0
    before_twips: int = 0
    after_twips: int = 0
    line: int | None = None
    line_rule: str = "auto"
    style: str | None = None
    border_top: bool = False
    border_bottom: bool = False
    index: int = 0  # position among the document's paragraphs (body order, tables included)
    cell: tuple[int, int, int] | None = None  # (table, row, column), 1-based
    has_drawing: bool = False  # a shape or picture of any kind
    shapes: list[Shape] = field(default_factory=list)
    tabs: list[tuple[str, int]] = field(default_factory=list)  # (alignment, position twips)
    section: int = 1  # the section (1-based) the paragraph belongs to
    piece: int | None = None  # for a paragraph split at a line break or a tab gap: which part
    column: int | None = None  # for a header typed with tabs: 0 left, 1 right
    element: Element | None = field(default=None, repr=False, compare=False)  # its w:p (fix)
    # Word's automatic number (numbering.xml), which is not part of `text`: «1.», «a)», «-»;
    # None when the paragraph is not in a list. list_level is its 0-based w:ilvl, list_id
    # the definition whose counters it advances, list_format the level's w:numFmt.
    label: str | None = None
    list_level: int | None = None
    list_id: str | None = None
    list_format: str | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def lines(self) -> list[Shape]:
        return [s for s in self.shapes if s.kind == "line"]


@dataclass
class Cell:
    paragraphs: list[Para]
    width_twips: int | None
    span: int = 1  # grid columns it covers (w:gridSpan)
    # w:vMerge: "restart" begins a cell merged down the rows, "continue" is a row it covers
    vmerge: str | None = None


@dataclass
class TableView:
    rows: list[list[Cell]]
    grid_twips: list[int]
    borders: bool
    index: int


@dataclass
class Section:
    page_width: int
    page_height: int
    margins: dict[str, int]  # twips: top, bottom, left, right
    title_page: bool
    page_start: int | None
    headers: dict[str, list[Para]]  # default/first/even -> paragraphs
    orientation: str = "portrait"
    footers: dict[str, list[Para]] = field(default_factory=dict)
    first_paragraph: int = 1  # index of its first paragraph (Para.index)
    element: Element | None = field(default=None, repr=False, compare=False)  # its w:sectPr

    @property
    def landscape(self) -> bool:
        return self.page_width > self.page_height or self.orientation == "landscape"


@dataclass
class DocxView:
    blocks: list[Para | TableView]  # body order
    sections: list[Section]
    footnotes: dict[int, list[Para]]
    default_fonts: dict[str, str]
    default_size: float | None
    core: dict[str, str]
    pages: int | None = None  # Word's own count at its last save (docProps/app.xml)

    def paragraphs(self) -> list[Para]:
        """Every paragraph in body order, table cells included."""
        out: list[Para] = []
        for block in self.blocks:
            if isinstance(block, Para):
                out.append(block)
            else:
                for row in block.rows:
                    for cell in row:
                        out.extend(cell.paragraphs)
        return out
