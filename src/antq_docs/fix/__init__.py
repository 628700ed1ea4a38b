"""`antq fix`: correct the format of a Word document to Nghị định 30 without touching its
words — the findings of `antq check` that can be corrected mechanically are corrected in the
parts that hold them; every other part of the package is copied as it was."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from ..check.findings import Finding
from .context import Change, FixContext
from .registry import FIXERS, RULES
from ..ooxml.tree import serialise, serialise_part
from ..i18n import _

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

    @property
    def not_fixed(self) -> list[Finding]:
        """Findings of a fixable rule that remain (should be none)."""
        return [f for f in self.after if f.rule in FIXERS and f.counts]

    @property
    def needs_person(self) -> list[Finding]:
        return [f for f in self.after if f not in self.not_fixed]


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Every entry of the package, checked as a check reads its parts (sizes, ratios)."""
    from ..inspect.package import read_parts

    contents = read_parts(data, wanted=lambda name: True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info, contents[info.filename]) for info in package.infolist()]


def _refuse_if_protected(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
    from ..fingerprint import FINGERPRINT_NAME

    names = {info.filename for info, _ in entries}
    if any(name.startswith("_xmlsignatures/") for name in names):
        raise Refused(
            _(
                "the document carries a digital signature; changing it would "
                "break the signature. Ask its issuer for a corrected, newly "
                "signed copy"
            )
        )
    custom = dict((info.filename, data) for info, data in entries).get("docProps/custom.xml", b"")
    if FINGERPRINT_NAME.encode() in custom:
        raise Refused(
            _(
                "antq wrote this document: correct its plan (.yaml) and run "
                "`antq render` again, rather than fixing the DOCX"
            )
        )


def fix_document(data: bytes, only: set[str] | None = None) -> FixResult:
    """The corrected package; Refused or ValueError when it cannot or must not be fixed."""
    from ..check.locate import locate
    from ..check.run import check_document
    from ..inspect.docx_read import read_package

    entries = _entries(data)
    _refuse_if_protected(entries)
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
    original = {name: serialise(root) for name, root in trees.items() if root is not None}
    package = {info.filename: payload for info, payload in entries}
    context = FixContext(parts, trees, package)
    failed = []
    for rule in RULES:
        if rule.fix is None or not hits[rule.id] or (only and rule.id not in only):
            continue
        context.rule = rule.id
        try:
            rule.fix(context, hits[rule.id])
        except Exception as exc:  # noqa: BLE001 — one rule's fix must not lose the others
            failed.append(f"{rule.id}: {type(exc).__name__}: {exc}")
    output = _package(entries, trees, original)
    after = check_document(output)
    return FixResult(output, context.changes, before, after.findings, after.recognised, failed)


def _package(entries, trees: dict, original: dict[str, bytes]) -> bytes:
    """The package with the changed parts serialised anew and added parts appended; the
    other entries keep their bytes, names, order and dates."""
    changed: dict[str, bytes] = {}
    for name, root in trees.items():
        if root is None:
            continue
        if original.get(name) != serialise(root):
            changed[name] = serialise_part(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        written = set()
        for info, payload in entries:
            target.writestr(
                info, changed.get(info.filename, payload), compress_type=zipfile.ZIP_DEFLATED
            )
            written.add(info.filename)
        for name in sorted(set(changed) - written):
            info = zipfile.ZipInfo(name, date_time=entries[0][0].date_time)
            target.writestr(info, changed[name], compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
