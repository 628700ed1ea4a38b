"""Rules under the Tiêu ngữ, the issuing body and the subject brought to the decree's
length, however they were drawn: a DrawingML line (and the VML fallback Word keeps beside
it), a VML-only line, an empty bordered paragraph. A rule of the wrong length is resized,
never doubled by a second one; a rule typed as underscores is the clerk's text and is left."""

from __future__ import annotations

import re
from typing import Any

from ..check.common import MM, squash
from ..inspect.docx_read import Para
from ..ooxml.names import A_NS, V_NS, WP_NS, clark_prefix
from ..ooxml.units import MM_PER_UNIT, emu_from_mm
from .edit import paragraph_properties, set_child
from ..inspect.model import q

__all__ = ["resize_rule"]

_WP, _A = clark_prefix(WP_NS), clark_prefix(A_NS)
_V = clark_prefix(V_NS)
_LINE_GEOMETRIES = ("line", "straightConnector1")
_PT_PER_MM = 72 / 25.4


def _line_frames(p: Any) -> list[Any]:
    """The wp:anchor / wp:inline frames of the DrawingML lines in paragraph `p`."""
    return [
        frame
        for frame in [*p.iter(f"{_WP}anchor"), *p.iter(f"{_WP}inline")]
        if (geometry := frame.find(f".//{_A}prstGeom")) is not None
        and geometry.get("prst") in _LINE_GEOMETRIES
    ]


def _resize_drawing(frame: Any, target_mm: float) -> None:
    """The line made `target_mm` long about the same middle: its extents, and its
    horizontal offset moved by half the change."""
    new = emu_from_mm(target_mm)
    extent = frame.find(f"{_WP}extent")
    old = int(extent.get("cx") or 0) if extent is not None else new
    offset = frame.find(f"{_WP}positionH/{_WP}posOffset")
    if offset is not None and (offset.text or "").strip().lstrip("-").isdigit():
        offset.text = str(int(offset.text) + (old - new) // 2)
    for element in [extent, *frame.iter(f"{_A}ext")]:
        if element is not None:
            element.set("cx", str(new))


def _vml_lines(p: Any) -> list[Any]:
    """VML lines and connector shapes in `p` (the only drawing, or a DrawingML fallback)."""
    return [
        element
        for element in p.iter(f"{_V}line", f"{_V}shape")
        if element.tag == f"{_V}line"
        or element.get("type") == "#_x0000_t32"
        or any(key.endswith("connectortype") for key in element.attrib)
    ]


def _resize_vml(element: Any, target_mm: float) -> None:
    """A VML line or connector made `target_mm` long about the same middle."""
    if element.tag == f"{_V}line":
        start = (element.get("from") or "0,0").split(",")
        end = (element.get("to") or "0,0").split(",")
        x0, x1 = _mm(start[0]), _mm(end[0])
        middle = (x0 + x1) / 2
        y0 = start[1] if len(start) > 1 else "0"
        y1 = end[1] if len(end) > 1 else y0
        element.set("from", f"{(middle - target_mm / 2) * _PT_PER_MM:.1f}pt,{y0}")
        element.set("to", f"{(middle + target_mm / 2) * _PT_PER_MM:.1f}pt,{y1}")
        return
    pairs = [part.split(":", 1) for part in (element.get("style") or "").split(";") if ":" in part]
    style = {key.strip(): value.strip() for key, value in pairs}
    old = _mm(style.get("width", "")) or target_mm
    if "margin-left" in style:
        left = _mm(style["margin-left"]) + (old - target_mm) / 2
        style["margin-left"] = f"{left * _PT_PER_MM:.2f}pt"
    style["width"] = f"{target_mm * _PT_PER_MM:.2f}pt"
    element.set("style", ";".join(f"{key}:{value}" for key, value in style.items()))


def _mm(value: str) -> float:
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px|)\s*", value or "")
    return float(match[1]) * MM_PER_UNIT[match[2]] if match else 0.0


def resize_rule(parts: Any, last: Para, target_mm: float, available_mm: float) -> bool:
    """Bring the rule under `last` to `target_mm`; False when there is none this can
    resize (none at all, or one typed as underscores)."""
    for candidate in parts.below(last):
        frames, vml = _line_frames(candidate.element), _vml_lines(candidate.element)
        if frames or vml:
            for frame in frames:
                _resize_drawing(frame, target_mm)
            for element in vml:
                _resize_vml(element, target_mm)
            return True
        if (
            candidate is not last
            and not squash(candidate.text)
            and (candidate.border_top or candidate.border_bottom)
        ):
            side = round(max((available_mm - target_mm) / 2, 0) * MM)
            ind = set_child(paragraph_properties(candidate.element), q("ind"), [])
            ind.set(q("left"), str(side))
            ind.set(q("right"), str(side))
            return True
    return False
