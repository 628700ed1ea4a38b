"""Rules on the page as a whole: paper, orientation, margins, fonts, page numbers,
appendices, footnotes (PL1 I, III.1)."""

from __future__ import annotations

import re

from .. import nd30
from ..inspect.docx_read import DocxView, Para, Section, TextRun
from ..ooxml.units import twips_from_mm
from .findings import Certainty
from .common import MM, Found, format_problems, hit, place_hit, size_of, squash
from .locate import Parts
from ..i18n import N_, _

__all__ = [
    "page_size",
    "orientation",
    "margins",
    "fonts",
    "page_numbers",
    "appendix_page_numbers",
    "appendix_heading",
    "fake_footnotes",
    "FONT",
    "SIDE_NAMES",
    "section_name",
    "is_a4",
    "margin_problems",
    "is_legacy_font",
    "page_fields",
]

FONT = nd30.FONT
_LEGACY_FONTS = re.compile(r"^(\.Vn|VNI[- ]|VN[ -]?Times)", re.IGNORECASE)
A4_TWIPS = tuple(twips_from_mm(mm) for mm in nd30.PAPER_MM)  # (11906, 16838)
_PAPER_SLACK_TWIPS = 30
_MARGIN_SLACK_MM = 0.5  # Word shows margins in tenths of a cm
SIDE_NAMES = {"top": N_("top"), "bottom": N_("bottom"), "left": N_("left"), "right": N_("right")}


def section_name(parts: Parts, number: int) -> str:
    if number == 1:
        return _("page setup of the main text (section 1)")
    for appendix in parts.appendices:
        if appendix.heading.section == number:
            return _("page setup of appendix {number} (section {number2})").format(
                number=appendix.number, number2=number
            )
    return _("page setup of section {number}").format(number=number)


def is_a4(section: Section) -> bool:
    """A4 in either orientation, to within what Word's unit conversions leave."""
    width, height = sorted((section.page_width, section.page_height))
    return all(
        abs(found - a4) <= _PAPER_SLACK_TWIPS for found, a4 in zip((width, height), A4_TWIPS)
    )


def page_size(parts: Parts) -> Found:
    """Hits carry the section's number (1-based)."""
    for number, section in enumerate(parts.view.sections, start=1):
        width, height = sorted((section.page_width, section.page_height))
        if not is_a4(section):
            yield place_hit(
                section_name(parts, number),
                _("paper is {value:.0f} × {value2:.0f} mm; use A4 (210 × 297 mm)").format(
                    value=width / MM, value2=height / MM
                ),
                data=number,
            )


def orientation(parts: Parts) -> Found:
    # A table of data, three rows or columns at least (the header and the signature are laid
    # out in tables of two columns and at most two rows), makes a landscape section the
    # decree's own case (PL1 I.2).
    shape: dict[int, tuple[int, int, int]] = {}  # table -> (section, rows, columns)
    for p in parts.view.paragraphs():
        if p.cell is not None:
            _section, rows, columns = shape.get(p.cell[0], (p.section, 0, 0))
            shape[p.cell[0]] = (p.section, max(rows, p.cell[1]), max(columns, p.cell[2]))
    with_tables = {
        section for section, rows, columns in shape.values() if rows >= 3 or columns >= 3
    }
    for number, section in enumerate(parts.view.sections, start=1):
        if section.landscape and number not in with_tables:
            yield place_hit(
                section_name(parts, number),
                _(
                    "landscape pages: the decree allows them for a wide table or chart "
                    "(PL1 I.2) and says nothing of appendices; keep them for wide tables"
                ),
                data=number,
            )


def margin_problems(section: Section) -> list[str]:
    """Portrait pages against the decree's ranges; a landscape page as it is bound: turned,
    its top or bottom edge is the binding edge (30–35 mm), the other 15–20 mm, and its left
    and right edges are the top and bottom (20–25 mm)."""
    value = {side: section.margins.get(side, 0) / MM for side, _range in nd30.MARGINS.items()}

    def fits(side: str, allowed: nd30.MmRange) -> bool:
        return allowed.fits(value[side], slack=_MARGIN_SLACK_MM)

    if section.landscape:
        turned = nd30.LANDSCAPE_MARGINS
        sides_ok = fits("left", turned.left) and fits("right", turned.right)
        bound = (fits("top", turned.top) and fits("bottom", turned.bottom)) or (
            fits("top", turned.bottom) and fits("bottom", turned.top)
        )
        if sides_ok and bound:
            return []
        return [
            _("{side} {value:.1f} mm").format(side=_(SIDE_NAMES[side]), value=value[side])
            for side in value
        ] + [
            _(
                "turned upright, one of top/bottom should be 30–35 mm (the binding edge) "
                "and the other 15–20, left and right 20–25"
            )
        ]
    return [
        _("{side} {value:.1f} mm (should be {low}–{high})").format(
            side=_(SIDE_NAMES[side]), value=value[side], low=allowed.low, high=allowed.high
        )
        for side, allowed in nd30.MARGINS.items()
        if not fits(side, allowed)
    ]


def margins(parts: Parts) -> Found:
    """Hits carry the section's number (1-based)."""
    for number, section in enumerate(parts.view.sections, start=1):
        wrong = margin_problems(section)
        if wrong:
            kind = _("landscape page margins: ") if section.landscape else _("margins: ")
            yield place_hit(section_name(parts, number), kind + ", ".join(wrong), data=number)


def fonts(parts: Parts) -> Found:
    """The font each character is drawn with, not every slot: Word draws Vietnamese with
    the ascii/hAnsi fonts; eastAsia and cs fonts left by «Set As Default» draw nothing."""
    view = parts.view
    containers = [view.paragraphs()]
    containers += [paras for section in view.sections for paras in section.headers.values()]
    containers += [paras for section in view.sections for paras in section.footers.values()]
    containers += list(view.footnotes.values())
    for paragraphs in containers:
        for para in paragraphs:
            bad = {
                font
                for run in para.runs
                if run.text.strip()
                for font in run.drawn_fonts.values()
                if font != FONT
            }
            if not bad:
                continue
            legacy = sorted(f for f in bad if is_legacy_font(f))
            if legacy:
                message = _(
                    "legacy font {items} (TCVN3/VNI): convert the text to "
                    "Unicode and set Times New Roman"
                ).format(items=", ".join(legacy))
            else:
                message = _("drawn in {items}; use {FONT}").format(
                    items=", ".join(sorted(bad)), FONT=FONT
                )
            yield hit(parts, para, message)


def is_legacy_font(name: str) -> bool:
    """A TCVN3 or VNI font: its text must be converted to Unicode, not relabelled."""
    return bool(_LEGACY_FONTS.match(name))


def page_fields(paras: list[Para]) -> list[TextRun]:
    return [r for p in paras for r in p.runs if r.field == "PAGE"]


def centred(para: Para, section: Section) -> bool:
    """Centred by alignment, or by a centre tab stop near the middle of the text width."""
    if para.align == "center":
        return True
    middle = (
        section.page_width - section.margins.get("left", 0) - section.margins.get("right", 0)
    ) / 2
    return any(
        kind == "center" and abs(position - middle) <= 10 * MM for kind, position in para.tabs
    ) and para.text.startswith("\t")


def _estimated_pages(parts: Parts) -> int:
    return estimated_pages(parts.view)


def estimated_pages(view: DocxView) -> int:
    """Pages of the document as laid out in 14 pt Times New Roman at about 1.15 lines,
    6 pt between paragraphs, on the text height of an A4 page: an estimate."""
    if len(view.sections) > 1:
        return 2
    height = 0.0
    for para in view.paragraphs():
        lines = max(1, -(-len(para.text) // 95 if para.cell is None else -(-len(para.text) // 40)))
        height += lines * 5.7 + (para.before_twips + para.after_twips) / MM
    return max(1, -(-int(height) // 257))


_CONTRADICTED = 3  # estimated pages at which a saved count of one page is not believed


def _counted_pages(parts: Parts) -> int | None:
    """Word's saved page count, unless the document's own length contradicts it: many
    generators keep their template's «1» whatever they write."""
    pages = parts.view.pages
    if pages == 1 and _estimated_pages(parts) >= _CONTRADICTED:
        return None
    return pages


def page_numbers(parts: Parts) -> Found:
    sections = parts.view.sections
    if not sections:
        return
    section = sections[0]
    default = section.headers.get("default", [])
    fields = page_fields(default)
    if not fields:
        pages = _counted_pages(parts)
        if (pages or _estimated_pages(parts)) == 1:
            return  # a one-page document never shows a number
        certainty: Certainty = "certain" if pages else "estimate"
        yield place_hit(
            _("header of the main text"),
            _(
                "page numbers are {where_now}; put a PAGE field centred in the header (top margin)"
            ).format(where_now=_(_where_numbers_are(section))),
            certainty=certainty,
        )
        return
    para = next(p for p in default if page_fields([p]))
    problems = []
    if not centred(para, section):
        problems.append(_("centre the page number"))
    found = {size_of(parts, r) for r in fields}
    if not (nd30.PAGE_NUMBER.size.fits(min(found)) and nd30.PAGE_NUMBER.size.fits(max(found))):
        problems.append(
            _("page number in {items} pt; use 13–14 pt").format(
                items="/".join(f"{s:g}" for s in found)
            )
        )
    if not section.title_page or page_fields(section.headers.get("first", [])):
        problems.append(
            _("page 1 must show no number: tick 'Different first page' and leave its header empty")
        )
    if problems:
        yield place_hit(_("header of the main text"), "; ".join(problems))


def _where_numbers_are(section: Section) -> str:
    """Where the section shows page numbers when its main header has none."""
    if page_fields(section.headers.get("even", [])):
        return N_("only in the even-page header")
    if any(page_fields(paras) for paras in section.footers.values()):
        return N_("in the footer")
    return N_("nowhere")


def appendix_page_numbers(parts: Parts) -> Found:
    """Each appendix numbers its pages from 1 (PL1 III.1.đ): it starts a section of its own
    whose numbering restarts."""
    sections = parts.view.sections
    seen: set[int] = set()
    for appendix in parts.appendices:
        number = appendix.heading.section
        section = sections[number - 1] if number <= len(sections) else None
        if number == 1 or number in seen or section is None or section.page_start != 1:
            yield hit(
                parts,
                appendix.heading,
                _(
                    "the appendix's pages go on from the text; start it in a new section "
                    "whose page numbers restart at 1 (Layout → Breaks → Next page; Page Number "
                    "→ Format → Start at 1)"
                ),
                data=appendix,
            )
        seen.add(number)


def appendix_heading(parts: Parts) -> Found:
    for appendix in parts.appendices:
        para = appendix.heading
        problems = format_problems(parts, para, bold=nd30.APPENDIX_LABEL.bold)
        label = squash(para.text)
        if label.split()[0] == "PHỤ" or label.startswith("PHỤ LỤC"):
            right = "Phụ lục" + label[len("PHỤ LỤC") :]
            problems.insert(0, _("write «{right}» in thường, not in capitals").format(right=right))
        if problems:
            yield hit(parts, para, "; ".join(problems), data=appendix)


_SUPERSCRIPT_DIGITS = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_UNIT = re.compile(r"(?:\b(?:k?m|c?m|dm|ha)|m)$")


def fake_footnotes(parts: Parts) -> Found:
    for para in parts.paragraphs:
        previous = ""
        for run in para.runs:
            typed = run.superscript and run.footnote is None and run.text.strip().isdigit()
            # «km²», «m³»: a unit's power, not a footnote number
            if typed and not _UNIT.search(previous.rstrip()):
                yield hit(
                    parts,
                    para,
                    _(
                        "a superscript number typed in the text; insert a real footnote "
                        "(References → Insert Footnote) or remove it"
                    ),
                )
                break
            previous += run.text
        else:
            if _SUPERSCRIPT_DIGITS.search(re.sub(r"(k?m|cm|m)[²³]", "", para.text)):
                yield hit(
                    parts,
                    para,
                    _(
                        "a superscript number typed in the text; insert a real footnote "
                        "(References → Insert Footnote)"
                    ),
                )
