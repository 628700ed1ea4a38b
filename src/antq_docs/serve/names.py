"""Files of the folder `antq serve` was given, named by the page: the page sends a name as
the listing showed it («ke-hoach.yaml», «orgs/cao-bang.yaml»), never a path to follow. A
name is resolved inside the folder and refused if it leaves it (`..`, an absolute path, a
drive, a link pointing elsewhere), names a hidden file, or is not a plan's `.yaml`."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from ..errors import MessageError
from ..i18n import _

__all__ = ["confined", "listed_yaml", "upload_name", "PLAN_SUFFIXES"]

PLAN_SUFFIXES = (".yaml", ".yml")
MAX_LISTED = 500  # a folder of plans, not a disk: the listing stops there
MAX_DEPTH = 3  # subfolders the listing looks into (orgs/, drafts/…)
_FORBIDDEN = re.compile(r"[\x00-\x1f\\:*?\"<>|]")


def confined(folder: Path, name: str, *, must_exist: bool = True) -> Path:
    """The file `name` inside `folder`; MessageError when the name may not be used."""
    refused = MessageError(
        _(
            "'{name}' is not a plan of the folder {folder}: choose one from the list, or write "
            "a file name ending in .yaml"
        ).format(name=name[:200], folder=folder)
    )
    pure = PurePosixPath(name)
    if (
        not name
        or len(name) > 255
        or _FORBIDDEN.search(name)
        or pure.is_absolute()
        or any(part in ("", ".", "..") or part.startswith(".") for part in name.split("/"))
        or pure.suffix.lower() not in PLAN_SUFFIXES
    ):
        raise refused
    root = folder.resolve()
    target = root.joinpath(*pure.parts)
    resolved = target.resolve()  # a link inside the folder may point anywhere
    if not resolved.is_relative_to(root) or not resolved.parent.is_dir():
        raise refused
    if must_exist and not resolved.is_file():
        raise MessageError(
            _("'{name}' is not in the folder {folder} (any more?)").format(
                name=name[:200], folder=folder
            )
        )
    if resolved.exists() and not resolved.is_file():
        raise refused
    return target


def listed_yaml(folder: Path) -> list[str]:
    """The .yaml files of the folder and its subfolders (not hidden ones), as names."""
    root = folder.resolve()
    found: list[str] = []

    def walk(directory: Path, depth: int) -> None:
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            return
        for entry in entries:
            if len(found) >= MAX_LISTED or entry.name.startswith("."):
                continue
            if entry.is_dir() and not entry.is_symlink() and depth < MAX_DEPTH:
                walk(entry, depth + 1)
            elif entry.suffix.lower() in PLAN_SUFFIXES and entry.is_file():
                if entry.resolve().is_relative_to(root):
                    found.append(entry.relative_to(root).as_posix())

    walk(root, 0)
    return found


def upload_name(name: str, suffix: str) -> str:
    """A display name for an uploaded file («Dự thảo KH.docx»), its last part only, without
    control characters; `suffix` replaces its own («Dự thảo KH.yaml»)."""
    last = re.split(r"[\\/]", name)[-1]
    cleaned = _FORBIDDEN.sub("", last).strip().lstrip(".")[:120] or "document"
    return str(PurePosixPath(cleaned).with_suffix(suffix)) if suffix else cleaned
