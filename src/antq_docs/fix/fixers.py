"""How each `antq check` rule is corrected, when it can be mechanically. A fixer changes the
parsed parts in place and says what it did; the words stay, except the characters a rule
exists to correct (the Tiêu ngữ's hyphens, a leading zero, a colon, «./.»)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..check.common import line_width_mm, squash, visible
from ..check.locate import Parts
from ..check.where import where
from ..inspect.docx_read import Para
from ..inspect.model import q
from . import page_fixes
from .edit import replace_text, set_paragraph, set_run_format
from ..i18n import N_, _

__all__ = ["FixContext", "FIXERS", "Change"]

MM = 1440 / 25.4


@dataclass
class Change:
    rule: str
    where: str
    what: str


@dataclass
class FixContext:
    parts: Parts
    trees: dict[str, object]
    package: dict[str, bytes]  # the raw parts (a fixer may add one: a header)
    changes: list[Change] = field(default_factory=list)
    rule: str = ""

    def said(self, para: Para | None, what: str) -> None:
        self.changes.append(Change(self.rule, where(self.parts, para) if para else
                                   _("document"), what))


def _clamp(sizes: set[float], low: float, high: float) -> float:
    value = max(sizes) if sizes else high
    return min(max(value, low), high)


_BOLD = {True: N_("bold"), False: N_("not bold")}
_ITALIC = {True: N_("italic"), False: N_("upright")}


def _format(ctx: FixContext, paras: list[Para], low: float, high: float, *,
            bold: bool | None = None, italic: bool | None = None) -> None:
    for para in paras:
        runs = visible(para)
        sizes = {r.size for r in runs if r.size is not None}
        target = _clamp(sizes, low, high)
        wrong = (any(r.size != target for r in runs) or (bold is not None and any(
            r.bold != bold for r in runs)) or (italic is not None and any(
                r.italic != italic for r in runs)) or any(r.underline for r in runs))
        if not wrong:
            continue
        for run in runs:
            set_run_format(run.element, size=target, bold=bold, italic=italic,
                           underline=False)
        style = ", ".join(filter(None, [_("{size:g} pt").format(size=target),
                                        _(_BOLD[bold]) if bold is not None else "",
                                        _(_ITALIC[italic]) if italic is not None else ""]))
        ctx.said(para, _("set {style}").format(style=style))


# -- header --------------------------------------------------------------------------------------
def national_title_format(ctx: FixContext) -> None:
    _format(ctx, [ctx.parts.national_title], 12, 13, bold=True, italic=False)


def national_title_spelling(ctx: FixContext) -> None:
    para = ctx.parts.national_title
    if replace_text(para.element, "HOÀ", "HÒA"):
        ctx.said(para, _("«CỘNG HOÀ» → «CỘNG HÒA»"))


def motto_text(ctx: FixContext) -> None:
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
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for index, t in enumerate(texts[1:], start=1):  # « - » split over two runs
        if (texts[index - 1].text or "").endswith(" - ") and (t.text or "").startswith(" "):
            t.text = t.text.lstrip()
    after = squash("".join(t.text or "" for t in texts))
    if after != before:
        ctx.said(para, f"«{before}» → «{after}»")


def motto_format(ctx: FixContext) -> None:
    _format(ctx, [ctx.parts.motto], 13, 14, bold=True, italic=False)


def issuer_block(ctx: FixContext) -> None:
    from ..check.top_rules import issuer_split

    lines = ctx.parts.issuer_lines
    split = issuer_split(lines)
    split = len(lines) - 1 if split is None else split  # no bold line: the last is the body
    _format(ctx, lines[:split], 12, 13, bold=False, italic=False)
    _format(ctx, lines[split:], 12, 13, bold=True, italic=False)


def number_line(ctx: FixContext) -> None:
    para = ctx.parts.number_line
    text = squash(para.text)
    if re.match(r"^Số(?!\s*:)", text) and replace_text(para.element, r"^(\s*Số)(?!\s*:)",
                                                       r"\1:"):
        ctx.said(para, "«Số» → «Số:»")
    if replace_text(para.element, r"(?<=Số:)(\s*)(\d)(?=\s*/)", r"\g<1>0\2"):
        ctx.said(para, _("leading zero added to the number"))
    symbol = text.split("/", 1)[1] if "/" in text else ""
    if " " in symbol.strip() and replace_text(para.element, r"\s*-\s*", "-", count=0):
        ctx.said(para, _("spaces removed inside the ký hiệu"))


def number_format(ctx: FixContext) -> None:
    _format(ctx, [ctx.parts.number_line], 13, 13, bold=False, italic=False)


def place_date_text(ctx: FixContext) -> None:
    para = ctx.parts.place_date
    if replace_text(para.element, r"(ngày\s*)(\d)(?!\d)", r"\g<1>0\2"):
        ctx.said(para, _("leading zero added to the day"))
    if replace_text(para.element, r"(tháng\s*)([12])(?!\d)", r"\g<1>0\2"):
        ctx.said(para, _("leading zero added to the month"))
    if replace_text(para.element, r"(tháng\s*)0([3-9])(?!\d)", r"\1\2"):
        ctx.said(para, _("leading zero removed from the month"))


def place_date_format(ctx: FixContext) -> None:
    _format(ctx, [ctx.parts.place_date], 13, 14, bold=False, italic=True)


def title_block(ctx: FixContext) -> None:
    _format(ctx, [ctx.parts.title], 13, 14, bold=True, italic=False)
    if ctx.parts.title.align != "center":
        set_paragraph(ctx.parts.title.element, align="center")
        ctx.said(ctx.parts.title, _("centred"))


def subject_block(ctx: FixContext) -> None:
    _format(ctx, ctx.parts.subject, 13, 14, bold=True, italic=False)


def summary_spacing(ctx: FixContext) -> None:
    summary = ctx.parts.summary[0]
    set_paragraph(summary.element, before=120)
    ctx.said(summary, _("6 pt under the «Số:» line"))


def summary_line(ctx: FixContext) -> None:
    _format(ctx, ctx.parts.summary, 12, 13, bold=False, italic=False)


# -- rules under names and titles ------------------------------------------------------------
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
        width = cell.width_twips or (table.grid_twips[para.cell[2] - 1]
                                     if len(table.grid_twips) >= para.cell[2] else 0)
        return max(width / MM - 2, 20) if width else 60
    sections = parts.view.sections
    section = sections[min(para.section, len(sections)) - 1]
    return (section.page_width - section.margins.get("left", 0)
            - section.margins.get("right", 0)) / MM


def _tables(parts: Parts):
    from ..inspect.docx_read import TableView

    return [b for b in parts.view.blocks if isinstance(b, TableView)]


def motto_rule(ctx: FixContext) -> None:
    para = ctx.parts.motto
    _rule_after(ctx, para, line_width_mm(ctx.parts, para))


def issuer_rule(ctx: FixContext) -> None:
    lines = ctx.parts.issuer_lines
    _rule_after(ctx, lines[-1], 0.4 * max(line_width_mm(ctx.parts, p) for p in lines))


def subject_rule(ctx: FixContext) -> None:
    """Draw the missing rule, or make a drawn one 0.4 of the subject's line."""
    parts = ctx.parts
    last = parts.subject[-1]
    line = max(line_width_mm(parts, p) for p in parts.subject)
    target = 0.4 * line
    for candidate in parts.below(last):
        shapes = _line_extents(candidate.element)
        if shapes:
            for extent in shapes:
                extent.set("cx", str(round(target * 36000)))
            ctx.said(last, _("rule under it made {target:.0f} mm (0.4 of its line)").format(
                                 target=target))
            return
        if candidate is not last and not squash(candidate.text) and (
                candidate.border_top or candidate.border_bottom):
            available = _available_mm(parts, candidate)
            side = round(max((available - target) / 2, 0) * MM)
            from .edit import paragraph_properties, set_child

            ind = set_child(paragraph_properties(candidate.element), q("ind"), [])
            ind.set(q("left"), str(side))
            ind.set(q("right"), str(side))
            ctx.said(last, _("rule under it made {target:.0f} mm (0.4 of its line)").format(
                                 target=target))
            return
    _rule_after(ctx, last, target)


def _line_extents(p) -> list:
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    out = []
    for frame in [*p.iter(f"{wp}anchor"), *p.iter(f"{wp}inline")]:
        geometry = frame.find(f".//{a}prstGeom")
        if geometry is not None and geometry.get("prst") in ("line", "straightConnector1"):
            out += [frame.find(f"{wp}extent"), *frame.iter(f"{a}ext")]
    return [e for e in out if e is not None]


# -- body ------------------------------------------------------------------------------------
def body_size(ctx: FixContext) -> None:
    _format(ctx, [p for p in ctx.parts.body if any(
        (r.size or 0) < 13 or (r.size or 0) > 14 for r in visible(p))], 13, 14)


def body_alignment(ctx: FixContext) -> None:
    from ..check.body_rules import _is_note, _looks_like_heading

    for para in ctx.parts.body:
        if not _looks_like_heading(para) and not _is_note(para) and para.align != "both":
            set_paragraph(para.element, align="both")
            ctx.said(para, _("justified"))


def body_indent(ctx: FixContext) -> None:
    from ..check.body_rules import _is_note, _looks_like_heading

    for para in ctx.parts.body:
        value = para.first_line_twips
        if (_looks_like_heading(para) and value == 0) or _is_note(para):
            continue
        if not (abs(value - 567) <= 15 or abs(value - 720) <= 15):
            set_paragraph(para.element, first_line=567)
            ctx.said(para, _("first-line indent 1 cm"))


def body_spacing(ctx: FixContext) -> None:
    from ..check.body_rules import _apart

    body = ctx.parts.body
    for previous, para in zip(body, body[1:]):
        if previous.section != para.section or _apart(ctx.parts, previous, para):
            continue
        if previous.after_twips + para.before_twips < 120:
            set_paragraph(para.element, before=120 - previous.after_twips)
            ctx.said(para, _("6 pt between it and the paragraph before"))


def body_line_spacing(ctx: FixContext) -> None:
    for para in ctx.parts.body:
        if para.line is None:
            continue
        if (para.line_rule == "auto" and not 240 <= para.line <= 360) or (
                para.line_rule != "auto" and not 300 <= para.line <= 500):
            set_paragraph(para.element, line=276)
            ctx.said(para, _("line spacing 1.15 lines"))


def headings(ctx: FixContext) -> None:
    from ..check.body_rules import headings as check

    for where_, _excerpt, _message in list(check(ctx.parts)):
        para = next(p for p in ctx.parts.body if where(ctx.parts, p) == where_)
        for run in visible(para):
            set_run_format(run.element, bold=True)
        ctx.said(para, _("bold"))


def end_mark(ctx: FixContext) -> None:
    from .edit import append_text

    last = ctx.parts.body[-1]
    text = squash(last.text)
    if append_text(last.element, "/." if text.endswith(".") else "./."):
        ctx.said(last, _("«./.» added at the end of the body"))


# -- closing ---------------------------------------------------------------------------------
def signature_block(ctx: FixContext) -> None:
    lines = [p for p in ctx.parts.signature if squash(p.text)]
    if lines and replace_text(lines[0].element, r"^(\s*)(T/M|K/T|T/L|TM|KT|TL|TUQ)(?=\s)",
                              lambda m: m[1] + m[2].replace("/", "") + "."):
        ctx.said(lines[0], _("authority prefix written with its period"))
    _format(ctx, lines, 13, 14, bold=True, italic=False)


def recipients_label(ctx: FixContext) -> None:
    label = ctx.parts.recipients_label
    if not squash(label.text).endswith(":") and replace_text(label.element, r"(nhận)\s*$",
                                                             r"\1:"):
        ctx.said(label, _("colon added after «Nơi nhận»"))
    _format(ctx, [label], 12, 12, bold=True, italic=True)


def recipients_items(ctx: FixContext) -> None:
    from ..check.body_rules import _drafter_mark, recipient_lines

    items, filing, labels = recipient_lines(ctx.parts)
    for index, para in enumerate(items):
        if index in labels:  # «Bản điện tử:» keeps the style of «Nơi nhận:»
            continue
        mark = _drafter_mark(para) if index == filing else ""
        runs = visible(para)
        if mark:  # the drafter's mark keeps its own small size
            runs = [r for r in runs if not (r.subscript or r.superscript or (
                r.size is not None and r.size < 11 and any(c.isalnum() for c in r.text)))]
        if any(r.size != 11 or r.bold or r.italic for r in runs):
            for run in runs:
                set_run_format(run.element, size=11, bold=False, italic=False)
            ctx.said(para, _("11 pt, upright"))
    if items:
        last = items[filing]
        if replace_text(last.element, r"(Lưu)(\s+)(?=VT)", r"\1:\2"):
            ctx.said(last, _("colon added after «Lưu»"))
        text = squash(last.text)
        mark = _drafter_mark(last)
        body = text[: len(text) - len(squash(mark))].strip() if mark else text
        if body.startswith("- Lưu") and not body.endswith("."):
            if replace_text(last.element, r"(\S)\s*$", r"\1.") if not mark else \
                    replace_text(last.element, rf"({re.escape(body[-3:])})\s*$", r"\1."):
                ctx.said(last, _("«.» added at the end of the Lưu line"))


FIXERS: dict[str, Callable[[FixContext], None]] = {
    "ND30-PAGE-SIZE": page_fixes.page_size,
    "ND30-PAGE-MARGINS": page_fixes.margins,
    "ND30-FONT": page_fixes.fonts,
    "ND30-NATIONAL-TITLE-SPELLING": national_title_spelling,
    "ND30-NATIONAL-TITLE-FORMAT": national_title_format,
    "ND30-MOTTO": motto_text,
    "ND30-MOTTO-FORMAT": motto_format,
    "ND30-MOTTO-RULE": motto_rule,
    "ND30-ISSUER": issuer_block,
    "ND30-ISSUER-RULE": issuer_rule,
    "ND30-NUMBER": number_line,
    "ND30-NUMBER-FORMAT": number_format,
    "ND30-DATE": place_date_text,
    "ND30-DATE-FORMAT": place_date_format,
    "ND30-TITLE": title_block,
    "ND30-SUBJECT": subject_block,
    "ND30-SUBJECT-RULE": subject_rule,
    "ND30-SUMMARY": summary_line,
    "ND30-SUMMARY-SPACING": summary_spacing,
    "ND30-BODY-SIZE": body_size,
    "ND30-BODY-JUSTIFY": body_alignment,
    "ND30-BODY-INDENT": body_indent,
    "ND30-BODY-SPACING": body_spacing,
    "ND30-BODY-LINE-SPACING": body_line_spacing,
    "ND30-HEADINGS": headings,
    "ND30-END-MARK": end_mark,
    "ND30-SIGNATURE": signature_block,
    "ND30-RECIPIENTS-LABEL": recipients_label,
    "ND30-RECIPIENTS": recipients_items,
    "ND30-PAGE-NUMBER": page_fixes.page_numbers,
    "ND30-APPENDIX-PAGE-NUMBER": page_fixes.appendix_page_numbers,
    "ND30-APPENDIX-HEADING": page_fixes.appendix_heading,
}
