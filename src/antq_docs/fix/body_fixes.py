"""Fixes of the body and the closing (PL1 II.6–9): size, alignment, indents, spacing, the
titled khoản, the end mark, the signature block and Nơi nhận. The body's fixers correct
the lines their rule's hits name."""

from __future__ import annotations

import re

from .. import nd30
from ..check import body_rules as checks
from ..check.common import squash, visible
from ..check.findings import Hit
from ..inspect.docx_read import Para
from ..ooxml.units import twips_from_mm
from .context import FixContext, fixes, format_as, lines_of
from .edit import replace_text, set_paragraph, set_run_format
from ..i18n import _

__all__ = [
    "body_size",
    "body_alignment",
    "body_indent",
    "body_spacing",
    "body_line_spacing",
    "headings",
    "end_mark",
    "signature_block",
    "recipients_label",
    "recipients_items",
]


# -- ô 6: body -----------------------------------------------------------------------------
@fixes(checks.body_size)
def body_size(ctx: FixContext, hits: list[Hit]) -> None:
    """Every body line with a run whose own size is missing or outside the decree's."""
    size = nd30.BODY.size
    format_as(
        ctx,
        [p for p in ctx.parts.body if any(not size.fits(r.size or 0) for r in visible(p))],
        nd30.BODY,
    )


@fixes(checks.body_alignment)
def body_alignment(ctx: FixContext, hits: list[Hit]) -> None:
    for para in lines_of(hits):
        set_paragraph(para.element, align=nd30.BODY.align)
        ctx.said(para, _("justified"))


@fixes(checks.body_indent)
def body_indent(ctx: FixContext, hits: list[Hit]) -> None:
    for para in lines_of(hits):
        if para.text.startswith("\t"):
            continue  # indented by a typed tab: an indent on top would double it
        set_paragraph(para.element, first_line=twips_from_mm(nd30.FIRST_LINE_INDENT_CM.chosen * 10))
        ctx.said(para, _("first-line indent 1 cm"))


@fixes(checks.body_spacing)
def body_spacing(ctx: FixContext, hits: list[Hit]) -> None:
    """Each hit carries the space before that makes the gap the decree's least."""
    for hit in hits:
        if hit.para is not None:
            set_paragraph(hit.para.element, before=hit.data)
            ctx.said(hit.para, _("6 pt between it and the paragraph before"))


@fixes(checks.body_line_spacing)
def body_line_spacing(ctx: FixContext, hits: list[Hit]) -> None:
    for para in lines_of(hits):
        set_paragraph(para.element, line=round(nd30.LINE_SPACING.chosen * 240))
        ctx.said(para, _("line spacing 1.15 lines"))


@fixes(checks.headings)
def headings(ctx: FixContext, hits: list[Hit]) -> None:
    for para in lines_of(hits):
        for run in visible(para):
            set_run_format(run.element, bold=True)
        ctx.said(para, _("bold"))


@fixes(checks.end_mark)
def end_mark(ctx: FixContext, hits: list[Hit]) -> None:
    for last in lines_of(hits)[:1]:
        _end_with_mark(ctx, last)


def _end_with_mark(ctx: FixContext, last: Para) -> None:
    from .edit import append_text

    text = squash(last.text)
    mark = nd30.END_MARK
    if append_text(last.element, mark[1:] if text.endswith(mark[0]) else mark):
        ctx.said(last, _("«./.» added at the end of the body"))


# -- ô 7: signature -------------------------------------------------------------------------
@fixes(checks.signature_block)
def signature_block(ctx: FixContext, hits: list[Hit]) -> None:
    lines = [p for p in ctx.parts.signature if squash(p.text)]
    if lines and replace_text(
        lines[0].element,
        r"^(\s*)(T/M|K/T|T/L|TM|KT|TL|TUQ)(?=\s)",
        lambda m: m[1] + m[2].replace("/", "") + ".",
    ):
        ctx.said(lines[0], _("authority prefix written with its period"))
    format_as(ctx, lines, nd30.SIGNATURE)


# -- ô 9b: Nơi nhận -------------------------------------------------------------------------
@fixes(checks.recipients_label)
def recipients_label(ctx: FixContext, hits: list[Hit]) -> None:
    label = ctx.parts.recipients_label
    if label is None:
        return
    if not squash(label.text).endswith(":") and replace_text(label.element, r"(nhận)\s*$", r"\1:"):
        ctx.said(label, _("colon added after «Nơi nhận»"))
    format_as(ctx, [label], nd30.RECIPIENTS_LABEL)


@fixes(checks.recipients_items)
def recipients_items(ctx: FixContext, hits: list[Hit]) -> None:
    items, filing, labels = checks.recipient_lines(ctx.parts)
    size = nd30.RECIPIENTS.size.chosen
    for index, para in enumerate(items):
        if index in labels:  # «Bản điện tử:» keeps the style of «Nơi nhận:»
            continue
        mark = checks.drafter_mark_of(para) if index == filing else ""
        runs = visible(para)
        if mark:  # the drafter's mark keeps its own small size
            runs = [r for r in runs if not checks.is_mark_run(r)]
        if any(r.size != size or r.bold or r.italic for r in runs):
            for run in runs:
                set_run_format(run.element, size=size, bold=False, italic=False)
            ctx.said(para, _("11 pt, upright"))
    if items:
        last = items[filing]
        if replace_text(last.element, r"(Lưu)(\s+)(?=VT)", r"\1:\2"):
            ctx.said(last, _("colon added after «Lưu»"))
        text = squash(last.text)
        mark = checks.drafter_mark_of(last)
        body = text[: len(text) - len(squash(mark))].strip() if mark else text
        if body.startswith("- Lưu") and not body.endswith("."):
            if (
                replace_text(last.element, r"(\S)\s*$", r"\1.")
                if not mark
                else replace_text(last.element, rf"({re.escape(body[-3:])})\s*$", r"\1.")
            ):
                ctx.said(last, _("«.» added at the end of the Lưu line"))
