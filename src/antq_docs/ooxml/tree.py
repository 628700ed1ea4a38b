"""Parsing, building and serialising OOXML parts with lxml.

A part comes from a document anyone may have sent, so it is parsed without entities, the
network or lxml's huge-tree mode. An element added to a property element goes where the
schema orders it (`set_child`).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

__all__ = [
    "Element",
    "XMLSyntaxError",
    "parse",
    "serialise",
    "serialise_part",
    "to_text",
    "new_element",
    "sub_element",
    "local_name",
    "set_child",
]

Element = etree._Element  # the type of a parsed element, for annotations
XMLSyntaxError = etree.XMLSyntaxError

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def parse(data: bytes | str) -> Element:
    """The root element of a part's XML; XMLSyntaxError when it is not well formed."""
    return etree.fromstring(data.encode() if isinstance(data, str) else data, _PARSER)


def serialise(element: Element) -> bytes:
    """The element's XML, without a declaration: to compare a part before and after."""
    return etree.tostring(element)


def serialise_part(root: Element) -> bytes:
    """A whole part as it is stored in a package: UTF-8 with a standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def to_text(element: Element) -> str:
    """The element's XML as a string, to splice text into before parsing it again."""
    return etree.tostring(element, encoding="unicode")


def new_element(tag: str) -> Element:
    return etree.Element(tag)


def sub_element(parent: Element, tag: str, attributes: dict[str, str]) -> Element:
    """A new last child of `parent` with these attributes, set in this order."""
    child = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        child.set(name, value)
    return child


def local_name(element: Element) -> str:
    """ "{namespace}Pages" -> "Pages"."""
    return etree.QName(element).localname


def set_child(parent: Element, tag: str, order: Sequence[str]) -> Element:
    """The child `tag` of `parent`, created at its place in the schema order if missing."""
    found = parent.find(tag)
    if found is not None:
        return found
    child = etree.Element(tag)
    rank = order.index(tag) if tag in order else len(order)
    for index, existing in enumerate(parent):
        if existing.tag in order and order.index(existing.tag) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child
