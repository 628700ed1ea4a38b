"""`antq batch bao-cao --from plan.yaml --results ket-qua.csv [--consolidate] -o out/`: every
unit's báo cáo kết quả from a results table, and the issuer's summary of them all.

The results table is read by the batch's own table reader (CSV or a YAML list), one row per
(unit, assignment): `unit`, `ref`, and `result`, `progress`, `note` (or their Vietnamese
headings). Every row is checked before anything is written; each report is written as its
YAML and its DOCX, the DOCX checked with the rules of `antq check` first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError, PlanError, Problem
from ..i18n import _
from ..report.reference import Period
from ..report.skeleton import Result, untouched
from ..report.write import PlanForReports, write_report
from ..validate.rules import normalise_unit
from .naming import file_names

__all__ = ["ReportsOutcome", "read_results", "write_reports", "PROGRESS", "SUMMARY_NAME"]

#: The progress a results table may give (the dropdown the results sheet offers).
PROGRESS = ("Hoàn thành", "Đang thực hiện", "Chưa thực hiện")
SUMMARY_NAME = "bao-cao-tong-hop"
_HEADINGS = {
    "unit": "unit",
    "đơn vị": "unit",
    "ref": "ref",
    "mục": "ref",
    "result": "result",
    "kết quả": "result",
    "progress": "progress",
    "tiến độ": "progress",
    "note": "note",
    "ghi chú": "note",
    # the results sheet's other columns (report/sheet.py), told in the result and the note
    "số liệu": "figures",
    "khó khăn, vướng mắc": "difficulties",
    "đề xuất, kiến nghị": "proposals",
}


@dataclass
class ReportsOutcome:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (unit, why)
    skipped: list[str] = field(default_factory=list)  # groups whose members are not known
    warnings: list[Problem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def read_results(path: Path, source: PlanForReports) -> dict[str, dict[str, Result]]:
    """{unit (normalised): {ref: Result}}; PlanError listing every row that is wrong."""
    from ..validate.assignments import open_groups, working_units
    from .rows import _records  # the table reader of `antq batch rows.csv`

    groups = {normalise_unit(g) for g in open_groups(source.plan, source.province)}
    units = {
        normalise_unit(u): u
        for u in working_units(source.plan, source.province)
        if normalise_unit(u) not in groups
    }
    found: dict[str, dict[str, Result]] = {}
    problems: list[Problem] = []
    for line, record, locate in _records(path):
        if not isinstance(record, dict):
            problems.append(Problem(str(path), line, 1, "", _("a row is 'column: value' pairs")))
            continue
        row = _Row(path, line, record, locate)
        problem = row.problem(source, units, found)
        if problem is not None:
            problems.append(problem)
            continue
        key, ref = normalise_unit(row.get("unit")), row.get("ref")
        progress = row.get("progress").casefold()
        canonical = next((p for p in PROGRESS if p.casefold() == progress), "")
        found.setdefault(key, {})[ref] = Result(
            _joined(row.get("result"), ("Số liệu", row.get("figures"))),
            canonical,
            _joined(
                row.get("note"),
                ("Khó khăn, vướng mắc", row.get("difficulties")),
                ("Đề xuất, kiến nghị", row.get("proposals")),
            ),
            row.get("unit"),
        )
    if problems:
        raise PlanError(problems)
    return found


class _Row:
    """One row of the results table, its columns by their English names."""

    def __init__(self, path: Path, line: int, record: dict, locate) -> None:
        self.path, self.line, self.locate = path, line, locate
        self.columns = {
            _HEADINGS.get(_heading(k), _heading(k)): str(k) for k in record
        }  # english name -> the heading as written
        self.values = {
            _HEADINGS.get(_heading(k), _heading(k)): str(v or "").strip() for k, v in record.items()
        }

    def get(self, column: str) -> str:
        return self.values.get(column, "")

    def at(self, column: str, message: str) -> Problem:
        heading = self.columns.get(column, column)
        row, col = self.locate(heading)
        return Problem(str(self.path), row or self.line, col or 1, heading, message)

    def problem(
        self, source: PlanForReports, units: dict[str, str], found: dict[str, dict[str, Result]]
    ) -> Problem | None:
        from ..validate.assignments import assignments_of

        key = normalise_unit(self.get("unit"))
        if key not in units and assignments_of(self.get("unit"), source.plan, source.province):
            units[key] = self.get("unit")  # a member of a group the plan names by its kind
        if key not in units:
            return self.at(
                "unit",
                _("'{unit}' has no work in the plan; the units with work are: {units}").format(
                    unit=self.get("unit"), units="; ".join(list(units.values())[:8])
                ),
            )
        refs = [a.ref for a in assignments_of(units[key], source.plan, source.province)]
        ref = self.get("ref")
        if ref not in refs:
            return self.at(
                "ref",
                _("{unit} has no work at '{ref}' in the plan; its work is at {refs}").format(
                    unit=units[key], ref=ref, refs=", ".join(refs)
                ),
            )
        progress = self.get("progress").casefold()
        if progress and progress not in {p.casefold() for p in PROGRESS}:
            return self.at(
                "progress",
                _("write the progress as one of: {choices}").format(choices="; ".join(PROGRESS)),
            )
        if ref in found.get(key, {}):
            return self.at(
                "ref",
                _("{unit}, {ref} has a row already; keep one").format(unit=units[key], ref=ref),
            )
        return None


def write_reports(
    source: PlanForReports,
    results: dict[str, dict[str, Result]],
    output: Path,
    *,
    consolidate: bool = False,
    period: Period | None = None,
    force: bool = False,
) -> ReportsOutcome:
    """Each unit's report (YAML and DOCX) into `output`, then the summary when asked."""
    from ..validate.assignments import open_groups, working_units

    outcome = ReportsOutcome()
    groups = open_groups(source.plan, source.province)
    units = [u for u in working_units(source.plan, source.province) if u not in groups]
    known = {normalise_unit(u) for u in units}
    units += [  # members of a group the plan names by its kind, as the table names them
        next(iter(rows.values())).unit for key, rows in results.items() if key not in known
    ]
    outcome.skipped += groups
    names = file_names("bao-cao-{unit}", [{"unit": unit} for unit in units])
    output.mkdir(parents=True, exist_ok=True)
    for unit, name in zip(units, names, strict=True):
        target = output / f"{name}.yaml"
        try:
            outcome.warnings += write_report(
                source,
                unit,
                target,
                period=period,
                results=results.get(normalise_unit(unit), {}),
                force=force or untouched(target),
            )
            _render(target, source, outcome, force)
        except (PlanError, OutputError) as exc:
            outcome.failed.append((unit, _why(exc)))
    if consolidate:
        _summary(source, results, output, period, outcome, force)
    return outcome


def _summary(
    source: PlanForReports,
    results: dict[str, dict[str, Result]],
    output: Path,
    period: Period | None,
    outcome: ReportsOutcome,
    force: bool,
) -> None:
    import os

    from ..output import write_atomic
    from ..report.summary import summary_yaml

    target = output / f"{SUMMARY_NAME}.yaml"
    relative = Path(os.path.relpath(source.path.resolve(), output.resolve())).as_posix()
    text = summary_yaml(
        source.plan, results, plan_file=relative, province=source.province, period=period
    )
    try:
        if target.exists() and not (force or untouched(target)):
            raise OutputError(
                str(target), _("was changed since antq wrote it; add --force to replace it")
            )
        write_atomic(target, text.encode("utf-8"))
        _render(target, source, outcome, force)
    except (PlanError, OutputError) as exc:
        outcome.failed.append((SUMMARY_NAME, _why(exc)))


def _render(target: Path, source: PlanForReports, outcome: ReportsOutcome, force: bool) -> None:
    """The report's DOCX beside its YAML, written only when `antq check` finds nothing."""
    from ..check import check_docx
    from ..content.build import build_document
    from ..output import check_overwrite, write_atomic
    from ..validate import load_plan
    from ..validate.report_lint import plan_folder
    from ..write.docx import render_docx

    with plan_folder(source.path.parent):
        validated = load_plan(target)
    docx = render_docx(build_document(validated.plan, validated.source))
    findings = check_docx(docx)
    if findings:
        raise OutputError(str(target), "; ".join(str(f) for f in findings))
    path = target.with_suffix(".docx")
    check_overwrite(path, force=force)  # a DOCX edited in Word since is the clerk's
    write_atomic(path, docx)
    outcome.written.append(path)


def _joined(first: str, *labelled: tuple[str, str]) -> str:
    """«Đã tổ chức 12 buổi. Số liệu: 1.200 lượt người»: the sheet's columns in one text."""
    more = [f"{label}: {value.rstrip('.')}" for label, value in labelled if value]
    if not more:
        return first
    return ". ".join([first.rstrip(".")] * bool(first) + more) + "."


def _heading(text: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


def _why(exc: PlanError | OutputError) -> str:
    if isinstance(exc, PlanError):
        return str(exc.problems[0])
    return str(exc)
