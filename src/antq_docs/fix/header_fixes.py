"""Fixes of the top of page 1 and the document's name (PL1 II.1–5): Quốc hiệu and Tiêu ngữ,
issuing body, number, place and date, tên loại, subject, «V/v», and the rules drawn under
them. The words stay, except the characters a rule exists to correct (the Tiêu ngữ's
hyphens, a leading zero, a colon)."""

from __future__ import annotations

import re

from .. import nd30
from ..check import subject_rules as subject_checks
from ..check import top_rules as checks
from ..check.common import CELL_MARGIN_TWIPS, rule_under, squash
from ..check.findings import Hit
from ..check.locate import Parts
from ..inspect.docx_read import Para
from ..ooxml.names import XML_SPACE
from ..ooxml.units import TWIPS_PER_MM as MM
from .context import FixContext, fixes, format_as, lines_of
from .edit import replace_text, set_paragraph
from .rules_drawn import resize_rule
from ..i18n import N_, _

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
    format_as(ctx, lines_of(hits), nd30.NATIONAL_TITLE)


@fixes(checks.national_title_spelling)
def national_title_spelling(ctx: FixContext, hits: list[Hit]) -> None:
    for para in lines_of(hits):
        if replace_text(para.element, "HOÀ", "HÒA"):
            ctx.said(para, _("«CỘNG HOÀ» → «CỘNG HÒA»"))


@fixes(checks.motto_text)
def motto_text(ctx: FixContext, hits: list[Hit]) -> None:
    """The words of the Tiêu ngữ joined by spaced hyphens: en dashes and unspaced hyphens
    are replaced in the runs that hold them."""
    for para in lines_of(hits)[:1]:
        _spaced_hyphens(ctx, para)


def _spaced_hyphens(ctx: FixContext, para: Para) -> None:
    from .edit import _texts

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
    format_as(ctx, lines_of(hits), nd30.MOTTO)


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
    for para in lines_of(hits)[:1]:
        _number_written(ctx, para)


def _number_written(ctx: FixContext, para: Para) -> None:
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
    format_as(ctx, lines_of(hits), nd30.NUMBER)


@fixes(checks.place_date_text)
def place_date_text(ctx: FixContext, hits: list[Hit]) -> None:
    for para in lines_of(hits):
        if replace_text(para.element, r"(ngày\s*)(\d)(?!\d)", r"\g<1>0\2"):
            ctx.said(para, _("leading zero added to the day"))
        if replace_text(para.element, r"(tháng\s*)([12])(?!\d)", r"\g<1>0\2"):
            ctx.said(para, _("leading zero added to the month"))
        if replace_text(para.element, r"(tháng\s*)0([3-9])(?!\d)", r"\1\2"):
            ctx.said(para, _("leading zero removed from the month"))


@fixes(checks.place_date_format)
def place_date_format(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, lines_of(hits), nd30.PLACE_DATE)


# -- ô 5: document type, subject, V/v --------------------------------------------------------
@fixes(checks.title_block)
def title_block(ctx: FixContext, hits: list[Hit]) -> None:
    titles = lines_of(hits)
    format_as(ctx, titles, nd30.TITLE)
    for title in titles:
        if title.align != nd30.TITLE.align:
            set_paragraph(title.element, align=nd30.TITLE.align)
            ctx.said(title, _("centred"))


@fixes(subject_checks.subject_block)
def subject_block(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, ctx.parts.subject, nd30.SUBJECT)


@fixes(subject_checks.summary_spacing)
def summary_spacing(ctx: FixContext, hits: list[Hit]) -> None:
    summary = ctx.parts.summary[0]
    set_paragraph(summary.element, before=nd30.SUMMARY_GAP_PT * 20)
    ctx.said(summary, _("6 pt under the «Số:» line"))


@fixes(subject_checks.summary_line)
def summary_line(ctx: FixContext, hits: list[Hit]) -> None:
    format_as(ctx, ctx.parts.summary, nd30.SUMMARY)
    for para in ctx.parts.summary:
        if para.align != nd30.SUMMARY.align:
            set_paragraph(para.element, align=nd30.SUMMARY.align)
            ctx.said(para, _("centred under the «Số:» line"))


# -- rules under names and titles: each hit carries the length the rule should have ----------
def _rule_after(ctx: FixContext, para: Para, length_mm: float) -> None:
    """An empty paragraph whose top border is the rule, centred, as antq draws one."""
    from ..write.docx.oxml import body_fragment, rule_paragraph

    if para.element is None:
        return
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
        return max((width - 2 * CELL_MARGIN_TWIPS) / MM, 20) if width else 60
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
    _resize_or_draw(ctx, hits, _MOTTO_RESIZED)


@fixes(checks.issuer_rule)
def issuer_rule(ctx: FixContext, hits: list[Hit]) -> None:
    _resize_or_draw(ctx, hits, _SHORT_RESIZED)


@fixes(subject_checks.subject_rule)
def subject_rule(ctx: FixContext, hits: list[Hit]) -> None:
    """Draw the missing rule, or bring a drawn one to the length the decree asks."""
    _resize_or_draw(ctx, hits, _SHORT_RESIZED)


_SHORT_RESIZED = N_("rule under it made {target:.0f} mm (0.4 of its line)")
_MOTTO_RESIZED = N_("rule under it made {target:.0f} mm (as long as the Tiêu ngữ)")


def _resize_or_draw(ctx: FixContext, hits: list[Hit], said: str) -> None:
    """A rule drawn under the hit's line is resized; a missing one is drawn; one typed as
    underscores, or a border of the line itself, is left to the clerk (no second rule).
    The hit carries the length the rule should have."""
    last, target = hits[0].para, hits[0].data
    if last is None:
        return
    parts = ctx.parts
    if rule_under(parts, last) is None:
        _rule_after(ctx, last, target)
    elif resize_rule(parts, last, target, _available_mm(parts, last)):
        ctx.said(last, _(said).format(target=target))
