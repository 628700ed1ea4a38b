"""Small, schema-aware edits of WordprocessingML: a child put where the schema orders it,
run and paragraph properties set, characters of a paragraph's text replaced in the run that
holds them (so every other run, field, bookmark and revision stays as it was)."""

from __future__ import annotations

import re

from ..inspect.model import q
from ..ooxml.names import XML_SPACE
from ..ooxml.order import PPR_ORDER as _PPR_ORDER
from ..ooxml.order import RPR_ORDER as _RPR_ORDER
from ..ooxml.order import SECT_ORDER
from ..ooxml.tree import Element, new_element, set_child

__all__ = [
    "set_child",
    "run_properties",
    "set_run_format",
    "paragraph_properties",
    "set_paragraph",
    "replace_text",
    "append_text",
    "SECT_ORDER",
]


def run_properties(run):
    rpr = run.find(q("rPr"))
    if rpr is None:
        rpr = new_element(q("rPr"))
        run.insert(0, rpr)
    return rpr


def drop_attributes(element: Element, *names: str) -> None:
    """Remove the attributes `names` (Clark names) that `element` has."""
    for name in names:
        if name in element.attrib:
            del element.attrib[name]


def _toggle(rpr, name: str, on: bool) -> None:
    for tag in (q(name), q(name + "Cs")):
        element = rpr.find(tag)
        if on:
            element = element if element is not None else set_child(rpr, tag, _RPR_ORDER)
            drop_attributes(element, q("val"))
        elif element is not None:
            element.set(q("val"), "0")  # explicit: a style may switch it on


def set_run_format(
    run,
    *,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    underline: bool | None = None,
    font: str | None = None,
) -> None:
    rpr = run_properties(run)
    if font is not None:
        fonts = set_child(rpr, q("rFonts"), _RPR_ORDER)
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(q(slot), font)
        drop_attributes(
            fonts, *(q(t) for t in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))
        )
    if bold is not None:
        _toggle(rpr, "b", bold)
    if italic is not None:
        _toggle(rpr, "i", italic)
    if underline is False:
        u = rpr.find(q("u"))
        if u is not None:
            u.set(q("val"), "none")
    if size is not None:
        for tag in (q("sz"), q("szCs")):
            set_child(rpr, tag, _RPR_ORDER).set(q("val"), str(round(size * 2)))


def paragraph_properties(p):
    ppr = p.find(q("pPr"))
    if ppr is None:
        ppr = new_element(q("pPr"))
        p.insert(0, ppr)
    return ppr


def set_paragraph(
    p,
    *,
    align: str | None = None,
    first_line: int | None = None,
    before: int | None = None,
    after: int | None = None,
    line: int | None = None,
) -> None:
    ppr = paragraph_properties(p)
    if align is not None:
        set_child(ppr, q("jc"), _PPR_ORDER).set(q("val"), align)
    if first_line is not None:
        ind = set_child(ppr, q("ind"), _PPR_ORDER)
        drop_attributes(ind, q("hanging"), q("hangingChars"), q("firstLineChars"))
        ind.set(q("firstLine"), str(first_line))
    if before is not None or after is not None or line is not None:
        spacing = set_child(ppr, q("spacing"), _PPR_ORDER)
        for name, value in (("before", before), ("after", after)):
            if value is not None:
                drop_attributes(spacing, q(name + "Lines"), q(name + "Autospacing"))
                spacing.set(q(name), str(value))
        if line is not None:
            spacing.set(q("line"), str(line))
            spacing.set(q("lineRule"), "auto")


def _texts(p) -> list:
    """The w:t of a paragraph's flow, in order (text boxes and deleted text excluded)."""
    from ..inspect.docx_read import _flow_runs

    return [t for r, _ in _flow_runs(p) for t in r if t.tag == q("t")]


def replace_text(p, pattern: str, replacement, count: int = 1) -> bool:
    """Replace a match of `pattern` that lies inside one w:t of paragraph `p`; True if done."""
    for t in _texts(p):
        text = t.text or ""
        new, done = re.subn(pattern, replacement, text, count=count)
        if done:
            t.text = new
            if new != new.strip():
                t.set(XML_SPACE, "preserve")
            return True
    return False


def append_text(p, text: str) -> bool:
    """Add `text` at the end of the paragraph's last text."""
    texts = [t for t in _texts(p) if (t.text or "").strip()]
    if not texts:
        return False
    texts[-1].text = (texts[-1].text or "").rstrip() + text
    return True
