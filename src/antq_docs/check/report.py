"""Findings as text for people or JSON for programs."""

from __future__ import annotations

import json

from .findings import Finding
from .rules import RULES

__all__ = ["findings_json", "rules_table"]


def findings_json(results: dict[str, list[Finding] | str]) -> str:
    """{file: [finding, …]} or {file: "error message"} for an unreadable file."""
    out = []
    for file, findings in results.items():
        if isinstance(findings, str):
            out.append({"file": file, "error": findings, "findings": []})
        else:
            out.append({"file": file, "findings": [f.as_dict() for f in findings]})
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def rules_table() -> list[tuple[str, str, str, str]]:
    return [(rule.id, rule.severity, rule.clause, rule.title) for rule in RULES]
