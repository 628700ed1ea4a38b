"""Checks across fields that a schema cannot express: dates against the plan's own date,
work given to units that never receive the plan."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

from ..errors import Problem
from ..load.yaml_source import Source
from ..model.plan import Plan
from ..model.plan_year import issued_from
from .walk import walk_items
from ..i18n import _

__all__ = ["check_plan", "normalise_unit", "recipient_covers"]

# Abbreviations used interchangeably in unit names and Nơi nhận lines.
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "ubmttqvn": "ủy ban mặt trận tổ quốc việt nam",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "mttq": "mặt trận tổ quốc",
    "bcđ": "ban chỉ đạo",
    "cat": "công an tỉnh",
    "bca": "bộ công an",
    "pt&th": "phát thanh - truyền hình",
    "pt-th": "phát thanh - truyền hình",
    "tp": "thành phố",
    "lđtb&xh": "lao động - thương binh và xã hội",
}
# Old and new tone-mark placement (hoà/hòa, uỷ/ủy) must compare equal.
_TONE_STYLES = {
    "uỷ": "ủy",
    "hoà": "hòa",
    "thuỷ": "thủy",
    "khoẻ": "khỏe",
    "hoá": "hóa",
    "toà": "tòa",
    "thoả": "thỏa",
    "quý": "quý",
}


def normalise_unit(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold()
    text = re.sub(r"[“”\"'()]", " ", text)
    words = []
    for word in text.split():
        word = _TONE_STYLES.get(word, word)
        words.append(_ABBREVIATIONS.get(word, word))
    return " ".join(" ".join(words).split())


def recipient_covers(plan: Plan) -> list[str]:
    names = []
    lines = [*plan.recipients, *(r for group in plan.after_filing for r in group.items)]
    for recipient in lines:
        names.append(normalise_unit(recipient.name))
        names.extend(normalise_unit(n) for n in [*recipient.covers, *recipient.items])
    return names


def check_plan(plan: Plan, source: Source) -> list[Problem]:
    problems = list(_dates(plan, source))
    problems += _recipients(plan, source)
    problems += _empty_work(plan, source)
    return problems


def _empty_work(plan: Plan, source: Source) -> Iterator[Problem]:
    """A unit given work with `text:` left empty would print its name over nothing."""
    for path, item in walk_items(plan):
        if not item.unit:
            continue
        written = _raw_value(source, path + ("text",))
        blank = written is None or (isinstance(written, str) and not written.strip())
        if isinstance(written, list):
            blank = not any(isinstance(line, str) and line.strip() for line in written)
        written_item = _raw_value(source, path)
        if blank and isinstance(written_item, dict) and "text" in written_item:
            yield source.problem(
                path + ("text",),
                _(
                    "the work of '{unit}' is empty: write after 'text:' what the unit is to "
                    "do, or remove the line"
                ).format(unit=item.unit),
            )


def _dates(plan: Plan, source: Source) -> Iterator[Problem]:
    date = plan.issuer.date
    issued = issued_from(plan)
    if issued is None:  # a blank year said nowhere else: no deadline can be before the date
        return
    if not date.is_draft:
        issued_text = as_written(source, ("issuer", "date"), issued)
    else:  # «4/2026», «2026»: as much of the date as the draft gives (or its window)
        issued_text = f"{date.month}/{issued.year}" if date.month else str(issued.year)
    for path, item in walk_items(plan):
        if isinstance(item.deadline, dt.date) and item.deadline < issued:
            yield source.problem(
                path + ("deadline",),
                _("the deadline {deadline} is before the plan's own date ({issued})").format(
                    deadline=as_written(source, path + ("deadline",), item.deadline),
                    issued=issued_text,
                ),
            )
        # Over means ended: a span that began before the plan's date and runs on is not.
        if item.time and any(
            point.kind != "now" and point.last_day(issued) < issued for point in item.time.ends()
        ):
            yield source.problem(
                path + ("time",),
                _("this time is over before the plan's own date ({issued})").format(
                    issued=issued_text
                ),
            )


def as_written(source: Source, path: tuple, value: dt.date) -> str:
    """A date as the plan's YAML typed it («5/1/2026»), else as d/m/yyyy."""
    raw = _raw_value(source, path)
    if isinstance(raw, str) and raw.strip():
        return raw.strip()
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def _raw_value(source: Source, path: tuple):
    """The value at `path` as the YAML wrote it (before any default), or None."""
    raw = source.data
    for part in path:
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def _recipients(plan: Plan, source: Source) -> Iterator[Problem]:
    covered = recipient_covers(plan)
    for path, item in walk_items(plan):
        if not item.unit:
            continue
        unit = normalise_unit(item.unit)
        if not any(unit == name or unit in name for name in covered):
            yield source.problem(
                path + ("unit",),
                _(
                    "'{unit}' is given work but is not in Nơi nhận: add it to "
                    "'recipients', or list it under the 'covers' of the recipient line "
                    "that reaches it"
                ).format(unit=item.unit),
            )
