"""Running every rule over a document."""

from __future__ import annotations

from pathlib import Path

from ..inspect.docx_read import DocxView, read_docx
from .findings import Finding
from .locate import locate
from .rules import RULES

__all__ = ["check_docx", "check_view"]


def check_view(view: DocxView) -> list[Finding]:
    parts = locate(view)
    findings: list[Finding] = []
    for rule in RULES:
        findings += rule.run(parts)
    return findings


def check_docx(source: bytes | str | Path) -> list[Finding]:
    """All findings for one DOCX; ValueError if it cannot be read."""
    return check_view(read_docx(source))
