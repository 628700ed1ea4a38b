"""`antq test`: render every example (and template), audit it, compare it with its snapshot.

This is what a template maintainer's CI runs: a change that breaks the format (a finding
from `antq check`) or changes the text (a snapshot difference) fails it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PlanError, Problem
from .i18n import _

__all__ = ["CaseResult", "discover", "kind_plans", "run_case", "SNAPSHOT_YEAR"]

#: The year the kind templates are rendered for in snapshots (any year works; one is fixed
#: so that the snapshots do not change with the calendar).
SNAPSHOT_YEAR = 2026


@dataclass
class CaseResult:
    name: str
    findings: list = field(default_factory=list)
    diff: str = ""
    problems: list = field(default_factory=list)  # the plan did not render
    updated: bool = False

    @property
    def ok(self) -> bool:
        return not (self.findings or self.diff or self.problems)


def discover(root: Path) -> list[Path]:
    """The plans a project keeps: examples/*.yaml and any plan under templates/."""
    plans = sorted((root / "examples").glob("*.yaml"))
    plans += sorted(
        p
        for p in (root / "templates").glob("**/*.yaml")
        if p.is_file() and not p.name.startswith("_")
    )
    return plans


def kind_plans(root: Path, folder: Path, year: int = SNAPSHOT_YEAR) -> list[Path]:
    """Every kind written with every profile in examples/orgs/, as `antq new` writes them."""
    from .kinds import KINDS
    from .load.yaml_source import load_source
    from .new import write_new_plan
    from .validate import validate_org

    plans = []
    for profile in sorted((root / "examples" / "orgs").glob("*.yaml")):
        org = validate_org(load_source(profile))
        for kind in (name for name, entry in KINDS.items() if entry.accepts(org)):
            target = folder / f"new-{kind}-{profile.stem}.yaml"
            write_new_plan(kind, year, profile, target, force=True)
            plans.append(target)
    return plans


def run_case(plan: Path, snapshots: Path, *, update: bool = False) -> CaseResult:
    from .check import check_docx
    from .inspect import dump_text, read_docx
    from .render import render_file

    result = CaseResult(plan.stem)
    try:
        docx = render_file(plan).docx
    except PlanError as exc:
        result.problems = list(exc.problems)
        return result
    except Exception as exc:  # noqa: BLE001 — reported for this plan; the others still run
        result.problems = [
            Problem(
                str(plan),
                0,
                0,
                "",
                _("cannot be rendered: {name}: {exc}").format(
                    name=type(exc).__name__, exc=str(exc)[:200]
                ),
            )
        ]
        return result
    result.findings = check_docx(docx)
    actual = dump_text(read_docx(docx))
    snapshot = snapshots / f"{plan.stem}.txt"
    expected = snapshot.read_text("utf-8") if snapshot.exists() else ""
    if actual != expected:
        if update:
            snapshots.mkdir(parents=True, exist_ok=True)
            snapshot.write_text(actual, "utf-8", newline="\n")
            result.updated = True
        else:
            result.diff = "\n".join(
                difflib.unified_diff(
                    expected.splitlines(),
                    actual.splitlines(),
                    f"{snapshot} (expected)",
                    f"{plan} (rendered)",
                    lineterm="",
                )
            )
    return result
