"""Mutations of a package as a whole: parts missing, unknown parts added, relationships
broken, entries renamed; at the zip level names written twice, compression methods that
lie, directory entries, declared sizes far from the data, flags, CRCs, and the bytes of
the file cut, flipped or padded. `mutated` applies a few, chosen by a seeded generator,
and says what it did."""

from __future__ import annotations

import random
import re

from .raw_zip import Entry, entries_of, pack
from .xml_mutations import mutate_xml

__all__ = ["mutated"]

_TARGETS = [
    "",
    "missing.xml",
    "../../../../etc/passwd",
    "/word/document.xml",
    "document.xml",
    "styles.xml",
    "http://example.invalid/x.xml",
    "footnotes.xml#part",
    "%2e%2e/%2e%2e/x",
    "media/" + "a" * 5000,
    "C:\\Windows\\win.ini",
    "word/../../x",
]
_KINDS = ["styles", "numbering", "footnotes", "header", "footer", "theme", "settings", "image"]
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _missing_part(rng: random.Random, entries: list[Entry]) -> str | None:
    important = [e for e in entries if e.name.startswith(("word/", "[Content", "_rels"))]
    victim = rng.choice(important or entries)
    entries.remove(victim)
    return f"part {victim.name} removed"


def _unknown_part(rng: random.Random, entries: list[Entry]) -> str | None:
    name = rng.choice(
        [
            "word/unknown.xml",
            "word/header99.xml",
            "customXml/item9.xml",
            "word/media/big.bin",
            "word/embeddings/oleObject1.bin",
            "ảnh/tệp.xml",
        ]
    )
    size = rng.choice([0, 100, 100_000, 3_000_000])
    data = rng.choice([b"\0" * size, rng.randbytes(size), b"<w:hdr>" * (size // 7 + 1)])
    entries.append(Entry(name, data, method=rng.choice([0, 8])))
    if rng.random() < 0.5:
        _add_relationship(rng, entries, name.removeprefix("word/"))
    return f"unknown part {name} of {len(data):,} bytes added"


def _add_relationship(rng: random.Random, entries: list[Entry], target: str) -> None:
    rels = next((e for e in entries if e.name == "word/_rels/document.xml.rels"), None)
    if rels is not None:
        kind = rng.choice(_KINDS)
        added = f'<Relationship Id="rIdAntq" Type="{_REL_TYPE}{kind}" Target="{target}"/>'
        rels.data = rels.data.replace(b"</Relationships>", added.encode() + b"</Relationships>")


def _broken_relationship(rng: random.Random, entries: list[Entry]) -> str | None:
    rels = [e for e in entries if e.name.endswith(".rels")]
    if not rels:
        return None
    part = rng.choice(rels)
    found = list(re.finditer(rb"<Relationship [^>]*>", part.data))
    if not found:
        return None
    match = rng.choice(found)
    what = rng.choice(["target", "type", "id", "external", "twice"])
    old = match[0]
    if what == "target":
        target = rng.choice(_TARGETS)
        new = re.sub(rb'Target="[^"]*"', f'Target="{target}"'.encode(), old)
        done = f"a target set to {target[:40]!r}"
    elif what == "type":
        kind = rng.choice(_KINDS)
        new = re.sub(rb'Type="[^"]*"', f'Type="{_REL_TYPE}{kind}"'.encode(), old)
        done = f"a type set to {kind}"
    elif what == "id":
        new = re.sub(rb'Id="[^"]*"', b'Id="rId1"', old)
        done = "an id made rId1"
    elif what == "external":
        new = old.replace(b"<Relationship ", b'<Relationship TargetMode="External" ')
        done = "a relationship made external"
    else:
        new = old + old
        done = "a relationship written twice"
    part.data = part.data.replace(old, new, 1)
    return f"{part.name}: {done}"


def _renamed(rng: random.Random, entries: list[Entry]) -> str | None:
    entry = rng.choice(entries)
    old = entry.name
    entry.name = rng.choice(
        [
            old.upper(),
            "/" + old,
            "./" + old,
            old.replace("/", "\\"),
            "../" + old,
            old + "/",
            old + "\0",
            old.replace("word/", "word//"),
        ]
    )
    return f"entry {old} renamed {entry.name!r}"


def _contents_swapped(rng: random.Random, entries: list[Entry]) -> str | None:
    if len(entries) < 2:
        return None
    a, b = rng.sample(entries, 2)
    a.data, b.data = b.data, a.data
    return f"contents of {a.name} and {b.name} swapped"


def _name_twice(rng: random.Random, entries: list[Entry]) -> str | None:
    entry = rng.choice(entries)
    data = rng.choice([entry.data, b"", b"<w:document/>", entry.data[: len(entry.data) // 2]])
    entries.insert(rng.randint(0, len(entries)), Entry(entry.name, data))
    return f"{entry.name} written twice ({len(data):,} bytes the second time)"


def _compression(rng: random.Random, entries: list[Entry]) -> str | None:
    entry = rng.choice(entries)
    entry.method, entry.declared_method = rng.choice(
        [(0, 8), (8, 0), (8, 12), (8, 14), (8, 99), (8, 1), (8, 6), (12, 12), (0, 0)]
    )
    return f"{entry.name}: compressed with method {entry.method}, said {entry.declared_method}"


def _directories(rng: random.Random, entries: list[Entry]) -> str | None:
    names = rng.choice([["word/"], ["word/", "word/media/", "_rels/"], ["word/document.xml/"]])
    for name in names:
        entries.insert(rng.randint(0, len(entries)), Entry(name, b"", method=0))
    return f"directory entries {names}"


def _declared_size(rng: random.Random, entries: list[Entry]) -> str | None:
    entry = rng.choice(entries)
    entry.declared_size = rng.choice(
        [0, 1, len(entry.data) // 2, len(entry.data) + 1, 0x7FFFFFFF, 0xFFFFFFFF]
    )
    return f"{entry.name}: declared size {entry.declared_size:,} (holds {len(entry.data):,})"


def _flags(rng: random.Random, entries: list[Entry]) -> str | None:
    entry = rng.choice(entries)
    entry.flags = rng.choice([0x1, 0x8, 0x40, 0x2000, 0xFFFF & ~0x800])
    return f"{entry.name}: general-purpose flags {entry.flags:#x}"


def _crc(rng: random.Random, entries: list[Entry]) -> str | None:
    entry = rng.choice(entries)
    entry.crc = rng.getrandbits(32)
    return f"{entry.name}: a wrong CRC"


def _many_entries(rng: random.Random, entries: list[Entry]) -> str | None:
    count = rng.choice([1_000, 20_000])
    entries += [Entry(f"word/media/image{i}.png", b"", method=0) for i in range(count)]
    return f"{count:,} empty entries added"


_ENTRY_MUTATIONS = [
    _missing_part,
    _unknown_part,
    _broken_relationship,
    _renamed,
    _contents_swapped,
    _name_twice,
    _compression,
    _directories,
    _declared_size,
    _flags,
    _crc,
    _many_entries,
]


def _bytes_mutation(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    what = rng.choice(["truncate", "flip", "prepend", "append", "central", "comment"])
    if what == "truncate":
        at = rng.randrange(len(data))
        return data[:at], f"the file cut at byte {at:,} of {len(data):,}"
    if what == "flip":
        flipped = bytearray(data)
        spots = [rng.randrange(len(data)) for _ in range(rng.choice([1, 3, 20]))]
        for spot in spots:
            flipped[spot] ^= 1 << rng.randrange(8)
        return bytes(flipped), f"bits flipped at {spots}"
    if what == "prepend":
        return b"MZ" + rng.randbytes(rng.choice([10, 5_000])) + data, "junk before the zip"
    if what == "append":
        return data + rng.randbytes(rng.choice([10, 5_000])), "junk after the zip"
    if what == "central":
        end = data.rfind(b"PK\x05\x06")
        patched = bytearray(data)
        patched[end + 8 : end + 12] = rng.choice([b"\xff\xff\xff\xff", b"\0\0\0\0"])
        return bytes(patched), "the end record's entry counts changed"
    return data[:-2] + b"\xff\xff", "the end record declares a 65,535-byte comment"


def mutated(source: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """A mutated copy of the package `source`, and what was done to it."""
    entries = entries_of(source)
    steps: list[str] = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        level = rng.random()
        if level < 0.55:
            done = mutate_xml(rng, entries)
        elif level < 0.9:
            done = rng.choice(_ENTRY_MUTATIONS)(rng, entries)
        else:
            data, said = _bytes_mutation(rng, pack(entries))
            return data, [*steps, said]
        if done:
            steps.append(done)
    return pack(entries), steps or ["none applicable: the package repacked"]
