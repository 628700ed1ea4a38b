"""Fixes of the page as a whole: paper and margins per section, fonts in styles, defaults
and runs, page numbers in the header, appendices numbered from 1. Where the decree allows a
range, a fixer sets the low end of it (nd30): the margins antq writes on a portrait page,
13 pt page numbers."""

from __future__ import annotations

from typing import Any

from .. import nd30
from ..check import page_rules as checks
from ..check.common import size_of, squash
from ..check.findings import Hit
from ..check.page_rules import A4_TWIPS, SIDE_NAMES, is_legacy_font, page_fields
from ..inspect.model import Section, q
from ..ooxml.names import (
    CONTENT_TYPES_NS,
    CT_HEADER,
    PKG_RELS_NS,
    R_NS,
    RT_HEADER,
    W_NS,
    clark_prefix,
)
from ..ooxml.tree import new_element, parse, sub_element
from ..ooxml.units import half_points, mm_from_twips, twips_from_mm
from .context import FixContext, fixes
from .edit import (
    SECT_ORDER,
    drop_attributes,
    replace_text,
    set_child,
    set_paragraph,
    set_run_format,
)
from .page_header import insert_paragraph, shows_something, without_page_fields
from ..i18n import _

__all__ = [
    "page_size",
    "margins",
    "fonts",
    "page_numbers",
    "appendix_page_numbers",
    "appendix_heading",
]

FONT = nd30.FONT
_PAGE_NUMBER_PT = nd30.PAGE_NUMBER.size.low


@fixes(checks.page_size)
def page_size(ctx: FixContext, hits: list[Hit]) -> None:
    """Each hit names a section by its number."""
    short, long = (str(twips) for twips in A4_TWIPS)
    for hit in hits:
        section = ctx.parts.view.sections[hit.data - 1]
        size = set_child(section.element, q("pgSz"), SECT_ORDER)
        wide = section.landscape
        size.set(q("w"), long if wide else short)
        size.set(q("h"), short if wide else long)
        ctx.noted(hit.where, _("paper set to A4"))


@fixes(checks.margins)
def margins(ctx: FixContext, hits: list[Hit]) -> None:
    """Each hit names a section by its number; a landscape one is set as it is bound."""
    for hit in hits:
        section = ctx.parts.view.sections[hit.data - 1]
        ranges = nd30.LANDSCAPE_MARGINS if section.landscape else nd30.MARGINS
        values = {side: twips_from_mm(allowed.low) for side, allowed in ranges.items()}
        margin = set_child(section.element, q("pgMar"), SECT_ORDER)
        for side, twips in values.items():
            margin.set(q(side), str(twips))
        shown = ", ".join(
            f"{_(SIDE_NAMES[side])} {mm_from_twips(twips):.0f}" for side, twips in values.items()
        )
        ctx.noted(hit.where, _("margins set to {shown} mm").format(shown=shown))


@fixes(checks.fonts)
def fonts(ctx: FixContext, hits: list[Hit]) -> None:
    """Times New Roman in every slot of the defaults, of every style and of every run that
    names a font; theme references removed (they would win over a named font)."""
    changed = 0
    for name, root in ctx.trees.items():
        if root is None or not name.startswith("word/") or not name.endswith(".xml"):
            continue
        for element in root.iter(q("rFonts")):
            named = [element.get(q(s)) for s in ("ascii", "hAnsi", "eastAsia", "cs")]
            if any(n and is_legacy_font(n) for n in named):
                continue  # TCVN3/VNI text must be converted, not relabelled: a person's work
            themed = any(
                element.get(q(t)) is not None
                for t in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
            )
            if themed or any(n not in (None, FONT) for n in named):
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    element.set(q(slot), FONT)
                drop_attributes(
                    element,
                    *(q(t) for t in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")),
                )
                changed += 1
    styles = ctx.trees.get("word/styles.xml")
    if styles is not None:
        defaults = styles.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        if defaults is not None and defaults.find(q("rFonts")) is None:
            fonts_el = new_element(q("rFonts"))
            defaults.insert(0, fonts_el)
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts_el.set(q(slot), FONT)
            changed += 1
    if changed:
        ctx.noted(
            _("styles, defaults and runs"),
            _("Times New Roman in every font slot ({changed} places)").format(changed=changed),
        )


@fixes(checks.page_numbers)
def page_numbers(ctx: FixContext, hits: list[Hit]) -> None:
    """A PAGE field centred in the header of the main text, 13 pt, none on page 1."""
    section = ctx.parts.view.sections[0]
    if section.element is None:
        return
    default = section.headers.get("default", [])
    fields = page_fields(default)
    # page 1 keeps what its header showed (a «Dự thảo» line), without the number: copied
    # before the number is added to the header of the other pages
    first_page = section.headers.get("first" if section.title_page else "default", [])
    first_copy = without_page_fields(first_page, ctx.trees) if shows_something(first_page) else None
    if fields:
        wrong = [
            para
            for para in default
            if page_fields([para])
            and (
                not checks.centred(para, section)
                or not all(
                    nd30.PAGE_NUMBER.size.fits(size_of(ctx.parts, r)) for r in page_fields([para])
                )
            )
        ]
        for para in wrong:
            set_paragraph(para.element, align="center")
            for run in para.runs:
                if run.element is not None:
                    set_run_format(run.element, size=_PAGE_NUMBER_PT)
        if wrong:  # the hit may be page 1's number alone
            ctx.noted(_("header of the main text"), _("page number centred, 13 pt"))
    elif shows_something(default) and insert_paragraph(default, _PAGE_HEADER):
        ctx.noted(
            _("header of the main text"),
            _(
                "page number added above the header's own text: a PAGE field centred "
                "at the top, 13 pt"
            ),
        )
    else:
        _add_header(ctx, section, "default", _PAGE_HEADER)
        ctx.noted(
            _("header of the main text"),
            _("page number added: a PAGE field centred at the top, 13 pt"),
        )
    if not section.title_page or page_fields(section.headers.get("first", [])):
        drop_attributes(set_child(section.element, q("titlePg"), SECT_ORDER), q("val"))
        if first_copy is None:
            _add_header(ctx, section, "first", _EMPTY_HEADER)
        else:
            _add_header(ctx, section, "first", first_copy[0], rels_from=first_copy[1])
        ctx.noted(_("header of the main text"), _("page 1 shows no number (different first page)"))


_HEADER_OPEN = f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
_SZ = half_points(_PAGE_NUMBER_PT)
_PAGE_HEADER = (
    _HEADER_OPEN + '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    f'<w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" '
    f'w:eastAsia="{FONT}" w:cs="{FONT}"/><w:sz w:val="{_SZ}"/>'
    f'<w:szCs w:val="{_SZ}"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    f'<w:r><w:rPr><w:sz w:val="{_SZ}"/></w:rPr><w:instrText xml:space="preserve">'
    f' PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="{_SZ}"/></w:rPr>'
    f'<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="{_SZ}"/>'
    f'</w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="{_SZ}"/></w:rPr>'
    '<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>'
)
_EMPTY_HEADER = _HEADER_OPEN + "<w:p/></w:hdr>"


def _add_header(
    ctx: FixContext, section: Section, kind: str, xml: str | Any, rels_from: str | None = None
) -> None:
    """A new header part (XML text or a parsed w:hdr), its relationship and content type,
    referenced by the section (replacing a reference of the same kind). `rels_from`: the
    part a copied header came from, whose own relationships (pictures) it keeps."""
    package = ctx.package
    number = 1
    while f"word/header{number}.xml" in package or f"word/header{number}.xml" in ctx.trees:
        number += 1
    name = f"header{number}.xml"
    ctx.trees[f"word/{name}"] = parse(xml) if isinstance(xml, str) else xml
    own_rels = f"word/_rels/{rels_from.rsplit('/', 1)[-1]}.rels" if rels_from else ""
    if package.get(own_rels):
        ctx.trees[f"word/_rels/{name}.rels"] = parse(package[own_rels])
    rels_name = "word/_rels/document.xml.rels"
    rels = ctx.trees.get(rels_name)
    if rels is None:  # a package may have none yet: the header's is the first
        rels = parse(package.get(rels_name) or f'<Relationships xmlns="{PKG_RELS_NS}"/>')
        ctx.trees[rels_name] = rels
    used = {rel.get("Id") for rel in rels}
    r_id = next(f"rId{n}" for n in range(1, 10_000) if f"rId{n}" not in used)
    sub_element(
        rels,
        f"{clark_prefix(PKG_RELS_NS)}Relationship",
        {"Id": r_id, "Type": RT_HEADER, "Target": name},
    )
    types = ctx.trees.get("[Content_Types].xml")
    if types is None:
        types = parse(package["[Content_Types].xml"])
        ctx.trees["[Content_Types].xml"] = types
    sub_element(
        types,
        f"{clark_prefix(CONTENT_TYPES_NS)}Override",
        {"PartName": f"/word/{name}", "ContentType": CT_HEADER},
    )
    sect = section.element
    if sect is None:
        return
    for ref in sect.findall(q("headerReference")):
        if ref.get(q("type"), "default") == kind:
            sect.remove(ref)
    reference = new_element(q("headerReference"))
    reference.set(q("type"), kind)
    reference.set(f"{clark_prefix(R_NS)}id", r_id)
    sect.insert(0, reference)


@fixes(checks.appendix_page_numbers)
def appendix_page_numbers(ctx: FixContext, hits: list[Hit]) -> None:
    """Each hit carries its appendix."""
    sections = ctx.parts.view.sections
    for appendix in (hit.data for hit in hits):
        number = appendix.heading.section
        if number == 1 or number > len(sections):
            continue  # the appendix shares the text's section: a person inserts the break
        section = sections[number - 1]
        if section.page_start != 1:
            set_child(section.element, q("pgNumType"), SECT_ORDER).set(q("start"), "1")
            ctx.noted(
                _("appendix {number}").format(number=appendix.number),
                _("its pages are numbered from 1"),
            )


@fixes(checks.appendix_heading)
def appendix_heading(ctx: FixContext, hits: list[Hit]) -> None:
    """Each hit carries its appendix."""
    for appendix in (hit.data for hit in hits):
        para = appendix.heading
        if squash(para.text).startswith("PHỤ LỤC") and replace_text(
            para.element, "PHỤ LỤC", "Phụ lục"
        ):
            ctx.noted(
                _("appendix {number}, heading").format(number=appendix.number),
                "«PHỤ LỤC» → «Phụ lục»",
            )
        if not all(r.bold for r in para.runs if r.text.strip()):
            for run in para.runs:
                if run.element is not None and run.text.strip():
                    set_run_format(run.element, bold=True)
            heading = _("appendix {number}, heading").format(number=appendix.number)
            ctx.noted(heading, _("bold"))
