"""Mutations inside one XML part of a package: elements deleted, duplicated, swapped or
moved; attributes set to huge, negative or garbage numbers; text made hostile; elements
nested thousands deep; the bytes of the part re-encoded or broken. Each returns what it did
(for the replay line), or None when the part offers nothing to mutate."""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable

from lxml import etree

from .raw_zip import Entry

__all__ = ["XML_MUTATIONS", "mutate_xml", "xml_parts"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
NUMBERS = [
    "9" * 400,
    "9" * 5000,
    "-1",
    "-2147483649",
    "4294967296",
    "0",
    "-0",
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "0x7fffffff",
    "12.5pt",
    "99999999999in",
    "-3cm",
    "1,5",
    "١٢",
    "",
    " ",
    "240.0000000000000000000001",
]
GARBAGE = [
    "\u202egnp.exe",
    "\x1b[2J",
    "x" * 100_000,
    "&#1;",
    "{{ year }}",
    "rId999999",
    "../../../etc/passwd",
    "true",
    "none",
    "Cao Bằng",
    "e\u0301\u0301\u0301",
    "\ud7ff\ue000\ufffd",
    "T/M. ỦY BAN NHÂN DÂN",
]
TEXTS = [
    "",
    "\u202e\u2066Nơi nhận:\u2069",
    "KẾ HOẠCH",
    "Nơi nhận:",
    "- Lưu: VT, PV05.",
    "Căn cứ " * 5000,
    "Số: 12/KH-UBND",
    "\t" * 1000,
    "I." * 3000,
    "x" * 200_000,
    "ngày 31 tháng 02 năm 2026",
    "😀" * 1000,
]
_WRAPPERS = [
    ("w:sdt", "w:sdtContent"),
    ("w:hyperlink",),
    ("w:ins",),
    ("w:smartTag",),
    ("w:customXml",),
    ("w:tbl", "w:tr", "w:tc"),
    ("w:p",),
    ("w:r",),
]
_DEPTHS = [40, 120, 250, 300, 1_000, 20_000]
_MARK = "antq-mutation-mark"
_PLACEHOLDER = "antq-mutation-placeholder"


def xml_parts(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.name.endswith((".xml", ".rels")) and e.data[:200].strip()]


def _pick_part(rng: random.Random, entries: list[Entry]) -> Entry | None:
    parts = xml_parts(entries)
    if not parts:
        return None
    document = [e for e in parts if e.name == "word/document.xml"]
    return document[0] if document and rng.random() < 0.5 else rng.choice(parts)


def _tree(entry: Entry):
    try:
        return etree.fromstring(entry.data, _PARSER)
    except etree.XMLSyntaxError:
        return None


def _elements(root) -> list:
    return [e for e in root.iter() if isinstance(e.tag, str) and e is not root]


def _save(entry: Entry, root, raw: str | None = None) -> None:
    """The part's bytes from its tree; `raw` (which lxml would refuse to hold: a control
    character) put in place of the placeholder."""
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if raw is not None:
        escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        data = data.replace(_PLACEHOLDER.encode(), escaped.encode("utf-8", "surrogatepass"))
    entry.data = data


Mutation = Callable[[random.Random, Entry, object], str | None]


def _delete(rng: random.Random, entry: Entry, root) -> str | None:
    elements = _elements(root)
    if not elements:
        return None
    victim = rng.choice(elements)
    victim.getparent().remove(victim)
    _save(entry, root)
    return f"deleted <{etree.QName(victim).localname}>"


def _duplicate(rng: random.Random, entry: Entry, root) -> str | None:
    elements = _elements(root)
    if not elements:
        return None
    original = rng.choice(elements)
    times = rng.choice([1, 2, 50, 2000])
    parent, at = original.getparent(), original.getparent().index(original)
    for _ in range(times):
        parent.insert(at + 1, copy.deepcopy(original))
    _save(entry, root)
    return f"duplicated <{etree.QName(original).localname}> {times} times"


def _unrelated(rng: random.Random, root) -> tuple | None:
    elements = _elements(root)
    for _ in range(20):
        if len(elements) < 2:
            return None
        a, b = rng.sample(elements, 2)
        if a not in b.iterancestors() and b not in a.iterancestors():
            return a, b
    return None


def _swap(rng: random.Random, entry: Entry, root) -> str | None:
    pair = _unrelated(rng, root)
    if pair is None:
        return None
    a, b = pair
    marker = etree.Element("marker")
    a.addprevious(marker)
    b.addprevious(a)
    marker.addprevious(b)
    marker.getparent().remove(marker)
    _save(entry, root)
    return f"swapped <{etree.QName(a).localname}> and <{etree.QName(b).localname}>"


def _move(rng: random.Random, entry: Entry, root) -> str | None:
    pair = _unrelated(rng, root)
    if pair is None:
        return None
    moved, into = pair
    into.insert(rng.randint(0, len(into)), moved)
    _save(entry, root)
    return f"moved <{etree.QName(moved).localname}> into <{etree.QName(into).localname}>"


def _attribute(values: list[str], what: str) -> Mutation:
    def mutate(rng: random.Random, entry: Entry, root) -> str | None:
        elements = [e for e in _elements(root) if e.attrib] or _elements(root)
        if not elements:
            return None
        chosen = rng.sample(elements, min(len(elements), rng.choice([1, 5, 100])))
        value = rng.choice(values)
        for element in chosen:
            names = list(element.attrib) or [f"{{{W}}}val"]
            element.set(rng.choice(names), _PLACEHOLDER)
        _save(entry, root, value)
        return f"{len(chosen)} attributes set to {what} {value[:30]!r}"

    return mutate


# Attributes whose values the reader turns into measures, counts, levels and references.
_MEANINGFUL = {
    "val",
    "w",
    "h",
    "left",
    "right",
    "top",
    "bottom",
    "header",
    "footer",
    "gutter",
    "firstLine",
    "hanging",
    "start",
    "end",
    "before",
    "after",
    "line",
    "id",
    "numId",
    "ilvl",
    "abstractNumId",
    "gridSpan",
    "pos",
    "sz",
    "basedOn",
    "styleId",
    "type",
    "fldCharType",
    "instr",
    "orient",
    "space",
    "lineRule",
    "vMerge",
    "fmt",
    "lvlText",
}


def _meaningful_attributes(rng: random.Random, entry: Entry, root) -> str | None:
    found = [
        (element, name)
        for element in _elements(root)
        for name in element.attrib
        if etree.QName(name).localname in _MEANINGFUL
    ]
    if not found:
        return None
    chosen = rng.sample(found, min(len(found), rng.choice([1, 10, 1000])))
    value = rng.choice(NUMBERS + GARBAGE[:6])
    for element, name in chosen:
        element.set(name, _PLACEHOLDER)
    _save(entry, root, value)
    return f"{len(chosen)} measures, levels or references set to {value[:30]!r}"


def _loops(rng: random.Random, entry: Entry, root) -> str | None:
    """Styles based on themselves or on each other in a circle; lists whose numbers name
    themselves."""
    based = [e for e in _elements(root) if etree.QName(e).localname in ("basedOn", "link", "next")]
    if based:
        styles = [e.getparent().get(f"{{{W}}}styleId") for e in based]
        for element, style in zip(based, styles[1:] + styles[:1]):
            element.set(f"{{{W}}}val", style or "")
        _save(entry, root)
        return f"{len(based)} styles based on one another in a circle"
    numbers = [e for e in _elements(root) if etree.QName(e).localname in ("abstractNumId", "numId")]
    if not numbers:
        return None
    for element in numbers:
        element.set(f"{{{W}}}val", rng.choice(["0", "1", "-1", "99999"]))
    _save(entry, root)
    return f"{len(numbers)} list numbers pointed elsewhere"


def _every_number(rng: random.Random, entry: Entry, root) -> str | None:
    value = rng.choice(NUMBERS[:12])
    entry.data = re.sub(rb'="-?\d+"', f'="{value}"'.encode(), entry.data)
    return f"every numeric attribute set to {value[:30]!r}"


def _text(rng: random.Random, entry: Entry, root) -> str | None:
    elements = [e for e in _elements(root) if e.text and e.text.strip()] or _elements(root)
    if not elements:
        return None
    element, text = rng.choice(elements), rng.choice(TEXTS)
    element.text = _PLACEHOLDER
    _save(entry, root, text)
    return f"text of <{etree.QName(element).localname}> set to {text[:30]!r}"


def _nest(rng: random.Random, entry: Entry, root) -> str | None:
    elements = _elements(root)
    if not elements:
        return None
    element = rng.choice(elements)
    wrapper, depth = rng.choice(_WRAPPERS), rng.choice(_DEPTHS)
    marker = etree.Element(_MARK)
    element.addprevious(marker)
    marker.append(element)
    declared = f'<w:body xmlns:w="{W}">'
    inner = etree.tostring(element)
    opening = "".join(f"<{tag}>" for tag in wrapper).encode()
    closing = "".join(f"</{tag}>" for tag in reversed(wrapper)).encode()
    nested = declared.encode() + opening * depth + inner + closing * depth + b"</w:body>"
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    entry.data = re.sub(rf"<{_MARK}>.*</{_MARK}>".encode(), lambda m: nested, text, flags=re.S)
    return f"<{etree.QName(element).localname}> nested {depth} deep in {'/'.join(wrapper)}"


def _unknown_element(rng: random.Random, entry: Entry, root) -> str | None:
    elements = _elements(root) or [root]
    parent = rng.choice(elements)
    tag = rng.choice([f"{{{W}}}bogus", "{urn:antq:unknown}thing", f"{{{W}}}p", f"{{{W}}}tbl"])
    child = etree.SubElement(parent, tag)
    child.set(f"{{{W}}}val", rng.choice(NUMBERS))
    _save(entry, root)
    return f"unknown <{etree.QName(child).localname}> added in <{etree.QName(parent).localname}>"


def _namespace(rng: random.Random, entry: Entry, root) -> str | None:
    other = rng.choice(["http://purl.oclc.org/ooxml/wordprocessingml/main", "", "urn:x"])
    entry.data = entry.data.replace(W.encode(), other.encode())
    return f"the WordprocessingML namespace replaced by {other!r}"


_ENCODINGS = [
    ("UTF-16", lambda data: data.decode("utf-8", "replace").encode("utf-16")),
    (
        "UTF-16, declaration says UTF-8",
        lambda data: data.decode("utf-8", "replace").encode("utf-16-le"),
    ),
    (
        "declared ISO-8859-1",
        lambda data: re.sub(rb'encoding="[^"]*"', b'encoding="ISO-8859-1"', data),
    ),
    ("declared EBCDIC", lambda data: re.sub(rb'encoding="[^"]*"', b'encoding="EBCDIC-US"', data)),
    ("declared bogus", lambda data: re.sub(rb'encoding="[^"]*"', b'encoding="x-antq"', data)),
    ("invalid UTF-8 in text", lambda data: data.replace(b"<w:t>", b"<w:t>\xff\xfe\xc0\x80", 3)),
    ("a NUL byte", lambda data: data[: len(data) // 2] + b"\0" + data[len(data) // 2 :]),
    ("a control character reference", lambda data: data.replace(b"<w:t>", b"<w:t>&#1;", 1)),
    ("two BOMs", lambda data: b"\xef\xbb\xbf\xef\xbb\xbf" + data),
    ("cut in the middle", lambda data: data[: len(data) // 2]),
    ("empty", lambda data: b""),
    (
        "a DOCTYPE with entities",
        lambda data: re.sub(
            rb"(<\?xml[^>]*\?>)?",
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d SYSTEM "file:///etc/passwd">]>',
            data,
            count=1,
        ),
    ),
]


def _encoding(rng: random.Random, entry: Entry, root) -> str | None:
    what, change = rng.choice(_ENCODINGS)
    entry.data = change(entry.data)
    return what


XML_MUTATIONS: list[Mutation] = [
    _delete,
    _duplicate,
    _swap,
    _move,
    _attribute(NUMBERS, "the number"),
    _attribute(GARBAGE, "garbage"),
    _every_number,
    _meaningful_attributes,
    _meaningful_attributes,
    _loops,
    _text,
    _nest,
    _unknown_element,
    _namespace,
    _encoding,
]


def mutate_xml(rng: random.Random, entries: list[Entry]) -> str | None:
    """One XML mutation of one part."""
    entry = _pick_part(rng, entries)
    if entry is None:
        return None
    mutation = rng.choice(XML_MUTATIONS)
    root = _tree(entry)
    if root is None and mutation not in (_every_number, _namespace, _encoding):
        return None
    done = mutation(rng, entry, root)
    return None if done is None else f"{entry.name}: {done}"
