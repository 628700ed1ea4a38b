"""Finding the parts of an administrative document in any DOCX, by their words and places.

A document typed by hand has no markers, so each part is recognised as a reader would:
the Quốc hiệu by its words, the number line by "Số", the title by the document-type name,
Nơi nhận by its label; the body is what lies between the subject and Nơi nhận.

Word users lay the same page out in many ways, so paragraphs are first cut into the lines a
reader sees (lines.py): at line breaks, and at the tab gaps of a header or a closing typed
without a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..inspect.docx_read import DocxView, Para
from ..inspect.model import TableView
from .doctype import CONG_VAN, type_of_symbol, type_of_title
from .lines import reading_lines
from .text import squash
from ..i18n import _

if TYPE_CHECKING:
    from .appendices import Appendix

__all__ = ["Parts", "locate", "excerpt", "numbered", "squash"]

_NATIONAL = re.compile(r"XÃ\s*HỘI\s*CHỦ\s*NGHĨA", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^[^,]{1,60},\s*ngày\b.*\bnăm\b")
_NUMBER = re.compile(r"^Số\b\s*:?")
_APPENDIX = re.compile(r"^phụ\s+lục\b", re.IGNORECASE)


def numbered(para: Para) -> str:
    """The line as a reader sees it: Word's automatic number («1.», «a)», «II.») before its
    text, so a khoản numbered by Word is judged as a typed one is; bullets are left out."""
    text = squash(para.text)
    label = squash(para.label or "")
    if not label or para.list_format in ("bullet", "none"):
        return text
    return f"{label} {text}"


def excerpt(para: Para, length: int = 50) -> str:
    text = squash(para.text)
    return text if len(text) <= length else text[: length - 1] + "…"


@dataclass
class Parts:
    view: DocxView
    paragraphs: list[Para]  # reading lines, in order
    kind: str = "?"  # what the document was recognised as
    administrative: bool = True
    national_title: Para | None = None
    motto: Para | None = None
    issuer_lines: list[Para] = field(default_factory=list)
    number_line: Para | None = None
    place_date: Para | None = None
    title: Para | None = None
    subject: list[Para] = field(default_factory=list)
    summary: list[Para] = field(default_factory=list)  # a công văn's «V/v …» lines
    addressees: list[Para] = field(default_factory=list)  # «Kính gửi: …»
    body: list[Para] = field(default_factory=list)
    recipients_label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    attached: bool = False  # issued with a Quyết định (Mẫu 1.3): no number, date, Nơi nhận

    def pos(self, para: Para) -> int:
        """The line's position in reading order (a dictionary: documents of thousands of
        paragraphs must not be searched line by line for every rule)."""
        positions = self.__dict__.get("_positions")
        if positions is None:
            positions = self.__dict__["_positions"] = {
                id(p): i for i, p in enumerate(self.paragraphs)
            }
        return positions[id(para)]

    def following(self, para: Para) -> Para | None:
        """The next line in the same container (cell or body), if any."""
        index = self.pos(para) + 1
        if index < len(self.paragraphs) and self.paragraphs[index].cell == para.cell:
            return self.paragraphs[index]
        return None

    def below(self, para: Para) -> list[Para]:
        """Where a rule under `para` may be anchored: its own paragraph, the next lines in
        its cell (or the next two in the body), and the same column of the next table row."""
        out = [para]
        index = self.pos(para)
        later = self.paragraphs[index + 1 :]
        if para.cell is None:
            out += [p for p in later[:3] if p.cell is None and not squash(p.text)][:2]
            out += [p for p in later[:1] if p.cell is None]
            return out
        table, row, column = para.cell
        same = [p for p in later if p.cell == para.cell]
        out += same[:2]
        if not same or not any(squash(p.text) for p in same):
            columns = self._grid(table, row, column)
            out += [
                p
                for p in later
                if p.cell is not None
                and p.cell[0] == table
                and p.cell[1] == row + 1
                and not columns.isdisjoint(self._grid(*p.cell))
            ][:4]
        return out

    def _grid(self, table: int, row: int, column: int) -> set[int]:
        """The grid columns a cell covers (its w:gridSpan counted), so that a rule in the
        next row is looked for under the same text whatever cells are merged there: the
        Tiêu ngữ's rule is not the issuing body's."""
        for block in self.view.blocks:
            if isinstance(block, TableView) and block.index == table and row <= len(block.rows):
                cells = block.rows[row - 1]
                start = sum(cell.span for cell in cells[: column - 1])
                span = cells[column - 1].span if column <= len(cells) else 1
                return set(range(start, start + max(span, 1)))
        return {column}


def _filled(paragraphs: list[Para]) -> list[Para]:
    return [p for p in paragraphs if squash(p.text)]


def locate(view: DocxView) -> Parts:
    paragraphs = reading_lines(view)
    parts = Parts(view, paragraphs)
    filled = _filled(paragraphs)
    head = filled[:16]
    parts.national_title = next((p for p in head if _NATIONAL.search(p.text)), None)
    if parts.national_title is not None:
        after = filled[filled.index(parts.national_title) + 1 :][:3]
        parts.motto = next(
            (p for p in after if "lập" in p.text.lower() and "do" in p.text.lower()), None
        )
    parts.number_line = next((p for p in head if _NUMBER.match(squash(p.text))), None)
    parts.place_date = next((p for p in head if _PLACE_DATE.match(squash(p.text))), None)
    parts.title = next(
        (p for p in filled[:30] if type_of_title(squash(p.text)) and p.align == "center"), None
    )
    _recognise(parts, filled)
    if not parts.administrative:
        return parts
    parts.issuer_lines = _issuer_lines(parts, filled)
    label_index = next(
        (i for i, p in enumerate(filled) if squash(p.text).lower().startswith("nơi nhận")), None
    )
    _top_matter(parts, filled, label_index)
    if label_index is not None:
        _closing(parts, filled, filled[label_index])
    from .appendices import find_appendices

    parts.appendices = find_appendices(filled, lambda p: _after_closing(parts, p))
    return parts


def _recognise(parts: Parts, filled: list[Para]) -> None:
    """The type, from the ký hiệu, the tên loại or a «V/v» line; or not administrative."""
    by_symbol = type_of_symbol(squash(parts.number_line.text)) if parts.number_line else None
    by_title = type_of_title(squash(parts.title.text)) if parts.title else None
    has_vv = any(squash(p.text).startswith("V/v") for p in filled[:20])
    known_type = by_symbol or by_title
    if known_type:
        parts.kind = known_type
    elif has_vv and parts.number_line is not None:
        parts.kind = CONG_VAN
    # A text issued with a Quyết định (Mẫu 1.3) has a tên loại and a «kèm theo» line but no
    # number of its own.
    attached = (
        parts.number_line is None
        and by_title is not None
        and any("kèm theo" in squash(p.text).lower() for p in filled[:30])
    )
    parts.attached = attached
    known = parts.kind != "?"
    parts.administrative = (
        parts.national_title is not None and known and (parts.number_line is not None or attached)
    )
    if not parts.administrative:
        title = next((squash(p.text) for p in filled[:3] if squash(p.text).isupper()), "")
        parts.kind = (
            _("not administrative ({title})").format(title=title.capitalize())
            if title
            else _("not administrative")
        )


def _top_matter(parts: Parts, filled: list[Para], label_index: int | None) -> None:
    """Subject (or V/v), Kính gửi, an authority line, then the body up to Nơi nhận."""
    end = label_index if label_index is not None else len(filled)
    first_appendix = next(
        (i for i, p in enumerate(filled) if p.section > 1 and _APPENDIX.match(squash(p.text))), None
    )
    if first_appendix is not None and label_index is None:
        end = first_appendix
    if label_index is None:
        end = _end_without_recipients(parts, filled, end)
    if parts.title is not None:
        start = filled.index(parts.title) + 1
        subject: list[Para] = []
        for para in filled[start:end]:
            if subject and _ruled_between(parts, subject[-1], para):
                break  # the subject's rule closes it (a quyết định's authority line follows)
            if (
                para.align == "center"
                and all(r.bold for r in para.runs if r.text.strip())
                and para.cell is None
                and not _is_heading_number(para)
            ):
                subject.append(para)
            else:
                break
        parts.subject = subject
        start += len(subject)
    elif parts.kind == CONG_VAN:
        # the V/v stands under the Số line, before or after the date in reading order
        # (a header table is read row by row: «Số» and «V/v» left, the date right)
        anchor = parts.number_line or parts.place_date
        start = filled.index(anchor) + 1 if anchor in filled else 0
        vv = [p for p in filled[start : start + 6] if squash(p.text).startswith("V/v")]
        if vv:  # the V/v may run over two or three lines
            first = filled.index(vv[0])
            block = [vv[0]]
            for para in filled[first + 1 : first + 4]:
                if (
                    para.cell == vv[0].cell
                    and para.align == vv[0].align
                    and not squash(para.text).startswith("Kính gửi")
                ):
                    block.append(para)
                else:
                    break
            parts.summary = block
            start = filled.index(block[-1]) + 1
        if parts.place_date in filled:
            start = max(start, filled.index(parts.place_date) + 1)
    else:
        start = filled.index(parts.place_date) + 1 if parts.place_date in filled else 0
    rest = filled[start:end]
    # A rule typed as underscores under the subject or the V/v; Kính gửi and its dash
    # lines and «(địa chỉ: …)» notes (công văn, tờ trình, báo cáo); then, in a quyết định,
    # the authority line in capitals («CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …»).
    index = 0
    while index < len(rest) and is_typed_rule(rest[index]):
        index += 1
    if index < len(rest) and squash(rest[index].text).startswith("Kính gửi"):
        parts.addressees.append(rest[index])
        index += 1
        while index < len(rest) and _addressee_line(squash(rest[index].text)):
            parts.addressees.append(rest[index])
            index += 1
    while index < len(rest) and _is_authority(rest[index]):
        index += 1
    parts.body = [
        p
        for p in rest[index:]
        if p.cell is None and p.section == (rest[index].section if index < len(rest) else 1)
    ]


_TYPED_RULE = frozenset("_-–—")
_SIGNER = re.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s+\S")


def is_typed_rule(para: Para) -> bool:
    """A line drawn with the keyboard: «__________» or «-----------»."""
    text = squash(para.text).replace(" ", "")
    return len(text) >= 5 and set(text) <= _TYPED_RULE


def _addressee_line(text: str) -> bool:
    """«- Sở Nội vụ;» under «Kính gửi:», however aligned, or its «(địa chỉ: …)» note."""
    return text.startswith(("- ", "+ ", "– ")) or (text.startswith("(") and text.endswith(")"))


def _end_without_recipients(parts: Parts, filled: list[Para], end: int) -> int:
    """Without Nơi nhận the body ends at the signer's authority line («TM. ỦY BAN NHÂN
    DÂN») or at the first appendix heading, which are then read as what they are."""
    start = filled.index(parts.title) + 1 if parts.title in filled else 0
    for index in range(start, end):
        para = filled[index]
        text = squash(para.text)
        if para.align == "center" and (
            _SIGNER.match(text) or (_APPENDIX.match(text) and len(text) < 40)
        ):
            if _SIGNER.match(text):
                for line in filled[index : index + 8]:
                    if _APPENDIX.match(squash(line.text)):
                        break
                    parts.signature.append(line)
            return index
    return end


def _ruled_between(parts: Parts, upper: Para, lower: Para) -> bool:
    """A rule (border, line shape) under `upper`, before `lower`."""
    if upper.border_bottom or upper.lines:
        return True
    between = parts.paragraphs[parts.pos(upper) + 1 : parts.pos(lower)]
    return any(p.border_top or p.border_bottom or p.lines for p in between)


def _is_heading_number(para: Para) -> bool:
    return bool(re.match(r"^([IVXLC]+|\d+)\.\s", squash(para.text)))


def _is_authority(para: Para) -> bool:
    text = squash(para.text)
    return (
        para.align == "center" and text.isupper() and (len(text.split()) >= 2 or text.endswith(":"))
    )


def _issuer_lines(parts: Parts, filled: list[Para]) -> list[Para]:
    """The lines above the number line in its column (parent body, issuing body)."""
    anchor = parts.number_line
    if anchor is None:
        return []
    index = filled.index(anchor)
    lines: list[Para] = []
    for para in reversed(filled[:index]):
        if para is parts.national_title or para is parts.motto or para is parts.place_date:
            continue
        if anchor.cell is not None and para.cell is not None and para.cell[2] != anchor.cell[2]:
            continue
        if para.column == 1 or (anchor.cell is not None) != (para.cell is not None):
            continue
        if is_typed_rule(para):
            continue  # the rule under the body, typed as «________»: measured, not a name
        lines.insert(0, para)
    return lines


def _closing(parts: Parts, filled: list[Para], label: Para) -> None:
    """Nơi nhận (its items below the label: the same cell, or the next row of the same
    column, or the left column of a closing typed with tabs) and the signer's lines."""
    parts.recipients_label = label
    index = filled.index(label)
    later = filled[index + 1 :]
    if label.cell is not None:
        table, row, column = label.cell
        items = [p for p in later if p.cell == label.cell]
        if not items:
            items = [p for p in later if p.cell == (table, row + 1, column)]
        parts.recipients = items
        parts.signature = [
            p
            for p in filled
            if p.cell is not None
            and p.cell[0] == table
            and p.cell[1] in (row, row + 1)
            and p.cell[2] != column
            and parts.pos(p) > parts.pos(label) - 3
        ]
        return
    if label.column is not None:  # a closing typed with tabs: list left, signer right
        parts.recipients = [
            p
            for p in later
            if p.column != 1 and p.cell is None and squash(p.text).startswith(("-", "–"))
        ]
        parts.signature = [p for p in filled[index:] if p.column == 1][:8]
        parts.signature += [
            p for p in later if p.column is None and p.cell is None and p.align == "center"
        ][:4]
        return
    parts.recipients = []
    for para in later:
        if para.cell is None and squash(para.text).startswith(("-", "–")):
            parts.recipients.append(para)
        elif parts.recipients:
            break
    after = filled[filled.index(parts.recipients[-1]) + 1 :] if parts.recipients else later
    parts.signature = [p for p in after if p.cell is None][:8]


def _after_closing(parts: Parts, para: Para) -> bool:
    end = parts.recipients[-1] if parts.recipients else parts.recipients_label
    return end is None or parts.pos(para) > parts.pos(end)
