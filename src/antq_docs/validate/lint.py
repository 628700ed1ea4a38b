"""Content rules beyond the schema (`antq validate --strict`). Each yields warnings.

They catch what the seeds show going wrong in real plans: numbers that skip after a
hand-typed override, abbreviations used before they are defined, the plan's own number
cited differently, units asked to implement but given no work, dates outside the plan's
window, work for districts after the 2025 reform, and two tone-mark styles in one text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator

from ..errors import Problem
from ..load.yaml_source import PathKey, Source
from ..model.plan import Item, Plan
from ..places import in_official_name
from ..model.plan_year import issued_from
from .rules import as_written, normalise_unit
from .walk import walk_items
from ..i18n import N_, _

__all__ = ["lint_plan", "LINT_RULES"]

_DEFINITION = re.compile(r"\(([A-ZĐ][A-ZĐ0-9&]{1,11})\)")
_REFERENCE_NUMBER = (
    r" số\s*(\d+)\s*/\s*([\wĐđ][\wĐđ-]*)"
    r"(?:,?\s*ngày\s*(\d{1,2})/(\d{1,2})/(\d{4}))?"
)
_IMPLEMENT_NOTES = ("t/hiện", "thực hiện", "t/h", "th/hiện")

LINT_RULES = {
    "LINT-NUMBERING": N_("numbers skip or repeat after an overridden number"),
    "LINT-ABBREVIATION": N_("an abbreviation is used before it is defined"),
    "LINT-SELF-REFERENCE": N_("the plan's own number cited differently in its text"),
    "LINT-RECIPIENT-WORK": N_("a recipient asked to implement is given no work"),
    "LINT-WINDOW": N_("a time or deadline outside the plan's window"),
    "LINT-TONE-MARKS": N_("two tone-mark styles (hòa/hoà) in one document"),
}


def _warn(source: Source, path: PathKey, rule: str, message: str) -> Problem:
    return source.problem(path, f"{message} [{rule}]", severity="warning")


def lint_plan(plan: Plan, source: Source) -> list[Problem]:
    texts = list(_texts(plan))
    problems: list[Problem] = []
    for check in (
        _numbering(plan, source),
        _abbreviations(texts, source),
        _self_reference(plan, texts, source),
        _recipient_work(plan, source),
        _window(plan, source),
        _tone_marks(texts, source),
    ):
        problems += list(check)
    return problems


def _texts(plan: Plan) -> Iterator[tuple[PathKey, str]]:
    """Every text of the plan with its path, in the order it is printed."""
    yield ("subject",), plan.subject
    for index, basis in enumerate(plan.preamble.bases):
        for name in ("text", "subject", "issuer"):
            value = getattr(basis, name)
            if value:
                yield ("preamble", "bases", index, name), value
    for text in plan.preamble.paragraphs():
        yield ("preamble", "text"), text
    for path, item in walk_items(plan):
        if item.title:
            yield path + ("title",), item.title
        for where, piece in item.content():
            if isinstance(piece, str):
                yield path + where, piece
        for index, step in enumerate(item.steps or []):
            yield path + ("steps", index), step
        for text in item.closing_paragraphs():
            yield path + ("after",), text
    if plan.closing:
        yield ("closing",), plan.closing
    for a_index, appendix in enumerate(plan.appendices):
        path = ("appendices", a_index)
        if appendix.title:
            yield path + ("title",), appendix.title
        for where, piece in appendix.content():  # `blocks:`, or `text:` then `table:`
            if isinstance(piece, str):
                yield path + where, piece
                continue
            for r, row in enumerate(piece.rows):
                for c, cell in enumerate(row):
                    if isinstance(cell, str):
                        yield path + where + ("rows", r, c), cell
    for index, recipient in enumerate(plan.recipients):
        yield ("recipients", index), recipient.name


def _numbering(plan: Plan, source: Source) -> Iterator[Problem]:
    from ..nd30.forms import label_value

    def siblings(items: list[Item], path: PathKey) -> Iterator[Problem]:
        if any(item.number for item in items):
            previous = 0
            for index, item in enumerate(items):
                value = label_value(item.number) if item.number else previous + 1
                if item.number and value != previous + 1:
                    what = "repeats" if value <= previous else "skips"
                    yield _warn(
                        source,
                        path + (index, "number"),
                        "LINT-NUMBERING",
                        _(
                            "number {number} {what} after {previous}; leave "
                            "'number' out and let antq number the items"
                        ).format(number=item.number, what=what, previous=previous),
                    )
                previous = value
        for index, item in enumerate(items):
            yield from siblings(item.items, path + (index, "items"))

    yield from siblings(plan.sections, ("sections",))


def _abbreviations(texts: list[tuple[PathKey, str]], source: Source) -> Iterator[Problem]:
    defined: dict[str, int] = {}
    for order, (_path, text) in enumerate(texts):
        for match in _DEFINITION.finditer(text):
            defined.setdefault(match[1], order)
    for order, (path, text) in enumerate(texts):
        for abbreviation, defined_at in defined.items():
            if order < defined_at and re.search(
                rf"(?<![\wĐđ]){re.escape(abbreviation)}"
                rf"(?![\wĐđ])",
                text,
            ):
                yield _warn(
                    source,
                    path,
                    "LINT-ABBREVIATION",
                    _(
                        "'{abbreviation}' is used here before it is defined (\"… "
                        '({abbreviation})" comes later); define it at first use'
                    ).format(abbreviation=abbreviation),
                )
                defined[abbreviation] = -1  # one warning per abbreviation


@functools.cache
def _reference(document: str) -> re.Pattern[str]:
    """A citation of a document of this type by number: «Kế hoạch số 05/KH-UBND»."""
    return re.compile(re.escape(document) + _REFERENCE_NUMBER)


def _self_reference(
    plan: Plan, texts: list[tuple[PathKey, str]], source: Source
) -> Iterator[Problem]:
    issuer = plan.issuer
    if issuer.number is None:
        return
    date = issuer.date
    document = plan.document_name  # «Kế hoạch số 05/KH-UBND», «Báo cáo số …»
    reference = _reference(document)
    for path, text in texts:
        for match in reference.finditer(text):
            if match[2] != issuer.symbol:
                continue
            if int(match[1]) != issuer.number:
                yield _warn(
                    source,
                    path,
                    "LINT-SELF-REFERENCE",
                    # document_lowercase: «… nhưng kế hoạch này là số …»
                    _(
                        "cites {document} số {cited}, but this plan is số {number:02d}/{symbol}"
                    ).format(
                        document=document,
                        document_lowercase=document.lower(),
                        cited=f"{match[1]}/{match[2]}",
                        number=issuer.number,
                        symbol=issuer.symbol,
                    ),
                )
            elif (
                match[3]
                and not date.is_draft
                and (int(match[3]), int(match[4]), int(match[5]))
                != (date.day, date.month, date.year)
            ):
                yield _warn(
                    source,
                    path,
                    "LINT-SELF-REFERENCE",
                    _("cites this plan as dated {cited}, but it is dated {date}").format(
                        cited=f"{match[3]}/{match[4]}/{match[5]}",
                        date=f"{date.day:02d}/{date.month}/{date.year}",
                    ),
                )


def _recipient_work(plan: Plan, source: Source) -> Iterator[Problem]:
    units = [normalise_unit(item.unit) for _, item in walk_items(plan) if item.unit]
    for index, recipient in enumerate(plan.recipients):
        note = (recipient.note or "").lower()
        cooperates = "phối hợp" in note or "p/hợp" in note
        if cooperates or not any(word in note for word in _IMPLEMENT_NOTES):
            continue
        names = [normalise_unit(recipient.name)] + [normalise_unit(c) for c in recipient.covers]
        if not any(
            unit == name or unit in name or name in unit for unit in units for name in names
        ):
            yield _warn(
                source,
                ("recipients", index),
                "LINT-RECIPIENT-WORK",
                _(
                    "'{name}' is asked to implement ({note}) but no item gives "
                    "it work; add 'unit:' to the item that concerns it"
                ).format(name=recipient.name, note=recipient.note),
            )


def _window(plan: Plan, source: Source) -> Iterator[Problem]:
    window = plan.window
    if window is None:
        return
    # «nay» is skipped below, the only point read against the plan's date
    issued = issued_from(plan) or window.start
    for path, item in walk_items(plan):
        if isinstance(item.deadline, dt.date) and not (window.start <= item.deadline <= window.end):
            yield _warn(
                source,
                path + ("deadline",),
                "LINT-WINDOW",
                _("deadline {deadline} is outside the plan's window ({start}–{end})").format(
                    deadline=as_written(source, path + ("deadline",), item.deadline),
                    **_window_ends(source, window),
                ),
            )
        if item.time:
            for point in item.time.points():
                if point.kind == "now":
                    continue
                if point.last_day(issued) < window.start or point.first_day(issued) > window.end:
                    yield _warn(
                        source,
                        path + ("time",),
                        "LINT-WINDOW",
                        _("this time falls outside the plan's window ({start}–{end})").format(
                            **_window_ends(source, window)
                        ),
                    )
                    break


def _window_ends(source: Source, window) -> dict[str, str]:
    """The window's ends as the plan writes them."""
    return {
        "start": as_written(source, ("window", "from"), window.start),
        "end": as_written(source, ("window", "to"), window.end),
    }


# -- tone marks ---------------------------------------------------------------------------------
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_OPEN_PAIRS = ("oa", "oe", "uy")


def _tone_style(word: str) -> str | None:
    """'traditional' for hòa/thủy (mark on the first vowel of a final oa/oe/uy), 'modern' for
    hoà/thuỷ (mark on the second), None for words where the style does not show."""
    letters: list[tuple[str, str]] = []  # (base letter, its combining marks)
    for char in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.combining(char) and letters:
            letters[-1] = (letters[-1][0], letters[-1][1] + char)
        else:
            letters.append((char, ""))
    base = "".join(letter for letter, _ in letters)
    if len(letters) < 2 or not base.endswith(_OPEN_PAIRS) or base.endswith("quy"):
        return None
    (_letter, first_marks), (_next, second_marks) = letters[-2], letters[-1]
    if any(m in _TONE_MARKS for m in first_marks):
        return "traditional"
    if any(m in _TONE_MARKS for m in second_marks):
        return "modern"
    return None


_STYLE_NAMES = {"traditional": N_("traditional (hòa)"), "modern": N_("modern (hoà)")}


def _tone_marks(texts: list[tuple[PathKey, str]], source: Source) -> Iterator[Problem]:
    found: dict[str, list[tuple[PathKey, str]]] = {"traditional": [], "modern": []}
    for path, text in texts:
        for match in re.finditer(r"[^\W\d_]+", text):
            style = _tone_style(match[0])
            # An official place name («xã Đàm Thuỷ») is spelt as the list spells it.
            if style and not in_official_name(text, match.start(), match.end()):
                found[style].append((path, match[0]))
    if found["traditional"] and found["modern"]:
        minority = min(found, key=lambda style: len(found[style]))
        majority = found["modern" if minority == "traditional" else "traditional"]
        path, word = found[minority][0]
        yield _warn(
            source,
            path,
            "LINT-TONE-MARKS",
            _(
                "'{word}' places its tone mark the {minority} way, while the "
                "rest of the plan writes e.g. '{majority}'; use one style "
                "throughout"
            ).format(word=word, minority=_(_STYLE_NAMES[minority]), majority=majority[0][1]),
        )
