"""Reproducible .docx packaging, stamped with the fingerprint that tells antq's output from
a hand edit (fingerprint.py).

python-docx stamps every zip entry with the current time and picks the entry order from
its part graph; here the entries are rewritten in a fixed order with a fixed timestamp and
fixed attributes, so identical input gives byte-identical files on any machine.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile

from ...fingerprint import CUSTOM_PART as _CUSTOM_PART
from ...fingerprint import custom_properties, fingerprint
from ...ooxml.names import CT_CUSTOM_PROPERTIES, EXTENDED_PROPERTIES_NS, RT_CUSTOM_PROPERTIES, q
from . import oxml

__all__ = ["base_package", "package_entries", "finished_entries", "zip_package"]

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
# Parts of python-docx's default template that a plan never uses.
_UNUSED_RELS = ("stylesWithEffects", "webSettings", "customXml", "numbering", "thumbnail")


@functools.cache
def base_package() -> bytes:
    """The starting package, made in code once per process: minimal styles, no extras."""
    from docx import Document

    docx = Document()
    for rels in (docx.part.rels, docx.part.package.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in _UNUSED_RELS:
                del rels[r_id]
    from docx.oxml import parse_xml

    from ...ooxml.python_docx import replace_styles

    replace_styles(docx, parse_xml(oxml.styles_part()))
    settings = docx.settings.element
    for rsids in settings.findall(q("rsids")):
        settings.remove(rsids)
    body = docx.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


class _Entries:
    """Stands where python-docx expects a zip writer and keeps the parts instead: zipping
    them once, in zip_package, instead of zipping, unzipping and zipping again."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.entries[pack_uri.membername] = blob


def package_entries(docx) -> dict[str, bytes]:
    """The parts of a python-docx document, by zip name, as `Document.save` would write
    them (the same steps as docx.opc.package.OpcPackage.save)."""
    from ...ooxml.python_docx import write_package_parts

    sink = _Entries()
    write_package_parts(docx, sink)
    return sink.entries


def _app_properties() -> bytes:
    """docProps/app.xml naming antq, with no page or word counts: python-docx's template
    claims one page of a Mac Word document, which a reader of the file would believe."""
    from ...version import __version__

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{EXTENDED_PROPERTIES_NS}">'
        f"<Application>antq {__version__}</Application></Properties>"
    ).encode()


def finished_entries(entries: dict[str, bytes]) -> dict[str, bytes]:
    """The parts as they go into the zip: antq's properties and the fingerprint added."""
    entries = dict(entries)
    if "docProps/app.xml" in entries:
        entries["docProps/app.xml"] = _app_properties()
    entries[_CUSTOM_PART] = custom_properties(fingerprint(entries))
    types = entries["[Content_Types].xml"].decode("utf-8")
    if _CUSTOM_PART not in types:
        types = types.replace(
            "</Types>",
            f'<Override PartName="/{_CUSTOM_PART}" ContentType="{CT_CUSTOM_PROPERTIES}"/></Types>',
        )
    entries["[Content_Types].xml"] = types.encode("utf-8")
    rels = entries["_rels/.rels"].decode("utf-8")
    if _CUSTOM_PART not in rels:
        used = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
        new_id = f"rId{max(used, default=0) + 1}"
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="{new_id}" '
            f'Type="{RT_CUSTOM_PROPERTIES}" Target="{_CUSTOM_PART}"/>'
            "</Relationships>",
        )
    entries["_rels/.rels"] = rels.encode("utf-8")
    return entries


def zip_package(entries: dict[str, bytes]) -> bytes:
    """The zip of finished parts, reproducibly: fixed order, time and attributes."""
    order = [n for n in _FIRST if n in entries] + sorted(n for n in entries if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same on Windows and Linux
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
