"""Page numbers put into a header without losing what the header already shows: a «Dự thảo
lần 2» line stays on the printed page when a PAGE field is added beside it, and page 1 keeps
that line when it is given a header of its own without the number."""

from __future__ import annotations

from typing import Any

from ..inspect.docx_read import Para, field_name
from ..inspect.model import q
from ..ooxml.tree import parse, serialise

__all__ = ["shows_something", "insert_paragraph", "without_page_fields"]


def shows_something(paras: list[Para]) -> bool:
    """Whether a header prints anything: words, a picture or a shape."""
    return any(p.text.strip() or p.has_drawing for p in paras)


def insert_paragraph(header: list[Para], xml: str) -> bool:
    """The paragraph `xml` (a w:hdr holding one w:p) placed first in the part that holds
    `header`; False when the header has no element to insert into."""
    first = next((p.element for p in header if p.element is not None), None)
    if first is None:
        return False
    new = parse(xml)[0]
    container: Any = first.getparent()
    container.insert(container.index(first), new)
    return True


def without_page_fields(header: list[Para], trees: dict[str, Any]) -> tuple[Any, str] | None:
    """A copy of the header part that holds `header`, with its PAGE fields taken out (the
    runs from a field's begin to its end, and w:fldSimple elements), and the name of the
    part it copies; None without a part."""
    first = next((p.element for p in header if p.element is not None), None)
    if first is None:
        return None
    root = first.getroottree().getroot()
    name = next((n for n, tree in trees.items() if tree is root), None)
    if name is None:
        return None
    copy = parse(serialise(root))
    for simple in list(copy.iter(q("fldSimple"))):
        if field_name(simple.get(q("instr")) or "") == "PAGE":
            parent = simple.getparent()
            if parent is not None:
                parent.remove(simple)
    for paragraph in copy.iter(q("p")):
        _drop_complex_page_fields(paragraph)
    return copy, name


def _drop_complex_page_fields(paragraph: Any) -> None:
    depth, instruction = 0, ""
    inside: list[Any] = []
    for run in list(paragraph.iter(q("r"))):
        kinds = [c.get(q("fldCharType")) for c in run if c.tag == q("fldChar")]
        if "begin" in kinds and depth == 0:
            instruction, inside = "", []
        if depth or "begin" in kinds:
            inside.append(run)
            instruction += "".join(c.text or "" for c in run if c.tag == q("instrText"))
        depth += kinds.count("begin") - kinds.count("end")
        if inside and depth <= 0:
            if field_name(instruction) == "PAGE":
                for field_run in inside:
                    holder = field_run.getparent()
                    if holder is not None:
                        holder.remove(field_run)
            depth, inside = 0, []
