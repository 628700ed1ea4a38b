"""A read-only view of a DOCX with effective formatting resolved (direct > style > defaults).

Works on any WordprocessingML file, not only antq's: Word and LibreOffice put formatting
in styles as often as on runs, so every property is looked up through the style chain.
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

__all__ = ["DocxView", "Para", "TextRun", "Cell", "TableView", "Section", "read_docx", "W"]


@functools.cache
def _q(name: str) -> str:
    return _W + name


def _on(el) -> bool | None:
    """A toggle property (<w:b/>, <w:b w:val="0"/>) as True/False, None when absent."""
    if el is None:
        return None
    return el.get(_q("val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass
class TextRun:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False
    size: float | None = None  # pt
    fonts: dict[str, str] = field(default_factory=dict)  # slot -> font name
    footnote: int | None = None  # a footnote reference mark
    field: str | None = None  # instruction of a field this run belongs to (PAGE, …)


@dataclass
class Para:
    runs: list[TextRun]
    align: str = "left"  # left, center, right, both
    first_line_twips: int = 0
    left_twips: int = 0
    right_twips: int = 0
    before_twips: int = 0
    after_twips: int = 0
    line: int | None = None
    line_rule: str = "auto"
    style: str | None = None
    border_top: bool = False
    border_bottom: bool = False
    index: int = 0  # position among the document's paragraphs (body order, tables included)
    cell: tuple[int, int, int] | None = None  # (table, row, column), 1-based
    has_drawing: bool = False  # a shape or picture (a rule may be drawn as a line)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Cell:
    paragraphs: list[Para]
    width_twips: int | None


@dataclass
class TableView:
    rows: list[list[Cell]]
    grid_twips: list[int]
    borders: bool
    index: int


@dataclass
class Section:
    page_width: int
    page_height: int
    margins: dict[str, int]  # twips: top, bottom, left, right
    title_page: bool
    page_start: int | None
    headers: dict[str, list[Para]]  # default/first/even -> paragraphs
    orientation: str = "portrait"
    footers: dict[str, list[Para]] = field(default_factory=dict)


@dataclass
class DocxView:
    blocks: list[Para | TableView]  # body order
    sections: list[Section]
    footnotes: dict[int, list[Para]]
    default_fonts: dict[str, str]
    default_size: float | None
    core: dict[str, str]

    def paragraphs(self) -> list[Para]:
        """Every paragraph in body order, table cells included."""
        out: list[Para] = []
        for block in self.blocks:
            if isinstance(block, Para):
                out.append(block)
            else:
                for row in block.rows:
                    for cell in row:
                        out.extend(cell.paragraphs)
        return out


def _per_document(method):
    """Memoise a _Styles method on the instance: a cache on the class would keep every
    document ever read alive (a batch reads thousands)."""
    name = method.__name__

    @functools.wraps(method)
    def cached(self, *args):
        key = (name, *args)
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = method(self, *args)
            return value

    return cached


class _Styles:
    def __init__(self, root) -> None:
        self._memo: dict[tuple, object] = {}
        self.by_id: dict[str, etree._Element] = {}
        self.default_para: str | None = None
        self.default_rpr = None
        self.default_ppr = None
        if root is None:
            return
        defaults = root.find(_q("docDefaults"))
        if defaults is not None:
            self.default_rpr = defaults.find(f"{_q('rPrDefault')}/{_q('rPr')}")
            self.default_ppr = defaults.find(f"{_q('pPrDefault')}/{_q('pPr')}")
        for style in root.iter(_q("style")):
            style_id = style.get(_q("styleId"))
            self.by_id[style_id] = style
            if style.get(_q("type")) == "paragraph" and style.get(_q("default")) in ("1", "true"):
                self.default_para = style_id

    @_per_document
    def chain(self, style_id: str | None) -> tuple:
        """The style and its ancestors, nearest first (cycles in basedOn are cut)."""
        out = []
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(_q("basedOn"))
            style_id = based.get(_q("val")) if based is not None else None
        return tuple(out)

    @_per_document
    def inherited_rpr(self, run_style: str | None, para_style: str | None) -> tuple:
        """The run properties a run inherits: its character style's, then its paragraph
        style's, then the defaults — the same for most runs, so worked out once."""
        chain = []
        if run_style is not None:
            chain += [s.find(_q("rPr")) for s in self.chain(run_style)]
        chain += [s.find(_q("rPr")) for s in self.chain(para_style)]
        return tuple(chain + [self.default_rpr])

    @_per_document
    def inherited_fonts(self, run_style: str | None, para_style: str | None) -> dict:
        return _font_slots([rpr.find(_RFONTS) if rpr is not None else None
                            for rpr in self.inherited_rpr(run_style, para_style)])

    @_per_document
    def inherited_run_props(self, run_style: str | None, para_style: str | None) -> dict:
        return _merged(self.inherited_rpr(run_style, para_style))

    @_per_document
    def inherited_ppr(self, style_id: str | None) -> tuple:
        return tuple([s.find(_q("pPr")) for s in self.chain(style_id)] + [self.default_ppr])


def _merged(elements) -> dict:
    """Tag -> the nearest element of that tag in a property chain (nearest first)."""
    out: dict = {}
    for element in reversed(elements):
        if element is not None:
            for child in element:
                out[child.tag] = child
    return out


_B, _I, _U, _SZ, _VERT = _q("b"), _q("i"), _q("u"), _q("sz"), _q("vertAlign")
_R, _RPR, _RFONTS, _SPACING = _q("r"), _q("rPr"), _q("rFonts"), _q("spacing")
_SLOTS = tuple((slot, _q(slot), _q(slot + "Theme")) for slot in ("ascii", "hAnsi", "eastAsia",
                                                                 "cs"))
_CSTHEME = _q("cstheme")


def _font_slots(rfonts_chain) -> dict[str, str]:
    """Slot -> font name ("(theme)" for a theme reference), from the nearest rFonts that sets
    the slot."""
    fonts: dict[str, str] = {}
    for slot, name_attr, theme_attr in _SLOTS:
        for f in rfonts_chain:
            if f is None:
                continue
            if f.get(name_attr) is not None:
                fonts[slot] = f.get(name_attr)
                break
            if f.get(theme_attr) is not None or (slot == "cs" and f.get(_CSTHEME) is not None):
                fonts[slot] = "(theme)"
                break
    return fonts


class _Reader:
    def __init__(self, parts: dict[str, bytes]):
        self.parts = parts
        styles = parts.get("word/styles.xml")
        self.styles = _Styles(etree.fromstring(styles, _PARSER) if styles else None)
        self.counter = 0

    def ppr_chain(self, p) -> list:
        ppr = p.find(_q("pPr"))
        style_el = ppr.find(_q("pStyle")) if ppr is not None else None
        style_id = style_el.get(_q("val")) if style_el is not None else self.styles.default_para
        return [ppr, *self.styles.inherited_ppr(style_id)], style_id

    @staticmethod
    def _run_styles(rpr, para_style: str | None) -> tuple[str | None, str | None]:
        rstyle = rpr.find(_q("rStyle")) if rpr is not None else None
        return (rstyle.get(_q("val")) if rstyle is not None else None), para_style

    def paragraph(self, p, cell=None) -> Para:
        chain, style_id = self.ppr_chain(p)
        props = _merged(chain)
        jc = props.get(_q("jc"))
        ind = props.get(_q("ind"))
        spacing = [c.find(_SPACING) for c in chain if c is not None]
        spaced = {}
        for element in reversed(spacing):  # attributes merge, nearest last
            if element is not None:
                spaced.update(element.attrib)

        def spacing_attr(name: str) -> str | None:
            return spaced.get(_q(name))

        borders = props.get(_q("pBdr"))
        self.counter += 1
        para = Para(
            runs=self.runs(p, style_id),
            align={"both": "both", "center": "center", "right": "right", "end": "right",
                   "distribute": "both"}.get(jc.get(_q("val")) if jc is not None else "", "left"),
            first_line_twips=int(ind.get(_q("firstLine"), 0) or 0) - int(
                ind.get(_q("hanging"), 0) or 0) if ind is not None else 0,
            left_twips=int(ind.get(_q("left"), ind.get(_q("start"), 0)) or 0)
            if ind is not None else 0,
            right_twips=int(ind.get(_q("right"), ind.get(_q("end"), 0)) or 0)
            if ind is not None else 0,
            before_twips=int(spacing_attr("before") or 0),
            after_twips=int(spacing_attr("after") or 0),
            line=int(spacing_attr("line")) if spacing_attr("line") else None,
            line_rule=spacing_attr("lineRule") or "auto",
            style=style_id,
            border_top=borders is not None and borders.find(_q("top")) is not None,
            border_bottom=borders is not None and borders.find(_q("bottom")) is not None,
            index=self.counter, cell=cell,
            has_drawing=p.find(f".//{_q('drawing')}") is not None
            or p.find(f".//{_q('pict')}") is not None)
        return para

    def runs(self, p, para_style: str | None) -> list[TextRun]:
        out: list[TextRun] = []
        field_stack: list[str] = []
        in_result = False
        for r in p.iter(_R):
            direct = r.find(_RPR)
            styles = self._run_styles(direct, para_style)
            fonts = self.styles.inherited_fonts(*styles)
            props = self.styles.inherited_run_props(*styles)
            if direct is not None:
                fonts = {**fonts, **_font_slots([direct.find(_RFONTS)])}
                props = {**props, **{child.tag: child for child in direct}}
            size, vert, underline = props.get(_SZ), props.get(_VERT), props.get(_U)
            base = dict(
                bold=bool(_on(props.get(_B))),
                italic=bool(_on(props.get(_I))),
                underline=underline is not None and underline.get(_q("val"), "single") != "none",
                superscript=vert is not None and vert.get(_q("val")) == "superscript",
                size=int(size.get(_q("val"))) / 2 if size is not None else None,
                fonts=fonts)
            for child in r:
                tag = child.tag
                if tag == _q("fldChar"):
                    kind = child.get(_q("fldCharType"))
                    if kind == "begin":
                        field_stack.append("")
                        in_result = False
                    elif kind == "separate":
                        in_result = True
                    elif kind == "end" and field_stack:
                        field_stack.pop()
                        in_result = False
                elif tag == _q("instrText") and field_stack:
                    field_stack[-1] += child.text or ""
                elif tag == _q("t"):
                    instr = field_stack[-1].strip().split(" ")[0] if field_stack else None
                    if field_stack and not in_result:
                        continue
                    out.append(TextRun(child.text or "", field=instr, **base))
                elif tag in (_q("tab"),):
                    out.append(TextRun("\t", **base))
                elif tag in (_q("br"), _q("cr")):
                    out.append(TextRun("\n", **base))
                elif tag == _q("footnoteReference"):
                    out.append(TextRun("", footnote=int(child.get(_q("id"))), **base))
        for fld in p.iter(_q("fldSimple")):
            instr = (fld.get(_q("instr")) or "").strip().split(" ")[0]
            out.append(TextRun("".join(t.text or "" for t in fld.iter(_q("t"))), field=instr))
        return out

    def table(self, tbl, index: int) -> TableView:
        grid = [int(g.get(_q("w"), 0)) for g in tbl.iter(_q("gridCol"))]
        borders_el = tbl.find(f"{_q('tblPr')}/{_q('tblBorders')}")
        has_borders = borders_el is not None and any(
            b.get(_q("val")) not in (None, "nil", "none") for b in borders_el)
        rows = []
        for r_index, tr in enumerate(tbl.findall(_q("tr")), start=1):
            cells = []
            for c_index, tc in enumerate(tr.findall(_q("tc")), start=1):
                width = tc.find(f"{_q('tcPr')}/{_q('tcW')}")
                paras = [self.paragraph(p, (index, r_index, c_index))
                         for p in tc.iter(_q("p"))]
                cells.append(Cell(paras, int(width.get(_q("w"))) if width is not None
                                  and width.get(_q("w"), "").isdigit() else None))
            rows.append(cells)
        return TableView(rows, grid, has_borders, index)

    def header_part(self, r_id: str, rels: dict[str, str]) -> list[Para]:
        target = rels.get(r_id)
        if not target or f"word/{target}" not in self.parts:
            return []
        root = etree.fromstring(self.parts[f"word/{target}"], _PARSER)
        return [self.paragraph(p) for p in root.iter(_q("p"))]

    def section(self, sect, rels: dict[str, str]) -> Section:
        size = sect.find(_q("pgSz"))
        margins = sect.find(_q("pgMar"))
        start = sect.find(_q("pgNumType"))
        r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        headers = {ref.get(_q("type"), "default"): self.header_part(ref.get(r_id), rels)
                   for ref in sect.findall(_q("headerReference"))}
        footers = {ref.get(_q("type"), "default"): self.header_part(ref.get(r_id), rels)
                   for ref in sect.findall(_q("footerReference"))}
        return Section(
            page_width=int(size.get(_q("w"), 0)) if size is not None else 0,
            page_height=int(size.get(_q("h"), 0)) if size is not None else 0,
            margins={k: int(margins.get(_q(k), 0)) for k in ("top", "bottom", "left", "right")}
            if margins is not None else {},
            title_page=_on(sect.find(_q("titlePg"))) is True,
            page_start=int(start.get(_q("start"))) if start is not None and start.get(
                _q("start")) else None,
            headers=headers,
            orientation=size.get(_q("orient"), "portrait") if size is not None else "portrait",
            footers=footers)


def _rels(parts: dict[str, bytes], name: str) -> dict[str, str]:
    data = parts.get(name)
    if not data:
        return {}
    root = etree.fromstring(data, _PARSER)
    return {rel.get("Id"): rel.get("Target", "").lstrip("/").removeprefix("word/")
            for rel in root}


def read_docx(source: bytes | str | Path) -> DocxView:
    """Open a DOCX; raises ValueError when the file is not a readable DOCX."""
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {i.filename: archive.read(i) for i in archive.infolist()
                     if i.filename.endswith((".xml", ".rels"))}
        document = etree.fromstring(parts["word/document.xml"], _PARSER)
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ValueError(f"not a readable DOCX file: {exc}") from None
    reader = _Reader(parts)
    rels = _rels(parts, "word/_rels/document.xml.rels")
    body = document.find(_q("body"))
    blocks: list[Para | TableView] = []
    sections: list[Section] = []
    tables = 0
    for child in body if body is not None else []:
        if child.tag == _q("p"):
            blocks.append(reader.paragraph(child))
            inner = child.find(f"{_q('pPr')}/{_q('sectPr')}")
            if inner is not None:
                sections.append(reader.section(inner, rels))
        elif child.tag == _q("tbl"):
            tables += 1
            blocks.append(reader.table(child, tables))
        elif child.tag == _q("sectPr"):
            sections.append(reader.section(child, rels))
    footnotes: dict[int, list[Para]] = {}
    if "word/footnotes.xml" in parts:
        root = etree.fromstring(parts["word/footnotes.xml"], _PARSER)
        for note in root.iter(_q("footnote")):
            if note.get(_q("type")) in ("separator", "continuationSeparator",
                                         "continuationNotice"):
                continue
            footnotes[int(note.get(_q("id")))] = [reader.paragraph(p) for p in note.iter(_q("p"))]
    defaults = reader.styles.default_rpr
    default_fonts: dict[str, str] = {}
    default_size = None
    if defaults is not None:
        fonts = defaults.find(_q("rFonts"))
        if fonts is not None:
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                value = fonts.get(_q(slot))
                if value is None and (fonts.get(_q(slot + "Theme")) is not None
                                      or (slot == "cs" and fonts.get(_q("cstheme")))):
                    value = "(theme)"
                if value:
                    default_fonts[slot] = value
        size = defaults.find(_q("sz"))
        default_size = int(size.get(_q("val"))) / 2 if size is not None else None
    core: dict[str, str] = {}
    if "docProps/core.xml" in parts:
        for element in etree.fromstring(parts["docProps/core.xml"], _PARSER):
            core[etree.QName(element).localname] = element.text or ""
    return DocxView(blocks, sections, footnotes, default_fonts, default_size, core)
