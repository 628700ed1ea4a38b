"""WordprocessingML as text: the only module that knows element names and their order.

Paragraphs and tables are written as XML strings and parsed once per document, which is
far cheaper than building them node by node through python-docx's API. Child elements
are emitted in the order the OOXML schema requires: Word refuses files that break it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...ooxml.names import R_NS, W_NS
from ... import nd30
from ...ooxml.units import half_points
from . import layout

_NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

__all__ = [
    "RunFormat",
    "run",
    "paragraph",
    "rule_paragraph",
    "table",
    "cell",
    "page_number_runs",
    "footnote_reference",
    "footnotes_part",
    "styles_part",
    "body_fragment",
    "W_NS",
    "R_NS",
]


def escape(text: str) -> str:
    text = _INVALID_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True, slots=True)
class RunFormat:
    size: float | None = None  # pt; None inherits the 14 pt default
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    style: str | None = None
    underline: bool = False  # the author's ++…++, never antq's (ND30 draws its rules)


def _rpr(fmt: RunFormat) -> str:
    # The font is written on every run as well as in the styles: a paragraph a clerk copies
    # into another document keeps Times New Roman instead of taking that document's default.
    parts = []
    if fmt.style:
        parts.append(f'<w:rStyle w:val="{fmt.style}"/>')
    parts.append(_fonts())
    if fmt.bold:
        parts.append("<w:b/><w:bCs/>")
    if fmt.italic:
        parts.append("<w:i/><w:iCs/>")
    if fmt.size is not None:
        hp = half_points(fmt.size)
        parts.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    if fmt.underline:
        parts.append('<w:u w:val="single"/>')
    if fmt.superscript:
        parts.append('<w:vertAlign w:val="superscript"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def run(text: str, fmt: RunFormat = RunFormat()) -> str:
    """A run; line breaks in the text become <w:br/>."""
    pieces = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in pieces)
    return f"<w:r>{_rpr(fmt)}{body}</w:r>"


def paragraph(
    runs: str,
    *,
    align: str | None = None,
    first_line_cm: float | None = None,
    before_pt: float = 0,
    after_pt: float = 0,
    line: float | None = None,
    keep_next: bool = False,
    keep_lines: bool = False,
    mark: RunFormat | None = None,
    indent_left_mm: float | None = None,
    indent_right_mm: float | None = None,
    hanging_mm: float | None = None,
    border_top: bool = False,
    exact_line_pt: float | None = None,
    style: str | None = None,
    page_break_before: bool = False,
) -> str:
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if keep_lines:
        ppr.append("<w:keepLines/>")
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if border_top:
        ppr.append(
            f'<w:pBdr><w:top w:val="single" w:sz="{layout.RULE_WEIGHT_EIGHTHS_PT}" '
            'w:space="1" w:color="000000"/></w:pBdr>'
        )
    spacing = f'w:before="{round(before_pt * 20)}" w:after="{round(after_pt * 20)}"'
    if exact_line_pt is not None:
        spacing += f' w:line="{round(exact_line_pt * 20)}" w:lineRule="exact"'
    elif line is not None:
        spacing += f' w:line="{round(line * 240)}" w:lineRule="auto"'
    ppr.append(f"<w:spacing {spacing}/>")
    indent = []
    if indent_left_mm is not None:
        indent.append(f'w:left="{layout.twips(indent_left_mm)}"')
    if indent_right_mm is not None:
        indent.append(f'w:right="{layout.twips(indent_right_mm)}"')
    if hanging_mm is not None:  # the first line starts further left (a «- » before a list line)
        indent.append(f'w:hanging="{layout.twips(hanging_mm)}"')
    else:
        indent.append(f'w:firstLine="{layout.twips_cm(first_line_cm or 0)}"')
    ppr.append(f"<w:ind {' '.join(indent)}/>")
    if align:
        ppr.append(f'<w:jc w:val="{"both" if align == "justify" else align}"/>')
    if mark is not None:
        ppr.append(_rpr(mark))
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{runs}</w:p>"


def rule_paragraph(length_mm: float, available_mm: float, *, after_pt: float = 0) -> str:
    """A centred solid rule of `length_mm`: the top border of an empty 1 pt paragraph.

    The rule is its own paragraph so that the text above keeps its full width.
    """
    side = max((available_mm - length_mm) / 2, 0)
    return paragraph(
        "",
        indent_left_mm=side,
        indent_right_mm=side,
        border_top=True,
        before_pt=3,
        exact_line_pt=1,
        after_pt=after_pt,
        mark=RunFormat(size=1),
    )


def cell(
    content: str,
    width_cm: float,
    *,
    valign: str | None = None,
    span: int = 1,
    v_merge: str | None = None,
) -> str:
    """A table cell; `span` columns (gridSpan); `v_merge` "restart" for the top of a cell
    spanning rows and "continue" for its place in the rows below."""
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge = (
        '<w:vMerge w:val="restart"/>'
        if v_merge == "restart"
        else "<w:vMerge/>"
        if v_merge == "continue"
        else ""
    )
    va = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{layout.twips_cm(width_cm)}" w:type="dxa"/>{grid}'
        f"{merge}{va}</w:tcPr>{content or paragraph('')}</w:tc>"
    )


def table(
    rows: Iterable[Sequence[str]],
    widths_cm: Sequence[float],
    *,
    borders: bool,
    header_rows: int = 0,
    center: bool = False,
    keep_rows_whole: bool = False,
) -> str:
    """Rows of already-built cells; a fixed layout so that Word keeps the widths."""
    total = layout.twips_cm(sum(widths_cm))
    border_xml = ""
    if borders:
        sides = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        border_xml = f"<w:tblBorders>{sides}</w:tblBorders>"
    jc = '<w:jc w:val="center"/>' if center else ""
    grid = "".join(f'<w:gridCol w:w="{layout.twips_cm(w)}"/>' for w in widths_cm)
    body = []
    for index, cells in enumerate(rows):
        row_props = ("<w:cantSplit/>" if keep_rows_whole else "") + (
            "<w:tblHeader/>" if index < header_rows else ""
        )
        header = f"<w:trPr>{row_props}</w:trPr>" if row_props else ""
        body.append(f"<w:tr>{header}{''.join(cells)}</w:tr>")
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>{jc}{border_xml}'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" '
        'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"
    )


def page_number_runs(size: float) -> str:
    """A PAGE field, so that Word and LibreOffice number the pages themselves."""
    fmt = _rpr(RunFormat(size=size))
    return (
        f'<w:r>{fmt}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{fmt}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{fmt}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{fmt}<w:t>2</w:t></w:r>"
        f'<w:r>{fmt}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def footnote_reference(note_id: int) -> str:
    return (
        f"<w:r>{_rpr(RunFormat(style='FootnoteReference'))}"
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def footnotes_part(notes: Sequence[str]) -> bytes:
    """footnotes.xml: the two separators Word expects, then one footnote per run list."""
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
        'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
    )
    body = []
    for index, runs in enumerate(notes, start=1):
        body.append(
            f'<w:footnote w:id="{index}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
            f'<w:jc w:val="both"/></w:pPr><w:r>{_rpr(RunFormat(style="FootnoteReference"))}'
            f"<w:footnoteRef/></w:r>{run(' ')}{runs}</w:p></w:footnote>"
        )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {_NSDECL}>{separators}{''.join(body)}</w:footnotes>"
    )
    return xml.encode("utf-8")


def _fonts() -> str:
    f = nd30.FONT
    return f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'


def styles_part() -> bytes:
    """A minimal styles.xml: Times New Roman in every font slot, 14 pt, Vietnamese."""
    size = half_points(nd30.BODY.size.chosen)
    foot = half_points(layout.SIZE_FOOTNOTE)
    lang = layout.LANGUAGE
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:styles {_NSDECL}>"
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts()}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/><w:rPr>{_fonts()}<w:color w:val="000000"/><w:sz w:val="{size}"/>'
        f'<w:szCs w:val="{size}"/></w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
        f'<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="{foot}"/><w:szCs w:val="{foot}"/>'
        "</w:rPr></w:style>"
        '<w:style w:type="character" w:styleId="FootnoteReference">'
        '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        "</w:styles>"
    )
    return xml.encode("utf-8")


def body_fragment(xml: str):
    """Parse a run of body-level elements (paragraphs, tables) into lxml elements."""
    from docx.oxml import parse_xml

    return list(parse_xml(f"<w:body {_NSDECL}>{xml}</w:body>"))
