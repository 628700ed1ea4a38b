"""The python-docx internals the DOCX writer needs, each behind a name that says what for.

python-docx builds a document through its API objects but offers no public way to reach
some of the XML under them; antq writes that XML itself (see write/docx/oxml.py), so these
few accesses are gathered here, where an upgrade of python-docx is checked in one place.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "section_properties",
    "header_element",
    "replace_document_element",
    "replace_styles",
    "write_package_parts",
]


def section_properties(section: Any) -> Any:
    """A section's w:sectPr: `Section` exposes page size and margins, not its children
    (antq restarts page numbering with a w:pgNumType)."""
    return section._sectPr


def header_element(header: Any) -> Any:
    """A header's w:hdr: `_Header` adds paragraphs through the API only, and antq puts in
    its own PAGE-field paragraph."""
    return header._element


def replace_document_element(docx: Any, element: Any) -> None:
    """Swap the main part's whole XML tree: python-docx has no setter for it, and antq
    parses the body it wrote as text in one go (write/docx/writer.py, _Blocks)."""
    docx.part._element = element


def replace_styles(docx: Any, element: Any) -> None:
    """Swap the styles part's XML for antq's own: `Document.styles` edits style by style,
    and python-docx's default styles are not ND30's."""
    docx.part._styles_part._element = element


def write_package_parts(docx: Any, sink: Any) -> None:
    """Write every part of the document, as `Document.save` would, to `sink` (an object
    with `write(pack_uri, blob)`): python-docx saves only to a zip, and antq zips the parts
    itself, reproducibly (the same steps as docx.opc.package.OpcPackage.save)."""
    from docx.opc.pkgwriter import PackageWriter

    package = docx.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    PackageWriter._write_content_types_stream(sink, parts)
    PackageWriter._write_pkg_rels(sink, package.rels)
    PackageWriter._write_parts(sink, parts)
