"""The fingerprint that tells antq's output from a hand edit: a digest of a DOCX's word/
parts, kept in a custom document property. The writer stamps it; before a file is replaced
it is read back (output.check_overwrite), and `antq fix` refuses a file that carries it."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

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
    digest = hashlib.sha256()
    for name in sorted(entries):
        if name.startswith("word/"):
            digest.update(name.encode() + b"\0" + entries[name] + b"\0")
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
    """(stored fingerprint, fingerprint of the current content); None if not a docx."""
    try:
        with zipfile.ZipFile(path) as source:
            entries = {info.filename: source.read(info) for info in source.infolist()}
    except (OSError, zipfile.BadZipFile, KeyError):
        return None
    custom = entries.get(CUSTOM_PART, b"").decode("utf-8", "replace")
    match = re.search(rf'name="{FINGERPRINT_NAME}"><vt:lpwstr>([0-9a-f]+)<', custom)
    return (match[1] if match else None, fingerprint(entries))
