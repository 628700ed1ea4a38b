"""Who is given the work: an item's heading becomes its `unit` only where it is a line of
Nơi nhận (or one of its «+» sub-items); the other unit-like headings are listed for the
clerk, never guessed."""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _
from .notes import Notes

__all__ = ["assign_units"]

_UNIT_LIKE = re.compile(
    r"^(Sở|Ban|Công an|UBND|Ủy ban|Phòng|Văn phòng|Đề nghị|Báo|Đài"
    # «Các sở, ban, ngành», «Các đơn vị»; not «Các hoạt động», «Các nội dung»
    r"|Các\s+(sở|ban|ngành|phòng|đơn vị|cơ quan|xã|phường|thị trấn|thôn|tổ chức|đoàn thể"
    r"|trường|địa phương))\b"
)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[*\\:]", "", text).split()).casefold()


def _names(plan: dict[str, Any]) -> set[str]:
    names = set()
    for recipient in plan.get("recipients", []):
        if isinstance(recipient, str):
            names.add(_key(recipient))
        else:
            names.add(_key(recipient.get("name", "")))
            names.update(_key(item) for item in recipient.get("items", []))
    return names


def assign_units(plan: dict[str, Any], notes: Notes) -> None:
    names = _names(plan)
    for s_index, section in enumerate(plan.get("sections", [])):
        for index, item in enumerate(section.get("items", [])):
            title = item.get("title")
            if not isinstance(title, str) or not _UNIT_LIKE.match(title):
                continue
            path = ("sections", s_index, "items", index)
            if _key(title) in names:
                item["unit"] = _key(title) and " ".join(
                    re.sub(r"[*\\]", "", title).rstrip(":").split()
                )
            else:
                notes.add(
                    path + ("title",),
                    _(
                        "«{title}» looks like a unit but is not a line of Nơi nhận: "
                        "no `unit:` was set"
                    ).format(title=title),
                    needs_person=True,
                )
