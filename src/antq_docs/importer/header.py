"""The header of a Kế hoạch -> `issuer`: cơ quan chủ quản and issuing body (upright lines
above bold ones), «Số: …/KH-…» with a blank number in a draft, địa danh and date (any of day,
month and year left blank), then the subject under the title."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..i18n import _
from ..inspect.model import Para
from .markup import markup, plain
from .notes import Notes
from .parts import Line

__all__ = ["read_issuer", "read_subject", "issue_year", "NUMBER_LINE"]

NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S.*?)\s*$")
_PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^,]{1,60}?)\s*,\s*ngày\s*(?P<day>\d{0,2})[\s/.…_-]*"
    # a year is four digits: «năm 20…» and «năm …» leave it blank
    r"(?:tháng\s*(?P<month>\d{0,2}))?[\s/.…_-]*(?:năm\s*(?P<year>\d{4})?)?",
    re.IGNORECASE,
)
_NATIONAL = re.compile(r"CỘNG\s*HÒA|CỘNG\s*HOÀ|Độc\s*lập", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|2[01]\d\d)\b")


def _squash(text: str) -> str:
    return " ".join(text.split())


def read_issuer(lines: list[Line], subject: str, notes: Notes, year: int | None) -> dict[str, Any]:
    issuer: dict[str, Any] = {}
    upright: list[str] = []
    bold: list[str] = []
    number_line = place_line = None
    for line in lines:
        text = _squash(line.text)
        if not text or set(text) <= set("-_–—."):
            continue
        if NUMBER_LINE.match(text):
            number_line = text
        elif (
            _PLACE_DATE.match(text)
            and line.column == 1
            or (place_line is None and _PLACE_DATE.match(text) and "ngày" in text)
        ):
            place_line = text
        elif line.column == 0 and not _NATIONAL.search(text) and number_line is None:
            (bold if line.bold else upright).append(text)
    if not bold and upright:  # an issuing body typed without bold: its last line(s)
        bold, upright = upright[-1:], upright[:-1]
    if upright:
        issuer["parent"] = _capitals("\n".join(upright), ("issuer", "parent"), notes)
    issuer["name"] = _capitals("\n".join(bold) or "?", ("issuer", "name"), notes)
    if not bold:
        notes.add(
            ("issuer", "name"), _("the issuing body was not found in the header"), needs_person=True
        )
    _number(number_line, issuer, notes)
    _place_date(place_line, issuer, subject, notes, year)
    return issuer


def issue_year(lines: list[Line]) -> int | None:
    """The year printed in the «…, ngày … tháng … năm …» line; None when it is blank."""
    for line in lines:
        match = _PLACE_DATE.match(_squash(line.text))
        if match and "ngày" in line.text and match["year"]:
            return int(match["year"])
    return None


def _capitals(text: str, path: tuple, notes: Notes) -> str:
    if text != text.upper():
        notes.add(
            path, _("written in capitals, as printed (the original: «{text}»)").format(text=text)
        )
    return text.upper()


def _number(line: str | None, issuer: dict[str, Any], notes: Notes) -> None:
    match = NUMBER_LINE.match(line or "")
    if match is None:
        issuer["symbol"] = "KH"
        notes.add(
            ("issuer", "symbol"),
            _("no «Số: …/…» line was found: the ký hiệu is a guess"),
            needs_person=True,
        )
        return
    symbol = re.sub(r"\s+", "", match["symbol"]).strip("/")
    if symbol != match["symbol"]:
        notes.add(
            ("issuer", "symbol"),
            _("spaces left out (the original: «{original}»)").format(original=match["symbol"]),
        )
    issuer["symbol"] = symbol
    if match["number"]:
        issuer["number"] = int(match["number"])


def _place_date(
    line: str | None, issuer: dict[str, Any], subject: str, notes: Notes, year: int | None
) -> None:
    match = _PLACE_DATE.match(line or "")
    if match is None:
        issuer["place"] = "?"
        notes.add(
            ("issuer", "place"), _("no «…, ngày … tháng … năm …» line was found"), needs_person=True
        )
        match = _PLACE_DATE.match("?, ngày tháng năm")
        assert match is not None  # the pattern's own blank line
    else:
        issuer["place"] = match["place"]
    day, month, printed = (int(match[k]) if match[k] else None for k in ("day", "month", "year"))
    if year is not None:
        date: dict[str, Any] = {"year": year}
        notes.add(
            ("issuer", "date"),
            _("a draft of {year}, number and day left blank (the original: «{line}»)").format(
                year=year, line=line
            ),
        )
        issuer.pop("number", None)
        issuer["date"] = date
        return
    if printed is None and day is None and month is None:
        # «ngày … tháng … năm 20…»: a draft antq prints the same way; no year is guessed
        issuer["date"] = {}
        if line is not None:
            notes.add(
                ("issuer", "date"),
                _(
                    "the day, the month and the year are blank, as in the original («{line}»): "
                    "antq prints «năm 20…»; the year is needed only where the plan computes "
                    "from it (write it here, or in 'vars: {{year: …}}')"
                ).format(line=line),
            )
        return
    if printed is None:
        found = _YEAR.findall(subject)
        printed = int(found[-1]) if found else dt.date.today().year
        notes.add(
            ("issuer", "date"),
            _("the year is blank in the original («{line}»): {year} is a guess").format(
                line=line, year=printed
            ),
            needs_person=True,
        )
    if day is not None and month is not None:
        try:
            dt.date(printed, month, day)
            issuer["date"] = f"{day:02d}/{month}/{printed}"
            return
        except ValueError:
            notes.add(
                ("issuer", "date"),
                _("not a real date: «{line}»").format(line=line),
                needs_person=True,
            )
    issuer["date"] = {"month": month, "year": printed} if month else {"year": printed}


def read_subject(paras: list[Para], notes: Notes) -> str:
    """The subject's lines, joined with «\\n» as antq breaks them; its bold is antq's, and so
    is the line under it that some offices type as an underline."""
    lines = [
        markup(p.runs, drop_bold=True, drop_underline=True) for p in paras if plain(p.runs).strip()
    ]
    if not lines:
        notes.add(("subject",), _("no subject (trích yếu) under the title"), needs_person=True)
        return "?"
    return "\n".join(lines)
