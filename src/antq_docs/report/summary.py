"""The issuer's summary of its units' reports: per assignment, in the plan's order, what each
unit reported; and the table of every (unit, assignment), collated as reported, not summed."""

from __future__ import annotations

from typing import Any

from ..i18n import _
from ..model.plan import Plan
from ..nd30 import REPORT_TYPE
from ..validate.assignments import Assignment, belongs_to, members_of, plan_assignments
from ..validate.assignments import report_deadline
from .reference import Period, issuer_in_text, plan_about, plan_reference
from .skeleton import GUIDE, ReportRequest, Result, as_yaml, outline_sections, report_date
from .skeleton import report_symbol

__all__ = ["summary_data", "summary_yaml", "summary_lines", "SUMMARY_TITLE"]

SUMMARY_TITLE = "Biểu tổng hợp kết quả thực hiện nhiệm vụ của các đơn vị"
_COLUMNS: list[Any] = [
    {"title": "TT", "align": "center"},
    {"title": "Nhiệm vụ theo Kế hoạch", "width": 6.5},
    {"title": "Đơn vị", "width": 4.0},
    {"title": "Vai trò", "align": "center", "width": 2.2},
    {"title": "Thời hạn", "align": "center", "width": 2.4},
    {"title": "Kết quả", "width": 5.0},
    {"title": "Tiến độ", "align": "center", "width": 2.3},
    {"title": "Ghi chú"},
]
_REPORTED_UP = ("b/cáo", "báo cáo", "b/c")


def summary_lines(
    plan: Plan, results: dict[str, dict[str, Result]], province: str | None = None
) -> list[tuple[Assignment, list[tuple[str, Result | None]]]]:
    """Each assignment, in the plan's order, with each of its units (a group's members one
    by one) and what that unit reported (None: nothing yet)."""
    from ..validate.rules import normalise_unit

    lines = []
    for assignment in plan_assignments(plan):
        # a group the plan names by its kind: the members the results table names
        named = [
            next(iter(rows.values())).unit
            for rows in results.values()
            if belongs_to(next(iter(rows.values())).unit, assignment.unit)
        ]
        units = members_of(assignment.unit, plan, province) or named or [assignment.unit]
        lines.append(
            (
                assignment,
                [(u, results.get(normalise_unit(u), {}).get(assignment.ref)) for u in units],
            )
        )
    return lines


def summary_data(
    plan: Plan,
    results: dict[str, dict[str, Result]],
    *,
    plan_file: str,
    province: str | None = None,
    period: Period | None = None,
) -> dict[str, Any]:
    """The summary report the plan's issuer sends up (to the plan's «để b/cáo» recipients)."""
    issuer = plan.issuer
    lines = summary_lines(plan, results, province)
    upward = [r.name for r in plan.recipients if any(w in (r.note or "") for w in _REPORTED_UP)]
    request = ReportRequest(plan, "", plan_file, period=period, province=province)
    found: dict[str, Any] = {"name": issuer.name}
    if issuer.parent:
        found["parent"] = issuer.parent
    found |= {
        "symbol": report_symbol(issuer.symbol),
        "place": issuer.place,
        "date": report_date(report_deadline("", plan, province), request),
        "short_name": issuer_in_text(plan),
    }
    subject = f"Kết quả thực hiện {plan_reference(plan)} {plan_about(plan)}"
    data: dict[str, Any] = {"issuer": found, "type": REPORT_TYPE, "subject": subject}
    if period is not None:
        data["subject"] = f"{subject} ({period.phrase})"
    if upward:
        data["addressees"] = upward
    data |= {
        "preamble": {
            "verb": "Thực hiện",
            "bases": [f"Thực hiện {plan_reference(plan)} {plan_about(plan)}"],
            "text": (
                f"Trên cơ sở báo cáo của các đơn vị, {issuer_in_text(plan)} tổng hợp kết quả "
                "thực hiện như sau:"
            ),
        },
        "sections": outline_sections([_item(a, units) for a, units in lines]),
        "closing": (f"Trên đây là báo cáo tổng hợp kết quả thực hiện {plan_reference(plan)}."),
        # sent up: «Như trên» stands for the Kính gửi; else to the plan's first recipient
        "recipients": ["Như trên"] if upward else [plan.recipients[0].name],
        "filing": {"units": list(plan.filing.units)},
        "signature": plan.signature.model_dump(exclude_none=True),
        "appendices": [_table(lines)],
    }
    return data


def summary_yaml(plan: Plan, results: dict[str, dict[str, Result]], **given: Any) -> str:
    head = [
        "# "
        + _("Summary of the units' reports on {plan}, collated from the results table.").format(
            plan=plan_reference(plan)
        )
    ]
    return as_yaml(summary_data(plan, results, **given), head)


def _item(assignment: Assignment, units: list[tuple[str, Result | None]]) -> dict[str, Any]:
    said = "; ".join(
        [f"mục {assignment.ref} của Kế hoạch"]
        + ([f"thời hạn {assignment.deadline}"] if assignment.deadline else [])
    )
    return {
        "title": f"{assignment.task.rstrip('.')} ({said})",
        "ref": assignment.ref,
        "numbering": "dash",
        "items": [_unit_line(unit, result) for unit, result in units],
    }


def _unit_line(unit: str, result: Result | None) -> str:
    if result is None or not (result.result or result.progress):
        return f"{unit}: chưa báo cáo."
    words = result.result.rstrip(".") if result.result else GUIDE
    if result.progress:
        words += f" ({result.progress.casefold()})"
    return f"{unit}: {words}."


def _table(lines: list[tuple[Assignment, list[tuple[str, Result | None]]]]) -> dict[str, Any]:
    rows: list[list[Any]] = []
    for number, (assignment, units) in enumerate(lines, start=1):
        for index, (unit, result) in enumerate(units):
            given = result or Result()
            own = [
                unit,
                assignment.role.capitalize(),
                assignment.deadline or GUIDE,
                given.result or GUIDE,
                given.progress or GUIDE,
                given.note or "",
            ]
            if index == 0:  # the task once, over the rows of its units
                span = len(units)
                task = f"{assignment.task.rstrip('.')} (mục {assignment.ref})"
                head: list[Any] = (
                    [{"text": str(number), "rows": span}, {"text": task, "rows": span}]
                    if span > 1
                    else [number, task]
                )
                rows.append(head + own)
            else:
                rows.append(own)
    return {
        "title": SUMMARY_TITLE,
        "orientation": "landscape",
        "table": {"columns": _COLUMNS, "rows": rows},
    }
