"""Document tree -> HTML: the live preview of `antq serve`. It reads the same tree the DOCX
writer writes, so the words, the numbering, the emphasis, the tables (merged cells, widths)
and the footnotes are those of the DOCX; the pages are only sketched (an A4 sheet per part,
no page breaks inside it), and the page that shows the preview says so.

Every word is escaped; no style attribute is written (the page's Content-Security-Policy
forbids them): sizes are classes of the page's style sheet, and a table's column widths are
`data-cm` attributes its script applies."""

from __future__ import annotations

from html import escape

from .. import nd30
from ..tree.nodes import (
    Addressees,
    Block,
    Closing,
    Document,
    FootnoteRef,
    Frame,
    Header,
    Inline,
    Paragraph,
    Part,
    Table,
    Title,
)
from .docx import layout
from .docx.writer import share_widths

__all__ = ["render_html"]


class _Notes:
    """Footnotes in order of appearance, numbered 1, 2, … as Word numbers them."""

    def __init__(self) -> None:
        self.bodies: list[str] = []
        self.shown = 0  # the notes already put at the foot of a sheet

    def mark(self, note: FootnoteRef) -> str:
        self.bodies.append(_runs(note.runs, self))
        number = len(self.bodies)
        return f'<sup class="fn" id="fnref-{number}"><a href="#fn-{number}">{number}</a></sup>'


def _run(text: str, *, bold: bool, italic: bool, superscript: bool, underline: bool) -> str:
    html = escape(text)
    if underline:
        html = f"<u>{html}</u>"
    if superscript:
        html = f"<sup>{html}</sup>"
    if italic:
        html = f"<i>{html}</i>"
    if bold:
        html = f"<b>{html}</b>"
    return html


def _runs(runs: tuple[Inline, ...], notes: _Notes) -> str:
    out = []
    for item in runs:
        if isinstance(item, FootnoteRef):
            out.append(notes.mark(item))
        else:
            out.append(
                _run(
                    item.text,
                    bold=item.bold,
                    italic=item.italic,
                    superscript=item.superscript,
                    underline=item.underline,
                )
            )
    return "".join(out)


def _line(text: str, css: str) -> str:
    return f'<p class="{css}">{escape(text)}</p>'


def _header(header: Header) -> str:
    left = [_line(line, "parent") for line in header.parent_lines]
    left += [f'<p class="issuer"><b>{escape(line)}</b></p>' for line in header.body_lines]
    right = [
        f'<p class="national"><b>{escape(nd30.NATIONAL_TITLE.text)}</b></p>',
        f'<p class="motto"><b>{escape(nd30.MOTTO.text)}</b></p>',
    ]
    return (
        '<table class="nd30-header"><tr>'
        f'<td class="left">{"".join(left)}<hr class="rule issuer-rule"></td>'
        f'<td class="right">{"".join(right)}<hr class="rule motto-rule"></td></tr><tr>'
        f'<td class="left">{_line(header.number_line, "number")}</td>'
        f'<td class="right"><p class="place-date"><i>{escape(header.place_date)}</i></p></td>'
        "</tr></table>"
    )


def _title(title: Title, notes: _Notes) -> str:
    return (
        f'<p class="title"><b>{escape(title.name)}</b></p>'
        f'<p class="subject"><b>{_runs(title.subject, notes)}</b></p>'
        '<hr class="rule subject-rule">'
    )


def _addressees(addressees: Addressees | None) -> str:
    """ô 9a, as the DOCX sets it: one name on the label's line, or a list under the colon."""
    if addressees is None:
        return ""
    if addressees.single:
        return _line(f"{addressees.label} {addressees.lines[0]}", "addressees single")
    lines = "".join(_line(line, "addressee") for line in addressees.lines)
    return f'<div class="addressees">{_line(addressees.label, "addressees-label")}{lines}</div>'


def _paragraph(block: Paragraph, notes: _Notes) -> str:
    css = {
        "heading": f"heading level-{block.level}",
        "basis": "basis",
        "caption": "caption",  # the line above a table, centred as the DOCX sets it
    }.get(block.role, "body")
    return f'<p class="{css}">{_runs(block.runs, notes)}</p>'


def _frame(frame: Frame, notes: _Notes) -> str:
    lines = "".join(f'<p class="frame-line">{_runs(line, notes)}</p>' for line in frame.lines)
    return f'<div class="frame">{lines}</div>'


def _table(table: Table, notes: _Notes, width_mm: float) -> str:
    widths = share_widths(table, width_mm / 10)
    columns = "".join(f'<col data-cm="{width:.2f}">' for width in widths)
    head = "".join(f"<th>{escape(heading)}</th>" for heading in table.headings)
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            if cell.merged:  # covered by the cell above, which spans these rows
                continue
            spans = (f' colspan="{cell.span}"' if cell.span > 1 else "") + (
                f' rowspan="{cell.rows}"' if cell.rows > 1 else ""
            )
            content = "".join(f"<p>{_runs(p, notes)}</p>" for p in cell.paragraphs)
            cells.append(f'<td class="align-{cell.align}"{spans}>{content}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="grid"><colgroup>{columns}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _block(block: Block, notes: _Notes, width_mm: float = layout.TEXT_WIDTH_MM) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block, notes)
    if isinstance(block, Frame):
        return _frame(block, notes)
    return _table(block, notes, width_mm)


def _closing(closing: Closing) -> str:
    label = f'<p class="recipients-label"><b><i>{escape(nd30.RECIPIENTS_LABEL.text)}</i></b></p>'
    lines = "".join(_line(line, "recipient") for line in closing.recipients)
    for name, group in closing.after_filing:
        lines += f'<p class="recipients-label"><b><i>{escape(name)}</i></b></p>'
        lines += "".join(_line(line, "recipient") for line in group)
    signer = "".join(f'<p class="signer"><b>{escape(t)}</b></p>' for t in closing.signer_titles)
    signer += '<p class="signature-gap"></p>'
    if closing.signer_post:
        signer += f'<p class="signer"><b>{escape(closing.signer_post)}</b></p>'
    signer += f'<p class="signer"><b>{escape(closing.signer_name)}</b></p>'
    return (
        '<table class="nd30-closing"><tr>'
        f'<td class="left">{label}{lines}</td><td class="right">{signer}</td></tr></table>'
    )


def _part(part: Part, notes: _Notes) -> str:
    width = layout.LANDSCAPE_TEXT_WIDTH_MM if part.landscape else layout.TEXT_WIDTH_MM
    head = f'<p class="appendix-label"><b>{escape(part.label)}</b></p>'
    if part.title:
        head += f'<p class="appendix-title"><b>{escape(part.title)}</b></p>'
    head += f'<p class="attached"><i>{escape(part.attached_to)}</i></p>'
    head += '<hr class="rule subject-rule">'
    body = "".join(_block(b, notes, width) for b in part.blocks)
    orientation = "landscape" if part.landscape else "portrait"
    notes_html = _footnotes(notes)
    return f'<article class="sheet appendix {orientation}">{head}{body}{notes_html}</article>'


def _footnotes(notes: _Notes) -> str:
    """The footnotes marked since the last sheet, at this sheet's foot; the numbers run on
    through the whole document, as Word numbers them."""
    first = notes.shown
    notes.shown = len(notes.bodies)
    if first == notes.shown:
        return ""
    items = "".join(
        f'<li id="fn-{number}" value="{number}">{body} '
        f'<a href="#fnref-{number}" class="back">↩</a></li>'
        for number, body in enumerate(notes.bodies[first:], start=first + 1)
    )
    return f'<hr class="footnote-rule"><ol class="footnotes">{items}</ol>'


def render_html(document: Document) -> str:
    """The document as an HTML fragment: one `<article class="sheet">` for the plan, one
    for each appendix, the footnotes at the foot of the sheet that holds their marks."""
    notes = _Notes()
    main = (
        _header(document.header)
        + _title(document.title, notes)
        + _addressees(document.addressees)
        + "".join(_block(b, notes) for b in document.body)
        + _closing(document.closing)
    )
    sheets = [f'<article class="sheet portrait">{main}{_footnotes(notes)}</article>']
    sheets += [_part(part, notes) for part in document.appendices]
    return '<div class="document">' + "".join(sheets) + "</div>"
