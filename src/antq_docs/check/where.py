"""Locations a clerk can find in Word: «header, left column», «body, II.1, paragraph 3»,
«Nơi nhận, line 4», «appendix I, table 2, row 5» — not a paragraph count."""

from __future__ import annotations

import re

from ..inspect.docx_read import Para
from ..i18n import N_, _
from .locate import Parts, numbered

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
    story = _stories(parts).get(id(para))
    if story is not None:
        return story
    if para.cell is not None:
        table, row, column = para.cell
        return _zone(parts, para) + _("table {table}, row {row}, cell {column}").format(
            table=table, row=row, column=column
        )
    return _zone(parts, para) + _("paragraph {number}").format(number=para.index)


_STORIES = {
    ("header", "default"): N_("header"),
    ("header", "first"): N_("first-page header"),
    ("header", "even"): N_("even-page header"),
    ("footer", "default"): N_("footer"),
    ("footer", "first"): N_("first-page footer"),
    ("footer", "even"): N_("even-page footer"),
}


def _stories(parts: Parts) -> dict[int, str]:
    """Headers, footers and footnotes are not in the reading order of the page: each of
    their paragraphs is named by its own part («header of section 2, paragraph 1»)."""
    stories: dict[int, str] | None = parts.__dict__.get("_stories")
    if stories is not None:
        return stories
    stories = parts.__dict__["_stories"] = {}
    for number, section in enumerate(parts.view.sections, start=1):
        for part, kinds in (("header", section.headers), ("footer", section.footers)):
            for kind, paragraphs in kinds.items():
                story = _(_STORIES.get((part, kind), _STORIES[(part, "default")]))
                for count, para in enumerate(paragraphs, start=1):
                    stories.setdefault(
                        id(para),
                        _("{story} of section {number}, paragraph {count}").format(
                            story=story, number=number, count=count
                        ),
                    )
    for note, paragraphs in parts.view.footnotes.items():
        for count, para in enumerate(paragraphs, start=1):
            stories.setdefault(
                id(para),
                _("footnote {note}, paragraph {count}").format(note=note, count=count),
            )
    return stories


def _zone(parts: Parts, para: Para) -> str:
    if not _in_reading(parts, para):
        return ""
    for appendix in reversed(parts.appendices):
        if parts.pos(para) >= parts.pos(appendix.heading):
            return _("appendix {number}, ").format(number=appendix.number)
    return ""


def _in_reading(parts: Parts, para: Para) -> bool:
    try:
        parts.pos(para)
    except KeyError:
        return False
    return True


def _labels(parts: Parts) -> dict[int, str]:
    labels: dict[int, str] = {}

    def name(para: Para | None, label: str) -> None:
        if para is not None:
            labels.setdefault(id(para), label)

    def header(para: Para | None, what: str) -> None:
        if para is not None:
            side = _side(para)
            name(
                para,
                _("header, {side} column, {what}").format(side=side, what=what)
                if side
                else _("header, {what}").format(what=what),
            )

    header(parts.national_title, "Quốc hiệu")
    header(parts.motto, "Tiêu ngữ")
    header(parts.number_line, _("the «Số» line"))
    header(parts.place_date, _("place and date"))
    for para in parts.issuer_lines:
        header(para, _("issuing body"))
    for para in parts.summary:  # a V/v under «Số» in the header table
        if _side(para):
            header(para, _("«V/v» line"))
    for para in parts.paragraphs[: parts.pos(parts.title) if parts.title is not None else 12]:
        side = _side(para)
        if side:
            name(para, _("header, {side} column").format(side=side))
    name(parts.title, _("title"))
    for para in parts.subject:
        name(para, _("subject (trích yếu)"))
    for para in parts.summary:
        name(para, _("«V/v» line"))
    for para in parts.addressees:
        name(para, "Kính gửi")
    _body_labels(parts, name)
    name(parts.recipients_label, "Nơi nhận")
    for number, para in enumerate(parts.recipients, start=1):
        name(para, _("Nơi nhận, line {n}").format(n=number))
    for para in parts.signature:
        name(para, _("signature block"))
    for appendix in parts.appendices:
        name(appendix.heading, _("appendix {number}, heading").format(number=appendix.number))
    return labels


def _side(para: Para) -> str:
    if para.column is not None:
        return _("left") if para.column == 0 else _("right")
    if para.cell is not None and para.cell[0] == 1:
        return _("left") if para.cell[2] == 1 else _("right")
    return ""


def _body_labels(parts: Parts, name) -> None:
    """«body, II.1, paragraph 3»: the nearest heading above, and the count from it."""
    heading = ""
    roman = ""
    count = 0
    for para in parts.body:
        text = numbered(para)
        match_roman, match_arabic = _ROMAN.match(text), _ARABIC.match(text)
        if match_roman:
            roman = heading = match_roman[1]
            count = 0
            name(para, _("body, heading {heading}").format(heading=heading))
            continue
        if match_arabic and len(text) < 200:
            heading = f"{roman}.{match_arabic[1]}" if roman else match_arabic[1]
            count = 0
            name(para, _("body, {heading}").format(heading=heading))
            continue
        count += 1
        where = (
            _("body, {heading}, paragraph {count}") if heading else _("body, paragraph {count}")
        ).format(heading=heading, count=count)
        name(para, where)
