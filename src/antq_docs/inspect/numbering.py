"""Word's automatic numbering: the label a numbered paragraph shows («1.», «a)», «II.», «-»).

A paragraph names a list (`w:numPr`: `w:numId`, `w:ilvl`) directly or through its paragraph
style; the list (`w:num`) points to its definition (`w:abstractNum`) and may override the
start or the whole definition of a level (`w:lvlOverride`). Counters belong to the
definition, so two lists of one definition continue each other unless one restarts; a level
restarts when a shallower one is used (`w:lvlRestart` may say otherwise). The label is the
level's `w:lvlText` with «%1», «%2» … replaced by the counters of those levels, each in its
level's `w:numFmt`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import q
from ..nd30.forms import roman
from ..ooxml.numbers import xml_int

__all__ = ["ListLabel", "Numbering", "format_number", "numbering_of_chain", "style_numbering"]

_VAL = q("val")
# Symbol-font bullets are private-use characters; read them as the mark they draw.
_SYMBOL_BULLETS = {
    "\uf0b7": "•",
    "\uf02d": "-",
    "\uf0a7": "▪",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf076": "❖",
    "\uf0a8": "•",
    "\uf0e8": "➔",
    "\uf06e": "■",
    "\uf071": "❑",
}
MAX_LEVELS = 9


@dataclass(frozen=True)
class ListLabel:
    """What Word prints before a numbered paragraph, and where the paragraph's list is."""

    text: str  # «1.», «a)», «-»; "" for a level that prints nothing
    level: int  # 0-based w:ilvl
    list_id: str  # the w:abstractNum the counters belong to
    format: str  # the level's w:numFmt: decimal, lowerLetter, upperRoman, bullet, …
    suffix: str = "\t"  # what follows the label: a tab, a space or nothing


@dataclass
class _Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # 1-based level whose use restarts this one; 0: never
    legal: bool = False  # w:isLgl: the other levels' numbers in decimal
    suffix: str = "\t"
    style: str | None = None  # w:pStyle: the paragraph style tied to this level


@dataclass
class _List:
    abstract: str
    levels: dict[int, _Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride


def _val(element, name: str, default: str | None = None) -> str | None:
    child = element.find(q(name))
    return child.get(_VAL, default) if child is not None else default


def _int(text: str | None, default: int) -> int:
    return xml_int(text, default)


def _level(element, base: _Level | None = None) -> _Level:
    level = _Level(**(base.__dict__ if base else {}))
    if element.find(q("start")) is not None:
        level.start = _int(_val(element, "start"), 1)
    level.format = _val(element, "numFmt", level.format) or level.format
    if element.find(q("lvlText")) is not None:
        level.text = _val(element, "lvlText", "") or ""
    if element.find(q("lvlRestart")) is not None:
        level.restart = _int(_val(element, "lvlRestart"), 0)
    if element.find(q("isLgl")) is not None:
        level.legal = _val(element, "isLgl", "true") not in ("0", "false", "off")
    suffix = _val(element, "suff")
    if suffix is not None:
        level.suffix = {"space": " ", "nothing": ""}.get(suffix, "\t")
    level.style = _val(element, "pStyle", level.style)
    return level


def format_number(value: int, number_format: str) -> str:
    """A counter in a w:numFmt: 3 -> '3', 'c', 'C', 'III', 'iii', '03'."""
    if number_format in ("lowerLetter", "upperLetter"):
        # Word's letters: a … z, then aa … zz, then aaa …
        letter = (
            "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26] * ((value - 1) // 26 + 1)
            if value > 0
            else ""
        )
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format in ("upperRoman", "lowerRoman"):
        text = roman(value) if 0 < value < 4000 else str(value)
        return text.lower() if number_format == "lowerRoman" else text
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format == "none":
        return ""
    return str(value)


class Numbering:
    """Labels of numbered paragraphs, asked for in document order (the counters advance)."""

    def __init__(self, numbering_root, style_numbering: dict[str, tuple[str | None, int | None]]):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._links: dict[str, str] = {}  # abstractNum -> the numbering style it follows
        self._lists: dict[str, _List] = {}
        self._style_numbering = style_numbering  # style id -> (numId, ilvl) it gives
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()  # lists whose start overrides have been applied
        if numbering_root is None:
            return
        for abstract in numbering_root.iter(q("abstractNum")):
            key = abstract.get(q("abstractNumId"), "")
            self._abstract[key] = {
                _int(lvl.get(q("ilvl")), 0): _level(lvl) for lvl in abstract.findall(q("lvl"))
            }
            link = _val(abstract, "numStyleLink")
            if link:
                self._links[key] = link
        for num in numbering_root.iter(q("num")):
            abstract_id = _val(num, "abstractNumId", "") or ""
            entry = _List(abstract_id)
            for override in num.findall(q("lvlOverride")):
                index = _int(override.get(q("ilvl")), 0)
                if override.find(q("startOverride")) is not None:
                    entry.starts[index] = _int(_val(override, "startOverride"), 1)
                lvl = override.find(q("lvl"))
                if lvl is not None:
                    entry.levels[index] = _level(lvl)
            self._lists[num.get(q("numId"), "")] = entry

    def _definition(self, abstract_id: str, depth: int = 0) -> tuple[str, dict[int, _Level]]:
        """The abstractNum whose levels apply, following a numStyleLink to the list its
        numbering style names."""
        link = self._links.get(abstract_id)
        if link and depth < 5:
            num_id, _level_index = self._style_numbering.get(link, (None, None))
            target = self._lists.get(num_id or "")
            if target is not None and target.abstract != abstract_id:
                return self._definition(target.abstract, depth + 1)
        return abstract_id, self._abstract.get(abstract_id, {})

    def level_of_style(self, num_id: str, style_id: str | None) -> int:
        """The level a style-numbered paragraph takes: the one tied to its style, else 0."""
        entry = self._lists.get(num_id)
        if entry is None or style_id is None:
            return 0
        _key, levels = self._definition(entry.abstract)
        for index, level in levels.items():
            if level.style == style_id:
                return index
        return 0

    def paragraph_label(self, chain, style_id: str | None) -> ListLabel | None:
        """The label of a paragraph with this property chain (counters advance)."""
        num_id, level, from_style = numbering_of_chain(chain)
        if num_id is None:
            return None
        if level is None:
            level = self.level_of_style(num_id, style_id) if from_style else 0
        return self.label(num_id, level)

    def label(self, num_id: str, level_index: int) -> ListLabel | None:
        """The next label of list `num_id` at `level_index`; None when the paragraph is
        not numbered (numId 0, or a list the file does not define)."""
        entry = self._lists.get(num_id)
        if num_id in ("", "0") or entry is None:
            return None
        key, base_levels = self._definition(entry.abstract)
        levels = {**base_levels, **entry.levels}
        level_index = max(0, min(level_index, MAX_LEVELS - 1))
        counters = self._counters.setdefault(key, {})
        if num_id not in self._started:
            # A list that overrides its start begins again there the first time it is used.
            self._started.add(num_id)
            for index, start in entry.starts.items():
                counters[index] = start - 1
        level = levels.get(level_index, _Level())
        counters[level_index] = counters.get(level_index, level.start - 1) + 1
        for deeper in [d for d in counters if d > level_index]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and level_index + 1 <= restart):
                del counters[deeper]
        return ListLabel(
            self._text(level, levels, counters, entry), level_index, key, level.format, level.suffix
        )

    @staticmethod
    def _text(
        level: _Level, levels: dict[int, _Level], counters: dict[int, int], entry: _List
    ) -> str:
        if level.format == "bullet":
            return "".join(
                _SYMBOL_BULLETS.get(c, "•" if "\uf000" <= c <= "\uf0ff" else c) for c in level.text
            )
        out = level.text
        for index in range(MAX_LEVELS - 1, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder not in out:
                continue
            other = levels.get(index, _Level())
            value = counters.get(index, entry.starts.get(index, other.start))
            number_format = (
                "decimal" if level.legal and other.format != "decimalZero" else other.format
            )
            out = out.replace(placeholder, format_number(value, number_format))
        return out


def numbering_of_chain(chain) -> tuple[str | None, int | None, bool]:
    """(numId, ilvl, given by a style) from a paragraph's property chain, nearest first:
    the paragraph's own w:numPr, then its style's and the styles it is based on."""
    num_id: str | None = None
    level: int | None = None
    from_style = False
    for depth, ppr in enumerate(chain):
        numpr = ppr.find(q("numPr")) if ppr is not None else None
        if numpr is None:
            continue
        if num_id is None and numpr.find(q("numId")) is not None:
            num_id = _val(numpr, "numId")
            from_style = depth > 0
        if level is None and numpr.find(q("ilvl")) is not None:
            level = _int(_val(numpr, "ilvl"), 0)
    return num_id, level, from_style


def style_numbering(styles_root) -> dict[str, tuple[str | None, int | None]]:
    """Style id -> the (numId, ilvl) its own paragraph properties give (for numStyleLink)."""
    out: dict[str, tuple[str | None, int | None]] = {}
    if styles_root is None:
        return out
    for style in styles_root.iter(q("style")):
        numpr = style.find(f"{q('pPr')}/{q('numPr')}")
        if numpr is not None:
            level = numpr.find(q("ilvl"))
            out[style.get(q("styleId"), "")] = (
                _val(numpr, "numId"),
                _int(level.get(_VAL), 0) if level is not None else None,
            )
    return out
