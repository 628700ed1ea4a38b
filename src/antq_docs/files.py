"""Files around a plan: reading an input with care (a plan or a document comes by e-mail
from anyone, so only a regular file of a bounded size is ever read), and where the plan
schema lies for a plan written inside this project."""

from __future__ import annotations

import lzma
import os
import stat
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from .i18n import _

__all__ = [
    "read_input",
    "open_input",
    "schema_near",
    "schema_beside",
    "SCHEMA_FILE",
    "MAX_DOCX_BYTES",
    "MAX_PART_BYTES",
    "MAX_UNPACKED_BYTES",
    "MAX_RATIO",
    "DAMAGED",
    "package_entries",
    "checked_entry",
]


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than `limit`, checked before reading: a FIFO,
    a device or a 1 GB file is refused, never read."""
    with open_input(path, limit) as stream:
        return stream.read(limit + 1)


def open_input(path: Path, limit: int) -> BinaryIO:
    """`path` opened for reading in pieces (a large table), with read_input's checks. The
    file opened is checked again: a pipe put in its place after the first look is opened
    without waiting for a writer, and refused."""
    try:
        _refuse_unless_small_and_regular(os.stat(path), limit)
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc)) from None
    try:
        _refuse_unless_small_and_regular(os.fstat(descriptor), limit)
        if _NONBLOCK:
            os.set_blocking(descriptor, True)
    except OSError:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a pipe does not wait
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _refuse_unless_small_and_regular(status: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise OSError(0, _("it is not a regular file (a folder, a device or a pipe)"))
    if status.st_size > limit:
        raise OSError(
            0, _("the file is larger than {limit} MB").format(limit=limit // 1024 // 1024)
        )


def schema_near(target: Path) -> str | None:
    """A relative path to the plan schema when a plan is written inside this project (for
    the editor's modeline), else None."""
    for folder in [target.resolve().parent, *target.resolve().parents]:
        candidate = folder / "schema" / "plan.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, target.resolve().parent)).as_posix()
    return None


SCHEMA_FILE = "plan.schema.json"


def schema_beside(target: Path, schema_id: str) -> tuple[str | None, bool]:
    """The schema a new plan's modeline names, and whether antq (re)writes it beside the
    plan. Inside this project, the committed schema (schema_near). In a clerk's own folder,
    `plan.schema.json` beside the plan: VS Code's YAML extension (yaml-language-server)
    reads a relative `$schema=` against the plan's folder, so the help goes with the folder
    when it is copied or sent, where a path into the installed package would break with
    another machine, another Python or a moved virtual environment. A `plan.schema.json`
    that antq did not write (its `$id` is not `schema_id`) is never replaced: the draft
    then names no schema."""
    near = schema_near(target)
    if near is not None:
        return near, False
    beside = target.resolve().parent / SCHEMA_FILE
    if not beside.exists() and not beside.is_symlink():
        return SCHEMA_FILE, True
    import json

    try:
        written_by_antq = json.loads(read_input(beside, 4 * 1024 * 1024)).get("$id") == schema_id
    except (OSError, ValueError, AttributeError):
        written_by_antq = False
    return (SCHEMA_FILE, True) if written_by_antq and not beside.is_symlink() else (None, False)


# A DOCX is a zip, and every reader of one (check, fix, import, the fingerprint of an
# existing output) holds it to the same limits before it decompresses anything.
MAX_DOCX_BYTES = 100 * 1024 * 1024  # the file itself
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, uncompressed
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # every part of the package together, uncompressed
MAX_RATIO = 200  # XML compresses 10 to 30 times; a zip bomb a thousand
# What reading a damaged package raises: its zip structure, a compression method zipfile
# lacks (NotImplementedError), an encrypted entry (RuntimeError), data that will not inflate.
DAMAGED = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    RuntimeError,
    OSError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
)


def package_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The entries of a package by name, after the checks made before anything is
    decompressed: no entry encrypted, no part name twice (OPC compares names without
    regard to case, as Word does), at most MAX_UNPACKED_BYTES declared in all. ValueError
    with the sentence to show."""
    infos: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise ValueError(_("the document is encrypted (protected by a password)"))
        if info.filename.casefold() in folded:
            raise ValueError(
                _(
                    "it holds two parts named {part}, which Word never writes: open it in "
                    "Word and save it again"
                ).format(part=info.filename[:200])
            )
        folded.add(info.filename.casefold())
        infos[info.filename] = info
    unpacked = sum(info.file_size for info in infos.values())
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValueError(
            _(
                "it unpacks to {size} MB in all, more than the {limit} MB antq "
                "reads: not a real document (a zip bomb?)"
            ).format(size=unpacked // 1024 // 1024, limit=MAX_UNPACKED_BYTES // 1024 // 1024)
        )
    return infos


def checked_entry(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """`info`, once its declared size and compression ratio are within the limits (the
    reader stops at the declared size, so a part cannot inflate past it)."""
    if info.file_size > MAX_PART_BYTES or info.file_size > MAX_RATIO * max(
        info.compress_size, 1024
    ):
        raise ValueError(
            _("its part {part} unpacks to {size} MB: not a real document (a zip bomb?)").format(
                part=info.filename[:200], size=info.file_size // 1024 // 1024
            )
        )
    return info
