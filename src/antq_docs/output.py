"""Writing output files safely: never half-written, never over a clerk's hand edits."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

from .errors import OutputError
from .i18n import _
from .reasons import reason

__all__ = [
    "write_atomic",
    "check_overwrite",
    "check_pdf_overwrite",
    "mark_pdf",
    "remove_stale_temporaries",
]

# Temporary files are named ".NAME.antq-PID-XXXX.tmp": recognisable, and the PID tells
# whether the process that made one is still writing it.
_TEMP_MARK = "antq-"
_TEMP_NAME = re.compile(r"^\..+\.antq-(\d+)-[^.]*\.tmp$")
_WINDOWS_STALE_SECONDS = 3600


def check_overwrite(path: Path, *, force: bool) -> None:
    """Refuse to replace a .docx that antq did not write, or that was edited since."""
    if (path.exists() or path.is_symlink()) and not path.is_file():
        raise OutputError(
            str(path),
            _("is not a regular file (a folder, a device or a pipe); choose another name"),
        )
    if force or not path.exists():
        return
    from .fingerprint import read_fingerprint

    found = read_fingerprint(path)
    if found is None:
        raise OutputError(
            str(path),
            _(
                "exists and is not a document antq wrote; "
                "choose another name with -o, or add --force to "
                "replace it"
            ),
        )
    stored, actual = found
    if stored is None:
        raise OutputError(
            str(path),
            _(
                "exists and was not written by antq; choose "
                "another name with -o, or add --force to "
                "replace it"
            ),
        )
    if stored != actual:
        raise OutputError(
            str(path),
            _(
                "was changed after antq wrote it (edited in "
                "Word?); your edits would be lost. Save them "
                "under another name, or add --force to replace "
                "the file"
            ),
        )


_PDF_MARK = re.compile(rb"\n%antq ([0-9a-f]{32})\n$")


def mark_pdf(data: bytes) -> bytes:
    """A PDF antq wrote ends with a comment holding a digest of what precedes it; a PDF
    edited, signed or made by anyone else does not."""
    import hashlib

    return data + b"\n%antq " + hashlib.sha256(data).hexdigest()[:32].encode() + b"\n"


def check_pdf_overwrite(path: Path, *, force: bool) -> None:
    """Refuse to replace a PDF antq did not write (a signed scan beside the plan)."""
    import hashlib

    if force or not path.exists():
        return
    try:
        with open(path, "rb") as stream:
            stream.seek(0, 2)
            size = stream.tell()
            if size > 200 * 1024 * 1024:
                raise OSError
            stream.seek(0)
            data = stream.read()
    except OSError:
        data = b""
    match = _PDF_MARK.search(data[-60:])
    body = data[: len(data) - len(match[0])] if match else b""
    if not match or hashlib.sha256(body).hexdigest()[:32].encode() != match[1]:
        raise OutputError(
            str(path),
            _(
                "exists and is not a PDF antq wrote (a signed "
                "or scanned copy?); choose another name with "
                "-o, or add --force to replace it"
            ),
        )


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`. Only a regular
    file is ever replaced: a device, a pipe or a folder is refused, --force or not."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if (path.exists() or path.is_symlink()) and not path.is_file():
        raise OutputError(
            str(path),
            _("is not a regular file (a folder, a device or a pipe); choose another name"),
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.{_TEMP_MARK}{os.getpid()}-", suffix=".tmp", dir=directory
        )
    except PermissionError:
        # The message names the folder, never the hidden temporary file antq tried to make.
        raise OutputError(
            str(path),
            _(
                "the folder {folder} does not let you write in it (read-only, or another "
                "user's): choose another place with -o, e.g. a folder in your Documents"
            ).format(folder=directory.resolve()),
        ) from None
    except OSError as exc:
        raise OutputError(
            str(path), _("cannot write here: {reason}").format(reason=reason(exc))
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except PermissionError:
        _discard(temporary)
        raise OutputError(
            str(path), _("cannot be replaced: is it open in Word? Close it and try again")
        ) from None
    except OSError as exc:
        _discard(temporary)
        raise OutputError(
            str(path), _("cannot be written: {reason}").format(reason=reason(exc))
        ) from None


def _mode_for(path: Path) -> int:
    """mkstemp makes private files; the output keeps the mode of the file it replaces, or
    gets the usual mode for a new file (colleagues on a shared folder must read it)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _discard(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except OSError:
        pass


def remove_stale_temporaries(folder: Path, *, below: bool = True) -> int:
    """Delete the temporary files that killed antq processes left in `folder` (and, for a
    batch's own output folder, below it); returns how many. A file whose process still runs
    is left alone."""
    removed = 0
    for path in Path(folder).rglob(".*.tmp") if below else Path(folder).glob(".*.tmp"):
        match = _TEMP_NAME.match(path.name)
        if match and path.is_file() and not _still_writing(int(match[1]), path):
            _discard(str(path))
            removed += 1
    return removed


def _still_writing(pid: int, path: Path) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there: go by age
        try:
            return time.time() - path.stat().st_mtime < _WINDOWS_STALE_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process not yet reaped by its parent still answers kill(pid, 0)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]
