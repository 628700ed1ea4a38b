"""Fixes of the page as a whole: paper and margins per section, fonts in styles, defaults
and runs, page numbers in the header, appendices numbered from 1."""

from __future__ import annotations

from lxml import etree

from ..check.common import squash
from ..check.page_rules import SIDE_NAMES, _margin_problems, _page_fields
from ..inspect.model import q
from .edit import SECT_ORDER, replace_text, set_child, set_run_format
from ..i18n import _

__all__ = ["page_size", "margins", "fonts", "page_numbers", "appendix_page_numbers",
           "appendix_heading"]

FONT = "Times New Roman"
_PORTRAIT = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}  # 20/20/30/15 mm
_LANDSCAPE = {"top": 1701, "bottom": 850, "left": 1134, "right": 1134}  # turned: binding on top
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADER_TYPE = f"{_R}/header"
_HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


def _name(ctx, number: int) -> str:
    from ..check.page_rules import _section_name

    return _section_name(ctx.parts, number)


def page_size(ctx) -> None:
    for number, section in enumerate(ctx.parts.view.sections, start=1):
        width, height = sorted((section.page_width, section.page_height))
        if abs(width - 11906) <= 30 and abs(height - 16838) <= 30:
            continue
        size = set_child(section.element, q("pgSz"), SECT_ORDER)
        wide = section.landscape
        size.set(q("w"), "16838" if wide else "11906")
        size.set(q("h"), "11906" if wide else "16838")
        ctx.changes.append(_change(ctx, _name(ctx, number), _(
            "paper set to A4")))


def margins(ctx) -> None:
    for number, section in enumerate(ctx.parts.view.sections, start=1):
        if not _margin_problems(section):
            continue
        values = _LANDSCAPE if section.landscape else _PORTRAIT
        margin = set_child(section.element, q("pgMar"), SECT_ORDER)
        for side, twips in values.items():
            margin.set(q(side), str(twips))
        shown = ", ".join(f"{_(SIDE_NAMES[side])} {twips * 25.4 / 1440:.0f}"
                          for side, twips in values.items())
        ctx.changes.append(_change(ctx, _name(ctx, number), _(
            "margins set to {shown} mm").format(shown=shown)))


def _change(ctx, where: str, what: str):
    from .fixers import Change

    return Change(ctx.rule, where, what)


def fonts(ctx) -> None:
    """Times New Roman in every slot of the defaults, of every style and of every run that
    names a font; theme references removed (they would win over a named font)."""
    from ..check.page_rules import _LEGACY_FONTS

    changed = 0
    for name, root in ctx.trees.items():
        if root is None or not name.startswith("word/") or not name.endswith(".xml"):
            continue
        for element in root.iter(q("rFonts")):
            named = [element.get(q(s)) for s in ("ascii", "hAnsi", "eastAsia", "cs")]
            if any(n and _LEGACY_FONTS.match(n) for n in named):
                continue  # TCVN3/VNI text must be converted, not relabelled: a person's work
            themed = any(element.get(q(t)) is not None for t in (
                "asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))
            if themed or any(n not in (None, FONT) for n in named):
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    element.set(q(slot), FONT)
                for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                    element.attrib.pop(q(theme), None)
                changed += 1
    styles = ctx.trees.get("word/styles.xml")
    if styles is not None:
        defaults = styles.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        if defaults is not None and defaults.find(q("rFonts")) is None:
            fonts_el = etree.Element(q("rFonts"))
            defaults.insert(0, fonts_el)
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts_el.set(q(slot), FONT)
            changed += 1
    if changed:
        ctx.changes.append(_change(ctx, _("styles, defaults and runs"),
                                   _("Times New Roman in every font slot ({changed} "
                                     "places)").format(changed=changed)))


def page_numbers(ctx) -> None:
    """A PAGE field centred in the header of the main text, 13 pt, none on page 1."""
    section = ctx.parts.view.sections[0]
    default = section.headers.get("default", [])
    fields = _page_fields(default)
    if fields:
        for para in default:
            if _page_fields([para]):
                from .edit import set_paragraph

                set_paragraph(para.element, align="center")
                for run in para.runs:
                    if run.element is not None:
                        set_run_format(run.element, size=13)
        ctx.changes.append(_change(ctx, _("header of the main text"),
                                   _("page number centred, 13 pt")))
    else:
        _add_header(ctx, section, "default", _PAGE_HEADER)
        ctx.changes.append(_change(ctx, _("header of the main text"),
                                   _("page number added: a PAGE field centred at the "
                                     "top, 13 pt")))
    if not section.title_page or _page_fields(section.headers.get("first", [])):
        set_child(section.element, q("titlePg"), SECT_ORDER).attrib.pop(q("val"), None)
        _add_header(ctx, section, "first", _EMPTY_HEADER)
        ctx.changes.append(_change(ctx, _("header of the main text"),
                                   _("page 1 shows no number (different first page)")))


_HEADER_OPEN = (f'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
                f' xmlns:r="{_R}">')
_PAGE_HEADER = (_HEADER_OPEN + '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
                '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
                'w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/>'
                '<w:szCs w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:instrText xml:space="preserve"> PAGE '
                '</w:instrText></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr>'
                '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="26"/>'
                '</w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr>'
                '<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>')
_EMPTY_HEADER = _HEADER_OPEN + "<w:p/></w:hdr>"


def _add_header(ctx, section, kind: str, xml: str) -> None:
    """A new header part, its relationship and content type, referenced by the section
    (replacing a reference of the same kind)."""
    package = ctx.package
    number = 1
    while f"word/header{number}.xml" in package or f"word/header{number}.xml" in ctx.trees:
        number += 1
    name = f"header{number}.xml"
    ctx.trees[f"word/{name}"] = etree.fromstring(xml.encode())
    rels_name = "word/_rels/document.xml.rels"
    rels = ctx.trees.get(rels_name)
    if rels is None:
        rels = etree.fromstring(package[rels_name])
        ctx.trees[rels_name] = rels
    used = {rel.get("Id") for rel in rels}
    r_id = next(f"rId{n}" for n in range(1, 10_000) if f"rId{n}" not in used)
    relation = etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/"
                                "relationships}Relationship")
    relation.set("Id", r_id)
    relation.set("Type", _HEADER_TYPE)
    relation.set("Target", name)
    types = ctx.trees.get("[Content_Types].xml")
    if types is None:
        types = etree.fromstring(package["[Content_Types].xml"])
        ctx.trees["[Content_Types].xml"] = types
    override = etree.SubElement(types, "{http://schemas.openxmlformats.org/package/2006/"
                                "content-types}Override")
    override.set("PartName", f"/word/{name}")
    override.set("ContentType", _HEADER_CT)
    for ref in section.element.findall(q("headerReference")):
        if ref.get(q("type"), "default") == kind:
            section.element.remove(ref)
    reference = etree.Element(q("headerReference"))
    reference.set(q("type"), kind)
    reference.set(f"{{{_R}}}id", r_id)
    section.element.insert(0, reference)


def appendix_page_numbers(ctx) -> None:
    sections = ctx.parts.view.sections
    for appendix in ctx.parts.appendices:
        number = appendix.heading.section
        if number == 1 or number > len(sections):
            continue  # the appendix shares the text's section: a person inserts the break
        section = sections[number - 1]
        if section.page_start != 1:
            set_child(section.element, q("pgNumType"), SECT_ORDER).set(q("start"), "1")
            ctx.changes.append(_change(ctx, f"appendix {appendix.number}",
                                       _("its pages are numbered from 1")))


def appendix_heading(ctx) -> None:
    for appendix in ctx.parts.appendices:
        para = appendix.heading
        if squash(para.text).startswith("PHỤ LỤC") and replace_text(
                para.element, "PHỤ LỤC", "Phụ lục"):
            ctx.changes.append(_change(ctx, f"appendix {appendix.number}, heading",
                                       "«PHỤ LỤC» → «Phụ lục»"))
        if not all(r.bold for r in para.runs if r.text.strip()):
            for run in para.runs:
                if run.element is not None and run.text.strip():
                    set_run_format(run.element, bold=True)
            ctx.changes.append(_change(ctx, f"appendix {appendix.number}, heading", "bold"))
