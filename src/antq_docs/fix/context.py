"""What every fixer shares: the context it works in, the record of what it changed, the
declaration of the rule it corrects, and runs set to the format nd30 gives an element."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..check.common import visible
from ..check.findings import Hit
from ..check.locate import Parts
from ..check.where import where
from ..inspect.docx_read import Para
from ..nd30 import Element
from .edit import set_run_format
from ..i18n import N_, _

__all__ = ["Change", "FixContext", "Fixer", "fixes", "format_as", "lines_of"]


@dataclass
class Change:
    rule: str
    where: str
    what: str


@dataclass
class FixContext:
    parts: Parts
    trees: dict[str, Any]
    package: dict[str, bytes]  # the raw parts (a fixer may add one: a header)
    changes: list[Change] = field(default_factory=list)
    rule: str = ""

    def said(self, para: Para | None, what: str) -> None:
        """A change made to a line, located as `antq check` locates it."""
        self.noted(where(self.parts, para) if para else _("document"), what)

    def noted(self, place: str, what: str) -> None:
        """A change made to a section, a header or the styles."""
        self.changes.append(Change(self.rule, place, what))


def lines_of(hits: list[Hit]) -> list[Para]:
    """The lines the hits judged, in order (a hit on the document or a section has none:
    a missing part is a person's to write)."""
    lines: dict[int, Para] = {}
    for hit in hits:
        if hit.para is not None:
            lines.setdefault(id(hit.para), hit.para)
    return list(lines.values())


#: A fixer corrects the hits of its rule in the parsed parts and says what it did.
Fixer = Callable[[FixContext, list[Hit]], None]


def fixes(check: Callable[..., Any]) -> Callable[[Fixer], Fixer]:
    """Declare the rule a fixer corrects, by the rule's check function: fix/registry.py
    pairs them, so no rule id is typed twice and check/ never imports fix/."""

    def declare(fixer: Fixer) -> Fixer:
        fixer.fixes = check  # type: ignore[attr-defined]
        return fixer

    return declare


_BOLD = {True: N_("bold"), False: N_("not bold")}
_ITALIC = {True: N_("italic"), False: N_("upright")}


def format_as(ctx: FixContext, paras: list[Para], element: Element) -> None:
    """Set the runs of each line to `element`'s format: its size kept if the decree allows
    it (the largest of its sizes, else the nearest allowed), its bold and italic, no
    underline."""
    size, bold, italic = element.size, element.bold, element.italic
    for para in paras:
        runs = visible(para)
        sizes = {r.size for r in runs if r.size is not None}
        target = size.clamp(max(sizes) if sizes else size.high)
        wrong = (
            any(r.size != target for r in runs)
            or (bold is not None and any(r.bold != bold for r in runs))
            or (italic is not None and any(r.italic != italic for r in runs))
            or any(r.underline for r in runs)
        )
        if not wrong:
            continue
        for run in runs:
            set_run_format(run.element, size=target, bold=bold, italic=italic, underline=False)
        style = ", ".join(
            filter(
                None,
                [
                    _("{size:g} pt").format(size=target),
                    _(_BOLD[bold]) if bold is not None else "",
                    _(_ITALIC[italic]) if italic is not None else "",
                ],
            )
        )
        ctx.said(para, _("set {style}").format(style=style))
