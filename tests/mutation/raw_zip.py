"""A zip written by hand, so that a mutation can make it lie: a method it does not use,
a size it does not have, a name twice, a flag no writer sets. The standard library's
writer refuses to write most of these."""

from __future__ import annotations

import bz2
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

__all__ = ["Entry", "entries_of", "pack"]

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DOS_DATE = (0x21, 0x21)  # 01/01/1980 00:01:02: every entry the same


@dataclass
class Entry:
    """One entry of the package, as it will be written."""

    name: str
    data: bytes  # uncompressed
    method: int = zipfile.ZIP_DEFLATED  # how `data` is compressed
    declared_method: int | None = None  # the method the headers name, when it differs
    declared_size: int | None = None  # the uncompressed size the headers name
    flags: int = 0
    crc: int | None = None  # a CRC that differs from the data's


def entries_of(package: bytes) -> list[Entry]:
    """The entries of a well-formed package, in order."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [Entry(info.filename, archive.read(info)) for info in archive.infolist()]


def _compressed(data: bytes, method: int) -> bytes:
    if method == zipfile.ZIP_DEFLATED:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush()
    if method == zipfile.ZIP_BZIP2:
        return bz2.compress(data)
    return data  # stored (and any method this writer only names)


def pack(entries: list[Entry], comment: bytes = b"") -> bytes:
    """The zip of `entries`, headers as each entry declares them."""
    out, central = bytearray(), bytearray()
    for entry in entries:
        name = entry.name.encode("utf-8")
        payload = _compressed(entry.data, entry.method)
        method = entry.method if entry.declared_method is None else entry.declared_method
        size = len(entry.data) if entry.declared_size is None else entry.declared_size
        size &= 0xFFFFFFFF
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        flags = entry.flags | 0x800  # names in UTF-8
        common = (flags, method, *_DOS_DATE, crc, len(payload) & 0xFFFFFFFF, size, len(name))
        offset = len(out)
        out += _LOCAL.pack(0x04034B50, 20, *common, 0) + name + payload
        central += _CENTRAL.pack(0x02014B50, 20, 20, *common, 0, 0, 0, 0, 0, offset) + name
    count = len(entries) & 0xFFFF
    end = _END.pack(0x06054B50, 0, 0, count, count, len(central), len(out), len(comment))
    return bytes(out + central + end + comment)
