"""A read-only view of a DOCX with effective formatting resolved (direct > style > defaults).

Works on any WordprocessingML file, not only antq's: Word and LibreOffice put formatting
in styles as often as on runs, so every property is looked up through the style chain.
A paragraph's text is what Word shows in its flow: runs inside hyperlinks, insertions and
content controls count; deleted text and the contents of text boxes do not (a text box is
kept as a shape of the paragraph).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..ooxml.names import MC_NS, R_NS, clark_prefix
from ..ooxml.numbers import xml_int
from ..ooxml.tree import XMLSyntaxError, local_name, parse, serialise
from ..ooxml.units import TWIPS_PER_UNIT
from .model import (
    Cell,
    DocxView,
    Para,
    Section,
    Shape,
    TableView,
    TextRun,
    W,  # noqa: F401
    q,
)
from .package import MAX_DOCX_BYTES, Caps, read_parts, written_parts
from .numbering import Numbering, style_numbering
from .shapes import shapes_in_run
from .styles import Styles, drawn_slots, font_slots, merged, theme_fonts
from ..i18n import _
from ..reasons import reason

__all__ = [
    "DocxView",
    "Para",
    "TextRun",
    "Cell",
    "TableView",
    "Section",
    "Shape",
    "read_docx",
    "read_written",
    "W",
]

_q = q  # the name older modules import


def _on(el) -> bool | None:
    """A toggle property (<w:b/>, <w:b w:val="0"/>) as True/False, None when absent."""
    if el is None:
        return None
    return el.get(q("val"), "true").lower() not in ("0", "false", "off", "none")


_B, _I, _U, _SZ, _VERT = q("b"), q("i"), q("u"), q("sz"), q("vertAlign")
_R, _RPR, _RFONTS, _SPACING = q("r"), q("rPr"), q("rFonts"), q("spacing")
_CS, _RTL, _FLDSIMPLE = q("cs"), q("rtl"), q("fldSimple")
_VAL, _RSTYLE, _T, _TAB, _INSTR = q("val"), q("rStyle"), q("t"), q("tab"), q("instrText")
_FLDCHAR, _FLDCHARTYPE, _BREAKS = q("fldChar"), q("fldCharType"), (q("br"), q("cr"))
_FOOTNOTE_REF, _ID = q("footnoteReference"), q("id")
# Elements of a paragraph whose runs are part of its text, and those whose runs are not.
_CONTAINERS = {
    q(n)
    for n in (
        "hyperlink",
        "ins",
        "smartTag",
        "customXml",
        "moveTo",
        "sdt",
        "sdtContent",
        "bdo",
        "dir",
    )
}
_MC = clark_prefix(MC_NS)


def _flow_runs(parent, field: str | None = None):
    """(w:r, simple-field instruction) in reading order, as Word shows them."""
    for child in parent:
        tag = child.tag
        if tag == _R:
            yield child, field
        elif tag == _FLDSIMPLE:
            instr = field_name(child.get(q("instr")) or "")
            if child.find(_R) is None:
                yield child, instr  # a field with no result shown yet: still a field
            yield from _flow_runs(child, instr)
        elif tag in _CONTAINERS:
            yield from _flow_runs(child, field)
        elif tag == f"{_MC}AlternateContent":
            choice = child.find(f"{_MC}Choice")
            if choice is not None:
                yield from _flow_runs(choice, field)


def field_name(instruction: str) -> str | None:
    """«PAGE», from « page \\* MERGEFORMAT » or «PAGE\\*Arabic»: Word reads field names in
    any case."""
    name = re.split(r"[\s\\]+", instruction.strip(), maxsplit=1)[0]
    return name.upper() or None


class _Reader:
    def __init__(self, parts: dict[str, bytes]):
        self.parts = parts
        self.trees: dict[str, object] = {}  # every part parsed, by name (for antq fix)
        self.caps = Caps()  # paragraphs, cells, runs and footnotes read, everywhere
        styles = self.tree("word/styles.xml")
        theme = parts.get("word/theme/theme1.xml")
        self.styles = Styles(styles, theme_fonts(parse(theme) if theme else None))
        self.counter = 0
        self.section = 1
        self._formats: dict[tuple, tuple[dict, bool]] = {}  # run_format's, per document
        # Parsed apart from `trees`: antq fix rewrites what is there, and numbering is read only.
        numbering = parts.get("word/numbering.xml")
        self.numbering = Numbering(parse(numbering) if numbering else None, style_numbering(styles))

    def tree(self, name: str):
        """The parsed part, once; None when the package has no such part (an empty one is
        malformed XML, as Word finds it)."""
        if name not in self.trees:
            data = self.parts.get(name)
            self.trees[name] = parse(data) if data is not None else None
            if self.trees[name] is not None:
                self.caps.parsed(self.trees[name])
        return self.trees[name]

    def ppr_chain(self, p) -> tuple[list, str | None]:
        ppr = p.find(q("pPr"))
        style_el = ppr.find(q("pStyle")) if ppr is not None else None
        style_id = style_el.get(q("val")) if style_el is not None else self.styles.default_para
        return [ppr, *self.styles.inherited_ppr(style_id)], style_id

    def paragraph(self, p, cell=None) -> Para:
        chain, style_id = self.ppr_chain(p)
        props = merged(chain)
        jc, ind, borders = props.get(q("jc")), props.get(q("ind")), props.get(q("pBdr"))
        spaced: dict = {}
        for element in reversed([c.find(_SPACING) for c in chain if c is not None]):
            if element is not None:  # spacing attributes merge one by one, nearest last
                spaced.update(element.attrib)

        def spacing(name: str) -> str | None:
            return spaced.get(q(name))

        def indent(*names: str) -> int:
            for name in names:
                value = ind.get(q(name)) if ind is not None else None
                if value is not None and value.lstrip("-").isdigit():
                    return xml_int(value)
            return 0

        self.counter += 1
        self.caps.count("paragraphs")
        runs, shapes = self.runs(p, style_id)
        label = self.numbering.paragraph_label(chain, style_id)
        return Para(
            runs=runs,
            align={
                "both": "both",
                "center": "center",
                "right": "right",
                "end": "right",
                "distribute": "both",
            }.get(jc.get(q("val")) if jc is not None else "", "left"),
            first_line_twips=indent("firstLine") - indent("hanging"),
            left_twips=indent("left", "start"),
            right_twips=indent("right", "end"),
            before_twips=_int(spacing("before")),
            after_twips=_int(spacing("after")),
            line=_int(spacing("line")) or None,
            line_rule=spacing("lineRule") or "auto",
            style=style_id,
            border_top=borders is not None and borders.find(q("top")) is not None,
            border_bottom=borders is not None and borders.find(q("bottom")) is not None,
            index=self.counter,
            cell=cell,
            shapes=shapes,
            tabs=self.tab_stops(chain),
            has_drawing=bool(shapes)
            or p.find(f".//{q('drawing')}") is not None
            or p.find(f".//{q('pict')}") is not None,
            section=self.section,
            element=p,
            **_list_fields(label),
        )

    @staticmethod
    def tab_stops(chain) -> list[tuple[str, int]]:
        """Tab stops from the styles and the paragraph combined; w:val="clear" removes one."""
        stops: dict[int, str] = {}
        for ppr in reversed(chain):
            tabs = ppr.find(q("tabs")) if ppr is not None else None
            for tab in tabs if tabs is not None else []:
                position = _int(tab.get(q("pos")))
                if tab.get(q("val")) == "clear":
                    stops.pop(position, None)
                else:
                    stops[position] = tab.get(q("val"), "left")
        return sorted(((kind, pos) for pos, kind in stops.items()), key=lambda s: s[1])

    def run_format(self, direct, para_style: str | None) -> tuple[dict, bool]:
        """(TextRun fields, complex script) of a run with direct properties `direct` (its
        w:rPr or None) in a paragraph of `para_style`. Runs formatted alike are many (a
        document has a handful of formats), so each format is worked out once: the key is
        what the properties say (their XML, serialised in lxml's C), not which element."""
        key = (para_style, None if direct is None else serialise(direct))
        known = self._formats.get(key)
        if known is not None:
            return known
        rstyle = direct.find(_RSTYLE) if direct is not None else None
        styles = (rstyle.get(_VAL) if rstyle is not None else None), para_style
        fonts = self.styles.inherited_fonts(*styles)
        props = self.styles.inherited_run_props(*styles)
        if direct is not None:
            fonts = {**fonts, **font_slots([direct.find(_RFONTS)], self.styles.theme)}
            props = {**props, **{child.tag: child for child in direct}}
        size, vert, underline = props.get(_SZ), props.get(_VERT), props.get(_U)
        base = dict(
            bold=bool(_on(props.get(_B))),
            italic=bool(_on(props.get(_I))),
            underline=underline is not None and underline.get(_VAL, "single") != "none",
            superscript=vert is not None and vert.get(_VAL) == "superscript",
            subscript=vert is not None and vert.get(_VAL) == "subscript",
            size=_int(size.get(_VAL)) / 2 if size is not None else None,
            fonts=fonts,
        )
        known = self._formats[key] = base, bool(_on(props.get(_CS)) or _on(props.get(_RTL)))
        return known

    def runs(self, p, para_style: str | None) -> tuple[list[TextRun], list[Shape]]:
        out: list[TextRun] = []
        shapes: list[Shape] = []
        field_stack: list[str] = []
        shown: list[bool] = []  # whether the field's result put any run on the page yet
        in_result = False
        for r, simple_field in _flow_runs(p):
            self.caps.count("runs")
            shapes += shapes_in_run(r)
            base, complex_script = self.run_format(r.find(_RPR), para_style)

            def emit(text: str, complex_script=complex_script, base=base, r=r, **extra) -> None:
                fonts = base["fonts"]
                drawn = {
                    slot: fonts.get(slot, self.default_font(slot))
                    for slot in drawn_slots(text, complex_script)
                }
                out.append(TextRun(text, **base, drawn_fonts=drawn, element=r, **extra))

            for child in r:
                tag = child.tag
                if tag == _FLDCHAR:
                    kind = child.get(_FLDCHARTYPE)
                    if kind == "begin":
                        field_stack.append("")
                        shown.append(False)
                        in_result = False
                    elif kind == "separate":
                        in_result = True
                    elif kind == "end" and field_stack:
                        # a field Word has not computed yet (no result) is still on the page
                        if not shown.pop():
                            emit("", field=field_name(field_stack[-1]))
                        field_stack.pop()
                        in_result = False
                elif tag == _INSTR and field_stack:
                    field_stack[-1] += child.text or ""
                elif tag == _T:
                    if field_stack and not in_result:
                        continue
                    instr = field_name(field_stack[-1]) if field_stack else None
                    if shown:
                        shown[-1] = True
                    emit(child.text or "", field=instr or simple_field)
                elif tag == _TAB:
                    emit("\t")
                elif tag in _BREAKS:
                    emit("\n")
                elif tag == _FOOTNOTE_REF:
                    emit("", footnote=_int(child.get(_ID)))
            if r.tag == _FLDSIMPLE:
                emit("", field=simple_field)
        return out, shapes

    def default_font(self, slot: str) -> str:
        """What Word falls back to when no style sets the slot (its built-in default)."""
        return "Times New Roman"

    def table(self, tbl, index: int) -> TableView:
        grid = [_int(g.get(q("w"))) for g in tbl.iter(q("gridCol"))]
        borders_el = tbl.find(f"{q('tblPr')}/{q('tblBorders')}")
        has_borders = borders_el is not None and any(
            b.get(q("val")) not in (None, "nil", "none") for b in borders_el
        )
        rows = []
        for r_index, tr in enumerate(tbl.findall(q("tr")), start=1):
            cells = []
            for c_index, tc in enumerate(tr.findall(q("tc")), start=1):
                self.caps.count("cells")
                width = tc.find(f"{q('tcPr')}/{q('tcW')}")
                paras = [self.paragraph(p, (index, r_index, c_index)) for p in _cell_paras(tc)]
                cells.append(
                    Cell(
                        paras,
                        _int(width.get(q("w"))) or None if width is not None else None,
                        *_spans(tc),
                    )
                )
            rows.append(cells)
        return TableView(rows, grid, has_borders, index)

    def header_part(self, r_id: str | None, rels: dict[str | None, str]) -> list[Para]:
        target = rels.get(r_id)
        if not target or f"word/{target}" not in self.parts:
            return []
        root = self.tree(f"word/{target}")
        saved = self.counter
        paras = [self.paragraph(p) for p in root.iter(q("p")) if not _inside_textbox(p)]
        self.counter = saved  # header paragraphs are not counted among the body's
        return paras

    def section_view(self, sect, rels: dict[str | None, str], first: int) -> Section:
        size = sect.find(q("pgSz"))
        margins = sect.find(q("pgMar"))
        start = sect.find(q("pgNumType"))
        r_id = f"{clark_prefix(R_NS)}id"
        headers = {
            ref.get(q("type"), "default"): self.header_part(ref.get(r_id), rels)
            for ref in sect.findall(q("headerReference"))
        }
        footers = {
            ref.get(q("type"), "default"): self.header_part(ref.get(r_id), rels)
            for ref in sect.findall(q("footerReference"))
        }
        return Section(
            page_width=_int(size.get(q("w"))) if size is not None else 0,
            page_height=_int(size.get(q("h"))) if size is not None else 0,
            margins={k: _int(margins.get(q(k))) for k in ("top", "bottom", "left", "right")}
            if margins is not None
            else {},
            title_page=_on(sect.find(q("titlePg"))) is True,
            page_start=_int(start.get(q("start")))
            if start is not None and start.get(q("start"))
            else None,
            headers=headers,
            orientation=size.get(q("orient"), "portrait") if size is not None else "portrait",
            footers=footers,
            first_paragraph=first,
            element=sect,
        )


def _int(value) -> int:
    """An integer attribute; files from other programs may write "240.0", or a measure with
    its unit ("0.5in", "1.5cm", "12pt": ST_TwipsMeasure), read here as twips."""
    if value is None:
        return 0
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 16:
        return int(value)  # what nearly every attribute is, without the pattern
    match = re.fullmatch(r"\s*([-+]?\d+(?:\.\d+)?)\s*([a-z]*)\s*", str(value)[:40])
    if not match:
        return 0
    if not match[2]:
        return xml_int(match[1])
    return xml_int(float(match[1]) * TWIPS_PER_UNIT.get(match[2], 1))


def _list_fields(label) -> dict:
    """The Para fields of Word's automatic number, when the paragraph has one."""
    if label is None:
        return {}
    return {
        "label": label.text,
        "list_level": label.level,
        "list_id": label.list_id,
        "list_format": label.format,
    }


def _spans(tc) -> tuple[int, str | None]:
    """(columns spanned, w:vMerge state) of a table cell."""
    span = tc.find(f"{q('tcPr')}/{q('gridSpan')}")
    merge = tc.find(f"{q('tcPr')}/{q('vMerge')}")
    columns = max(1, _int(span.get(q("val")))) if span is not None else 1
    state = None if merge is None else (merge.get(q("val")) or "continue")
    return min(columns, 1000), state


def _inside_textbox(p) -> bool:
    return any(a.tag == q("txbxContent") for a in p.iterancestors())


def _cell_paras(tc):
    """A cell's paragraphs, nested tables' included, text boxes' not."""
    return [p for p in tc.iter(q("p")) if not _inside_textbox(p)]


def _rels(parts: dict[str, bytes], name: str) -> dict[str | None, str]:
    """Relationship id -> target inside word/ (a relationship without an id is kept under None)."""
    data = parts.get(name)
    if not data:
        return {}
    root = parse(data)
    return {rel.get("Id"): rel.get("Target", "").lstrip("/").removeprefix("word/") for rel in root}


def read_docx(source: bytes | str | Path) -> DocxView:
    """Open a DOCX; raises ValueError when the file is not a readable DOCX."""
    return read_package(source)[0]


def read_package(source: bytes | str | Path) -> tuple[DocxView, dict]:
    """The view, and the parsed XML trees it points into ({part name: root element}), for
    a caller that will change them (antq fix)."""
    try:
        if isinstance(source, bytes):
            data = source
        else:
            from ..files import read_input

            data = read_input(Path(source), MAX_DOCX_BYTES)
    except OSError as exc:
        raise ValueError(_("cannot be read: {reason}").format(reason=reason(exc))) from None
    return _read_parts(read_parts(data))


def read_written(entries: dict[str, bytes]) -> DocxView:
    """The view of a package still in memory ({zip name: bytes}, as the writer holds it
    before zipping): the same view read_docx gives of its zip, without unzipping it."""
    return _read_parts(written_parts(entries))[0]


def _read_parts(parts: dict[str, bytes]) -> tuple[DocxView, dict]:
    try:
        reader = _Reader(parts)
        document = reader.tree("word/document.xml")
        if document is None:
            raise KeyError("word/document.xml")
        return _view(reader, document, parts)
    except (KeyError, XMLSyntaxError) as exc:
        raise ValueError(_("not a readable DOCX file: {exc}").format(exc=reason(exc))) from None
    except RecursionError:
        raise ValueError(_("the document's XML is nested too deeply to read")) from None


def _view(reader, document, parts) -> tuple[DocxView, dict]:
    rels = _rels(parts, "word/_rels/document.xml.rels")
    body = document.find(q("body"))
    blocks: list[Para | TableView] = []
    sections: list[Section] = []
    tables = 0
    first = 1
    for child in body if body is not None else []:
        if child.tag == q("p"):
            blocks.append(reader.paragraph(child))
            inner = child.find(f"{q('pPr')}/{q('sectPr')}")
            if inner is not None:
                sections.append(reader.section_view(inner, rels, first))
                first, reader.section = reader.counter + 1, reader.section + 1
        elif child.tag == q("tbl"):
            tables += 1
            blocks.append(reader.table(child, tables))
        elif child.tag == q("sectPr"):
            sections.append(reader.section_view(child, rels, first))
    footnotes: dict[int, list[Para]] = {}
    if "word/footnotes.xml" in parts:
        root = reader.tree("word/footnotes.xml")
        for note in root.iter(q("footnote")):
            if note.get(q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            reader.caps.count("footnotes")
            footnotes[_int(note.get(q("id")))] = [reader.paragraph(p) for p in note.iter(q("p"))]
    defaults = reader.styles.default_rpr
    default_fonts: dict[str, str] = {}
    default_size = None
    if defaults is not None:
        default_fonts = font_slots([defaults.find(_RFONTS)], reader.styles.theme)
        size = defaults.find(q("sz"))
        default_size = _int(size.get(q("val"))) / 2 if size is not None else None
    core: dict[str, str] = {}
    if "docProps/core.xml" in parts:
        for element in parse(parts["docProps/core.xml"]):
            core[local_name(element)] = element.text or ""
    view = DocxView(blocks, sections, footnotes, default_fonts, default_size, core, _pages(parts))
    return view, reader.trees


def _pages(parts: dict[str, bytes]) -> int | None:
    """Word's page count at its last save; None when the file has none (antq, LibreOffice
    without statistics)."""
    data = parts.get("docProps/app.xml")
    if not data:
        return None
    try:
        root = parse(data)
    except XMLSyntaxError:
        return None
    values = {local_name(element): (element.text or "") for element in root}
    # Word rewrites these counts on every save; other programs copy a template's.
    if "Word" not in values.get("Application", "") or not values.get("Words", "0").strip("0"):
        return None
    pages = values.get("Pages", "")
    return int(pages) if pages.isdigit() else None
