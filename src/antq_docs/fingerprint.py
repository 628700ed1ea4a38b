"""The fingerprint that tells antq's output from a hand edit: a digest of a DOCX's word/
parts, kept in a custom document property. The writer stamps it; before a file is replaced
it is read back (output.check_overwrite), and `antq fix` refuses a file that carries it."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .files import DAMAGED, MAX_DOCX_BYTES, checked_entry, package_entries, read_input
from .ooxml.names import CUSTOM_PROPERTIES_NS, FMTID_USER_DEFINED, VT_NS

__all__ = [
    "FINGERPRINT_NAME",
    "CUSTOM_PART",
    "fingerprint",
    "custom_properties",
    "read_fingerprint",
]

FINGERPRINT_NAME = "antq-fingerprint"
CUSTOM_PART = "docProps/custom.xml"


def fingerprint(entries: dict[str, bytes]) -> str:
    """The digest of the package's word/ parts (the document, not its properties)."""
    return _digest({name: [data] for name, data in entries.items()})


def _digest(entries: Mapping[str, Iterable[bytes]]) -> str:
    """fingerprint() of parts given as pieces, so that a part read back is never held whole."""
    digest = hashlib.sha256()
    for name in sorted(entries):
        if name.startswith("word/"):
            digest.update(name.encode() + b"\0")
            for piece in entries[name]:
                digest.update(piece)
            digest.update(b"\0")
    return digest.hexdigest()


def custom_properties(stamp: str) -> bytes:
    """docProps/custom.xml holding the fingerprint `stamp`."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_PROPERTIES_NS}" xmlns:vt="{VT_NS}">'
        f'<property fmtid="{FMTID_USER_DEFINED}" pid="2" name="{FINGERPRINT_NAME}">'
        f"<vt:lpwstr>{stamp}</vt:lpwstr></property>"
        "</Properties>"
    ).encode()


def read_fingerprint(path: Path) -> tuple[str | None, str] | None:
    """(stored fingerprint, fingerprint of the current content); None if not a docx, or
    not one antq would read (a pipe, encrypted, damaged, a zip bomb): an existing output
    is read with the limits of any document."""
    try:
        data = read_input(path, MAX_DOCX_BYTES)
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            infos = {name: checked_entry(info) for name, info in package_entries(source).items()}
            current = _digest({name: _pieces(source, info) for name, info in infos.items()})
            stored = source.read(infos[CUSTOM_PART]) if CUSTOM_PART in infos else b""
    except (ValueError, KeyError, *DAMAGED):
        return None
    custom = stored.decode("utf-8", "replace")
    match = re.search(rf'name="{FINGERPRINT_NAME}"><vt:lpwstr>([0-9a-f]+)<', custom)
    return (match[1] if match else None, current)


def _pieces(source: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with source.open(info) as stream:
        yield from iter(lambda: stream.read(1024 * 1024), b"")
