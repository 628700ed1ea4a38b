"""`--year Y`: the plan re-issued for year Y. The date is already a draft of Y (header.py);
the plan's own year is replaced only where it is the plan's: the subject and «năm YYYY» in
section titles and the preamble's sentence — never in the dates of căn cứ or in tables.
Every replacement is listed."""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _
from .notes import Notes

__all__ = ["reissue"]


_YEAR = re.compile(r"(?<![\d/.-])(19[5-9]\d|2[01]\d\d)(?![\d/])")
# «2025 - 2029», «2021-2025»: a period, which a new year does not move
_PERIOD_BEFORE = re.compile(r"\d{4}\s*[-–]\s*$")
_PERIOD_AFTER = re.compile(r"^\s*[-–]\s*\d{4}")


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


def reissue(plan: dict[str, Any], year: int, notes: Notes, issued: int | None = None) -> None:
    """`issued`: the year of the original's date, the plan's own year when it is printed."""
    found = [int(m[1]) for m in _years(plan.get("subject", ""))]
    if issued in found:
        found = [issued]
    if not found:
        notes.add(
            ("subject",),
            _(
                "the subject names no year of the plan's own (a period such as «2025 - 2029» "
                "stays as written): nothing was changed for {year}"
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
