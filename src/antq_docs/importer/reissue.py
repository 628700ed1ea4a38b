"""`--year Y`: the plan re-issued for year Y. The date is already a draft of Y (header.py);
the plan's own year is replaced only where it is the plan's: the subject and «năm YYYY» in
section titles and the preamble's sentence — never in the dates of căn cứ or in tables.
Every replacement is listed."""

from __future__ import annotations

import re
from typing import Any

from .notes import Notes

__all__ = ["reissue"]


def _replace(text: str, old: int, new: int) -> str:
    return re.sub(rf"(?<![\d/.-]){old}(?![\d/])", str(new), text)


def reissue(plan: dict[str, Any], year: int, notes: Notes) -> None:
    found = re.findall(r"\b(19[5-9]\d|2[01]\d\d)\b", plan.get("subject", ""))
    if not found:
        notes.add(
            ("subject",),
            f"the subject names no year: nothing was changed for {year}",
            needs_person=True,
        )
        return
    old = int(found[-1])
    if old == year:
        return
    places = [("subject",)]
    plan["subject"] = _replace(plan["subject"], old, year)
    preamble = plan.get("preamble", {})
    if isinstance(preamble.get("text"), str) and str(old) in preamble["text"]:
        preamble["text"] = _replace(preamble["text"], old, year)
        places.append(("preamble", "text"))
    for index, section in enumerate(plan.get("sections", [])):
        title = section.get("title")
        if isinstance(title, str) and re.search(rf"năm {old}\b", title, re.IGNORECASE):
            section["title"] = re.sub(rf"(?i)(năm) {old}\b", rf"\1 {year}", title)
            places.append(("sections", index, "title"))
    for path in places:
        notes.add(path, f"{old} replaced by {year}")
