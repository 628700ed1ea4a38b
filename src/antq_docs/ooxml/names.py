"""Namespaces of WordprocessingML and of the package around it, and their qualified names.

lxml names an element or attribute in Clark notation, "{namespace}local"; `q("p")` is a
WordprocessingML name, `qn("wp:anchor")` one of any namespace below by its usual prefix.
"""

from __future__ import annotations

import functools

__all__ = [
    "W_NS",
    "R_NS",
    "A_NS",
    "WP_NS",
    "PIC_NS",
    "MC_NS",
    "V_NS",
    "O_NS",
    "XML_NS",
    "PKG_RELS_NS",
    "CONTENT_TYPES_NS",
    "CUSTOM_PROPERTIES_NS",
    "EXTENDED_PROPERTIES_NS",
    "VT_NS",
    "PREFIXES",
    "RT_HEADER",
    "RT_CUSTOM_PROPERTIES",
    "CT_HEADER",
    "CT_CUSTOM_PROPERTIES",
    "XML_SPACE",
    "FMTID_USER_DEFINED",
    "q",
    "qn",
    "clark_prefix",
]

# ECMA-376 Part 1 (document markup) and Part 2 (Open Packaging Conventions).
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CUSTOM_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
EXTENDED_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# VML, which older Word writes and the mc:Fallback branch of a drawing still uses.
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
XML_NS = "http://www.w3.org/XML/1998/namespace"

PREFIXES = {
    "w": W_NS,
    "r": R_NS,
    "a": A_NS,
    "wp": WP_NS,
    "pic": PIC_NS,
    "mc": MC_NS,
    "v": V_NS,
    "o": O_NS,
    "xml": XML_NS,
    "vt": VT_NS,
}

# Relationship and content types of the parts antq adds to a package.
RT_HEADER = f"{R_NS}/header"
RT_CUSTOM_PROPERTIES = f"{R_NS}/custom-properties"
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CT_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
# The property set every custom document property belongs to (MS-OSHARED §2.3.3.2.2).
FMTID_USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

XML_SPACE = f"{{{XML_NS}}}space"  # xml:space="preserve" keeps a w:t's edge spaces


def clark_prefix(namespace: str) -> str:
    """ "{namespace}", to put before local names (and in find paths)."""
    return f"{{{namespace}}}"


_W = clark_prefix(W_NS)


@functools.cache
def q(name: str) -> str:
    """ "p" -> "{…wordprocessingml…}p"."""
    return _W + name


@functools.cache
def qn(prefixed: str) -> str:
    """ "wp:anchor" -> "{…wordprocessingDrawing}anchor"."""
    prefix, local = prefixed.split(":")
    return clark_prefix(PREFIXES[prefix]) + local
