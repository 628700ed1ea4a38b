"""The parts of a DOCX package, read with care: a document comes by e-mail from anyone, so
each part is checked against its declared size and compression ratio before it is
decompressed, and only the parts a reader needs are decompressed at all."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping

from ..files import (
    DAMAGED,
    MAX_DOCX_BYTES,
    MAX_PART_BYTES,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    checked_entry,
    package_entries,
)
from ..i18n import _
from ..reasons import reason

__all__ = [
    "read_parts",
    "written_parts",
    "MAX_DOCX_BYTES",
    "MAX_PART_BYTES",
    "MAX_UNPACKED_BYTES",
    "MAX_RATIO",
    "MAX_PARAGRAPHS",
    "MAX_CELLS",
    "MAX_RUNS",
    "MAX_FOOTNOTES",
    "Caps",
    "DAMAGED",
]

MAX_PARAGRAPHS = 30_000  # counted everywhere: body, cells, headers, footers, footnotes
MAX_CELLS = 30_000  # table cells of the whole document
MAX_RUNS = 300_000  # runs of the whole document
MAX_FOOTNOTES = 5_000
# The parts a reader always needs; the others it reads are those the main document's
# relationships point to (styles, numbering, footnotes, headers, footers, theme). A part
# nothing references (an image, a font, a header no section uses) is never decompressed.
_ALWAYS = (
    "[Content_Types].xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "docProps/custom.xml",
)
_FOLLOWED = {"styles", "numbering", "footnotes", "header", "footer", "theme"}


def read_parts(data: bytes, also: Callable[[str], bool] = lambda name: False) -> dict[str, bytes]:
    """The parts of a DOCX package a reader needs (and those `also` names), each checked
    against its declared size and compression ratio before it is decompressed. ValueError
    for a file that is not a DOCX, is encrypted, or looks like a zip bomb."""
    if len(data) > MAX_DOCX_BYTES:
        raise ValueError(
            _("the file is larger than {value} MB").format(value=MAX_DOCX_BYTES // 1024 // 1024)
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = package_entries(archive)
            return _chosen(infos, lambda name: archive.read(checked_entry(infos[name])), also)
    except DAMAGED as exc:
        raise ValueError(_("not a readable DOCX file: {exc}").format(exc=reason(exc))) from None
    except Exception as exc:  # whatever else a damaged zip makes zipfile raise
        if isinstance(exc, ValueError):
            raise
        raise ValueError(_("not a readable DOCX file: {exc}").format(exc=reason(exc))) from None


def written_parts(entries: dict[str, bytes]) -> dict[str, bytes]:
    """The parts read_parts would take from the zip of `entries`, for a package still in
    memory: a batch checks what it has just written without unzipping it again. Nothing is
    decompressed, so only the limits on what the parts hold apply (the reader counts)."""
    return _chosen(entries, entries.__getitem__, lambda name: False)


def _chosen(
    names: Mapping[str, object], read: Callable[[str], bytes], also: Callable[[str], bool]
) -> dict[str, bytes]:
    """The parts a reader needs of a package holding `names`, each got with `read`."""
    if "[Content_Types].xml" not in names:
        raise ValueError(
            _(
                "it has no [Content_Types].xml, the list of parts Word needs to open "
                "a document: not a whole .docx (cut short, or put together by hand?)"
            )
        )
    parts = {name: read(name) for name in names if name in _ALWAYS or also(name)}
    for name in _referenced(parts.get("word/_rels/document.xml.rels")):
        if name in names and name not in parts:
            parts[name] = read(name)
    _refuse_oversized(parts)
    return parts


def _referenced(rels: bytes | None) -> list[str]:
    """The package names of the parts the main document's relationships point to, of the
    kinds a reader follows; none when the relationships cannot be read (the reader says
    why)."""
    from ..ooxml.tree import XMLSyntaxError, parse

    if not rels:
        return []
    try:
        root = parse(rels)
    except XMLSyntaxError:
        return []
    names = []
    for rel in root:
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = (rel.get("Target") or "").lstrip("/").removeprefix("word/")
        if kind in _FOLLOWED and rel.get("TargetMode") != "External" and target:
            names.append(f"word/{target}")
    return names


_LIMITS = {
    "paragraphs": MAX_PARAGRAPHS,
    "cells": MAX_CELLS,
    "runs": MAX_RUNS,
    "footnotes": MAX_FOOTNOTES,
}
_TAGS = {"paragraphs": "p", "cells": "tc", "runs": "r"}  # WordprocessingML's elements


class Caps:
    """What a reader has read of one document, everywhere (body, cells, headers, footers,
    footnotes), each count refused past its cap as it is met: a table of a million cells
    costs the first thirty thousand, never a million."""

    def __init__(self) -> None:
        self.read = dict.fromkeys(_LIMITS, 0)
        self.in_parts = dict.fromkeys(_TAGS, 0)

    def parsed(self, root) -> None:
        """Count a part's paragraphs, cells and runs as soon as it is parsed, whatever its
        prefixes: a part over a cap is refused before any of it is read."""
        from ..ooxml.names import W_NS

        for what, tag in _TAGS.items():
            self.in_parts[what] += sum(1 for _ in root.iter(f"{{{W_NS}}}{tag}"))
            if self.in_parts[what] > _LIMITS[what]:
                raise ValueError(_too_many(what))

    def count(self, what: str) -> None:
        """One more paragraph, cell, run or footnote read."""
        self.read[what] += 1
        if self.read[what] > _LIMITS[what]:
            raise ValueError(_too_many(what))


def _too_many(what: str) -> str:
    if what == "paragraphs":
        return _(
            "the document has more than {MAX_PARAGRAPHS:,} paragraphs; antq checks "
            "documents up to that length"
        ).format(MAX_PARAGRAPHS=MAX_PARAGRAPHS)
    if what == "cells":
        return _(
            "the document has more than {limit:,} table cells; antq checks documents up to "
            "that size"
        ).format(limit=MAX_CELLS)
    if what == "runs":
        return _(
            "the document has more than {limit:,} runs of text; antq checks documents up "
            "to that size"
        ).format(limit=MAX_RUNS)
    return _(
        "the document has more than {limit:,} footnotes; antq checks documents up to that size"
    ).format(limit=MAX_FOOTNOTES)


# Elements counted in the bytes of a part, before it is parsed: a tree of a million cells
# costs a gigabyte to build, and reading thirty thousand paragraphs seconds.
_OPENINGS = {
    "paragraphs": ((b"<w:p>", b"<w:p ", b"<w:p/>"), MAX_PARAGRAPHS),
    "cells": ((b"<w:tc>", b"<w:tc ", b"<w:tc/>"), MAX_CELLS),
    "runs": ((b"<w:r>", b"<w:r ", b"<w:r/>"), MAX_RUNS),
}


def _refuse_oversized(parts: dict[str, bytes]) -> None:
    """Refuse, before parsing, a document whose parts hold far more paragraphs, cells or
    runs than the caps (the reader counts exactly as it reads)."""
    for what, (openings, limit) in _OPENINGS.items():
        found = sum(data.count(opening) for data in parts.values() for opening in openings)
        if found > limit:
            raise ValueError(_too_many(what))
