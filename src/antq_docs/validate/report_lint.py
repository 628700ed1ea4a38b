"""A báo cáo kết quả against the plan it answers (`answers:`): each of the unit's
assignments reported once, by `ref:`, and the report dated no later than the plan asks."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from contextvars import ContextVar
from collections.abc import Iterator
from pathlib import Path

from ..errors import PlanError, Problem
from ..load.yaml_source import PathKey, Source
from ..model.plan import Plan
from ..model.timeline import YearlyDay
from ..nd30.forms import short_date
from ..i18n import N_, _
from .walk import walk_items

__all__ = ["report_warnings", "REPORT_RULES", "answered_plan", "plan_folder"]

# The folder of the plan that the command writing reports was given (`--from`): its reports
# may name the plan there, wherever they are written.
_GIVEN: ContextVar[tuple[Path, ...]] = ContextVar("answered_plan_folders", default=())


@contextlib.contextmanager
def plan_folder(folder: Path) -> Iterator[None]:
    token = _GIVEN.set((*_GIVEN.get(), folder.resolve()))
    try:
        yield
    finally:
        _GIVEN.reset(token)


REPORT_RULES = {
    "LINT-REPORT-COVERAGE": N_("a report answers each assignment of its unit exactly once"),
    "LINT-REPORT-DATE": N_("a report dated after the plan's deadline for it"),
}


def report_warnings(plan: Plan, source: Source) -> list[Problem]:
    """Nothing for a plan that answers none; else the warnings of both rules."""
    if plan.answers is None:
        return []
    try:
        answered = answered_plan(source.file, plan.answers.plan)
    except PlanError as exc:
        first = exc.problems[0]
        return [
            _warn(
                source,
                ("answers", "plan"),
                "LINT-REPORT-COVERAGE",
                _("the plan this report answers cannot be read ({file}:{line}: {message})").format(
                    file=first.file, line=first.line, message=first.message
                ),
            )
        ]
    return list(_coverage(plan, source, *answered)) + list(_date(plan, source, *answered))


def answered_plan(report_file: str, plan_file: str) -> tuple[Plan, str | None]:
    """The answered plan and its province (for groups of xã/phường), read from the
    report's folder, or a folder antq is given, only."""
    from ..load.merge import allowed_folders

    report = Path(report_file)
    path = (report.parent / plan_file).resolve()
    folders = (*allowed_folders(report), *_GIVEN.get())
    if not any(path.is_relative_to(folder) for folder in folders):
        raise PlanError(
            [
                Problem(
                    report_file,
                    0,
                    0,
                    "answers.plan",
                    _(
                        "{path} is outside the report's folder; put the report beside the plan, "
                        "or give the plan's folder with --profiles (or ANTQ_PROFILES)"
                    ).format(path=plan_file),
                )
            ]
        )
    if not path.is_file():
        raise PlanError(
            [
                Problem(
                    report_file, 0, 0, "answers.plan", _("{path}: no such file").format(path=path)
                )
            ]
        )
    if path in _READING or path == report.resolve():
        raise PlanError(
            [
                Problem(
                    report_file,
                    0,
                    0,
                    "answers.plan",
                    _("{path} is a report answering this one; name the Kế hoạch").format(
                        path=plan_file
                    ),
                )
            ]
        )
    stat = path.stat()
    _READING.add(path)
    try:
        return _read(path, stat.st_mtime_ns, stat.st_size)
    finally:
        _READING.discard(path)


_READING: set[Path] = set()  # plans being read: a report may not answer itself, even round


@functools.lru_cache(maxsize=8)
def _read(path: Path, _mtime: int, _size: int) -> tuple[Plan, str | None]:
    # a batch validates many reports of one plan: read it once while it is unchanged
    from . import load_plan

    validated = load_plan(path)
    return validated.plan, (validated.org.province if validated.org is not None else None)


def _warn(source: Source, path: PathKey, rule: str, message: str) -> Problem:
    return source.problem(path, f"{message} [{rule}]", severity="warning")


def _coverage(
    plan: Plan, source: Source, answered: Plan, province: str | None
) -> Iterator[Problem]:
    from .assignments import assignments_of, working_units

    assert plan.answers is not None
    unit = plan.answers.unit
    expected = {a.ref: a for a in assignments_of(unit, answered, province)}
    if not expected:
        yield _warn(
            source,
            ("answers", "unit"),
            "LINT-REPORT-COVERAGE",
            _(
                "the plan gives '{unit}' no work; write the unit as the plan names it: {units}"
            ).format(unit=unit, units="; ".join(working_units(answered, province)[:8])),
        )
        return
    seen: dict[str, PathKey] = {}
    for path, item in walk_items(plan):
        if item.ref is None:
            continue
        if item.ref not in expected:
            yield _warn(
                source,
                path + ("ref",),
                "LINT-REPORT-COVERAGE",
                _("the plan gives '{unit}' no work at {ref}; its work is at {refs}").format(
                    unit=unit, ref=item.ref, refs=", ".join(expected)
                ),
            )
        elif item.ref in seen:
            line, _column = source.locate(seen[item.ref] + ("ref",))
            yield _warn(
                source,
                path + ("ref",),
                "LINT-REPORT-COVERAGE",
                _("{ref} is reported twice, here and on line {line}; keep one").format(
                    ref=item.ref, line=line
                ),
            )
        else:
            seen[item.ref] = path
    for ref, assignment in expected.items():
        if ref not in seen:
            yield _warn(
                source,
                ("sections",),
                "LINT-REPORT-COVERAGE",
                _(
                    "the plan's item {ref} ({role}: {task}) is not reported; add an item with "
                    "'ref: {ref}' under the results"
                ).format(ref=ref, role=assignment.role, task=assignment.task[:80]),
            )


def _date(plan: Plan, source: Source, answered: Plan, province: str | None) -> Iterator[Problem]:
    from .assignments import report_deadline

    assert plan.answers is not None
    asked = report_deadline(plan.answers.unit, answered, province)
    date = plan.issuer.date
    if asked is None or date.year is None or date.month is None:
        return
    due = asked.due
    if due is None:
        yearly = _yearly(asked.ref, answered)
        if yearly is None:
            return
        day, month = (int(part) for part in yearly.every_year.split("/"))
        due = dt.date(date.year, month, day)
    late = (
        dt.date(date.year, date.month, date.day) > due
        if date.day is not None
        else (date.year, date.month) > (due.year, due.month)
    )
    if late:
        yield _warn(
            source,
            ("issuer", "date"),
            "LINT-REPORT-DATE",
            _(
                "the report is dated after {due}, the day the plan asks it by ({ref}); date it "
                "on or before that day"
            ).format(due=short_date(due), ref=asked.ref),
        )


def _yearly(ref: str, plan: Plan) -> YearlyDay | None:
    from .assignments import numbered_items

    for where, item in numbered_items(plan):
        if where == ref and isinstance(item.deadline, YearlyDay):
            return item.deadline
    return None
