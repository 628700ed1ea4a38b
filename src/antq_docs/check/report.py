"""Findings for people (text), programs (JSON) and CI systems (SARIF 2.1.0)."""

from __future__ import annotations

import json

from .findings import Finding
from .rules import RULES
from .run import CheckResult
from ..i18n import _, ngettext

__all__ = ["findings_json", "findings_sarif", "summary_line", "rules_table"]


def summary_line(result: CheckResult) -> str:
    """«Kế hoạch: 2 errors, 3 warnings (1 estimate)», or why nothing was checked."""
    if not result.administrative:
        return _("{recognised}: not checked against Nghị định 30").format(
            recognised=result.recognised
        )
    if not result.findings:
        return _("{recognised}: no findings").format(recognised=result.recognised)
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = len(result.findings) - errors
    estimates = sum(f.certainty == "estimate" for f in result.findings)
    counts = ", ".join(
        [
            ngettext("{count} error", "{count} errors", errors).format(count=errors),
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        ]
    )
    if estimates:
        counts += (
            " ("
            + ngettext("{count} estimate", "{count} estimates", estimates).format(count=estimates)
            + ")"
        )
    return f"{result.recognised}: {counts}"


def findings_json(results: dict[str, CheckResult | str]) -> str:
    """[{file, recognised, administrative, findings}] or {file, error} for an unreadable
    file."""
    out: list[dict[str, object]] = []
    for file, result in results.items():
        if isinstance(result, str):
            out.append({"file": file, "error": result, "findings": []})
        else:
            out.append(
                {
                    "file": file,
                    "recognised": result.recognised,
                    "administrative": result.administrative,
                    "findings": [f.as_dict() for f in result.findings],
                }
            )
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(file: str, finding: Finding) -> dict:
    level = finding.severity if finding.certainty == "certain" else "note"
    excerpt = f" «{finding.excerpt}»" if finding.excerpt else ""
    return {
        "ruleId": finding.rule,
        "level": level,
        "message": {"text": f"{finding.where}{excerpt}: {finding.message}"},
        "locations": [
            {
                "physicalLocation": {"artifactLocation": {"uri": file}},
                "logicalLocations": [{"name": finding.where, "kind": "element"}],
            }
        ],
        "properties": {"clause": finding.clause, "certainty": finding.certainty},
    }


def findings_sarif(results: dict[str, CheckResult | str], version: str) -> str:
    """SARIF 2.1.0, so that CI systems can annotate the files."""
    rules = [
        {
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {"text": _(rule.title)},
            "properties": {"clause": rule.clause},
            "defaultConfiguration": {"level": rule.severity},
        }
        for rule in RULES
    ]
    found, notes = [], []
    for file, result in results.items():
        if isinstance(result, str):
            notes.append({"level": "error", "message": {"text": f"{file}: {result}"}})
            continue
        found += [_sarif_result(file, f) for f in result.findings]
    run = {
        "tool": {"driver": {"name": "antq", "version": version, "rules": rules}},
        "results": found,
    }
    if notes:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notes}]
    return (
        json.dumps(
            {
                "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                "version": "2.1.0",
                "runs": [run],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def rules_table() -> list[tuple[str, str, str, str]]:
    return [(rule.id, _(rule.severity), rule.clause, _(rule.title)) for rule in RULES]
