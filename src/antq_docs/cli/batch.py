"""`antq batch` (one plan per xã/phường, per year or per row of a table) and `antq places`
(the provinces and xã/phường it knows)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, _
from .console import console, echo, error, report
from .core import ProfilesOption, guarded
from .exit_codes import ExitCode

commands = typer.Typer()


def register(app: typer.Typer) -> None:
    app.registered_commands += commands.registered_commands


@commands.command(
    help=N_(
        "Make one plan per xã/phường (and per year), or per row of a table.\n\n"
        "Every row is validated before anything is written; each document is checked with the "
        "rules of `antq check` and written to a temporary name, then renamed. manifest.csv "
        "records each row; running the same command again renders only what changed.\n\n"
        "Exit 0 when every row was written, 1 when some failed (the others are written), "
        "2 when the input is wrong (nothing is written).\n\n[b]Examples[/b]\n\n"
        '  antq batch ngay-hoi --year 2026 --province "Cao Bằng" -o out/\n\n'
        '  antq batch ngay-hoi --years 2026-2030 --province "Cao Bằng" --pdf -o out/\n\n'
        "  antq batch rows.csv --plan base.yaml -o out/\n\n"
        '  antq batch ngay-hoi --year 2026 --province "Hà Nội" --shard 2/4 -o out/'
    )
)
def batch(
    source: Annotated[
        str | None,
        typer.Argument(
            help=N_(
                "A kind (ngay-hoi, ky-niem, thi-dua) to make for every xã/phường of "
                "--province, or a table of rows (rows.csv, rows.yaml, rows.xlsx) for --plan."
            ),
            show_default=False,
        ),
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help=N_("The output folder."))] = Path(
        "out"
    ),
    province: Annotated[
        str | None,
        typer.Option(
            "--province",
            help=N_(
                "With a kind: the province whose xã/phường get a plan each; "
                "'all' for the whole country."
            ),
        ),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=N_("The year of the plans."))] = None,
    years: Annotated[
        str | None,
        typer.Option("--years", help=N_("A range of years, one plan per year: 2026-2030.")),
    ] = None,
    level: Annotated[
        str,
        typer.Option(
            "--level", help=N_("Which units issue the plans: xa (every xã, phường and đặc khu).")
        ),
    ] = "xa",
    org_template: Annotated[
        Path | None,
        typer.Option(
            "--org-template",
            help=N_(
                "Your profile template for a commune ({{ unit.name }}, "
                "{{ unit.type }}, …); default: antq's."
            ),
        ),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan", help=N_("With a table: the base plan each row fills in ({{ vars.COLUMN }}).")
        ),
    ] = None,
    name: Annotated[
        str,
        typer.Option(
            "--name",
            help=N_(
                "File names, from {kind} {year} {unit} {code} {row} or a column; "
                "reduced to safe characters."
            ),
        ),
    ] = "{kind}-{year}-{unit}",
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", help=N_("Processes to use (default: every core)."), min=1),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help=N_("Apply the content rules too; any warning fails the row.")
        ),
    ] = False,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf", help=N_("Also write PDFs (one LibreOffice run for the whole batch).")
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=N_(
                "Render every row, even those the manifest says are up to date, "
                "and replace files edited since."
            ),
        ),
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help=N_("Stop at the first row that fails."))
    ] = False,
    rows: Annotated[
        str | None,
        typer.Option(
            "--rows", help=N_("Only rows FIRST-LAST (1-1000): one slice of a large batch.")
        ),
    ] = None,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard", help=N_("Only the K-th of N equal slices (2/4), for several machines.")
        ),
    ] = None,
    merge_manifests: Annotated[
        bool,
        typer.Option(
            "--merge-manifests",
            help=N_(
                "Join the manifests of the slices in -o "
                "(manifest.shard-*.csv, manifest.rows-*.csv) into its "
                "manifest.csv."
            ),
        ),
    ] = False,
    plan_from: Annotated[
        Path | None,
        typer.Option("--from", help=N_("bao-cao: the plan the reports answer (plan.yaml).")),
    ] = None,
    results: Annotated[
        Path | None,
        typer.Option(
            "--results",
            help=N_(
                "bao-cao: the results table, a row per (unit, ref): ket-qua.xlsx, .csv, .yaml."
            ),
        ),
    ] = None,
    consolidate: Annotated[
        bool,
        typer.Option("--consolidate", help=N_("bao-cao: also the issuer's summary report.")),
    ] = False,
    period: Annotated[
        str | None,
        typer.Option("--period", help=N_("bao-cao: the period reported on: 8/2026, 2026.")),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet", help=N_("With an .xlsx table: the sheet to read (default: the first).")
        ),
    ] = None,
    columns: Annotated[
        bool,
        typer.Option(
            "--columns",
            help=N_("With a table: print each heading and the variable it becomes, then stop."),
        ),
    ] = False,
    profiles: ProfilesOption = None,
) -> None:
    def run() -> int:
        from ..errors import MessageError

        try:
            return make()
        except MessageError as exc:  # a foreign or malformed manifest, a name out of -o
            error(exc.message)
            return ExitCode.INVALID

    def make() -> int:
        if merge_manifests:
            return _merge(output)
        if source == "bao-cao":  # the reports a plan asks for (cli/reports.py)
            from .reports import batch_reports

            return batch_reports(
                plan_from, results, output, consolidate=consolidate, period=period, force=force
            )
        spec_rows = _spec_and_rows()
        if isinstance(spec_rows, int):
            return spec_rows
        spec, all_rows, chosen = spec_rows
        from ..batch import run_batch

        progress = _progress()
        result = run_batch(
            spec,
            all_rows,
            jobs=jobs,
            chosen=chosen,
            fail_fast=fail_fast,
            pdf=pdf,
            progress=progress,
        )
        if result.invalid:
            _report_rows(result.invalid)
            count = sum(len(problems) for _, problems in result.invalid)
            error(
                _("{count} problem(s) in {rows} row(s); nothing was written").format(
                    count=count, rows=len(result.invalid)
                )
            )
            return result.exit_code
        report(_distinct(result.warnings))
        _summary(result)
        return result.exit_code

    def _spec_and_rows():
        from ..batch import BatchSpec
        from ..batch.job import read_org_template
        from ..batch.naming import COUNTRY_NAME, DEFAULT_NAME
        from ..batch.rows import ALL_PROVINCES, check_year, kind_rows, parse_slice, parse_years
        from ..batch.rows import table_rows
        from ..kinds import KINDS

        if not source:
            error(
                _("give a kind ({kinds}) or a table of rows (antq batch --help)").format(
                    kinds=", ".join(KINDS)
                )
            )
            return ExitCode.INVALID
        try:
            chosen = parse_slice(rows, shard)
            the_years = (
                parse_years(years) if years else [check_year(year)] if year is not None else None
            )
        except ValueError as exc:
            error(str(exc))
            return ExitCode.INVALID
        name_template = name
        if source in KINDS:
            if not province:
                error(_("give --province (antq places lists them)"))
                return ExitCode.INVALID
            if level != "xa":
                error(
                    _(
                        "--level {level}: batches are made for the xã/phường level (--level "
                        "xa); a province's own plan is one `antq new`"
                    ).format(level=level)
                )
                return ExitCode.INVALID
            if the_years is None:
                the_years = [__import__("datetime").date.today().year]
            try:
                the_rows = kind_rows(source, province, the_years)
            except LookupError as exc:
                error(f"--province: {exc.args[0]}")
                return ExitCode.INVALID
            template_text = read_org_template(org_template) if org_template else None
            if name == DEFAULT_NAME and province.casefold() in ALL_PROVINCES:
                name_template = COUNTRY_NAME  # two provinces' «Xã Tân Lập» apart
            spec = BatchSpec(
                output=str(output),
                name_template=name_template,
                kind=source,
                province=province,
                org_template=template_text,
                org_template_file=str(org_template)
                if org_template
                else _("<antq's commune profile>"),
                strict=strict,
                force=force,
            )
            return spec, the_rows, chosen
        table = Path(source)
        if table.suffix.lower() not in (".csv", ".yaml", ".yml", ".xlsx", ".xlsm"):
            error(
                _(
                    "'{source}' is neither a kind ({kinds}) nor a table of rows (.csv, "
                    ".yaml, .xlsx)"
                ).format(source=source, kinds=", ".join(KINDS))
            )
            return ExitCode.INVALID
        if columns:
            return _print_columns(table, sheet)
        if plan is None or not plan.is_file():
            error(_("a table needs --plan base.yaml, the plan its rows fill in"))
            return ExitCode.INVALID
        the_rows = table_rows(table, plan.stem, sheet)
        if the_years:  # --year with a table: rows without a year column take it
            from dataclasses import replace

            the_rows = [r if r.year else replace(r, year=the_years[0]) for r in the_rows]
        spec = BatchSpec(
            output=str(output),
            name_template="{kind}-{row}-{unit}"
            if name == DEFAULT_NAME and not any(r.year for r in the_rows)
            else name_template,
            plan=str(plan),
            rows_file=str(table),
            strict=strict,
            force=force,
        )
        return spec, the_rows, chosen

    raise typer.Exit(guarded(run))


def _print_columns(table: Path, sheet: str | None) -> int:
    """`--columns`: each heading, its cell and the variable it becomes ({{ vars.NAME }})."""
    from ..batch.rows import table_columns

    if not table.is_file():
        error(_("{path}: no such file").format(path=table))
        return ExitCode.INVALID
    found = table_columns(table, sheet)
    for heading, where, variable in found:
        echo(
            f"{where}\t{heading}\t→ {{{{ vars.{variable} }}}}"
            if variable
            else f"{where}\t{heading}\t" + _("(names no variable)")
        )
    return ExitCode.OK if all(v for _h, _w, v in found) else ExitCode.INVALID


def _report_rows(invalid) -> None:
    """Each invalid row, then its problems: a problem may sit in the base plan or the
    profile template, and the clerk must still know which row brought it out."""
    from rich.markup import escape

    err = console(stderr=True)
    for row, problems in invalid:
        heading = (
            _("row {number} ({unit}), {where}") if row.line else _("row {number} ({unit})")
        ).format(number=row.number, unit=row.unit, where=row.where)
        err.print(f"[bold]{escape(heading)}[/bold]")
        report(problems)


def _distinct(problems):
    """A warning of the base plan is the same for every row: say it once."""
    return list(dict.fromkeys(problems))


def _merge(output: Path) -> int:
    from ..batch.manifest import MANIFEST, merge_manifests, write_manifest
    from ..batch.runner import refuse_links

    paths = sorted(output.glob("manifest.*.csv"))
    if not paths:
        error(
            _(
                "no manifests of slices in {folder} (manifest.shard-K-of-N.csv, "
                "manifest.rows-A-B.csv)"
            ).format(folder=output)
        )
        return ExitCode.INVALID
    refuse_links(output, [output / MANIFEST])
    records = merge_manifests(paths)
    write_manifest(output / MANIFEST, records)
    failed = sum(r.status != "ok" for r in records.values())
    typer.echo(
        _("wrote {path}: {rows} rows, {failed} failed").format(
            path=output / MANIFEST, rows=len(records), failed=failed
        )
    )
    return ExitCode.FINDINGS if failed else ExitCode.OK


def _progress():
    """A bar on a terminal; elsewhere (CI logs, files) one plain line per row."""
    from ..batch.runner import Progress

    class Bar(Progress):
        def __init__(self):
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress as Rich,
                ProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.text import Text

            class Rate(ProgressColumn):
                def render(self, task):
                    return Text(f"{task.speed:.0f}/s" if task.speed else "", style="cyan")

            self.bar = Rich(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                Rate(),
                TimeRemainingColumn(),
                console=console(stderr=True),
            )
            self.task = None

        def phase(self, name, total):
            if self.task is None:
                self.bar.start()
            else:
                self.bar.remove_task(self.task)
            self.task = self.bar.add_task(_(name), total=total)

        def advance(self, count=1):
            self.bar.advance(self.task, count)

        def row_done(self, row, outcome, output):
            if outcome.status != "ok":
                from rich.markup import escape

                self.bar.console.print(
                    "[red]"
                    + escape(
                        _("failed {where} {unit}: {reason}").format(
                            where=row.where, unit=row.unit, reason=outcome.message
                        )
                    )
                    + "[/red]"
                )

        def close(self):
            if self.task is not None:  # a later phase (the PDFs) starts the bar afresh
                self.bar.stop()
                self.bar.remove_task(self.task)
                self.task = None

    class Lines(Progress):
        total = 0
        done = 0

        def phase(self, name, total):
            self.total, self.done = total, 0
            typer.echo(_("{phase}: {total} rows").format(phase=_(name), total=total), err=True)

        def row_done(self, row, outcome, output):
            self.done += 1
            state = _("ok") if outcome.status == "ok" else _("FAILED")
            detail = output if outcome.status == "ok" else outcome.message
            typer.echo(
                _("{state} {done}/{total} row {number} {unit}: {detail}").format(
                    state=state,
                    done=self.done,
                    total=self.total,
                    number=row.number,
                    unit=row.unit,
                    detail=detail,
                ),
                err=True,
            )

        def file_done(self, path):
            self.done += 1
            typer.echo(
                _("ok {done}/{total} {path}").format(done=self.done, total=self.total, path=path),
                err=True,
            )

    return Bar() if sys.stderr.isatty() else Lines()


def _summary(result) -> None:
    from rich.table import Table

    table = Table(title="antq batch", show_header=False)
    rate = result.written / result.seconds if result.seconds else 0
    for label, value in (
        (_("rows"), result.rows),
        (_("written"), result.written),
        (_("unchanged (skipped)"), result.unchanged),
        (_("failed"), len(result.failed)),
        ("PDF", result.pdfs),
        (
            _("time"),
            _("{seconds:.1f} s ({rate:.0f} documents/s)").format(seconds=result.seconds, rate=rate),
        ),
        (_("manifest"), str(result.manifest)),
    ):
        table.add_row(label, str(value))
    out = console()
    out.print(table)
    if result.stopped:
        out.print("[yellow]" + _("stopped at the first failure (--fail-fast)") + "[/yellow]")
    if result.pdf_error:
        error(_("PDF not written: {reason}").format(reason=result.pdf_error))


@commands.command(
    help=N_(
        "List the provinces, or the xã/phường of one, as `antq batch` sees them "
        "(after the 2025 reform: 34 provinces, 3,321 xã/phường).\n\n"
        '[b]Examples[/b]\n\n  antq places\n\n  antq places "Cao Bằng"'
    )
)
def places(
    province: Annotated[
        str | None,
        typer.Argument(
            help=N_("A province: list its xã/phường. Without it: the 34 provinces."),
            show_default=False,
        ),
    ] = None,
) -> None:
    def run() -> int:
        from ..places import current_province_names, units_of

        if province is None:
            for name in current_province_names():
                typer.echo(name)
            return ExitCode.OK
        try:
            units = units_of(province)
        except LookupError as exc:
            error(exc.args[0])
            return ExitCode.INVALID
        for unit in units:
            typer.echo(f"{unit.code:>6}  {unit.type:<8} {unit.name}")
        typer.echo(f"{len(units)} xã/phường/đặc khu", err=True)
        return ExitCode.OK

    raise typer.Exit(guarded(run))
