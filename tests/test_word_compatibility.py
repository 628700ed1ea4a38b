"""Structure Word insists on (LibreOffice is lenient): schema order of property elements,
resolvable relationships, content types for every part, footnotes that exist."""

from __future__ import annotations

import io
import posixpath
import zipfile

import pytest
from lxml import etree

from antq_docs.render import render_file

from .helpers import EXAMPLES, FIXTURES, ooxml_errors

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Child order required by the WordprocessingML schema (ECMA-376 Part 1, §17), for the
# elements antq writes.
ORDER = {
    "pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ],
    "rPr": [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ],
    "tblPr": [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
    ],
    "tcPr": [
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
    ],
    "sectPr": [
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
    ],
    "tblBorders": ["top", "left", "start", "bottom", "right", "end", "insideH", "insideV"],
}
PLANS = EXAMPLES + [FIXTURES / "with-appendix.yaml"]


@pytest.fixture(scope="module", params=PLANS, ids=[p.stem for p in PLANS])
def package(request):
    data = render_file(request.param).docx
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _check_order(root, name: str) -> None:
    for container in root.iter(W + name):
        if container.getparent() is not None and container.getparent().tag == W + "rPrChange":
            continue
        tags = [etree.QName(c).localname for c in container]
        positions = [ORDER[name].index(t) for t in tags]
        assert positions == sorted(positions), f"<w:{name}> children out of order: {tags}"


def test_property_elements_follow_schema_order(package):
    for part, data in package.items():
        if part.startswith("word/") and part.endswith(".xml"):
            root = etree.fromstring(data)
            for name in ORDER:
                _check_order(root, name)


def test_every_relationship_target_exists_and_every_part_has_a_content_type(package):
    types = etree.fromstring(package["[Content_Types].xml"])
    defaults = {e.get("Extension") for e in types if e.tag.endswith("Default")}
    overrides = {e.get("PartName") for e in types if e.tag.endswith("Override")}
    for part in package:
        if part.endswith(".rels") or part == "[Content_Types].xml":
            continue
        assert "/" + part in overrides or part.rsplit(".", 1)[-1] in defaults, part
    for rels_name, data in package.items():
        if not rels_name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(rels_name))
        for rel in etree.fromstring(data):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(base, rel.get("Target"))).lstrip("/")
            assert target in package, f"{rels_name}: {rel.get('Target')} is missing"


def test_body_ids_are_consistent(package):
    document = etree.fromstring(package["word/document.xml"])
    refs = [int(r.get(W + "id")) for r in document.iter(W + "footnoteReference")]
    if refs:
        notes = etree.fromstring(package["word/footnotes.xml"])
        ids = {int(n.get(W + "id")) for n in notes.iter(W + "footnote")}
        assert set(refs) <= ids and {-1, 0} <= ids
    for cell in document.iter(W + "tc"):
        assert cell[-1].tag == W + "p", "a table cell must end with a paragraph"
    body = document.find(W + "body")
    assert body[-1].tag == W + "sectPr"


def test_every_example_passes_openxml_audit(rendered, tmp_path):
    """ECMA-376 schemas and Office's semantic rules, as openxml-audit applies them."""
    for name, result in rendered.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(result.docx)
        assert ooxml_errors(path) == [], name
