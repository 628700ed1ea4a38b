"""The lines a reader sees, cut out of the paragraphs Word users actually type.

- A line break (`<w:br/>`) starts a new line: «Nơi nhận:» and its first item, or the Quốc
  hiệu and the Tiêu ngữ, are often one paragraph.
- In the header and in the closing, a gap of tabs or of three or more spaces separates two
  columns: «ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI …» is the left and the right column of a header
  typed without a table. Elsewhere a tab is just a tab.

Each line is a Para with the same paragraph properties and position as its paragraph, the
runs cut to its text, `piece` set and, for a column, `column` 0 (left) or 1 (right).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..inspect.docx_read import DocxView, Para, TextRun
from .doctype import type_of_title

__all__ = ["reading_lines"]

_GAP = re.compile(r"\t+|\s{3,}")
_HEADER_LINES = 10


def reading_lines(view: DocxView) -> list[Para]:
    lines: list[Para] = []
    for para in view.paragraphs():
        lines += _at_breaks(para)
    header_end = _header_end(lines)
    closing_start = next(
        (
            i
            for i, p in enumerate(lines)
            if p.cell is None and " ".join(p.text.split()).lower().startswith("nơi nhận")
        ),
        None,
    )
    out: list[Para] = []
    for index, line in enumerate(lines):
        in_header = index < header_end
        in_closing = (
            closing_start is not None
            and index >= closing_start
            and line.section == lines[closing_start].section
        )
        if line.cell is None and (in_header or in_closing):
            out += _at_gaps(line)
        else:
            out.append(line)
    return out


def _header_end(lines: list[Para]) -> int:
    """The header is what comes before the tên loại, the «V/v» line or «Kính gửi», and
    never more than its first few lines."""
    seen = 0
    for index, line in enumerate(lines):
        text = " ".join(line.text.split())
        if not text:
            continue
        if type_of_title(text) or text.startswith(("V/v", "Kính gửi")):
            return index
        seen += 1
        if seen > _HEADER_LINES:
            return index
    return len(lines)


def _at_breaks(para: Para) -> list[Para]:
    groups: list[list[TextRun]] = [[]]
    for run in para.runs:
        if run.text == "\n":
            groups.append([])
        else:
            groups[-1].append(run)
    if len(groups) == 1:
        return [para]
    # A drawn rule belongs under the whole paragraph: it goes with its last line.
    return [
        replace(
            para,
            runs=runs,
            piece=i,
            shapes=para.shapes if i == len(groups) - 1 else [],
            before_twips=para.before_twips if i == 0 else 0,
            after_twips=para.after_twips if i == len(groups) - 1 else 0,
        )
        for i, runs in enumerate(groups)
    ]


def _at_gaps(para: Para) -> list[Para]:
    text = para.text
    gaps = [m for m in _GAP.finditer(text)]
    if not gaps:
        return [para]
    stripped = text.strip()
    if not stripped:
        return [para]
    leading = text[: len(text) - len(text.lstrip())]
    inner = [
        m
        for m in gaps
        if m.start() > len(leading) and m.end() < len(text.rstrip()) and not _draft_blank(text, m)
    ]
    if not inner:
        # Only a leading gap: the whole line sits in the right column.
        return [replace(para, column=1)] if _GAP.fullmatch(leading or "x") else [para]
    cut = inner[0]
    left = replace(para, runs=_slice(para.runs, 0, cut.start()), column=0)
    right = replace(
        para, runs=_slice(para.runs, cut.end(), len(text)), column=1, piece=(para.piece or 0) + 1
    )
    return [left, right]


_BLANK_BEFORE = re.compile(r"(Số\s*:?|ngày|tháng|năm)\s*$", re.IGNORECASE)
_BLANK_AFTER = re.compile(r"^\s*(/|tháng|năm)", re.IGNORECASE)


def _draft_blank(text: str, gap: re.Match) -> bool:
    """«Số:      /UBND-NC», «ngày      tháng»: room left for the văn thư, not a column."""
    return bool(_BLANK_BEFORE.search(text[: gap.start()]) or _BLANK_AFTER.match(text[gap.end() :]))


def _slice(runs: list[TextRun], start: int, end: int) -> list[TextRun]:
    out = []
    position = 0
    for run in runs:
        low, high = position, position + len(run.text)
        position = high
        if high <= start or low >= end:
            if run.footnote is not None and start <= low < end:
                out.append(run)
            continue
        out.append(replace(run, text=run.text[max(start - low, 0) : min(end, high) - low]))
    return out
