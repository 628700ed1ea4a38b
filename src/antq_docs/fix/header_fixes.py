"""Fixes of the top of page 1 and the document's name (PL1 II.1–5): Quốc hiệu and Tiêu ngữ,
issuing body, number, place and date, tên loại, subject, «V/v», and the rules drawn under
them. The words stay, except the characters a rule exists to correct (the Tiêu ngữ's
hyphens, a leading zero, a colon)."""

from __future__ import annotations

import re

from .. import nd30
from ..check import top_rules as checks
from ..check.common import squash
from ..check.findings import Hit
from ..check.locate import Parts
from ..inspect.docx_read import Para
from ..inspect.model import q
from ..ooxml.names import A_NS, WP_NS, XML_SPACE, clark_prefix
from ..ooxml.units import TWIPS_PER_MM as MM
from ..ooxml.units import emu_from_mm
from .context import FixContext, fixes, format_as
from .edit import replace_text, set_paragraph
from ..i18n import _

__all__ = [
    "national_title_format",
    "national_title_spelling",
    "motto_text",
    "motto_format",
    "motto_rule",
    "issuer_block",
    "issuer_rule",
    "number_line",
    "number_format",
    "place_date_text",
    "place_date_format",
    "title_block",
    "subject_block",
    "subject_rule",
    "summary_spacing",
    "summary_line",
]


# -- ô 1: Quốc hiệu and Tiêu ngữ -----------------------------------------------------------
@fixes(checks.national_title_format)
def national_title_format(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, [ctx.parts.national_title], nd30.NATIONAL_TITLE)


@fixes(checks.national_title_spelling)
def national_title_spelling(ctx: FixContext, hits: list[Hit]) -> None:
    para = ctx.parts.national_title
    if replace_text(para.element, "HOÀ", "HÒA"):
        ctx.said(para, _("«CỘNG HOÀ» → «CỘNG HÒA»"))


@fixes(checks.motto_text)
def motto_text(ctx: FixContext, hits: list[Hit]) -> None:
    """The words of the Tiêu ngữ joined by spaced hyphens: en dashes and unspaced hyphens
    are replaced in the runs that hold them."""
    from .edit import _texts

    para = ctx.parts.motto
    before = squash(para.text)
    texts = _texts(para.element)
    for index, t in enumerate(texts):
        text = re.sub(r"\s*[-–—−]\s*", " - ", t.text or "")
        if text.startswith(" - ") and index and (texts[index - 1].text or "").endswith(" "):
            texts[index - 1].text = texts[index - 1].text.rstrip()
        if text != t.text:
            t.text = text
            t.set(XML_SPACE, "preserve")
    for index, t in enumerate(texts[1:], start=1):  # « - » split over two runs
        if (texts[index - 1].text or "").endswith(" - ") and (t.text or "").startswith(" "):
            t.text = t.text.lstrip()
    after = squash("".join(t.text or "" for t in texts))
    if after != before:
        ctx.said(para, f"«{before}» → «{after}»")


@fixes(checks.motto_format)
def motto_format(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, [ctx.parts.motto], nd30.MOTTO)


# -- ô 2: issuing body ---------------------------------------------------------------------
@fixes(checks.issuer_block)
def issuer_block(ctx: FixContext, hits: list[Hit]) -> None:
    lines = ctx.parts.issuer_lines
    split = checks.issuer_split(lines)
    split = len(lines) - 1 if split is None else split  # no bold line: the last is the body
    format_as(ctx, lines[:split], nd30.PARENT_BODY)
    format_as(ctx, lines[split:], nd30.ISSUING_BODY)


# -- ô 3, 4: number, place and date ----------------------------------------------------------
@fixes(checks.number_line)
def number_line(ctx: FixContext, hits: list[Hit]) -> None:
    para = ctx.parts.number_line
    text = squash(para.text)
    if re.match(r"^Số(?!\s*:)", text) and replace_text(para.element, r"^(\s*Số)(?!\s*:)", r"\1:"):
        ctx.said(para, "«Số» → «Số:»")
    if replace_text(para.element, r"(?<=Số:)(\s*)(\d)(?=\s*/)", r"\g<1>0\2"):
        ctx.said(para, _("leading zero added to the number"))
    symbol = text.split("/", 1)[1] if "/" in text else ""
    if " " in symbol.strip() and replace_text(para.element, r"\s*-\s*", "-", count=0):
        ctx.said(para, _("spaces removed inside the ký hiệu"))


@fixes(checks.number_format)
def number_format(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, [ctx.parts.number_line], nd30.NUMBER)


@fixes(checks.place_date_text)
def place_date_text(ctx: FixContext, hits: list[Hit]) -> None:
    para = ctx.parts.place_date
    if replace_text(para.element, r"(ngày\s*)(\d)(?!\d)", r"\g<1>0\2"):
        ctx.said(para, _("leading zero added to the day"))
    if replace_text(para.element, r"(tháng\s*)([12])(?!\d)", r"\g<1>0\2"):
        ctx.said(para, _("leading zero added to the month"))
    if replace_text(para.element, r"(tháng\s*)0([3-9])(?!\d)", r"\1\2"):
        ctx.said(para, _("leading zero removed from the month"))


@fixes(checks.place_date_format)
def place_date_format(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, [ctx.parts.place_date], nd30.PLACE_DATE)


# -- ô 5: document type, subject, V/v --------------------------------------------------------
@fixes(checks.title_block)
def title_block(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, [ctx.parts.title], nd30.TITLE)
    if ctx.parts.title.align != nd30.TITLE.align:
        set_paragraph(ctx.parts.title.element, align=nd30.TITLE.align)
        ctx.said(ctx.parts.title, _("centred"))


@fixes(checks.subject_block)
def subject_block(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, ctx.parts.subject, nd30.SUBJECT)


@fixes(checks.summary_spacing)
def summary_spacing(ctx: FixContext, hits: list[Hit]) -> None:
    summary = ctx.parts.summary[0]
    set_paragraph(summary.element, before=nd30.SUMMARY_GAP_PT * 20)
    ctx.said(summary, _("6 pt under the «Số:» line"))


@fixes(checks.summary_line)
def summary_line(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, ctx.parts.summary, nd30.SUMMARY)


# -- rules under names and titles: each hit carries the length the rule should have ----------
def _rule_after(ctx: FixContext, para: Para, length_mm: float) -> None:
    """An empty paragraph whose top border is the rule, centred, as antq draws one."""
    from ..write.docx.oxml import body_fragment, rule_paragraph

    available = _available_mm(ctx.parts, para)
    element = body_fragment(rule_paragraph(min(length_mm, available), available))[0]
    para.element.addnext(element)
    ctx.said(para, _("drew a {min:.0f} mm rule under it").format(min=min(length_mm, available)))


def _available_mm(parts: Parts, para: Para) -> float:
    if para.cell is not None:
        table = next(t for t in _tables(parts) if t.index == para.cell[0])
        cell = table.rows[para.cell[1] - 1][para.cell[2] - 1]
        width = cell.width_twips or (
            table.grid_twips[para.cell[2] - 1] if len(table.grid_twips) >= para.cell[2] else 0
        )
        return max(width / MM - 2, 20) if width else 60
    sections = parts.view.sections
    section = sections[min(para.section, len(sections)) - 1]
    return (
        section.page_width - section.margins.get("left", 0) - section.margins.get("right", 0)
    ) / MM


def _tables(parts: Parts) -> list:
    from ..inspect.docx_read import TableView

    return [b for b in parts.view.blocks if isinstance(b, TableView)]


@fixes(checks.motto_rule)
def motto_rule(ctx: FixContext, hits: list[Hit]) -> None:
    _rule_after(ctx, hits[0].para, hits[0].data)


@fixes(checks.issuer_rule)
def issuer_rule(ctx: FixContext, hits: list[Hit]) -> None:
    _rule_after(ctx, hits[0].para, hits[0].data)


@fixes(checks.subject_rule)
def subject_rule(ctx: FixContext, hits: list[Hit]) -> None:
    """Draw the missing rule, or bring a drawn one to the length the decree asks."""
    parts = ctx.parts
    last, target = hits[0].para, hits[0].data
    for candidate in parts.below(last):
        shapes = _line_extents(candidate.element)
        if shapes:
            for extent in shapes:
                extent.set("cx", str(emu_from_mm(target)))
            ctx.said(
                last,
                _("rule under it made {target:.0f} mm (0.4 of its line)").format(target=target),
            )
            return
        if (
            candidate is not last
            and not squash(candidate.text)
            and (candidate.border_top or candidate.border_bottom)
        ):
            available = _available_mm(parts, candidate)
            side = round(max((available - target) / 2, 0) * MM)
            from .edit import paragraph_properties, set_child

            ind = set_child(paragraph_properties(candidate.element), q("ind"), [])
            ind.set(q("left"), str(side))
            ind.set(q("right"), str(side))
            ctx.said(
                last,
                _("rule under it made {target:.0f} mm (0.4 of its line)").format(target=target),
            )
            return
    _rule_after(ctx, last, target)


def _line_extents(p) -> list:
    wp, a = clark_prefix(WP_NS), clark_prefix(A_NS)
    out = []
    for frame in [*p.iter(f"{wp}anchor"), *p.iter(f"{wp}inline")]:
        geometry = frame.find(f".//{a}prstGeom")
        if geometry is not None and geometry.get("prst") in ("line", "straightConnector1"):
            out += [frame.find(f"{wp}extent"), *frame.iter(f"{a}ext")]
    return [e for e in out if e is not None]
