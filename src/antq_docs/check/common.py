"""What the rules share: hits, visible runs, sizes, formatting problems in words, and drawn
rules."""

from __future__ import annotations

from typing import Any

from ..inspect.docx_read import Para, TextRun
from ..inspect.model import Cell, TableView
from ..nd30 import Element
from .findings import Certainty, Found, Hit
from ..ooxml.units import TWIPS_PER_MM
from .locate import Parts, excerpt, numbered, squash
from .where import where
from ..i18n import _

__all__ = [
    "Found",
    "Hit",
    "MM",
    "CELL_MARGIN_TWIPS",
    "hit",
    "place_hit",
    "visible",
    "numbered",
    "size_of",
    "sizes",
    "format_problems",
    "element_problems",
    "report",
    "missing",
    "rule_under",
    "line_width_mm",
    "excerpt",
    "squash",
    "where",
]
MM = TWIPS_PER_MM


def hit(
    parts: Parts,
    para: Para,
    message: str,
    *,
    certainty: Certainty = "certain",
    data: Any = None,
    quoted: bool = True,
) -> Hit:
    """A hit on a line, located and quoted (`quoted=False`: an empty line, no excerpt)."""
    return Hit(para, where(parts, para), excerpt(para) if quoted else "", message, certainty, data)


def place_hit(
    place: str, message: str, *, certainty: Certainty = "certain", data: Any = None
) -> Hit:
    """A hit on the document, a section or a header rather than on a line."""
    return Hit(None, place, "", message, certainty, data)


def visible(para: Para) -> list[TextRun]:
    return [r for r in para.runs if r.text.strip()]


def size_of(parts: Parts, run: TextRun) -> float:
    return run.size if run.size is not None else (parts.view.default_size or 10.0)


def sizes(parts: Parts, para: Para) -> set[float]:
    return {size_of(parts, r) for r in visible(para)}


def format_problems(
    parts: Parts,
    para: Para,
    *,
    sizes_pt: tuple[float, float] | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    underline: bool = False,
) -> list[str]:
    """What is wrong with the runs of `para`, in words; empty when nothing is."""
    runs = visible(para)
    wrong = []
    if sizes_pt is not None:
        found = sizes(parts, para)
        if not found or min(found) < sizes_pt[0] or max(found) > sizes_pt[1]:
            low, high = sizes_pt
            want = f"{low:g}" if low == high else f"{low:g}–{high:g}"
            wrong.append(
                _("size {items} pt, should be {want} pt").format(
                    items="/".join(f"{s:g}" for s in sorted(found)), want=want
                )
            )
    if bold is True and not all(r.bold for r in runs):
        wrong.append(_("should be bold"))
    if bold is False and any(r.bold for r in runs):
        wrong.append(_("should not be bold"))
    if italic is True and not all(r.italic for r in runs):
        wrong.append(_("should be italic"))
    if italic is False and any(r.italic for r in runs):
        wrong.append(_("should be upright, not italic"))
    if not underline and any(r.underline for r in runs):
        wrong.append(_("should not be underlined"))
    return wrong


def element_problems(parts: Parts, para: Para, element: Element) -> list[str]:
    """What is wrong with `para` as the decree sets `element`: size, bold, italic."""
    return format_problems(
        parts, para, sizes_pt=element.size.allowed, bold=element.bold, italic=element.italic
    )


def report(parts: Parts, para: Para | None, problems: list[str]) -> Found:
    if para is not None and problems:
        yield hit(parts, para, "; ".join(problems))


def missing(name: str, hint: str) -> Found:
    yield place_hit(_("document"), _("no {part} found; {hint}").format(part=name, hint=hint))


def rule_under(parts: Parts, para: Para, expected_mm: float | None = None) -> float | None:
    """The length (mm) of the rule drawn under `para`, 0.0 for one whose length is not
    known, None when there is none. Rules are looked for as Word users draw them: a
    paragraph border (as long as the paragraph is wide), an empty bordered paragraph, a
    line shape (DrawingML or VML) anchored in the paragraph, the one below it or the next
    table row, typed underscores (as long as they print). With several candidates, the one
    closest to `expected_mm` is taken."""
    if para.border_bottom:
        return _paragraph_width_mm(parts, para)
    lengths: list[float] = []
    for candidate in parts.below(para):
        lengths += [shape.width_mm for shape in candidate.lines]
        if (
            candidate is not para
            and not squash(candidate.text)
            and (candidate.border_top or candidate.border_bottom)
        ):
            return _paragraph_width_mm(parts, candidate)
        text = squash(candidate.text)
        if candidate is not para and text and set(text) <= {"_", "-", "—"} and len(text) >= 5:
            from .metrics import text_width_mm

            size = max(sizes(parts, candidate) or {14.0})
            return min(text_width_mm(text, size, bold=False), _paragraph_width_mm(parts, candidate))
    if not lengths:
        return None
    if expected_mm is None:
        return lengths[0]
    return min(lengths, key=lambda length: abs(length - expected_mm))


#: Word's default left and right margin inside a table cell (0.19 cm): a paragraph's
#: border in a cell runs between them, not from edge to edge.
CELL_MARGIN_TWIPS = 108


def _paragraph_width_mm(parts: Parts, para: Para) -> float:
    """How wide a paragraph's border is drawn: its column (a table cell's text area, or
    the page's text width) less its indents; 0.0 when the cell's width is not known."""
    if para.cell is not None:
        cell = _cell_of(parts, para.cell)
        if cell is None or not cell.width_twips:
            return 0.0
        twips = cell.width_twips - 2 * CELL_MARGIN_TWIPS - para.left_twips - para.right_twips
        return max(twips, 0) / MM
    return _text_width_mm(parts, para)


def _cell_of(parts: Parts, place: tuple[int, int, int]) -> Cell | None:
    table, row, column = place
    for block in parts.view.blocks:
        if isinstance(block, TableView) and block.index == table:
            cells = block.rows[row - 1] if row <= len(block.rows) else []
            return cells[column - 1] if column <= len(cells) else None
    return None


def line_width_mm(parts: Parts, para: Para) -> float:
    """The printed width of a line of text (Times New Roman metrics), at most the width
    the paragraph has on its page."""
    from .metrics import text_width_mm

    runs = visible(para)
    size = max(sizes(parts, para) or {14.0})
    width = text_width_mm(squash(para.text), size, bold=bool(runs) and all(r.bold for r in runs))
    return min(width, _text_width_mm(parts, para))


def _text_width_mm(parts: Parts, para: Para) -> float:
    sections = parts.view.sections
    if not sections:
        return 165.0
    section = sections[min(para.section, len(sections)) - 1]
    twips = (
        section.page_width
        - section.margins.get("left", 0)
        - section.margins.get("right", 0)
        - para.left_twips
        - para.right_twips
    )
    return twips / MM if twips > 0 else 165.0
