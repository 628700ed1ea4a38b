"""Document tree -> DOCX bytes, laid out as Nghị định 30, Phụ lục I prescribes.

python-docx provides the package (parts, relationships, sections, headers, properties);
paragraph and table XML comes from `oxml`, built as text and parsed once.
"""

from __future__ import annotations

import datetime as dt
import io

from ...tree.nodes import (
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
    Run,
    Table,
    Title,
    plain_text,
)
from ... import nd30
from . import layout, oxml
from .oxml import RunFormat
from .package import base_package, finished_entries, package_entries, zip_package

__all__ = ["render_docx"]


class _Notes:
    """Collects footnotes in order of appearance; Word numbers them 1, 2, …"""

    def __init__(self) -> None:
        self.bodies: list[str] = []

    def add(self, runs: tuple[Run, ...]) -> str:
        self.bodies.append(_runs(runs, RunFormat(size=layout.SIZE_FOOTNOTE)))
        return oxml.footnote_reference(len(self.bodies))


def _runs(
    runs: tuple[Inline, ...], base: RunFormat = RunFormat(), notes: _Notes | None = None
) -> str:
    out = []
    for item in runs:
        if isinstance(item, FootnoteRef):
            if notes is None:
                raise ValueError("footnote in a place that cannot carry one")
            out.append(notes.add(item.runs))
        else:
            out.append(
                oxml.run(
                    item.text,
                    RunFormat(
                        size=base.size,
                        bold=base.bold or item.bold,
                        italic=base.italic or item.italic,
                        superscript=item.superscript,
                        underline=item.underline,
                    ),
                )
            )
    return "".join(out)


def _centered(
    text: str, size: float, *, bold: bool = False, italic: bool = False, before: float = 0
) -> str:
    return oxml.paragraph(
        oxml.run(text, RunFormat(size=size, bold=bold, italic=italic)),
        align="center",
        before_pt=before,
        mark=RunFormat(size=size, bold=bold, italic=italic),
    )


# -- page 1 header (ô 1–4) ------------------------------------------------------------------
def header_block(header: Header) -> str:
    left_cm, right_cm = layout.HEADER_COLUMNS_CM
    left_text_mm = left_cm * 10 - 2 * layout.CELL_PADDING_MM
    right_text_mm = right_cm * 10 - 2 * layout.CELL_PADDING_MM

    issuer_size = nd30.ISSUING_BODY.size.chosen
    left = [_centered(line, nd30.PARENT_BODY.size.chosen) for line in header.parent_lines]
    left += [_centered(line, issuer_size, bold=True) for line in header.body_lines]
    widest = max(layout.estimated_width_mm(line, issuer_size) for line in header.body_lines)
    left.append(
        oxml.rule_paragraph(min(widest, left_text_mm) * nd30.ISSUER_RULE.chosen, left_text_mm)
    )
    right = [
        _centered(nd30.NATIONAL_TITLE.text, nd30.NATIONAL_TITLE.size.chosen, bold=True),
        _centered(nd30.MOTTO.text, nd30.MOTTO.size.chosen, bold=True),
        oxml.rule_paragraph(layout.MOTTO_WIDTH_MM, right_text_mm),
    ]
    # ô 3 and ô 4 share a row, so the number and the date stand on one line (PL1 II.4.c).
    number = _centered(header.number_line, nd30.NUMBER.size.chosen, before=6)
    place_date = _centered(header.place_date, nd30.PLACE_DATE.size.chosen, italic=True, before=6)
    rows = [
        [oxml.cell("".join(left), left_cm), oxml.cell("".join(right), right_cm)],
        [oxml.cell(number, left_cm), oxml.cell(place_date, right_cm)],
    ]
    return oxml.table(rows, layout.HEADER_COLUMNS_CM, borders=False)


# -- ô 5a: document type and subject -------------------------------------------------------
def title_block(title: Title, notes: _Notes) -> str:
    size = nd30.TITLE.size.chosen  # the subject takes the title's size (both 13–14)
    subject_text = plain_text(title.subject)
    subject_width = min(layout.estimated_width_mm(subject_text, size), layout.TEXT_WIDTH_MM)
    return (
        _centered(title.name, size, bold=True, before=18)
        + oxml.paragraph(
            _runs(title.subject, RunFormat(size=size, bold=True), notes),
            align="center",
            mark=RunFormat(size=size, bold=True),
        )
        + oxml.rule_paragraph(
            subject_width * nd30.SUBJECT_RULE.chosen, layout.TEXT_WIDTH_MM, after_pt=6
        )
    )


# -- ô 9a: Kính gửi --------------------------------------------------------------------------
def addressees_block(addressees: Addressees) -> str:
    """«Kính gửi: Công an tỉnh.» centred; or «Kính gửi:» right of centre and each «- …;»
    under it, its dash under the colon (PL1 II.9.b)."""
    size = nd30.ADDRESSEES.size.chosen
    text = RunFormat(size=size)
    before = nd30.PARAGRAPH_SPACING_PT.chosen
    if addressees.single:
        line = f"{addressees.label} {addressees.lines[0]}"
        return oxml.paragraph(oxml.run(line, text), align="center", before_pt=before, mark=text)
    start = layout.ADDRESSEES_INDENT_MM
    colon = start + layout.estimated_width_mm(addressees.label.rstrip(":"), size)
    out = oxml.paragraph(
        oxml.run(addressees.label, text), indent_left_mm=start, before_pt=before, mark=text
    )
    for line in addressees.lines:
        out += oxml.paragraph(
            oxml.run(line, text),
            align="left",
            indent_left_mm=colon + layout.ADDRESSEES_DASH_MM,
            hanging_mm=layout.ADDRESSEES_DASH_MM,
            mark=text,
        )
    return out


# -- ô 6: the body ---------------------------------------------------------------------------
def body_paragraph(block: Paragraph, notes: _Notes, *, with_next: bool = False) -> str:
    """`with_next`: the paragraph stays whole and on the page of what follows (headings;
    the body's last paragraph, so that Nơi nhận and the signature never stand alone)."""
    # a table's caption is centred without indent and stays on the page of its table
    caption = block.role == "caption"
    keep = with_next or caption or block.role == "heading"
    return oxml.paragraph(
        _runs(block.runs, notes=notes),
        align="center" if caption else "justify",
        first_line_cm=None if caption else nd30.FIRST_LINE_INDENT_CM.chosen,
        before_pt=nd30.PARAGRAPH_SPACING_PT.chosen,
        line=nd30.LINE_SPACING.chosen,
        keep_next=keep,
        keep_lines=keep,
    )


def frame_block(frame: Frame, notes: _Notes) -> str:
    lines = "".join(
        oxml.paragraph(_runs(line, notes=notes), align="center", before_pt=3, after_pt=3)
        for line in frame.lines
    )
    width = layout.TEXT_WIDTH_MM / 10 * 0.85
    return oxml.table(
        [[oxml.cell(lines, width)]], [width], borders=True, center=True, keep_rows_whole=True
    ) + oxml.paragraph("", exact_line_pt=6)


def table_block(block: Table, notes: _Notes, width_mm: float = layout.TEXT_WIDTH_MM) -> str:
    widths = share_widths(block, width_mm / 10)
    size = layout.SIZE_TABLE
    head = [
        oxml.cell(
            oxml.paragraph(
                oxml.run(text, RunFormat(size=size, bold=True)),
                align="center",
                before_pt=3,
                after_pt=3,
            ),
            width,
            valign="center",
        )
        for text, width in zip(block.headings, widths)
    ]
    rows = [head]
    for row in block.rows:
        cells, column = [], 0
        for cell in row:
            width = sum(widths[column : column + cell.span])
            column += cell.span
            content = "".join(
                oxml.paragraph(
                    _runs(runs, RunFormat(size=size), notes),
                    align=cell.align,
                    before_pt=3,
                    after_pt=3,
                )
                for runs in cell.paragraphs
            )
            merge = "continue" if cell.merged else "restart" if cell.rows > 1 else None
            cells.append(oxml.cell(content, width, span=cell.span, v_merge=merge))
        rows.append(cells)
    # A row is never split across pages (Word still splits one taller than a page); the
    # heading row repeats on each page.
    return oxml.table(
        rows, widths, borders=True, header_rows=1, keep_rows_whole=True
    ) + oxml.paragraph("", exact_line_pt=6)


def share_widths(block: Table, total_cm: float) -> list[float]:
    """The given widths; the rest of the text width shared by content: a «TT» column
    narrow, the others by the length of their longest text (never below 2 cm)."""
    given = block.widths_cm
    free = [i for i, width in enumerate(given) if not width]
    if not free:
        return [float(w) for w in given if w]  # every width given
    counters = [i for i in free if _is_counter(block.headings[i])]
    rest = max(
        total_cm - sum(w for w in given if w) - layout.NARROW_COLUMN_CM * len(counters),
        2.0 * (len(free) - len(counters)),
    )
    longest = {
        i: max(
            [len(block.headings[i])]
            + [
                len(plain_text(runs))
                for row in block.rows
                for c, cell in _columns(row)
                if c == i and cell.span == 1
                for runs in cell.paragraphs
            ]
        )
        for i in free
    }
    weights = {i: min(max(longest[i], 6), 80) for i in free if i not in counters}
    total_weight = sum(weights.values()) or 1
    shares = {i: rest * w / total_weight for i, w in weights.items()}
    small = [i for i, w in shares.items() if w < 2.0]
    if small and len(small) < len(shares):  # lift the narrow ones to 2 cm, from the others
        lift = sum(2.0 - shares[i] for i in small)
        others = [i for i in shares if i not in small]
        for i in small:
            shares[i] = 2.0
        for i in others:
            shares[i] -= lift * weights[i] / sum(weights[j] for j in others)
    return [
        float(width) if width else (layout.NARROW_COLUMN_CM if i in counters else shares[i])
        for i, width in enumerate(given)
    ]


def _is_counter(heading: str) -> bool:
    return " ".join(heading.lower().replace(".", " ").split()) in (
        "tt",
        "stt",
        "số tt",
        "số thứ tự",
    )


def _columns(row):
    column = 0
    for cell in row:
        yield column, cell
        column += cell.span


def block_xml(block: Block, notes: _Notes, width_mm: float = layout.TEXT_WIDTH_MM) -> str:
    if isinstance(block, Paragraph):
        return body_paragraph(block, notes)
    if isinstance(block, Frame):
        return frame_block(block, notes)
    return table_block(block, notes, width_mm)


# -- ô 7, 9b: recipients beside the signature ----------------------------------------------
def signature_block(closing: Closing) -> str:
    left_cm, right_cm = layout.SIGNATURE_COLUMNS_CM

    def heading(text: str) -> str:  # «Nơi nhận:», and «Bản điện tử:» set the same way
        return oxml.paragraph(
            oxml.run(
                text, RunFormat(size=nd30.RECIPIENTS_LABEL.size.chosen, bold=True, italic=True)
            ),
            before_pt=0,
        )

    def lines(texts) -> str:
        return "".join(
            oxml.paragraph(
                oxml.run(line, RunFormat(size=nd30.RECIPIENTS.size.chosen)), align="left"
            )
            for line in texts
        )

    label = heading(nd30.RECIPIENTS_LABEL.text)
    items = lines(closing.recipients) + "".join(
        heading(name) + lines(group) for name, group in closing.after_filing
    )
    size = nd30.SIGNATURE.size.chosen
    signer = [_centered(line, size, bold=True) for line in closing.signer_titles]
    signer += [oxml.paragraph("", mark=RunFormat(size=size))] * layout.SIGNATURE_GAP_LINES
    if closing.signer_post:
        signer.append(_centered(closing.signer_post, size, bold=True))
    signer.append(_centered(closing.signer_name, size, bold=True))
    gap = oxml.paragraph("", exact_line_pt=12, keep_next=True)
    row = [oxml.cell(label + items, left_cm), oxml.cell("".join(signer), right_cm)]
    return gap + oxml.table([row], layout.SIGNATURE_COLUMNS_CM, borders=False, keep_rows_whole=True)


# -- appendices -----------------------------------------------------------------------------
def appendix_block(part: Part, notes: _Notes) -> str:
    width_mm = layout.LANDSCAPE_TEXT_WIDTH_MM if part.landscape else layout.TEXT_WIDTH_MM
    head = _centered(part.label, nd30.APPENDIX_LABEL.size.chosen, bold=True)
    if part.title:
        head += _centered(part.title, nd30.APPENDIX_TITLE.size.chosen, bold=True)
    attached_size = nd30.APPENDIX_ATTACHED.size.chosen
    head += _centered(part.attached_to, attached_size, italic=True)
    attached_width = min(layout.estimated_width_mm(part.attached_to, attached_size), width_mm)
    # the rule under «Kèm theo» is not specified: by analogy, as under the subject
    head += oxml.rule_paragraph(attached_width * nd30.SUBJECT_RULE.chosen, width_mm, after_pt=6)
    return head + "".join(block_xml(b, notes, width_mm) for b in part.blocks)


# -- the whole document -------------------------------------------------------------------
def render_docx(document: Document) -> bytes:
    """Lay out `document` and return the bytes of a reproducible .docx package."""
    return zip_package(render_parts(document))


def render_docx_parts(document: Document) -> tuple[bytes, dict[str, bytes]]:
    """The .docx, and its parts by zip name: what a caller that checks the document it has
    just written reads, instead of unzipping the file again (antq batch)."""
    parts = render_parts(document)
    return zip_package(parts), parts


def render_parts(document: Document) -> dict[str, bytes]:
    """Lay out `document`: the parts of its package, fingerprinted, not yet zipped."""
    from docx import Document as open_docx

    docx = open_docx(io.BytesIO(base_package()))
    notes = _Notes()
    blocks = _Blocks(docx.element.body)
    body = list(document.body)
    ending = body[-1] if body else None
    last = ending if isinstance(ending, Paragraph) else None
    if last is not None:
        body.pop()
    blocks.append(
        header_block(document.header)
        + title_block(document.title, notes)
        + (addressees_block(document.addressees) if document.addressees else "")
        + "".join(block_xml(b, notes) for b in body)
        + (body_paragraph(last, notes, with_next=True) if last else "")
        + signature_block(document.closing)
    )
    section = docx.sections[0]
    _setup_section(section, restart_numbering=False)
    _page_number_headers(section)
    for part in document.appendices:
        from docx.enum.section import WD_SECTION

        new = docx.add_section(WD_SECTION.NEW_PAGE)
        _setup_section(new, restart_numbering=True, landscape=part.landscape)
        blocks.append(appendix_block(part, notes))
    blocks.fill(docx)
    if notes.bodies:
        _add_footnotes(docx, notes)
    _properties(docx, document)
    return finished_entries(package_entries(docx))


class _Blocks:
    """Body content written as text into the document's XML, parsed once at the end.

    Moving a parsed fragment into python-docx's tree costs lxml time that grows with the
    square of the fragment's size (a 2,000-row table took 5 s, 8,000 rows 77 s); a marker
    paragraph stands in for each block until the whole document is parsed in one go."""

    def __init__(self, body) -> None:  # python-docx's w:body (CT_Body)
        self.body = body
        self.xml: list[str] = []

    def append(self, xml: str) -> None:
        marker = f"antq-block-{len(self.xml)}"
        self.xml.append(xml)
        element = oxml.body_fragment(f"<w:p><w:r><w:t>{marker}</w:t></w:r></w:p>")[0]
        sect_pr = self.body.sectPr
        if sect_pr is not None:
            sect_pr.addprevious(element)
        else:
            self.body.append(element)

    def fill(self, docx) -> None:
        from docx.oxml import parse_xml

        from ...ooxml.python_docx import replace_document_element
        from ...ooxml.tree import to_text

        text = to_text(docx.part.element)
        for index, xml in enumerate(self.xml):
            marker = f"<w:p><w:r><w:t>antq-block-{index}</w:t></w:r></w:p>"
            start = text.index(marker)
            text = text[:start] + xml + text[start + len(marker) :]
        replace_document_element(docx, parse_xml(text))


def _setup_section(section, *, restart_numbering: bool, landscape: bool = False) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    short, long = nd30.PAPER_MM
    section.page_width = Mm(long if landscape else short)
    section.page_height = Mm(short if landscape else long)
    margins = nd30.LANDSCAPE_MARGINS if landscape else nd30.MARGINS
    section.top_margin = Mm(margins.top.chosen)
    section.bottom_margin = Mm(margins.bottom.chosen)
    section.left_margin = Mm(margins.left.chosen)
    section.right_margin = Mm(margins.right.chosen)
    section.header_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.gutter = Mm(0)
    # PL1 I.7: no number on page 1; each appendix is numbered from 1 (PL1 III.1.đ).
    section.different_first_page_header_footer = True
    if restart_numbering:
        from ...ooxml.names import q
        from ...ooxml.order import SECT_ORDER
        from ...ooxml.python_docx import section_properties
        from ...ooxml.tree import set_child

        sect_pr = section_properties(section)
        for old in sect_pr.findall(q("pgNumType")):  # copied from the last one
            sect_pr.remove(old)
        set_child(sect_pr, q("pgNumType"), SECT_ORDER).set(q("start"), "1")


def _page_number_headers(section) -> None:
    from ...ooxml.python_docx import header_element

    header = section.header
    header.is_linked_to_previous = False
    header_el = header_element(header)
    for child in list(header_el):
        header_el.remove(child)
    header_el.extend(
        oxml.body_fragment(
            oxml.paragraph(
                oxml.page_number_runs(nd30.PAGE_NUMBER.size.chosen), align="center", style="Header"
            )
        )
    )
    first = section.first_page_header
    first.is_linked_to_previous = False  # an empty header: page 1 shows no number


def _add_footnotes(docx, notes: _Notes) -> None:
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part as OpcPart

    part = OpcPart(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        oxml.footnotes_part(notes.bodies),
        docx.part.package,
    )
    docx.part.relate_to(part, RT.FOOTNOTES)


def _properties(docx, document: Document) -> None:
    """Document properties come from the plan, never from the clock (reproducible output)."""
    props = docx.core_properties
    stamp = dt.datetime.combine(document.date, dt.time(0, 0))
    subject = plain_text(document.title.subject)
    props.title = f"{document.title.name.capitalize()} {subject}"[:250]
    props.subject = subject[:250]
    props.author = document.author
    props.last_modified_by = document.author
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.language = layout.LANGUAGE
