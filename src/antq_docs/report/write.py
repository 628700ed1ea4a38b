"""`antq new bao-cao --from plan.yaml`: choose the reporting unit, write its report skeleton
and check it as `antq render` will read it, before anything is written."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError, PlanError, Problem
from ..i18n import _
from ..validate.rules import normalise_unit
from .reference import Period
from .skeleton import ReportRequest, Result, report_yaml

if TYPE_CHECKING:
    from ..model.org import Org
    from ..model.plan import Plan

__all__ = ["PlanForReports", "read_plan", "choose_unit", "write_report"]


@dataclass
class PlanForReports:
    """The plan reports answer, read once: its model, its profile, its province."""

    path: Path
    plan: Plan
    org: Org | None
    province: str | None


def read_plan(path: Path) -> PlanForReports:
    from ..validate import load_plan

    validated = load_plan(path)
    if validated.plan.type != "KH" and validated.plan.answers is not None:
        raise PlanError(
            [Problem(str(path), 0, 0, "", _("this is a report; give the Kế hoạch it answers"))]
        )
    province = validated.org.province if validated.org is not None else None
    return PlanForReports(path, validated.plan, validated.org, province)


def choose_unit(source: PlanForReports, unit: str | None, org=None) -> str:
    """The unit as the plan names it: `--unit`, else the profile's, else the plan's only
    one; a group name is refused with its members, an unknown name with the nearest."""
    from ..validate.assignments import assignments_of, members_of, open_groups
    from ..validate.assignments import plan_assignments, working_units

    plan, province = source.plan, source.province
    units = working_units(plan, province)
    if not units:
        raise _refused(source, _("the plan gives no unit work: no item has 'unit:'"))
    wanted = unit or (_org_unit(org, units) if org is not None else None)
    if wanted is None:
        if len(units) == 1:
            return units[0]
        raise _refused(
            source,
            _("the plan gives work to {count} units; choose one with --unit: {units}").format(
                count=len(units), units="; ".join(units)
            ),
        )
    by_key = {normalise_unit(name): name for name in units}
    if normalise_unit(wanted) in by_key and normalise_unit(wanted) not in {
        normalise_unit(g) for g in open_groups(plan, province)
    }:
        return by_key[normalise_unit(wanted)]
    if normalise_unit(wanted) not in by_key and assignments_of(wanted, plan, province):
        return wanted  # one of a group the plan names by its kind («Các sở, ban, ngành»)
    for assignment in plan_assignments(plan):
        if normalise_unit(assignment.unit) == normalise_unit(wanted):
            members = members_of(assignment.unit, plan, province)
            if not members:
                raise _refused(
                    source,
                    _(
                        "'{unit}' is a group, each of whose units reports; give one with --unit "
                        "(«Sở Tài chính»), or list them in 'covers:' of its Nơi nhận line"
                    ).format(unit=wanted),
                )
            raise _refused(
                source,
                _(
                    "'{unit}' stands for {count} units, each of which reports; choose one with "
                    "--unit: {members}"
                ).format(unit=wanted, count=len(members), members="; ".join(members[:12])),
            )
    close = difflib.get_close_matches(wanted, units, n=1, cutoff=0.6)
    hint = (
        _("; did you mean '{close}'?").format(close=close[0])
        if close
        else _("; the units with work are: {units}").format(units="; ".join(units[:12]))
    )
    raise _refused(source, _("the plan gives '{unit}' no work").format(unit=wanted) + hint)


def _org_unit(org, units: list[str]) -> str | None:
    """The profile's unit when the plan names it: its short name, or its name in words."""
    for name in (org.issuer.short_name, " ".join(org.issuer.name.split())):
        if name and normalise_unit(name) in {normalise_unit(u) for u in units}:
            return str(name)
    return None


def _refused(source: PlanForReports, message: str) -> PlanError:
    return PlanError([Problem(str(source.path), 0, 0, "", message)])


def write_report(
    source: PlanForReports,
    unit: str,
    target: Path,
    *,
    org=None,
    period: Period | None = None,
    results: dict[str, Result] | None = None,
    force: bool = False,
) -> list[Problem]:
    """Write the unit's report to `target`; its warnings (none when it is complete)."""
    from ..output import write_atomic
    from ..validate import load_plan

    if target.exists() and not force:
        raise OutputError(
            str(target),
            _("already exists; choose another name with -o, or add --force to replace it"),
        )
    relative = Path(os.path.relpath(source.path.resolve(), target.resolve().parent))
    request = ReportRequest(
        source.plan,
        unit,
        relative.as_posix(),
        org=org,
        plan_org=source.org,
        period=period,
        province=source.province,
        results=results or {},
    )
    text = report_yaml(request)
    probe = target.with_name(f".{target.name}.check.yaml")
    try:
        write_atomic(probe, text.encode("utf-8"))
    except OutputError as exc:  # the clerk asked for `target`: never name the probe
        raise OutputError(str(target), exc.message) from None
    from ..validate.report_lint import plan_folder

    try:
        with plan_folder(source.path.parent):
            validated = load_plan(probe)
        from ..content.build import build_document

        build_document(validated.plan, validated.source)
    except PlanError as exc:
        raise PlanError([_renamed(p, probe, target) for p in exc.problems]) from None
    finally:
        probe.unlink(missing_ok=True)
    write_atomic(target, text.encode("utf-8"))
    return [_renamed(w, probe, target) for w in validated.warnings]


def _renamed(problem: Problem, probe: Path, target: Path) -> Problem:
    from dataclasses import replace

    return replace(problem, file=str(target)) if problem.file == str(probe) else problem
