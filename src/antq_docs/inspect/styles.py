"""Formatting through the style chain (direct > character style > paragraph style >
document defaults), and fonts as Word draws them, theme references resolved."""

from __future__ import annotations

import functools
import re

from ..ooxml.names import A_NS, clark_prefix
from ..ooxml.tree import Element
from .model import q

__all__ = ["Styles", "merged", "font_slots", "drawn_slots"]

_A = clark_prefix(A_NS)
_RFONTS, _RPR, _PPR = q("rFonts"), q("rPr"), q("pPr")
_SLOTS = tuple((slot, q(slot), q(slot + "Theme")) for slot in ("ascii", "hAnsi", "eastAsia", "cs"))
_CSTHEME = q("cstheme")


def _per_document(method):
    """Memoise a Styles method on the instance: a cache on the class would keep every
    document ever read alive (a batch reads thousands)."""
    name = method.__name__

    @functools.wraps(method)
    def cached(self, *args):
        key = (name, *args)
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = method(self, *args)
            return value

    return cached


def merged(elements) -> dict:
    """Tag -> the nearest element of that tag in a property chain (nearest first)."""
    out: dict = {}
    for element in reversed(elements):
        if element is not None:
            for child in element:
                out[child.tag] = child
    return out


def font_slots(rfonts_chain, theme: dict[str, str] | None = None) -> dict[str, str]:
    """Slot -> font name, from the nearest rFonts that sets the slot; a theme reference
    ("minorHAnsi") becomes the theme's font, or "(theme)" when there is no theme part."""
    fonts: dict[str, str] = {}
    for slot, name_attr, theme_attr in _SLOTS:
        for f in rfonts_chain:
            if f is None:
                continue
            reference = f.get(theme_attr) or (f.get(_CSTHEME) if slot == "cs" else None)
            if reference is not None:  # Word gives the theme attribute precedence
                fonts[slot] = (theme or {}).get(reference, "(theme)")
                break
            if f.get(name_attr) is not None:
                fonts[slot] = f.get(name_attr)
                break
    return fonts


_EAST_ASIAN = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f"
_ASCII_INK = re.compile(r"[\x21-\x7e]")
_EAST_ASIAN_INK = re.compile(f"[{_EAST_ASIAN}]")
_OTHER_INK = re.compile(f"[^\\x00-\\x7f\\s{_EAST_ASIAN}]")


def drawn_slots(text: str, complex_script: bool) -> set[str]:
    """Which rFonts slots draw `text` (MS-OI29500 §2.1.88, simplified to what matters here:
    no Vietnamese letter is ever drawn with eastAsia or cs)."""
    if complex_script:
        return {"cs"}
    slots = set()
    if _ASCII_INK.search(text):
        slots.add("ascii")
    if _OTHER_INK.search(text):
        slots.add("hAnsi")
    if _EAST_ASIAN_INK.search(text):
        slots.add("eastAsia")
    return slots


def theme_fonts(theme_root) -> dict[str, str]:
    """Theme reference names -> typefaces, from a theme part (theme1.xml)."""
    if theme_root is None:
        return {}
    out = {}
    for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
        element = theme_root.find(f".//{_A}{scheme}")
        if element is None:
            continue
        for script, names in (
            ("latin", ("HAnsi", "Ascii")),
            ("ea", ("EastAsia",)),
            ("cs", ("Bidi",)),
        ):
            face = element.find(f"{_A}{script}")
            if face is not None and face.get("typeface"):
                for name in names:
                    out[prefix + name] = face.get("typeface")
    return out


class Styles:
    def __init__(self, root, theme: dict[str, str] | None = None) -> None:
        self._memo: dict[tuple, object] = {}
        self.theme = theme or {}
        self.by_id: dict[str | None, Element] = {}
        self.default_para: str | None = None
        self.default_character: str | None = None
        self.default_rpr = None
        self.default_ppr = None
        if root is None:
            return
        defaults = root.find(q("docDefaults"))
        if defaults is not None:
            self.default_rpr = defaults.find(f"{q('rPrDefault')}/{q('rPr')}")
            self.default_ppr = defaults.find(f"{q('pPrDefault')}/{q('pPr')}")
        for style in root.iter(q("style")):
            style_id = style.get(q("styleId"))
            self.by_id[style_id] = style
            if style.get(q("default")) in ("1", "true"):
                if style.get(q("type")) == "paragraph":
                    self.default_para = style_id

    @_per_document
    def chain(self, style_id: str | None) -> tuple:
        """The style and its ancestors, nearest first (cycles in basedOn are cut, and so are
        chains longer than Word would ever make)."""
        out: list[Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen and len(out) < 64:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(q("basedOn"))
            style_id = based.get(q("val")) if based is not None else None
        return tuple(out)

    @_per_document
    def inherited_rpr(self, run_style: str | None, para_style: str | None) -> tuple:
        """The run properties a run inherits: its character style's, then its paragraph
        style's, then the defaults — the same for most runs, so worked out once."""
        chain = []
        if run_style is not None:
            chain += [s.find(_RPR) for s in self.chain(run_style)]
        chain += [s.find(_RPR) for s in self.chain(para_style)]
        return tuple(chain + [self.default_rpr])

    @_per_document
    def inherited_fonts(self, run_style: str | None, para_style: str | None) -> dict:
        return font_slots(
            [
                rpr.find(_RFONTS) if rpr is not None else None
                for rpr in self.inherited_rpr(run_style, para_style)
            ],
            self.theme,
        )

    @_per_document
    def inherited_run_props(self, run_style: str | None, para_style: str | None) -> dict:
        return merged(self.inherited_rpr(run_style, para_style))

    @_per_document
    def inherited_ppr(self, style_id: str | None) -> tuple:
        return tuple([s.find(_PPR) for s in self.chain(style_id)] + [self.default_ppr])
