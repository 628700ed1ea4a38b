"""The closing -> `recipients`, `filing`, `after_filing` and `signature`: Nơi nhận on the
left («- …;», «+ …;» under a line ending «:», «- Lưu: VT, NC. ABC.(05).», lists after it such
as «Bản điện tử:»), the signature on the right (KT./TM./TL./Q. lines, the post, rank and
name)."""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _
from .notes import Notes
from .parts import Line

__all__ = ["read_closing"]

_LABEL = re.compile(r"^\s*nơi\s+nhận\s*:?\s*", re.IGNORECASE)
_FILING = re.compile(r"^\s*[-–]?\s*Lưu\s*(:?)\s*(.*)$")
_NOTE = re.compile(r"^(.*\S)\s*\(([^()]*)\)$")
_COPIES = re.compile(r"\.?\s*\((\d+)\)\s*\.?$")
_SIGNED = re.compile(r"^\(?\s*(đã\s+ký|ký\s+tên|chữ\s+ký)[^)]*\)?$", re.IGNORECASE)
_RANK = re.compile(
    r"^(Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|"
    r"Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy)\s+(.+)$"
)
_PREFIX = re.compile(r"^(T/M|K/T|T/L|TM|KT|TL|TUQ|Q)\b\.?\s*")


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _recipient(text: str) -> dict[str, Any] | str:
    name = text.lstrip("-–• ").rstrip(" ;,.:")
    match = _NOTE.match(name)
    if match:
        return {"name": match[1].rstrip(" ,"), "note": match[2].strip()}
    return name


def read_closing(lines: list[Line], notes: Notes) -> dict[str, Any]:
    left = [_squash(line.text) for line in lines if line.column == 0]
    right = [_squash(line.text) for line in lines if line.column == 1]
    out: dict[str, Any] = {}
    out.update(_recipients(left, notes))
    out["signature"] = _signature(right, notes)
    return out


def _recipients(lines: list[str], notes: Notes) -> dict[str, Any]:
    recipients: list[Any] = []
    lists: list[dict[str, Any]] = []
    filing: dict[str, Any] | None = None
    started = False
    for text in lines:
        if not started:
            if _LABEL.match(text):
                started = True
                text = _LABEL.sub("", text, count=1)
            if not text:
                continue
        if not text or set(text) <= set("-_."):
            continue
        found = _FILING.match(text)
        if found and filing is None:
            filing = _filing(found, notes)
            continue
        if filing is not None and text.endswith(":") and not text.startswith(("-", "+")):
            lists.append({"label": text.rstrip(":"), "items": []})
            continue
        target = lists[-1]["items"] if lists else recipients
        if text.startswith("+") and target:
            last = target[-1]
            if isinstance(last, str):
                last = target[-1] = {"name": last}
            last.setdefault("items", []).append(text.lstrip("+ ").rstrip(" ;,."))
            continue
        if not text.startswith(("-", "–", "•")) and target:
            last = target[-1]
            notes.add(
                ("recipients",),
                _("«{text}» read as the rest of the line above it").format(text=text),
            )
            if isinstance(last, str):
                target[-1] = _recipient(last + " " + text)
            else:
                last["name"] = last["name"] + " " + text.rstrip(" ;,.")
            continue
        target.append(_recipient(text))
    out: dict[str, Any] = {"recipients": recipients or ["?"]}
    if not recipients:
        notes.add(("recipients",), _("no Nơi nhận lines were found"), needs_person=True)
    out["filing"] = filing or {"units": ["VT"]}
    if filing is None:
        notes.add(
            ("filing",), _("no «- Lưu: …» line was found: «Lưu: VT.» is a guess"), needs_person=True
        )
    lists = [group for group in lists if group["items"]]
    if lists:
        out["after_filing"] = lists
    return out


def _filing(found: re.Match, notes: Notes) -> dict[str, Any]:
    rest = found[2].strip()
    filing: dict[str, Any] = {}
    if not found[1]:
        notes.add(
            ("filing",), _("«Lưu {rest}» written «Lưu: {rest}» (PL1 II.9.d)").format(rest=rest)
        )
    copies = _COPIES.search(rest)
    if copies:
        filing_copies = int(copies[1])
        rest = rest[: copies.start()]
    else:
        filing_copies = None
    rest = rest.rstrip(" .")
    units = [u.strip() for u in rest.split(",") if u.strip()]
    if units and "." in units[-1]:
        unit, drafter = units[-1].split(".", 1)
        if drafter.strip():
            units[-1] = unit.strip()
            filing["drafter"] = drafter.strip().rstrip(".")
            notes.add(
                ("filing", "drafter"),
                _(
                    "the drafter's mark after «{unit}.»: printed «{unit}. {drafter}.» "
                    "(the original: «{original}»)"
                ).format(unit=unit, drafter=drafter.strip(), original=found[0]),
            )
    filing["units"] = units or ["VT"]
    if filing_copies:
        filing["copies"] = filing_copies
    return {"units": filing.pop("units"), **filing}


def _signature(lines: list[str], notes: Notes) -> dict[str, Any]:
    groups: list[list[str]] = [[]]
    for text in lines:
        if not text or _SIGNED.match(text):
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(text)
    groups = [g for g in groups if g]
    flat = [t for g in groups for t in g]
    name = next((t for t in reversed(flat) if t != t.upper()), None)
    signature: dict[str, Any] = {}
    first = groups[0] if groups else []
    titles = [t for t in first if t == t.upper() and t != name]
    post = [t for g in groups[1:] for t in g if t == t.upper() and t != name]
    if not titles:
        notes.add(("signature", "titles"), _("no signature titles were found"), needs_person=True)
        titles = ["?"]
    fixed = []
    for title in titles:
        prefix = _PREFIX.match(title)
        if (
            prefix
            and not prefix[0].rstrip().endswith(".")
            and title.split()[0] in ("TM", "KT", "TL", "TUQ", "Q", "T/M", "K/T", "T/L")
        ):
            right = prefix[1].replace("/", "") + ". "
            notes.add(
                ("signature", "titles"),
                _("«{title}» written «{written}» (PL1 II.7.b)").format(
                    title=title, written=right + title[prefix.end() :]
                ),
            )
            title = right + title[prefix.end() :]
        fixed.append(title)
    signature["titles"] = fixed
    if post:
        signature["post"] = " ".join(post)
    if name is None:
        notes.add(("signature", "name"), _("no signer's name (a draft?)"), needs_person=True)
        name = ""
    rank = _RANK.match(name)
    if rank:
        signature["rank"], name = rank[1], rank[2]
    signature["name"] = name
    return signature
