"""How an appendix presents itself (PL1 III.1.a–c): a «Phụ lục I» line of its own, Roman
numbers when there are several, the title in capitals under it, then the «(Kèm theo …)»
line that names the document it belongs to. Case and bold of the label are
ND30-APPENDIX-HEADING's; the words are the clerk's to retype, so nothing here is fixed."""

from __future__ import annotations

from .. import nd30
from .appendices import LABEL, Appendix
from .common import Found, hit, squash
from .locate import Parts
from ..i18n import _

__all__ = ["appendix_form", "appendix_attached", "roman"]

_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """1 -> «I», 14 -> «XIV» (appendices do not run into the fifties)."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def appendix_form(parts: Parts) -> Found:
    several = len(parts.appendices) > 1
    for appendix in parts.appendices:
        problems = _label_problems(appendix, several) + _title_problems(appendix)
        if problems:
            yield hit(parts, appendix.heading, "; ".join(problems), data=appendix)


def appendix_attached(parts: Parts) -> Found:
    """The «(Kèm theo …)» line under the title names the document the appendix belongs to;
    its number and date may be left blank for the văn thư, the line may not be left out."""
    for appendix in parts.appendices:
        if appendix.attached_line is None:
            yield hit(
                parts,
                appendix.heading,
                _(
                    "no «(Kèm theo {kind} số … ngày … tháng … năm … của …)» line under the "
                    "appendix title: write it, centred, in italics"
                ).format(kind=parts.kind),
                data=appendix,
            )


def _label_problems(appendix: Appendix, several: bool) -> list[str]:
    want = "Phụ lục " + roman(appendix.number) if several else "Phụ lục"
    if not appendix.labelled:
        return [
            _(
                "an attachment with no «Phụ lục» line: write «{want}» centred above its title"
            ).format(want=want)
        ]
    match = LABEL.match(squash(appendix.heading.text))
    if match is None:
        return []
    problems = []
    number = match["number"] or ""
    if match["so"] or match["mark"] or number.startswith("0"):
        problems.append(
            _("write the label as «{want}», without «số», leading zeros or «:»").format(want=want)
        )
    elif several and number.isdigit():
        problems.append(
            _("with several appendices, number them in Roman numerals: «{want}»").format(want=want)
        )
    if match["rest"]:
        problems.append(_("put the title on its own line under «{want}»").format(want=want))
    return problems


def _title_problems(appendix: Appendix) -> list[str]:
    match = LABEL.match(squash(appendix.heading.text)) if appendix.labelled else None
    titles = [squash(p.text) for p in appendix.title]
    if match is not None and match["rest"]:
        titles.insert(0, match["rest"])
    if nd30.APPENDIX_TITLE.capitals and any(not t.isupper() for t in titles if t):
        return [_("write the appendix title in capitals")]
    return []
