"""Running every rule over a document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..inspect.docx_read import DocxView, read_docx, read_written
from .findings import Finding
from .locate import locate
from .rules import RULES
from ..i18n import _

__all__ = ["CheckResult", "check_docx", "check_view", "check_document", "check_written"]

MAX_FINDINGS = 500


@dataclass
class CheckResult:
    recognised: str  # what the document was read as: "Kế hoạch", "công văn", …
    findings: list[Finding]
    administrative: bool = True  # False: not a document Nghị định 30 governs


def check_view(view: DocxView) -> list[Finding]:
    return check_parts_result(view).findings


def check_parts_result(view: DocxView) -> CheckResult:
    parts = locate(view)
    findings: list[Finding] = []
    # A paper that is not an administrative document gets one finding, not thirty.
    for rule in RULES if parts.administrative else RULES[:1]:
        findings += rule.run(parts)
    if len(findings) > MAX_FINDINGS:
        left = len(findings) - MAX_FINDINGS
        findings = findings[:MAX_FINDINGS] + [
            Finding(
                "ND30-TOO-MANY",
                "warning",
                "–",
                _("document"),
                "",
                _(
                    "{left:,} more findings not shown; correct these first (antq fix "
                    "corrects most of them)"
                ).format(left=left),
            )
        ]
    return CheckResult(parts.kind, findings, parts.administrative)


def check_docx(source: bytes | str | Path) -> list[Finding]:
    """All findings for one DOCX; ValueError if it cannot be read."""
    return check_view(read_docx(source))


def check_written(parts: dict[str, bytes]) -> list[Finding]:
    """All findings for a document its writer still holds as parts (render_docx_parts):
    what check_docx finds in the zip of those parts, without unzipping it."""
    return check_view(read_written(parts))


def check_document(source: bytes | str | Path) -> CheckResult:
    """The findings and what the document was recognised as; ValueError if unreadable."""
    return check_parts_result(read_docx(source))
