"""Lines and text boxes drawn in a paragraph: DrawingML (wp:anchor, wp:inline, wps) and the
VML that older Word and the mc:Fallback branch use. A rule under a name or a title is often
such a line, anchored in the paragraph below it, and a «DỰ THẢO» stamp is a text box."""

from __future__ import annotations

import re

from ..ooxml.names import A_NS, MC_NS, O_NS, V_NS, WP_NS, clark_prefix
from ..ooxml.units import EMU_PER_MM
from ..ooxml.units import MM_PER_UNIT as _UNITS_MM
from .model import Shape, q
from ..ooxml.numbers import xml_int

__all__ = ["shapes_in_run"]

_MC, _WP, _A = clark_prefix(MC_NS), clark_prefix(WP_NS), clark_prefix(A_NS)
_V, _O = V_NS, O_NS
_LINE_GEOMETRIES = ("line", "straightConnector1")


def _text(element) -> str:
    return " ".join(
        "".join(t.text or "" for t in p.iter(q("t"))) for p in element.iter(q("p"))
    ).strip()


def _drawing(drawing) -> list[Shape]:
    out = []
    for frame in [*drawing.iter(f"{_WP}anchor"), *drawing.iter(f"{_WP}inline")]:
        extent = frame.find(f"{_WP}extent")
        if extent is None:
            continue
        width = xml_int(extent.get("cx")) / EMU_PER_MM
        height = xml_int(extent.get("cy")) / EMU_PER_MM
        position = frame.find(f"{_WP}positionH/{_WP}posOffset")
        offset = (
            xml_int(position.text) / EMU_PER_MM
            if position is not None and (position.text or "").lstrip("-").isdigit()
            else None
        )
        box = frame.find(f".//{q('txbxContent')}")
        geometry = frame.find(f".//{_A}prstGeom")
        if box is not None:
            out.append(Shape("textbox", width, offset, _text(box)))
        elif (geometry is not None and geometry.get("prst") in _LINE_GEOMETRIES) or (
            height < 0.5 and width > 3 and frame.find(f".//{_A}blip") is None
        ):
            out.append(Shape("line", width, offset))
    return out


def _length_mm(value: str) -> float | None:
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px|)\s*", value or "")
    if not match:
        return None
    return float(match[1]) * _UNITS_MM[match[2]]


def _style(element) -> dict[str, str]:
    return dict(
        part.split(":", 1) for part in (element.get("style") or "").split(";") if ":" in part
    )


def _vml(pict) -> list[Shape]:
    out = []
    for element in pict.iter():
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(f"{{{_V}}}"):
            continue
        name = tag.split("}")[1]
        box = element.find(f".//{q('txbxContent')}")
        style = _style(element)
        width = _length_mm(style.get("width", "")) or 0.0
        if box is not None:
            out.append(
                Shape("textbox", width, _length_mm(style.get("margin-left", "")), _text(box))
            )
        elif name == "line":
            start = [_length_mm(v) or 0 for v in (element.get("from") or "0,0").split(",")]
            end = [_length_mm(v) or 0 for v in (element.get("to") or "0,0").split(",")]
            if len(start) == 2 and len(end) == 2 and abs(end[1] - start[1]) < 0.5:
                out.append(Shape("line", abs(end[0] - start[0]), start[0]))
        elif name == "shape" and (
            element.get(f"{{{_O}}}connectortype") or element.get("type") == "#_x0000_t32"
        ):
            height = _length_mm(style.get("height", "")) or 0.0
            if height < 0.5:
                out.append(Shape("line", width, _length_mm(style.get("margin-left", ""))))
    return out


def shapes_in_run(run) -> list[Shape]:
    """The shapes of one w:r; of an mc:AlternateContent only its first choice is read (the
    fallback draws the same shape again)."""
    out: list[Shape] = []
    for child in run:
        tag = child.tag
        if tag == f"{_MC}AlternateContent":
            choice = child.find(f"{_MC}Choice")
            branch = choice if choice is not None else child.find(f"{_MC}Fallback")
            if branch is not None:
                for inner in branch:
                    if inner.tag == q("drawing"):
                        out += _drawing(inner)
                    elif inner.tag == q("pict"):
                        out += _vml(inner)
        elif tag == q("drawing"):
            out += _drawing(child)
        elif tag == q("pict"):
            out += _vml(child)
    return out
