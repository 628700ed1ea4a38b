"""Nodes of the document tree.

The content layer builds these; writers (DOCX, text) lay them out. Nodes are frozen
dataclasses of plain values, so a tree pickles and compares cheaply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal


#: The date of a document whose plan gives no year (a draft's «năm 20…»): a fixed one, so
#: that two renders stay byte-identical.
UNDATED = dt.date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    underline: bool = False


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A real footnote: the mark goes where this stands, the runs go to the page foot."""

    runs: tuple[Run, ...]


Inline = Run | FootnoteRef

#: basis: a legal basis line; body: a justified paragraph; heading: a numbered heading
#: line (level 1 = I., 2 = 1., 3 = 1.1., …); caption: the line above a table («Biểu 01 …»).
ParagraphRole = Literal["basis", "body", "heading", "caption"]


def plain_text(runs) -> str:
    """The words of inline runs, footnote references left out."""
    return "".join(r.text for r in runs if isinstance(r, Run))


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Inline, ...]
    role: ParagraphRole = "body"
    level: int = 0

    @property
    def text(self) -> str:
        return plain_text(self.runs)


@dataclass(frozen=True, slots=True)
class Frame:
    """Centred lines inside a bordered box (the Ngày hội backdrop title)."""

    lines: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class TableCell:
    """A cell of the grid: its paragraphs, and how it merges. A cell spanning rows is
    followed, in the rows below, by `merged` cells that continue it (Word's vMerge)."""

    paragraphs: tuple[tuple[Inline, ...], ...]
    align: Literal["left", "center", "right", "justify"] = "left"
    span: int = 1  # columns (gridSpan)
    rows: int = 1  # rows, from this one down (vMerge restart when > 1)
    merged: bool = False  # continues the cell above


@dataclass(frozen=True, slots=True)
class Table:
    headings: tuple[str, ...]
    widths_cm: tuple[float | None, ...]  # None: the writer shares the width by content
    rows: tuple[tuple[TableCell, ...], ...]  # each row's cells in grid order


Block = Paragraph | Frame | Table


@dataclass(frozen=True, slots=True)
class Header:
    """Page-1 header: issuing body on the left, Quốc hiệu on the right."""

    parent_lines: tuple[str, ...]
    body_lines: tuple[str, ...]
    number_line: str  # "Số: 1238/BCĐ-CAT-PV05"
    place_date: str  # "Cao Bằng, ngày 04 tháng 4 năm 2022"


@dataclass(frozen=True, slots=True)
class Title:
    name: str  # "KẾ HOẠCH"
    subject: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Addressees:
    """ô 9a under the subject: «Kính gửi: Công an tỉnh.» when there is one, else «Kính
    gửi:» with a line per recipient under it, «- …;», the last «- ….»."""

    label: str  # "Kính gửi:"
    lines: tuple[str, ...]  # each printed line, punctuation included

    @property
    def single(self) -> bool:
        return len(self.lines) == 1 and not self.lines[0].startswith("- ")


@dataclass(frozen=True, slots=True)
class Closing:
    recipients: tuple[str, ...]  # each printed line, punctuation included
    signer_titles: tuple[str, ...]
    signer_post: str | None
    signer_name: str
    # lists after «- Lưu: …», each (label with its colon, printed lines)
    after_filing: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Part:
    """An appendix: its label, title, 'Kèm theo' line and content, on new pages."""

    label: str
    title: str | None
    attached_to: str
    blocks: tuple[Block, ...]
    landscape: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    header: Header
    title: Title
    body: tuple[Block, ...]
    closing: Closing
    appendices: tuple[Part, ...] = ()
    date: dt.date = UNDATED  # document properties take their dates from here
    author: str = ""
    addressees: Addressees | None = None  # «Kính gửi:» of a báo cáo, a tờ trình
