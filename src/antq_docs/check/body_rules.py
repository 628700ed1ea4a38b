"""Rules on the body and the closing: size, alignment, indents, spacing, headings, the end
mark, the signature block and Nơi nhận (PL1 II.6–9). The predicates their fixers share
(`looks_like_heading`, `is_note`, `apart`, `drafter_mark_of`) are public here."""

from __future__ import annotations

import re

from .. import nd30
from ..inspect.docx_read import Para, TextRun
from ..ooxml.units import twips_from_mm
from .common import (
    Found,
    element_problems,
    format_problems,
    hit,
    missing,
    numbered,
    report,
    squash,
    visible,
)
from .locate import Parts
from ..i18n import _

__all__ = [
    "body_size",
    "body_alignment",
    "body_notes",
    "body_indent",
    "body_spacing",
    "blank_paragraphs",
    "body_line_spacing",
    "headings",
    "end_mark",
    "signature_block",
    "recipients_label",
    "recipients_items",
    "drafter_mark",
    "recipient_lines",
    "looks_like_heading",
    "is_note",
    "apart",
    "drafter_mark_of",
    "is_mark_run",
    "EXACT_LINE_PT",
]

#: Line spacing set in points («exactly»): single to 1.5 lines of 13–14 pt text.
EXACT_LINE_PT = (15, 25)
_TWIPS_PER_CM = 567  # as Word rounds it
_INDENT_SLACK_TWIPS = 15

# -- ô 6: body (PL1 II.6) -------------------------------------------------------------------
_KHOAN = re.compile(r"^\d+\.\s+\S")


def looks_like_heading(para: Para) -> bool:
    runs = visible(para)
    return bool(runs) and all(r.bold for r in runs) and len(squash(para.text)) < 160


def is_note(para: Para) -> bool:
    """A centred one-line note in brackets («(Phân công nhiệm vụ theo Phụ lục đính kèm)»)."""
    text = squash(para.text)
    return para.align == "center" and text.startswith("(") and text.endswith(")")


def body_size(parts: Parts) -> Found:
    # PL1 II.6.e sets the body's size, not its emphasis: an underline the author chose
    # (antq's «++…++») is emphasis, as bold and italic are
    size = nd30.BODY.size.allowed
    for para in parts.body:
        yield from report(parts, para, format_problems(parts, para, sizes_pt=size, underline=True))


def body_alignment(parts: Parts) -> Found:
    for para in parts.body:
        if not looks_like_heading(para) and not is_note(para) and para.align != nd30.BODY.align:
            yield hit(parts, para, _("aligned {align}; justify the body").format(align=para.align))


def body_notes(parts: Parts) -> Found:
    for para in parts.body:
        if is_note(para):
            yield hit(
                parts,
                para,
                _(
                    "a centred note in the body: the decree asks for justified text and "
                    "says nothing of notes; keep it only if it is deliberate"
                ),
            )


_DEFAULT_TAB_TWIPS = 720  # Word's default tab stops, every 1.27 cm


def first_line_indent(para: Para) -> int:
    """Where the first line's words start, from the left indent: its first-line indent, or
    for a line typed with a leading tab and no indent, the tab stop the tab reaches."""
    if para.first_line_twips or not para.text.startswith("\t"):
        return para.first_line_twips
    stops = [position for kind, position in para.tabs if kind != "clear" and position > 0]
    return min(stops) if stops else _DEFAULT_TAB_TWIPS


def body_indent(parts: Parts) -> Found:
    for para in parts.body:
        value = first_line_indent(para)
        if (looks_like_heading(para) and value == 0) or is_note(para):
            continue
        if not any(
            abs(value - twips_from_mm(cm * 10)) <= _INDENT_SLACK_TWIPS
            for cm in nd30.FIRST_LINE_INDENT_CM.allowed
        ):
            yield hit(
                parts,
                para,
                _("first-line indent {value:.2f} cm; use 1 cm or 1.27 cm").format(
                    value=value / _TWIPS_PER_CM
                ),
            )


def body_spacing(parts: Parts) -> Found:
    """At least 6 pt between paragraphs, measured between them: the space after one plus
    the space before the next (the last before the signature has nothing after it)."""
    body = parts.body
    for previous, para in zip(body, body[1:]):
        if previous.section != para.section or apart(parts, previous, para):
            continue
        least = nd30.PARAGRAPH_SPACING_PT.low * 20
        if previous.after_twips + para.before_twips < least:
            yield hit(
                parts,
                para,
                _(
                    "less than 6 pt between this paragraph and the one before; set spacing "
                    "before or after of at least 6 pt"
                ),
                data=round(least) - previous.after_twips,
            )


def blank_paragraphs(parts: Parts) -> Found:
    body = parts.body
    if not body:
        return
    first = parts.pos(body[0])
    last = parts.pos(body[-1])
    members = {id(p) for p in body}
    for index in range(first, last):
        para = parts.paragraphs[index]
        if id(para) in members or para.cell is not None or squash(para.text):
            continue
        following = parts.paragraphs[index + 1]
        if para.text and following.cell is not None:
            continue  # a one-space paragraph keeps a table off the text above it
        if (
            para.line_rule != "exact"
            and not (para.border_top or para.border_bottom)
            and not para.shapes
        ):
            yield hit(
                parts,
                para,
                _(
                    "an empty paragraph used as spacing: the "
                    "decree asks for at least 6 pt between "
                    "paragraphs and does not forbid this, but "
                    "paragraph spacing is the reliable way"
                ),
                quoted=False,
            )


def apart(parts: Parts, previous: Para, para: Para) -> bool:
    """Something stands between two body lines (a table, a blank line, a line break)."""
    if previous.index == para.index:
        return True  # two lines of one paragraph
    between = parts.paragraphs[parts.pos(previous) + 1 : parts.pos(para)]
    return bool(between)


def body_line_spacing(parts: Parts) -> Found:
    for para in parts.body:
        if para.line is None:
            continue
        if para.line_rule == "atLeast" and para.line <= EXACT_LINE_PT[1] * 20:
            continue  # a least height under 1.5 lines: Word draws the text's own spacing
        if para.line_rule == "auto":
            if not nd30.LINE_SPACING.fits(para.line / 240):
                yield hit(
                    parts,
                    para,
                    _("line spacing {value:.2f} lines; use single to 1.5 lines").format(
                        value=para.line / 240
                    ),
                )
        elif not EXACT_LINE_PT[0] * 20 <= para.line <= EXACT_LINE_PT[1] * 20:
            yield hit(
                parts,
                para,
                _(
                    "line spacing {value:g} pt; use single to 1.5 lines (about 15–25 pt "
                    "for 14 pt text)"
                ).format(value=para.line / 20),
            )


def headings(parts: Parts) -> Found:
    """A khoản with a title is bold (PL1 V row 6b): «1. Phạm vi …». Judged against the
    document itself: titled khoản that are bold show what the others should be."""

    def words(para: Para) -> str:  # without a trailing footnote mark
        return re.sub(r"[\s\u00b9\u00b2\u00b3\u2070-\u2079]+$", "", numbered(para))

    def titled(para: Para) -> bool:
        text = words(para)
        title = text[text.index(".") + 1 :].strip() if _KHOAN.match(text) else ""
        # a title: a few words, starting with a capital, not a sentence
        return (
            len(text) <= 90
            and not text.endswith((".", ";", ":"))
            and ":" not in title
            and len(title.split()) >= 2
            and title[:1].isupper()
            and bool(visible(para))
            and not any(r.footnote is not None for r in para.runs)
        )

    def introduces(index: int) -> bool:
        """A title is followed by what it entitles, not by the next numbered line."""
        following = parts.body[index + 1] if index + 1 < len(parts.body) else None
        return following is not None and not re.match(r"^([IVXLC]+|\d+)\.\s", numbered(following))

    titled_lines = [p for i, p in enumerate(parts.body) if titled(p) and introduces(i)]
    bold = [p for p in titled_lines if all(r.bold for r in visible(p))]
    if not bold:
        return
    for para in titled_lines:
        if not any(r.bold for r in visible(para)):
            yield hit(
                parts,
                para,
                _("a khoản with a title is bold, as the other titled khoản of this document are"),
            )


def end_mark(parts: Parts) -> Found:
    if parts.body and not squash(parts.body[-1].text).endswith(nd30.END_MARK):
        last = parts.body[-1]
        yield hit(parts, last, _("end the body with «./.»"))


# -- ô 7: signature (PL1 II.7) ------------------------------------------------------------------
_WRONG_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|TM|KT|TL|TUQ)(?=\s)")


def signature_block(parts: Parts) -> Found:
    if parts.recipients_label is None and not parts.signature:
        return
    lines = [p for p in parts.signature if squash(p.text)]
    if not lines:
        yield from missing(
            _("signature block"), _("put the signer's title and name to the right of Nơi nhận")
        )
        return
    wrong = _WRONG_AUTHORITY.match(squash(lines[0].text))
    if wrong:
        right = wrong[1].replace("/", "") + "."
        yield hit(
            parts,
            lines[0],
            _("write «{right}» with a period, not «{wrong}»").format(right=right, wrong=wrong[1]),
        )
    for para in lines:
        problems = element_problems(parts, para, nd30.SIGNATURE)
        if para is not lines[-1] and squash(para.text) != squash(para.text).upper():
            problems.append(_("titles are written in capitals"))
        yield from report(parts, para, problems)


# -- ô 9b: Nơi nhận (PL1 II.9.d) ---------------------------------------------------------------
def recipients_label(parts: Parts) -> Found:
    label = parts.recipients_label
    if label is None:
        if not parts.attached:
            yield from missing("«Nơi nhận:»", _("list the recipients at the bottom left"))
        return
    problems = element_problems(parts, label, nd30.RECIPIENTS_LABEL)
    if squash(label.text) != nd30.RECIPIENTS_LABEL.text:
        problems.append(_("write «Nơi nhận:» with its colon"))
    yield from report(parts, label, problems)


def is_mark_run(run: TextRun) -> bool:
    """A run of a drafter's mark: subscript, superscript, or smaller than the items."""
    small = (
        run.size is not None
        and run.size < nd30.RECIPIENTS.size.low
        and any(c.isalnum() for c in run.text)
    )
    return run.subscript or run.superscript or small


def drafter_mark_of(para: Para) -> str:
    """A drafter's mark after the Lưu line (ô 12): small or subscript runs at its end."""
    mark = ""
    for run in reversed(para.runs):
        if not run.text.strip():
            mark = run.text + mark
            continue
        if is_mark_run(run):
            mark = run.text + mark
        else:
            break
    # «- Lưu: VT, NC» + subscript «.Châu»: the period closes the Lưu line, whatever run
    # holds it; the mark is the drafter's initials after it
    return mark.strip().lstrip(".").strip()


def recipient_lines(parts: Parts) -> tuple[list[Para], int, set[int]]:
    """The lines under «Nơi nhận:»; the index of the «- Lưu: …» line (the last line when
    there is none); and the indexes of the labels of lists printed after it, as Bắc Giang's
    «Bản điện tử:»."""
    items = [p for p in parts.recipients if squash(p.text)]
    # the last «- Lưu…» line: a recipient may be called «Lưu …» too
    filing = max(
        (i for i, p in enumerate(items) if re.match(r"^-\s*Lưu\b", squash(p.text))),
        default=len(items) - 1,
    )
    labels = {
        i for i, p in enumerate(items) if i > filing and not squash(p.text).startswith(("-", "+"))
    }
    return items, filing, labels


def recipients_items(parts: Parts) -> Found:
    items, filing, labels = recipient_lines(parts)
    if parts.recipients_label is None:
        return
    if not items:
        yield hit(parts, parts.recipients_label, _("no recipients under «Nơi nhận:»"), quoted=False)
        return
    for index, para in enumerate(items):
        text = squash(para.text)
        if index in labels:  # «Bản điện tử:», set like «Nơi nhận:»
            if not text.endswith(":"):
                yield hit(
                    parts,
                    para,
                    _(
                        "a list after the Lưu line starts with its name and «:», e.g. «Bản điện "
                        "tử:»"
                    ),
                )
            continue
        # a drafter's mark after the Lưu line keeps its own small size
        mark = drafter_mark_of(para) if index == filing else ""
        items_format = nd30.RECIPIENTS
        problems = format_problems(
            parts,
            para,
            sizes_pt=None if mark else items_format.size.allowed,
            bold=items_format.bold,
            italic=items_format.italic,
        )
        nested = text.startswith("+ ")
        if not text.startswith("- ") and not nested:
            problems.append(_("start with «- »"))
        if index > filing:  # a list after the Lưu line ends, as Nơi nhận does, with «.»
            last = index == len(items) - 1 or index + 1 in labels
            if last and not text.endswith("."):
                problems.append(_("the last line of a list ends with «.»"))
            elif not last and not text.endswith(";"):
                problems.append(_("end with a single «;» (a note in brackets goes before it)"))
        elif (
            text.endswith(":")
            and index + 1 < len(items)
            and squash(items[index + 1].text).startswith("+ ")
        ):
            pass  # «- Các sở, ban, ngành tỉnh:» over its «+ …;» lines
        elif index == filing:
            if mark:
                text = text[: len(text) - len(squash(mark))].strip()
            if not text.startswith(nd30.FILING_PREFIX):
                problems.append(_("the last line is «- Lưu: VT, …» (with a colon)"))
            if not text.endswith("."):
                problems.append(_("the Lưu line ends with «.»"))
        elif not text.endswith(";") or re.search(r";\s", text):
            problems.append(_("end with a single «;» (a note in brackets goes before it)"))
        yield from report(parts, para, problems)


def drafter_mark(parts: Parts) -> Found:
    items, filing, _labels = recipient_lines(parts)
    mark = drafter_mark_of(items[filing]) if items else ""
    if mark and mark != mark.upper():
        yield hit(
            parts,
            items[filing],
            _(
                "«{mark}» after the Lưu line: a drafter's mark (ô 12) is written in "
                "capitals, 11 pt, e.g. «PL.(300)»"
            ).format(mark=mark),
        )
