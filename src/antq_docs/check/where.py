"""Locations a clerk can find in Word: «header, left column», «body, II.1, paragraph 3»,
«Nơi nhận, line 4», «appendix I, table 2, row 5» — not a paragraph count."""

from __future__ import annotations

import re

from ..inspect.docx_read import Para
from .locate import Parts, squash

__all__ = ["where"]

_ROMAN = re.compile(r"^([IVXLC]+)\.\s")
_ARABIC = re.compile(r"^(\d+(?:\.\d+)*)\.\s")
_LETTER = re.compile(r"^([a-zđ])\)\s")


def where(parts: Parts, para: Para) -> str:
    labels = getattr(parts, "_labels", None)
    if labels is None:
        labels = parts._labels = _labels(parts)  # type: ignore[attr-defined]
    found = labels.get(id(para))
    if found:
        return found
    if para.cell is not None:
        table, row, column = para.cell
        return f"{_zone(parts, para)}table {table}, row {row}, cell {column}"
    return f"{_zone(parts, para)}paragraph {para.index}"


def _zone(parts: Parts, para: Para) -> str:
    for appendix in reversed(parts.appendices):
        if parts.pos(para) >= parts.pos(appendix.heading):
            return f"appendix {appendix.number}, "
    return ""


def _labels(parts: Parts) -> dict[int, str]:
    labels: dict[int, str] = {}

    def name(para: Para | None, label: str) -> None:
        if para is not None:
            labels.setdefault(id(para), label)

    def header(para: Para | None, what: str) -> None:
        if para is not None:
            side = _side(para)
            name(para, f"header, {side} column, {what}" if side else f"header, {what}")

    header(parts.national_title, "Quốc hiệu")
    header(parts.motto, "Tiêu ngữ")
    header(parts.number_line, "the «Số» line")
    header(parts.place_date, "place and date")
    for para in parts.issuer_lines:
        header(para, "issuing body")
    for para in parts.paragraphs[: parts.pos(parts.title) if parts.title is not None else 12]:
        side = _side(para)
        if side:
            name(para, f"header, {side} column")
    name(parts.title, "title")
    for para in parts.subject:
        name(para, "subject (trích yếu)")
    for para in parts.summary:
        name(para, "«V/v» line")
    for para in parts.addressees:
        name(para, "Kính gửi")
    _body_labels(parts, name)
    name(parts.recipients_label, "Nơi nhận")
    for number, para in enumerate(parts.recipients, start=1):
        name(para, f"Nơi nhận, line {number}")
    for para in parts.signature:
        name(para, "signature block")
    for appendix in parts.appendices:
        name(appendix.heading, f"appendix {appendix.number}, heading")
    return labels


def _side(para: Para) -> str:
    if para.column is not None:
        return "left" if para.column == 0 else "right"
    if para.cell is not None and para.cell[0] == 1:
        return "left" if para.cell[2] == 1 else "right"
    return ""


def _body_labels(parts: Parts, name) -> None:
    """«body, II.1, paragraph 3»: the nearest heading above, and the count from it."""
    heading = ""
    roman = ""
    count = 0
    for para in parts.body:
        text = squash(para.text)
        match_roman, match_arabic = _ROMAN.match(text), _ARABIC.match(text)
        if match_roman:
            roman = heading = match_roman[1]
            count = 0
            name(para, f"body, heading {heading}")
            continue
        if match_arabic and len(text) < 200:
            heading = f"{roman}.{match_arabic[1]}" if roman else match_arabic[1]
            count = 0
            name(para, f"body, {heading}")
            continue
        count += 1
        where = f"body, {heading}, paragraph {count}" if heading else f"body, paragraph {count}"
        name(para, where)
