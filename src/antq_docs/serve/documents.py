"""«Kiểm tra văn bản Word»: the page's check and fix, by the functions `antq check` and
`antq fix` call, with the command line's sentences and exit codes (as `status`)."""

from __future__ import annotations

import base64
from pathlib import PurePosixPath
from typing import Any

from ..i18n import _
from .names import upload_name

__all__ = ["check_upload", "fix_upload"]

# the exit codes of `antq check` and `antq fix` (cli/exit_codes.py), as the page reports them
OK, FINDINGS, INVALID = 0, 1, 2


def _finding(finding) -> dict[str, Any]:
    return {
        **finding.as_dict(),
        "severity_words": _(finding.severity),
        "counts": finding.counts,
        "text": str(finding),
    }


def grouped(findings) -> list[dict[str, Any]]:
    """Findings by the part of the page they stand in — the first words of their place
    («header», «body», «Nơi nhận, line 2» → «Nơi nhận») — in the order they come."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        part = finding.where.split(",")[0].strip() or _("document")
        groups.setdefault(part, []).append(_finding(finding))
    return [{"part": part, "findings": items} for part, items in groups.items()]


def check_upload(data: bytes, name: str) -> dict[str, Any]:
    """What `antq check FILE` says of the uploaded bytes."""
    from ..check import check_document
    from ..check.report import summary_line

    file = upload_name(name, "")
    try:
        result = check_document(data)
    except ValueError as exc:
        return _unreadable(file, str(exc))
    except Exception as exc:  # noqa: BLE001 — as `antq check` reports it: exit code 2
        return _unreadable(
            file,
            _("cannot be checked ({kind}: {detail})").format(kind=type(exc).__name__, detail=exc),
        )
    status = (
        INVALID
        if not result.administrative
        else FINDINGS
        if any(f.counts for f in result.findings)
        else OK
    )
    return {
        "status": status,
        "file": file,
        "recognised": result.recognised,
        "administrative": result.administrative,
        "summary": f"{file}: {summary_line(result)}",
        "groups": grouped(result.findings),
        "count": len(result.findings),
    }


def _unreadable(file: str, reason: str) -> dict[str, Any]:
    return {
        "status": INVALID,
        "file": file,
        "error": _("{file}: cannot be read: {reason}").format(file=file, reason=reason),
    }


def fix_upload(data: bytes, name: str) -> dict[str, Any]:
    """What `antq fix FILE` does to the uploaded bytes: the changes, what needs a person,
    the findings of the fixed file, and the fixed file itself (base64) to download."""
    from ..fix import Refused, fix_document
    from ..fix import report as told

    file = upload_name(name, "")
    try:
        result = fix_document(data, None, count_pages=True)
    except ValueError as exc:
        return _unreadable(file, str(exc))
    except Refused as exc:
        return {
            "status": INVALID,
            "file": file,
            "error": _("{file}: not changed: {reason}").format(file=file, reason=exc),
        }
    lines = told.change_lines(file, result) + told.failed_lines(file, result)
    grown = told.grown_line(file, result)
    if grown:
        lines.append(grown)
    stem = PurePosixPath(file).stem
    return {
        "status": FINDINGS if any(f.counts for f in result.after) else OK,
        "file": file,
        "recognised": result.recognised,
        "changes": lines,
        "needs_person": told.person_lines(file, result),
        "summary": told.summary_line(file, result),
        "groups": grouped(result.after),
        "download": f"{stem}.fixed.docx",
        "docx": base64.b64encode(result.docx).decode("ascii"),
    }
