"""`antq fix`: correct the format of a Word document to Nghị định 30 without touching its
words — the findings of `antq check` that can be corrected mechanically are corrected in the
parts that hold them; every other part of the package is copied as it was."""

from __future__ import annotations

import copy
import io
import shutil
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..check.findings import Finding
from .context import Change, FixContext
from .registry import FIXERS, RULES
from ..ooxml.tree import serialise, serialise_part
from ..i18n import _
from ..reasons import reason

__all__ = ["FixResult", "fix_document", "FIXERS", "Refused"]


class Refused(Exception):
    """The document must not be changed by antq (signed, antq's own, not administrative)."""


@dataclass
class FixResult:
    docx: bytes
    changes: list[Change]
    before: list[Finding]
    after: list[Finding]
    recognised: str
    failed: list[str] = field(default_factory=list)  # fixers that could not be applied
    # (before, after) as LibreOffice prints them, when counted (count_pages)
    pages: tuple[int, int] | None = None

    @property
    def grew(self) -> bool:
        """Whether the fixed document prints on more pages than the original."""
        return self.pages is not None and self.pages[1] > self.pages[0]

    @property
    def not_fixed(self) -> list[Finding]:
        """Findings of a fixable rule that remain (should be none)."""
        return [f for f in self.after if f.rule in FIXERS and f.counts]

    @property
    def needs_person(self) -> list[Finding]:
        return [f for f in self.after if f not in self.not_fixed]


def _signature_related(name: str) -> bool:
    """The parts that can reveal a digital signature: relationships and content types, in
    any case (OPC part names are compared without regard to case, so Word reads them so)."""
    lowered = name.lower()
    return lowered.endswith(".rels") or lowered == "[content_types].xml"


def _refuse_if_protected(names: list[str], parts: dict[str, bytes]) -> None:
    from ..fingerprint import FINGERPRINT_NAME

    signed = any(name.lower().startswith("_xmlsignatures/") for name in names) or any(
        b"digital-signature" in data.lower()
        for name, data in parts.items()
        if _signature_related(name)
    )
    if signed:
        raise Refused(
            _(
                "the document carries a digital signature; changing it would "
                "break the signature. Ask its issuer for a corrected, newly "
                "signed copy"
            )
        )
    if FINGERPRINT_NAME.encode() in parts.get("docProps/custom.xml", b""):
        raise Refused(
            _(
                "antq wrote this document: correct its plan (.yaml) and run "
                "`antq render` again, rather than fixing the DOCX"
            )
        )


def fix_document(
    data: bytes, only: set[str] | None = None, *, count_pages: bool = False
) -> FixResult:
    """The corrected package; Refused or ValueError when it cannot or must not be fixed.
    `count_pages`: lay out a short document before and after with LibreOffice (when it is
    installed), so that a letter pushed onto a second page is said."""
    from ..check.locate import locate
    from ..check.run import check_document
    from ..inspect.docx_read import read_package
    from ..inspect.package import DAMAGED, read_parts

    parts_read = read_parts(data, also=_signature_related)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    _refuse_if_protected(names, parts_read)
    view, trees = read_package(data)
    parts = locate(view)
    if not parts.administrative:
        raise Refused(
            _(
                "{kind}: not an administrative document of Nghị định 30, so "
                "there is no format to correct it to"
            ).format(kind=parts.kind)
        )
    hits = {rule.id: rule.hits(parts) for rule in RULES}
    before = [Finding.of(rule, hit) for rule in RULES for hit in hits[rule.id]]
    original = _state(trees)
    # Every name (a fixer adding a header picks a free one), the bytes of the parts read.
    package = {name: parts_read.get(name, b"") for name in names}
    context = FixContext(parts, trees, package)
    failed = []
    state = original  # the parts as they are now: each fixer's result is the next one's start
    for rule in RULES:
        if rule.fix is None or not hits[rule.id] or (only and rule.id not in only):
            continue
        context.rule = rule.id
        noted = len(context.changes)
        try:
            rule.fix(context, hits[rule.id])
        except Exception as exc:  # noqa: BLE001 — one rule's fix must not lose the others
            failed.append(f"{rule.id}: {type(exc).__name__}: {exc}")
        now = _state(trees)
        if len(context.changes) > noted and now == state:
            del context.changes[noted:]  # the report claims only what the file shows
        state = now
    try:
        output = _package(data, parts_read, trees, original, state)
    except DAMAGED as exc:
        # A part antq did not read is damaged: found only when it is copied.
        raise ValueError(_("not a readable DOCX file: {exc}").format(exc=reason(exc))) from None
    after = check_document(output)
    result = FixResult(output, context.changes, before, after.findings, after.recognised, failed)
    if count_pages and context.changes and _short(view):
        from .pages import printed_pages

        result.pages = printed_pages(data, output)
    return result


_SHORT_PAGES = 2  # a letter of a page or two: where a page more is a different document


def _short(view: Any) -> bool:
    from ..check.page_rules import estimated_pages

    return (view.pages or estimated_pages(view)) <= _SHORT_PAGES


def _state(trees: dict[str, Any]) -> dict[str, bytes]:
    return {name: serialise(root) for name, root in trees.items() if root is not None}


def _package(
    data: bytes,
    parts_read: dict[str, bytes],
    trees: dict,
    original: dict[str, bytes],
    final: dict[str, bytes],
) -> bytes:
    """The package with the changed parts (those whose `final` state is not their
    `original` one) serialised anew and added parts appended; the other entries keep their
    bytes, names, order and dates. A part antq did not read is copied as a stream, a
    megabyte at a time, never held whole."""
    changed = {
        name: serialise_part(trees[name])
        for name, now in final.items()
        if original.get(name) != now
    }
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        infos = source.infolist()
        for info in infos:
            entry = copy.copy(info)
            entry.compress_type = zipfile.ZIP_DEFLATED
            payload = changed.get(info.filename, parts_read.get(info.filename))
            if payload is not None:
                target.writestr(entry, payload)
                continue
            with source.open(info) as stream, target.open(entry, "w") as copied:
                shutil.copyfileobj(stream, copied, 1024 * 1024)
        written = {info.filename for info in infos}
        for name in sorted(set(changed) - written):
            added = zipfile.ZipInfo(name, date_time=infos[0].date_time)
            target.writestr(added, changed[name], compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
