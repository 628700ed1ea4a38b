"""`--year Y`: the plan re-issued for year Y. The date is already a draft of Y (header.py);
the plan's own year is replaced only where it is the plan's: the subject and «năm YYYY» in
section titles and the preamble's sentence — never in the dates of căn cứ or in tables.
Anniversary counts of a founding date antq knows move with the year («kỷ niệm 80 năm Ngày
truyền thống Công an nhân dân (19/8/1945 - 19/8/2025)» becomes «81 năm … - 19/8/2026)») in the
subject, the preamble's sentence, section titles and the texts of items. Every replacement
is listed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..i18n import _
from ..validate.templating import CAND_FOUNDED, FESTIVAL_FOUNDED
from .notes import Notes

__all__ = ["reissue"]


_YEAR = re.compile(r"(?<![\d/.-])(19[5-9]\d|2[01]\d\d)(?![\d/])")
# «2025 - 2029», «2021-2025»: a period, which a new year does not move
_PERIOD_BEFORE = re.compile(r"\d{4}\s*[-–]\s*$")
_PERIOD_AFTER = re.compile(r"^\s*[-–]\s*\d{4}")
# The founding dates antq counts anniversaries from (the kinds' `cand_anniversary()` and
# `festival_anniversary()`), each with the words that name it after «80 năm …».
_FOUNDINGS = (
    (CAND_FOUNDED, r"Công an nhân dân|CAND"),
    (FESTIVAL_FOUNDED, r"Ngày hội"),
)
# Keys of an item whose words are the plan's own text (its table is left as written).
_ITEM_TEXTS = ("title", "text", "after", "steps", "frame")


def _years(text: str) -> list[re.Match[str]]:
    """The years standing alone in `text`: not in a date, not an end of a period."""
    return [
        m
        for m in _YEAR.finditer(text)
        if not _PERIOD_BEFORE.search(text[: m.start()]) and not _PERIOD_AFTER.match(text[m.end() :])
    ]


def _replace(text: str, old: int, new: int) -> str:
    for match in reversed([m for m in _years(text) if int(m[1]) == old]):
        text = text[: match.start()] + str(new) + text[match.end() :]
    return text


def _count(founded: int, name: str, old: int) -> re.Pattern[str]:
    """«80 năm» counted from `founded` in `old`, followed in the same clause (no «.;:()»,
    no other «N năm») by the words that name the founding."""
    clause = r"(?:(?!\d+\s+năm\b)[^.;:()\n])"
    return re.compile(
        rf"(?<![\d/.,]){old - founded}(?=\s+năm\s+{clause}{{0,80}}?(?:{name}))", re.IGNORECASE
    )


def _span(founded: int, end: str) -> re.Pattern[str]:
    """A count's own span, «(19/8/1945 - 19/8/2025)» or «(1945 - 2025)»: its start, then its
    end year (`end`, a pattern)."""
    day = r"(?:\d{1,2}/\d{1,2}/)?"
    return re.compile(rf"(\(\s*{day}{founded}\s*[-–]\s*{day})({end})(?=\s*\))")


def _moved_counts(text: str, old: int, new: int) -> tuple[str, list[str]]:
    """`text` with the anniversary counts and spans of `old` moved to `new`, and what moved."""
    moved = []
    for founded, name in _FOUNDINGS:
        count = old - founded
        if count <= 0:
            continue
        text, found = _count(founded, name, old).subn(str(count + new - old), text)
        if found:
            moved.append(
                _(
                    "the anniversary «{old} năm» replaced by «{new} năm» (counted from {founded})"
                ).format(old=count, new=count + new - old, founded=founded)
            )
        text, found = _span(founded, str(old)).subn(rf"\g<1>{new}", text)
        if found:
            moved.append(
                _("the anniversary's span «{founded} - {old}» now ends in {new}").format(
                    founded=founded, old=old, new=new
                )
            )
    return text, moved


def _texts(plan: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], Any, Any]]:
    """(path, container, key) of every text where a count may move: the subject, the
    preamble's sentence(s), and the titles and texts of items at any depth — not the bases,
    not tables."""
    yield ("subject",), plan, "subject"
    preamble = plan.get("preamble")
    if isinstance(preamble, dict):
        yield from _strings(("preamble", "text"), preamble, "text")
    for index in range(len(plan.get("sections", []))):
        yield from _item(("sections", index), plan["sections"], index)
    for index, appendix in enumerate(plan.get("appendices", [])):
        if isinstance(appendix, dict):
            yield from _fields(("appendices", index), appendix)


def _item(path: tuple, container: list, index: int) -> Iterator[tuple[tuple, Any, Any]]:
    item = container[index]
    if isinstance(item, str):  # an item written as its text
        yield path, container, index
    elif isinstance(item, dict):
        yield from _fields(path, item)


def _fields(path: tuple, item: dict) -> Iterator[tuple[tuple, Any, Any]]:
    for key in _ITEM_TEXTS:
        yield from _strings(path + (key,), item, key)
    for index, block in enumerate(item.get("blocks") or []):
        if isinstance(block, str):
            yield path + ("blocks", index), item["blocks"], index
        elif isinstance(block, dict):  # a table block keeps its words
            yield from _strings(path + ("blocks", index, "text"), block, "text")
    for index in range(len(item.get("items") or [])):
        yield from _item(path + ("items", index), item["items"], index)


def _strings(path: tuple, container: Any, key: Any) -> Iterator[tuple[tuple, Any, Any]]:
    value = container.get(key) if isinstance(container, dict) else None
    if isinstance(value, str):
        yield path, container, key
    elif isinstance(value, list):
        for index, line in enumerate(value):
            if isinstance(line, str):
                yield path + (index,), value, index


def _move_counts(plan: dict[str, Any], old: int, new: int, notes: Notes) -> bool:
    """Move every anniversary count of `old` to `new`; True if the subject's moved."""
    subject_moved = False
    for path, container, key in _texts(plan):
        text, moved = _moved_counts(container[key], old, new)
        if moved:
            container[key] = text
            subject_moved = subject_moved or path == ("subject",)
            for message in moved:
                notes.add(path, message)
    return subject_moved


def _span_end(text: str) -> int | None:
    """The year a founding's span ends in, «(19/8/1945 - 19/8/2025)»: a plan's own year
    when its subject names no other."""
    for founded, _name in _FOUNDINGS:
        found = _span(founded, r"\d{4}").search(text)
        if found:
            return int(found[2])
    return None


def reissue(plan: dict[str, Any], year: int, notes: Notes, issued: int | None = None) -> None:
    """`issued`: the year of the original's date, the plan's own year when it is printed."""
    subject = plan.get("subject", "")
    found = [int(m[1]) for m in _years(subject)]
    if issued in found:
        found = [issued]
    old = found[-1] if found else issued or _span_end(subject)
    counted = old is not None and old != year and _move_counts(plan, old, year, notes)
    if not found:
        if not counted:
            notes.add(
                ("subject",),
                _(
                    "the subject names no year of the plan's own (a period such as «2025 - "
                    "2029» stays as written): nothing was changed for {year}"
                ).format(year=year),
                needs_person=True,
            )
        return
    old = found[-1]
    if old == year:
        return
    places: list[tuple[str | int, ...]] = [("subject",)]
    plan["subject"] = _replace(plan["subject"], old, year)
    preamble = plan.get("preamble", {})
    if (
        isinstance(preamble.get("text"), str)
        and _replace(preamble["text"], old, year) != (preamble["text"])
    ):
        preamble["text"] = _replace(preamble["text"], old, year)
        places.append(("preamble", "text"))
    for index, section in enumerate(plan.get("sections", [])):
        title = section.get("title")
        # «năm 2025», not the start of a period «năm 2025 - 2029»
        in_title = re.compile(rf"(?i)\b(năm) {old}\b(?!\s*[-–]\s*\d{{4}})")
        if isinstance(title, str) and in_title.search(title):
            section["title"] = in_title.sub(rf"\1 {year}", title)
            places.append(("sections", index, "title"))
    for path in places:
        notes.add(path, _("{old} replaced by {year}").format(old=old, year=year))
