"""The parts of a typed Kế hoạch in reading order: the header (a two-column table or lines
laid out with tabs), the title and subject, the body, the closing (Nơi nhận and signature,
in a table or tab-laid) and the appendices. Each part is kept as the reader's paragraphs
and tables, for the modules that turn it into plan keys."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..inspect.model import DocxView, Para, TableView
from .markup import plain

__all__ = ["Line", "DocumentParts", "split_document", "TITLE_WORDS", "cell_lines"]

TITLE_WORDS = "KẾ HOẠCH"
_RECIPIENTS = re.compile(r"^\s*nơi\s+nhận\b", re.IGNORECASE)
_APPENDIX = re.compile(r"^\s*phụ\s+lục\b", re.IGNORECASE)
# spaces before «tháng», «năm» or «/» are a draft's blank day, month or number, not a gap
_TAB_GAP = re.compile(r"\t+| {4,}(?!\s|tháng|năm|/)")


@dataclass
class Line:
    """One line a reader sees: a paragraph, or the part of one between tab gaps."""

    text: str
    para: Para
    column: int = 0  # 0: the left column of a two-column block, 1: the right

    @property
    def bold(self) -> bool:
        inked = [r for r in self.para.runs if r.text.strip()]
        return bool(inked) and all(r.bold for r in inked)


@dataclass
class DocumentParts:
    header: list[Line] = field(default_factory=list)
    title: Para | None = None
    subject: list[Para] = field(default_factory=list)
    body: list[Para | TableView] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    appendices: list[list[Para | TableView]] = field(default_factory=list)


def _text(block: Para | TableView) -> str:
    return " ".join(plain(block.runs).split()) if isinstance(block, Para) else ""


def cell_lines(table: TableView) -> list[Line]:
    """A layout table's lines, column by column (left column first), each paragraph cut
    at its line breaks."""
    out: list[Line] = []
    columns = max((len(row) for row in table.rows), default=0)
    for column in range(columns):
        for row in table.rows:
            if column < len(row):
                for para in row[column].paragraphs:
                    out += [
                        Line(piece, para, min(column, 1)) for piece in plain(para.runs).split("\n")
                    ]
    return out


def _tab_lines(para: Para) -> list[Line]:
    """A paragraph laid out with tabs: the text before the gap is the left column's."""
    out: list[Line] = []
    for piece in plain(para.runs).split("\n"):
        parts = [p for p in _TAB_GAP.split(piece)]
        if len(parts) > 1 and parts[0].strip():
            out.append(Line(parts[0], para, 0))
            out += [Line(p, para, 1) for p in parts[1:] if p.strip()]
        elif len(parts) > 1:
            out += [Line(p, para, 1) for p in parts if p.strip()]
        else:
            out.append(Line(piece, para, 0))
    return out


def _is_title(block: Para | TableView) -> bool:
    return isinstance(block, Para) and _text(block).upper() == TITLE_WORDS


def split_document(view: DocxView) -> DocumentParts:
    parts = DocumentParts()
    blocks = list(view.blocks)
    title_at = next((i for i, b in enumerate(blocks) if _is_title(b)), None)
    if title_at is None:
        return parts
    for block in blocks[:title_at]:
        parts.header += cell_lines(block) if isinstance(block, TableView) else _tab_lines(block)
    title = blocks[title_at]
    parts.title = title if isinstance(title, Para) else None
    index = title_at + 1
    while index < len(blocks):
        para = blocks[index]
        if not isinstance(para, Para):
            break
        text = _text(para)
        if not text or para.align != "center" or re.match(r"^(Căn cứ|Thực hiện)\b", text):
            break
        parts.subject.append(para)
        index += 1
    closing_at = next((i for i in range(index, len(blocks)) if _holds_recipients(blocks[i])), None)
    end = closing_at if closing_at is not None else len(blocks)
    parts.body = [b for b in blocks[index:end]]
    if closing_at is None:
        return parts
    after = closing_at
    closing = blocks[closing_at]
    if isinstance(closing, TableView):
        parts.closing = cell_lines(closing)
        after = closing_at + 1
    else:
        while after < len(blocks):
            line = blocks[after]
            if not isinstance(line, Para) or _APPENDIX.match(_text(line)):
                break
            parts.closing += _tab_lines(line)
            after += 1
        signed = blocks[after] if after < len(blocks) else None
        if isinstance(signed, TableView) and not any(
            _APPENDIX.match(line.text) for line in cell_lines(signed)
        ):
            parts.closing += cell_lines(signed)  # a signature in its own table
            after += 1
    parts.appendices = _appendices(blocks[after:])
    return parts


def _holds_recipients(block: Para | TableView) -> bool:
    if isinstance(block, Para):
        return bool(_RECIPIENTS.match(_text(block)))
    return any(_RECIPIENTS.match(line.text) for line in cell_lines(block))


def _appendices(blocks: list[Para | TableView]) -> list[list[Para | TableView]]:
    """Each appendix from its «Phụ lục» line (or its first line when a new page starts
    without one) to the next."""
    out: list[list[Para | TableView]] = []
    for block in blocks:
        text = _text(block)
        starts = (
            isinstance(block, Para)
            and bool(_APPENDIX.match(text))
            and (block.align == "center" or len(text) < 40)
        )
        if starts or (not out and text):
            out.append([])
        if out:
            out[-1].append(block)
    return [a for a in out if any(_text(b) or isinstance(b, TableView) for b in a)]
