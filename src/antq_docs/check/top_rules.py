"""Rules on the top of page 1 and the document's name: Quốc hiệu and Tiêu ngữ, issuing body,
number, place and date, tên loại, subject or «V/v» (PL1 II.1–5). Each yields its hits; the
sizes, emphasis and words come from antq_docs.nd30."""

from __future__ import annotations

import calendar
import re

from .. import nd30
from .common import (
    Found,
    element_problems,
    hit,
    line_width_mm,
    missing,
    report,
    rule_under,
    squash,
    visible,
)
from .doctype import CONG_VAN
from .locate import Parts
from .subject_rules import RULE_SLACK, short_rule
from ..i18n import N_, _

__all__ = [
    "national_title_text",
    "national_title_spelling",
    "national_title_format",
    "motto_text",
    "motto_format",
    "motto_rule",
    "issuer_split",
    "issuer_block",
    "issuer_rule",
    "number_line",
    "number_format",
    "place_date_text",
    "place_date_format",
    "title_block",
]

NATIONAL_TITLE = nd30.NATIONAL_TITLE.text
MOTTO = nd30.MOTTO.text


# -- ô 1: Quốc hiệu and Tiêu ngữ (PL1 II.1) ----------------------------------------------------
def national_title_text(parts: Parts) -> Found:
    para = parts.national_title
    if para is None:
        yield from missing(
            "Quốc hiệu",
            _("write «{NATIONAL_TITLE}» at the top right of page 1").format(
                NATIONAL_TITLE=NATIONAL_TITLE
            ),
        )
        return
    if squash(para.text) not in (NATIONAL_TITLE, NATIONAL_TITLE.replace("HÒA", "HOÀ")):
        yield hit(
            parts,
            para,
            _("the Quốc hiệu reads «{NATIONAL_TITLE}»").format(NATIONAL_TITLE=NATIONAL_TITLE),
        )


def national_title_spelling(parts: Parts) -> Found:
    para = parts.national_title
    if para is not None and "HOÀ" in squash(para.text):
        yield hit(parts, para, _("the decree's text spells «CỘNG HÒA» (PL1 II.1.a)"))


def national_title_format(parts: Parts) -> Found:
    if parts.national_title is not None:
        yield from report(
            parts,
            parts.national_title,
            element_problems(parts, parts.national_title, nd30.NATIONAL_TITLE),
        )


def motto_text(parts: Parts) -> Found:
    para = parts.motto
    if para is None:
        if parts.national_title is not None:
            yield from missing(
                "Tiêu ngữ", _("write «{MOTTO}» under the Quốc hiệu").format(MOTTO=MOTTO)
            )
        return
    text = squash(para.text)
    if text != MOTTO:
        spaced = text.replace(" ", "").replace("–", "-") == MOTTO.replace(" ", "")
        hint = _(" (hyphens «-» with a space on each side)") if spaced else ""
        yield hit(
            parts, para, _("the Tiêu ngữ reads «{MOTTO}»{hint}").format(MOTTO=MOTTO, hint=hint)
        )


def motto_format(parts: Parts) -> Found:
    if parts.motto is not None:
        yield from report(parts, parts.motto, element_problems(parts, parts.motto, nd30.MOTTO))


def motto_rule(parts: Parts) -> Found:
    para = parts.motto
    if para is None:
        return
    line = line_width_mm(parts, para)
    wanted = nd30.MOTTO_RULE.chosen * line
    length = rule_under(parts, para, wanted)
    slack = RULE_SLACK["motto"]
    if length is None:
        yield hit(
            parts,
            para,
            _("draw a solid rule as long as the Tiêu ngữ under it (a line, not underlining)"),
            data=wanted,
        )
    elif (
        length
        and not (nd30.MOTTO_RULE.low - slack) * line
        <= length
        <= (nd30.MOTTO_RULE.high + slack) * line
    ):
        yield hit(
            parts,
            para,
            _(
                "the rule under the Tiêu ngữ is {length:.0f} mm; make it as long as the "
                "Tiêu ngữ (about {wanted:.0f} mm)"
            ).format(length=length, wanted=wanted),
            certainty="estimate",
            data=wanted,
        )


# -- ô 2: issuing body (PL1 II.2) ----------------------------------------------------------------
_PARENT = re.compile(r"^(UBND|HĐND) ")


def issuer_split(lines: list) -> int | None:
    """Where the issuing body starts among the header's left lines: the first bold line,
    except that an abbreviated parent («UBND TỈNH CAO BẰNG», PL1 II.2.b) over the issuing
    body is the parent even when it was made bold. None: no line is bold."""
    first_bold = next((i for i, p in enumerate(lines) if all(r.bold for r in visible(p))), None)
    if first_bold == 0 and len(lines) > 1 and _PARENT.match(squash(lines[0].text)):
        first_bold = next(
            (i for i, p in enumerate(lines[1:], 1) if all(r.bold for r in visible(p))), 1
        )
    return first_bold


def issuer_block(parts: Parts) -> Found:
    lines = parts.issuer_lines
    if not lines:
        if parts.number_line is not None:
            yield from missing(_("issuing body"), _("write the body's name above the 'Số:' line"))
        return
    first_bold = issuer_split(lines)
    if first_bold is None:
        yield hit(parts, lines[-1], _("the issuing body's name should be bold"))
        return
    for para in lines[:first_bold]:
        yield from report(parts, para, element_problems(parts, para, nd30.PARENT_BODY))
    for para in lines[first_bold:]:
        yield from report(parts, para, element_problems(parts, para, nd30.ISSUING_BODY))
    for para in lines:
        if squash(para.text) != squash(para.text).upper():
            yield hit(parts, para, _("body names are written in capitals"))


def issuer_rule(parts: Parts) -> Found:
    """Measured against the issuing body's shortest line and its longest: the decree says
    «the line of text», and an issuing body often runs over two. The parent body above
    it (PL1 II.2.a) has no rule of its own and is not measured: its line is often longer."""
    lines = parts.issuer_lines
    first = issuer_split(lines) if lines else None
    widths = [line_width_mm(parts, p) for p in lines[first or 0 :] if squash(p.text)]
    if not widths:
        return
    yield from short_rule(
        parts,
        parts.issuer_lines[-1],
        nd30.ISSUER_RULE,
        (min(widths), max(widths)),
        _("draw a short solid rule (1/3 to 1/2 of the line) centred under the issuing body"),
        N_(
            "the rule under the issuing body is {length:.0f} mm under a line of about "
            "{line:.0f} mm; make it 1/3 to 1/2 of the line ({value:.0f}–{value2:.0f} mm)"
        ),
    )


# -- ô 3: number and symbol (PL1 II.3) -------------------------------------------------------
_NUMBER = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<number>[\d.…]*)\s*/\s*(?P<symbol>.+)$")


def number_line(parts: Parts) -> Found:
    para = parts.number_line
    if para is None:
        if not parts.attached:
            yield from missing(
                _("the «Số» line"), _("write «Số: 05/KH-UBND» under the issuing body")
            )
        return
    text = squash(para.text)
    match = _NUMBER.match(text)
    if match is None:
        yield hit(parts, para, _("write it as «Số: 05/KH-UBND»"))
        return
    problems = []
    if not match["colon"]:
        problems.append(_("«Số» takes a colon: «Số:»"))
    number = match["number"]
    if number.isdigit() and int(number) < 10 and len(number) < 2:
        problems.append(
            _("numbers below 10 take a leading zero: «{number:02d}»").format(number=int(number))
        )
    symbol = match["symbol"]
    if " " in symbol:
        problems.append(
            _("no spaces inside the ký hiệu: «{replace}»").format(replace=symbol.replace(" ", ""))
        )
    if problems:
        yield hit(parts, para, "; ".join(problems))


def number_format(parts: Parts) -> Found:
    if parts.number_line is not None:
        yield from report(
            parts, parts.number_line, element_problems(parts, parts.number_line, nd30.NUMBER)
        )


# -- ô 4: place and date (PL1 II.4) ----------------------------------------------------------
_BLANK = r"[\s.…_]*"
_DATE = re.compile(
    rf"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d*){_BLANK}\s*tháng\s*"
    rf"(?P<month>\d*){_BLANK}\s*năm\s*(?P<year>\d{{4}}|\d{{0,3}}{_BLANK})$"
)


def place_date_text(parts: Parts) -> Found:
    para = parts.place_date
    if para is None:
        if not parts.attached:
            yield from missing(
                _("place and date"),
                _("write «Cao Bằng, ngày 05 tháng 01 năm 2026» on the line of 'Số:', right column"),
            )
        return
    match = _DATE.match(squash(para.text))
    if match is None:
        yield hit(parts, para, _("write «Place, ngày DD tháng M năm YYYY»"))
        return
    day, month, year = match["day"], match["month"], match["year"].strip(" .…_")
    # A draft leaves the day, the month or even the year blank for the văn thư (spec L22).
    problems = []
    if day and int(day) < 10 and len(day) < 2:
        problems.append(
            _("days below 10 take a leading zero: «ngày {day:02d}»").format(day=int(day))
        )
    if month:
        want = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
        if month != want:
            problems.append(
                _(
                    "write the month as «tháng {want}» (months 1 and 2 take "
                    "a leading zero, the others do not)"
                ).format(want=want)
            )
        if (
            day
            and year.isdigit()
            and (
                not 1 <= int(month) <= 12
                or not 1
                <= int(day)
                <= calendar.monthrange(int(year), max(min(int(month), 12), 1))[1]
            )
        ):
            problems.append(
                _("{day}/{month}/{year} is not a real date").format(day=day, month=month, year=year)
            )
    if problems:
        yield hit(parts, para, "; ".join(problems))


def place_date_format(parts: Parts) -> Found:
    if parts.place_date is not None:
        yield from report(
            parts, parts.place_date, element_problems(parts, parts.place_date, nd30.PLACE_DATE)
        )


# -- ô 5: document type, subject, V/v (PL1 II.5) --------------------------------------------
def title_block(parts: Parts) -> Found:
    if parts.kind == CONG_VAN:
        return  # a công văn has no tên loại: its subject is the «V/v» line
    title = parts.title
    if title is None:
        yield from missing(
            _("document type name"), _("write it in capitals, centred, e.g. «KẾ HOẠCH»")
        )
        return
    problems = element_problems(parts, title, nd30.TITLE)
    if title.align != nd30.TITLE.align:
        problems.append(_("should be centred"))
    yield from report(parts, title, problems)
