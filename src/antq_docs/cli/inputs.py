"""The wrong kind of file given to a command, said before any reading: a Word file where a
plan is wanted, an old .doc or a PDF where a .docx is wanted, a folder where a file is."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # an old .doc (or a .docx Word locked with a password)
_PDF = b"%PDF"
_WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc", ".dot", ".odt", ".rtf")


def _head(path: Path) -> bytes:
    """The first bytes of a regular file; nothing for a pipe, a device or a missing file."""
    try:
        if not path.is_file():
            return b""
        with path.open("rb") as stream:
            return stream.read(8)
    except OSError:
        return b""


def plan_input_problem(path: Path) -> str | None:
    """Why `path` cannot be a plan (a .yaml file), when that is plain before reading it;
    the caller puts the file's name before it."""
    if path.is_dir():
        return _("it is a folder: give the plans in it, for example {pattern}").format(
            pattern=path / "*.yaml"
        )
    if not path.is_file():
        return None  # reading it will say what it is (missing, a device)
    head = _head(path)
    if path.suffix.lower() in _WORD_SUFFIXES or head.startswith((_ZIP, _OLE)):
        return _(
            "this is a Word file, not a .yaml plan: use `antq check` to audit it, or "
            "`antq import` to make a plan from it"
        )
    if path.suffix.lower() == ".pdf" or head.startswith(_PDF):
        return _(
            "this is a PDF, not a .yaml plan: `antq import` makes a plan from the .docx it "
            "was printed from"
        )
    return None


def docx_input_problem(path: Path, command: str) -> str | None:
    """Why `path` cannot be audited or corrected as a .docx, when that is plain before
    reading it: a folder, an old .doc, a PDF (said as the reader says a file it cannot
    read)."""
    kind = _docx_kind_problem(path, command)
    if kind is None or path.is_dir():
        return kind
    return _("not a readable DOCX file: {exc}").format(exc=kind)


def _docx_kind_problem(path: Path, command: str) -> str | None:
    if path.is_dir():
        return _(
            "it is a folder: give the documents in it, for example: antq {command} {pattern}"
        ).format(command=command, pattern=path / "*.docx")
    head = _head(path)
    if head.startswith(_ZIP) or not head:
        return None  # a .docx, or a file whose reading will say what is wrong
    suffix = path.suffix.lower()
    if head.startswith(_PDF) or suffix == ".pdf":
        return _(
            "this is a PDF, not a Word document: give the .docx it was made from, or open "
            "the PDF in Word and save it as «Word Document (*.docx)»"
        )
    if head.startswith(_OLE) and suffix in (".docx", ".docm"):
        return _(
            "the document is protected by a password: open it in Word, take the password off "
            "(File → Info → Protect Document) and save it"
        )
    if head.startswith(_OLE) or suffix in (".doc", ".dot", ".rtf", ".odt"):
        return _(
            "an old Word file (.doc), not a .docx: open it in Word, choose File → Save As "
            "«Word Document (*.docx)», and give antq the .docx"
        )
    return None
