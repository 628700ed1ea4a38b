"""Files around a plan: reading an input with care (a plan or a document comes by e-mail
from anyone, so only a regular file of a bounded size is ever read), and where the plan
schema lies for a plan written inside this project."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .i18n import _

__all__ = ["read_input", "schema_near"]


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than `limit`, checked before reading: a FIFO,
    a device or a 1 GB file is refused, never read."""
    try:
        status = os.stat(path)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc)) from None
    if not stat.S_ISREG(status.st_mode):
        raise OSError(0, _("it is not a regular file (a folder, a device or a pipe)"))
    if status.st_size > limit:
        raise OSError(
            0, _("the file is larger than {limit} MB").format(limit=limit // 1024 // 1024)
        )
    with open(path, "rb") as stream:
        return stream.read(limit + 1)


def schema_near(target: Path) -> str | None:
    """A relative path to the plan schema when a plan is written inside this project (for
    the editor's modeline), else None."""
    for folder in [target.resolve().parent, *target.resolve().parents]:
        candidate = folder / "schema" / "plan.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, target.resolve().parent)).as_posix()
    return None
