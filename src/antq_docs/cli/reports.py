"""`antq new bao-cao --from plan.yaml`: one unit's báo cáo kết quả (the logic is in
antq_docs.report); called by `antq new`, which it extends with this one kind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pathlib import Path

from ..i18n import N_, _
from .console import echo, error, report
from .exit_codes import ExitCode

__all__ = ["REPORT_KIND", "REPORT_SUMMARY", "new_report"]

REPORT_KIND = "bao-cao"
REPORT_SUMMARY = N_(
    "a unit's báo cáo kết quả on the work a plan gave it (--from plan.yaml, --unit …)"
)


if TYPE_CHECKING:
    from ..report.reference import Period


def new_report(
    plan: Path | None,
    unit: str | None,
    org: Path | None,
    period: str | None,
    output: Path | None,
    force: bool,
    sheet: Path | None = None,
) -> int:
    """The exit code; antq's errors are raised for the guarded runner to tell."""
    from ..report.write import choose_unit, read_plan, write_report

    if plan is None:
        error(_("give --from with the plan the report answers: antq new bao-cao --from plan.yaml"))
        return ExitCode.INVALID
    if not plan.is_file():
        error(_("--from {path}: no such file; give the plan's YAML").format(path=plan))
        return ExitCode.INVALID
    if sheet is not None:
        return _new_sheet(plan, sheet, force)
    target = output or Path("bao-cao.yaml")
    if target.suffix.lower() not in (".yaml", ".yml"):
        error(_("-o {path}: a plan is a .yaml file").format(path=target))
        return ExitCode.INVALID
    the_period = _period(period)
    if the_period is False:
        return ExitCode.INVALID
    profile = None
    if org is not None:
        from ..load.yaml_source import load_source
        from ..validate import validate_org

        profile = validate_org(load_source(org))
    source = read_plan(plan)
    chosen = choose_unit(source, unit, profile)
    warnings = write_report(source, chosen, target, org=profile, period=the_period, force=force)
    report(warnings)
    echo(_("wrote {path}: the report of {unit}").format(path=target, unit=chosen))
    return ExitCode.OK


def _new_sheet(plan: Path, sheet: Path, force: bool) -> int:
    """`--sheet ket-qua.xlsx`: the results sheet every unit with work fills in."""
    from ..output import check_overwrite, write_atomic
    from ..report.sheet import results_workbook, sheet_rows
    from ..report.write import read_plan

    if sheet.suffix.lower() != ".xlsx":
        error(_("--sheet {path}: the results sheet is an .xlsx workbook").format(path=sheet))
        return ExitCode.INVALID
    source = read_plan(plan)
    rows = sheet_rows(source)
    if not rows:
        error(_("{path}: the plan gives no unit work: no item has 'unit:'").format(path=plan))
        return ExitCode.INVALID
    check_overwrite(sheet, force=force)
    write_atomic(sheet, results_workbook(source))
    echo(
        _("wrote {path}: {rows} row(s) for {units} unit(s) to fill in").format(
            path=sheet, rows=len(rows), units=len({r.unit for r in rows})
        )
    )
    for group in sorted({r.unit for r in rows if r.open_group}):
        echo(
            _(
                "{group}: the plan does not name its members; each writes its own name over "
                "the group's in its rows"
            ).format(group=group),
            err=True,
        )
    return ExitCode.OK


def _sheet_of_this_plan(results: Path, source) -> str | None:
    """Why a results workbook made by antq cannot be read against this plan, or None."""
    from ..batch.xlsx_package import XLSX_SUFFIXES, hidden_values
    from ..report.sheet import DIGEST_SHEET, plan_digest

    if results.suffix.lower() not in XLSX_SUFFIXES:
        return None
    made = hidden_values(results, DIGEST_SHEET)
    if made is None or made.get("digest") == plan_digest(source):
        return None  # a sheet the office made itself: its rows are checked one by one
    return _(
        "{sheet} was made from another version of {plan} (the units or their work have "
        "changed since): make a new sheet with antq new bao-cao --from {plan} --sheet "
        "ket-qua.xlsx and copy the results into it"
    ).format(sheet=results, plan=source.path)


def _read_results(results: Path, source):
    """The results table; a workbook's problems placed as `'Kết quả'!B12`."""
    from ..batch.reports import read_results
    from ..batch.workbook import relocate
    from ..batch.xlsx_package import XLSX_SUFFIXES, sheet_names
    from ..errors import PlanError

    try:
        return read_results(results, source)
    except PlanError as exc:
        if results.suffix.lower() not in XLSX_SUFFIXES:
            raise
        raise relocate(exc, results, sheet_names(results)[0]) from None


def batch_reports(
    plan: Path | None,
    results: Path | None,
    output: Path,
    *,
    consolidate: bool,
    period: str | None,
    force: bool,
) -> int:
    """`antq batch bao-cao --from plan.yaml --results ket-qua.csv [--consolidate] -o out/`."""
    from ..batch.reports import write_reports
    from ..report.write import read_plan

    if plan is None or results is None:
        error(
            _(
                "give --from with the plan and --results with the results table: antq batch "
                "bao-cao --from plan.yaml --results ket-qua.xlsx -o out/"
            )
        )
        return ExitCode.INVALID
    for given, option in ((plan, "--from"), (results, "--results")):
        if not given.is_file():
            error(_("{option} {path}: no such file").format(option=option, path=given))
            return ExitCode.INVALID
    the_period = _period(period)
    if the_period is False:
        return ExitCode.INVALID
    source = read_plan(plan)
    other = _sheet_of_this_plan(results, source)
    if other is not None:
        error(other)
        return ExitCode.INVALID
    table = _read_results(results, source)
    outcome = write_reports(
        source, table, output, consolidate=consolidate, period=the_period, force=force
    )
    report(outcome.warnings)
    for group in outcome.skipped:
        echo(
            _(
                "{group}: no report; the plan does not say which units it stands for: list them "
                "in 'covers:' of its Nơi nhận line, or give each its rows in the results table"
            ).format(group=group),
            err=True,
        )
    for unit, why in outcome.failed:
        error(_("{unit}: not written: {why}").format(unit=unit, why=why))
    echo(_("wrote {count} report(s) in {folder}").format(count=len(outcome.written), folder=output))
    return ExitCode.FINDINGS if outcome.failed else ExitCode.OK


def _period(period: str | None) -> Period | Literal[False] | None:
    """`--period` read, or False when it is not a month or a year (the message is shown)."""
    from ..report.reference import Period

    try:
        return Period(period) if period is not None else None
    except ValueError:
        error(
            _("--period {period}: write a month as 8/2026 or a year as 2026").format(period=period)
        )
        return False
