"""Auditing a DOCX against Nghị định 30 (ours or typed by hand in Word or LibreOffice)."""

from .findings import Finding, Hit, Rule
from .run import CheckResult, check_document, check_docx, check_view
from .rules import RULES

__all__ = [
    "Finding",
    "Hit",
    "Rule",
    "RULES",
    "CheckResult",
    "check_docx",
    "check_document",
    "check_view",
]
