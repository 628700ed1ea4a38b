"""The work a plan gives its units, each piece where the plan prints it («III.2»): what a
báo cáo kết quả answers item by item, and what its lint counts.

An assignment is an item with `unit:`. A unit named as a group («UBND các xã, phường»,
«Các sở, ban, ngành tỉnh») is the group of its members: the Nơi nhận line of that name lists
them (`covers:` or `items:`), or, for the xã/phường of the plan's province, the list of
current units does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model.plan import Item, Plan
from ..model.timeline import YearlyDay
from ..nd30.forms import label_value, letter, roman, short_date
from .rules import normalise_unit

__all__ = [
    "Assignment",
    "plan_assignments",
    "assignments_of",
    "members_of",
    "working_units",
    "report_deadline",
    "report_recipient",
    "is_umbrella",
    "numbered_items",
    "belongs_to",
    "open_groups",
]

LEAD, SUPPORT = "chủ trì", "phối hợp"
_GROUP = re.compile(r"^(?P<head>.*?)\s*\b[Cc]ác\s+(?P<rest>.+)$")
_COMMUNES = re.compile(r"^(xã|phường|xã, phường|xã, phường, đặc khu|xã, phường, thị trấn)\b")
_MARKUP = re.compile(r"\^\[[^\]]*\]|(?<!\\)\*+|(?<!\\)\+\+")
# the words a body's name starts with: «Sở Văn hóa, Thể thao và Du lịch» is one body
_UNIT_HEAD = re.compile(
    r"^(Sở|Ban|Bộ|Báo|Đài|Công an|Ủy ban|UBND|Hội|Đoàn|Liên đoàn|Văn phòng|Phòng|Trường|"
    r"Cục|Chi cục|Trung tâm|Tòa án|Viện|Kho bạc|Ngân hàng|Bưu điện|Cơ quan|Thanh tra|"
    r"Bộ Chỉ huy|Ban Chỉ huy|Các|Quân|Tỉnh|Huyện|Thành)\b"
)
_TASK_LENGTH = 220  # a table cell names the task; the plan's item holds the whole text


@dataclass(frozen=True)
class Assignment:
    """One item of the plan that gives a unit work."""

    ref: str  # «III.2»
    unit: str  # as the plan writes it (a group stays a group here)
    role: str  # LEAD or SUPPORT
    task: str  # the work, in a line: the item's title or the start of its text
    deadline: str  # as printed: «20/8/2026», «15/11 hằng năm», or ""
    report_to: str | None
    due: dt.date | None  # the deadline when it is a day


def plan_assignments(plan: Plan) -> list[Assignment]:
    """Every item with `unit:`, in the plan's order, a unit of several names («Báo Cao
    Bằng, Đài Phát thanh - Truyền hình tỉnh») once per name."""
    found: list[Assignment] = []
    for ref, item in _numbered(plan.sections, plan.numbering, ""):
        if item.unit:
            found += [_assignment(ref, item, unit) for unit in split_units(item.unit)]
    return found


def split_units(unit: str) -> list[str]:
    """«Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh» is two units; «Ủy ban
    nhân dân các huyện, thành phố» is one (its second part is not a name)."""
    parts = [part.strip() for part in unit.split(",")]
    if len(parts) > 1 and all(_UNIT_HEAD.match(part) for part in parts):
        return parts
    return [unit]


def is_umbrella(unit: str) -> bool:
    return bool(_GROUP.match(unit))


def members_of(unit: str, plan: Plan, province: str | None = None) -> list[str]:
    """The units a group name stands for: the Nơi nhận line of that name (`covers:`,
    `items:`), else the current xã/phường of `province`; [] when neither says."""
    key = normalise_unit(unit)
    for recipient in plan.recipients:
        if normalise_unit(recipient.name) == key and (recipient.covers or recipient.items):
            return [
                one for name in recipient.covers or recipient.items for one in split_units(name)
            ]
    group = _GROUP.match(unit)
    if group and province and _COMMUNES.match(group["rest"]):
        from ..places import units_of

        head = group["head"].strip()
        return [f"{head} {place.in_text}".strip() for place in units_of(province)]
    return []


def working_units(plan: Plan, province: str | None = None) -> list[str]:
    """Every unit that has work, in the plan's order, groups replaced by their members
    (a group without members stays one unit)."""
    seen: dict[str, str] = {}
    for assignment in plan_assignments(plan):
        names = members_of(assignment.unit, plan, province) or [assignment.unit]
        for name in names:
            seen.setdefault(normalise_unit(name), name)
    return list(seen.values())


def assignments_of(unit: str, plan: Plan, province: str | None = None) -> list[Assignment]:
    """The unit's work, chủ trì first, then phối hợp, each in the plan's order; its own
    items and those of every group it belongs to."""
    key = normalise_unit(unit)
    mine = []
    for a in plan_assignments(plan):
        members = members_of(a.unit, plan, province)
        if (
            normalise_unit(a.unit) == key
            or key in (normalise_unit(m) for m in members)
            or (not members and belongs_to(unit, a.unit))
        ):
            mine.append(a)
    return [a for a in mine if a.role == LEAD] + [a for a in mine if a.role == SUPPORT]


def belongs_to(unit: str, group: str) -> bool:
    """«Sở Tài chính» is one of «Các sở, ban, ngành, đoàn thể tỉnh», «Công an xã Hòa An»
    one of «Công an các xã, phường»: the group names its members by their first word."""
    found = _GROUP.match(group)
    if not found or normalise_unit(unit) == normalise_unit(group):
        return False
    head = normalise_unit(found["head"])
    name = normalise_unit(unit)
    if head and not name.startswith(head + " "):
        return False
    rest = name[len(head) :].split() if head else name.split()
    kinds = {normalise_unit(part).split()[0] for part in found["rest"].split(",") if part.strip()}
    return bool(rest) and rest[0] in kinds


def open_groups(plan: Plan, province: str | None = None) -> list[str]:
    """The groups whose members neither Nơi nhận nor the list of places names."""
    return [
        u
        for u in working_units(plan, province)
        if is_umbrella(u) and not members_of(u, plan, province)
    ]


def report_deadline(unit: str, plan: Plan, province: str | None = None) -> Assignment | None:
    """The item that asks for the report: the unit's own with `report_to:`, else one for
    everyone (no `unit:`) with `report_to:` and a deadline."""
    for assignment in assignments_of(unit, plan, province):
        if assignment.report_to:
            return assignment
    for ref, item in _numbered(plan.sections, plan.numbering, ""):
        if not item.unit and item.report_to and item.deadline:
            return _assignment(ref, item, "")
    return None


def report_recipient(unit: str, plan: Plan, province: str | None = None) -> str | None:
    asked = report_deadline(unit, plan, province)
    return asked.report_to if asked else None


def _assignment(ref: str, item: Item, unit: str) -> Assignment:
    deadline, due = "", None
    if isinstance(item.deadline, YearlyDay):
        deadline = f"{item.deadline.day:02d}/{item.deadline.month:02d} hằng năm"
    elif isinstance(item.deadline, dt.date):
        deadline, due = short_date(item.deadline), item.deadline
    return Assignment(
        ref,
        unit,
        SUPPORT if item.role == SUPPORT else LEAD,
        _task(item, unit),
        deadline,
        item.report_to,
        due,
    )


def _task(item: Item, unit: str) -> str:
    """The item's own heading when it has one, else the start of its text."""
    title = item.title or ""
    if title and normalise_unit(title.removeprefix("Đề nghị ")) != normalise_unit(item.unit or ""):
        words = title
    else:
        texts = item.paragraphs() or [p for child in item.items for p in child.paragraphs()]
        words = next(iter(texts), "") or title or unit
    words = " ".join(_MARKUP.sub("", words).split()).rstrip(":")
    if len(words) <= _TASK_LENGTH:
        return words
    return words[: words.rfind(" ", 0, _TASK_LENGTH)].rstrip(",;:") + " …"


def numbered_items(plan: Plan) -> Iterator[tuple[str, Item]]:
    """Every item of the body with its place («III.2»)."""
    return _numbered(plan.sections, plan.numbering, "")


def _numbered(items: list[Item], style: str, parent: str) -> Iterator[tuple[str, Item]]:
    """Each item with its place: the section in Roman numerals, then, at each level, the
    number it is printed with («2», «a»), or its position when it has none (a dash)."""
    position = 0
    for item in items:
        position = label_value(item.number) if item.number else position + 1
        if not parent:
            own = roman(position)
        else:
            own = letter(position) if style == "letter" else str(position)
        ref = f"{parent}.{own}" if parent else own
        yield ref, item
        # only a plan's own `numbering: letter` gives letters: every default is a number
        yield from _numbered(item.items, item.numbering or "arabic", ref)
