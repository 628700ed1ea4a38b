"""`antq batch` and `antq places`: registered on the app in cli.py (which imports this module
last), kept apart so that each file stays about one thing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .cli import EXIT_INVALID, _console, _guarded, _report, app


@app.command()
def batch(
    source: Annotated[str | None, typer.Argument(
        help="A kind (ngay-hoi, ky-niem, thi-dua) to make for every xã/phường of --province, "
        "or a table of rows (rows.csv, rows.yaml) for --plan.", show_default=False)] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The output folder.")] = Path(
        "out"),
    province: Annotated[str | None, typer.Option(
        "--province", help="With a kind: the province whose xã/phường get a plan each; "
        "'all' for the whole country.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="The year of the plans.")] = None,
    years: Annotated[str | None, typer.Option(
        "--years", help="A range of years, one plan per year: 2026-2030.")] = None,
    level: Annotated[str, typer.Option(
        "--level", help="Which units issue the plans: xa (every xã, phường and đặc khu).")
    ] = "xa",
    org_template: Annotated[Path | None, typer.Option(
        "--org-template", help="Your profile template for a commune ({{ unit.name }}, "
        "{{ unit.type }}, …); default: antq's.")] = None,
    plan: Annotated[Path | None, typer.Option(
        "--plan", help="With a table: the base plan each row fills in ({{ vars.COLUMN }}).")
    ] = None,
    name: Annotated[str, typer.Option(
        "--name", help="File names, from {kind} {year} {unit} {code} {row} or a column; "
        "reduced to safe characters.")] = "{kind}-{year}-{unit}",
    jobs: Annotated[int | None, typer.Option(
        "-j", "--jobs", help="Processes to use (default: every core).", min=1)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Apply the content rules too; any warning fails the row.")] = False,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Also write PDFs (one LibreOffice run for the whole batch).")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Render every row, even those the manifest says are up to date, "
        "and replace files edited since.")] = False,
    fail_fast: Annotated[bool, typer.Option(
        "--fail-fast", help="Stop at the first row that fails.")] = False,
    rows: Annotated[str | None, typer.Option(
        "--rows", help="Only rows FIRST-LAST (1-1000): one slice of a large batch.")] = None,
    shard: Annotated[str | None, typer.Option(
        "--shard", help="Only the K-th of N equal slices (2/4), for several machines.")] = None,
    merge_manifests: Annotated[bool, typer.Option(
        "--merge-manifests", help="Join the manifests of the slices in -o "
        "(manifest.shard-*.csv, manifest.rows-*.csv) into its manifest.csv.")] = False,
) -> None:
    """Make one plan per xã/phường (and per year), or per row of a table.

    Every row is validated before anything is written; each document is checked with the
    rules of `antq check` and written to a temporary name, then renamed. manifest.csv
    records each row; running the same command again renders only what changed.

    Exit 0 when every row was written, 1 when some failed (the others are written),
    2 when the input is wrong (nothing is written).

    [b]Examples[/b]

      antq batch ngay-hoi --year 2026 --province "Cao Bằng" -o out/

      antq batch ngay-hoi --years 2026-2030 --province "Cao Bằng" --pdf -o out/

      antq batch rows.csv --plan base.yaml -o out/

      antq batch ngay-hoi --year 2026 --province "Hà Nội" --shard 2/4 -o out/
    """
    def run() -> int:
        if merge_manifests:
            return _merge(output)
        spec_rows = _spec_and_rows()
        if isinstance(spec_rows, int):
            return spec_rows
        spec, all_rows, chosen = spec_rows
        from .batch import run_batch

        progress = _progress()
        result = run_batch(spec, all_rows, jobs=jobs, chosen=chosen, fail_fast=fail_fast,
                           pdf=pdf, progress=progress)
        if result.invalid:
            _report_rows(result.invalid)
            count = sum(len(problems) for _, problems in result.invalid)
            _console(stderr=True).print(f"[red]{count} problem(s) in {len(result.invalid)} "
                                        "row(s)[/red]; nothing was written")
            return result.exit_code
        _report(_distinct(result.warnings))
        _summary(result)
        return result.exit_code

    def _spec_and_rows():
        from .batch import BatchSpec
        from .batch.rows import kind_rows, parse_slice, parse_years, table_rows
        from .kinds import KINDS

        err = _console(stderr=True)
        if not source:
            err.print("[red]give a kind (" + ", ".join(KINDS) + ") or a table of rows[/red] "
                      "(antq batch --help)")
            return EXIT_INVALID
        try:
            chosen = parse_slice(rows, shard)
            the_years = parse_years(years) if years else [year] if year else None
        except ValueError as exc:
            err.print(f"[red]{exc}[/red]")
            return EXIT_INVALID
        name_template = name
        if source in KINDS:
            if not province:
                err.print("[red]give --province[/red] (antq places lists them)")
                return EXIT_INVALID
            if level != "xa":
                err.print(f"[red]--level {level}:[/red] batches are made for the xã/phường "
                          "level (--level xa); a province's own plan is one `antq new`")
                return EXIT_INVALID
            if the_years is None:
                the_years = [__import__("datetime").date.today().year]
            try:
                the_rows = kind_rows(source, province, the_years)
                template_text = (org_template.read_text("utf-8-sig") if org_template
                                 else None)
            except LookupError as exc:
                err.print(f"[red]--province: {exc.args[0]}[/red]")
                return EXIT_INVALID
            except (OSError, UnicodeDecodeError) as exc:
                err.print(f"[red]--org-template {org_template}: cannot be read ({exc})[/red]")
                return EXIT_INVALID
            spec = BatchSpec(output=str(output), name_template=name_template, kind=source,
                             province=province, org_template=template_text,
                             org_template_file=str(org_template) if org_template else
                             "<antq's commune profile>", strict=strict, force=force)
            return spec, the_rows, chosen
        table = Path(source)
        if table.suffix.lower() not in (".csv", ".yaml", ".yml") or not table.is_file():
            err.print(f"[red]'{source}' is neither a kind ({', '.join(KINDS)}) nor a table of "
                      "rows (.csv, .yaml)[/red]")
            return EXIT_INVALID
        if plan is None or not plan.is_file():
            err.print("[red]a table needs --plan base.yaml[/red], the plan its rows fill in")
            return EXIT_INVALID
        the_rows = table_rows(table, plan.stem)
        if the_years:  # --year with a table: rows without a year column take it
            from dataclasses import replace

            the_rows = [r if r.year else replace(r, year=the_years[0]) for r in the_rows]
        spec = BatchSpec(output=str(output), name_template=name_template.replace(
            "{kind}-{year}-{unit}", "{kind}-{row}-{unit}") if name == "{kind}-{year}-{unit}"
            and not any(r.year for r in the_rows) else name_template, plan=str(plan),
            rows_file=str(table), strict=strict, force=force)
        return spec, the_rows, chosen

    raise typer.Exit(_guarded(run))


def _report_rows(invalid) -> None:
    """Each invalid row, then its problems: a problem may sit in the base plan or the
    profile template, and the clerk must still know which row brought it out."""
    from rich.markup import escape

    console = _console(stderr=True)
    for row, problems in invalid:
        console.print(f"[bold]row {row.number} ({escape(row.unit)}), {escape(row.where)}"
                      "[/bold]" if row.line else
                      f"[bold]row {row.number} ({escape(row.unit)})[/bold]")
        _report(problems)


def _distinct(problems):
    """A warning of the base plan is the same for every row: say it once."""
    return list(dict.fromkeys(problems))


def _merge(output: Path) -> int:
    from .batch.manifest import MANIFEST, merge_manifests, write_manifest

    paths = sorted(output.glob("manifest.*.csv"))
    if not paths:
        _console(stderr=True).print(f"[red]no manifests of slices in {output}[/red] "
                                    "(manifest.shard-K-of-N.csv, manifest.rows-A-B.csv)")
        return EXIT_INVALID
    records = merge_manifests(paths)
    write_manifest(output / MANIFEST, records)
    failed = sum(r.status != "ok" for r in records.values())
    typer.echo(f"wrote {output / MANIFEST}: {len(records)} rows, {failed} failed")
    return 1 if failed else 0


def _progress():
    """A bar on a terminal; elsewhere (CI logs, files) one plain line per row."""
    from .batch.runner import Progress

    class Bar(Progress):
        def __init__(self):
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Rich,
                                       ProgressColumn, TextColumn, TimeRemainingColumn)
            from rich.text import Text

            class Rate(ProgressColumn):
                def render(self, task):
                    return Text(f"{task.speed:.0f}/s" if task.speed else "", style="cyan")

            self.bar = Rich(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            Rate(), TimeRemainingColumn(), console=_console(stderr=True))
            self.task = None

        def phase(self, name, total):
            if self.task is None:
                self.bar.start()
            else:
                self.bar.remove_task(self.task)
            self.task = self.bar.add_task(name, total=total)

        def advance(self, count=1):
            self.bar.advance(self.task, count)

        def row_done(self, row, outcome, output):
            if outcome.status != "ok":
                self.bar.console.print(f"[red]failed[/red] {row.where} {row.unit}: "
                                       f"{outcome.message}", markup=True)

        def close(self):
            self.bar.stop()

    class Lines(Progress):
        total = 0
        done = 0

        def phase(self, name, total):
            self.total, self.done = total, 0
            typer.echo(f"{name}: {total} rows", err=True)

        def row_done(self, row, outcome, output):
            self.done += 1
            state = "ok    " if outcome.status == "ok" else "FAILED"
            detail = output if outcome.status == "ok" else outcome.message
            typer.echo(f"{state} {self.done}/{self.total} row {row.number} {row.unit}: "
                       f"{detail}", err=True)

    return Bar() if sys.stderr.isatty() else Lines()


def _summary(result) -> None:
    from rich.table import Table

    table = Table(title="antq batch", show_header=False)
    rate = result.written / result.seconds if result.seconds else 0
    for label, value in (("rows", result.rows), ("written", result.written),
                         ("unchanged (skipped)", result.unchanged),
                         ("failed", len(result.failed)), ("PDF", result.pdfs),
                         ("time", f"{result.seconds:.1f} s ({rate:.0f} documents/s)"),
                         ("manifest", str(result.manifest))):
        table.add_row(label, str(value))
    console = _console()
    console.print(table)
    if result.stopped:
        console.print("[yellow]stopped at the first failure (--fail-fast)[/yellow]")
    if result.pdf_error:
        console.print(f"[red]PDF not written:[/red] {result.pdf_error}")


@app.command()
def places(
    province: Annotated[str | None, typer.Argument(
        help="A province: list its xã/phường. Without it: the 34 provinces.",
        show_default=False)] = None,
) -> None:
    """List the provinces, or the xã/phường of one, as `antq batch` sees them (after the
    2025 reform: 34 provinces, 3,321 xã/phường).

    [b]Examples[/b]

      antq places

      antq places "Cao Bằng"
    """
    def run() -> int:
        from .places import current_province_names, units_of

        if province is None:
            for name in current_province_names():
                typer.echo(name)
            return 0
        try:
            units = units_of(province)
        except LookupError as exc:
            _console(stderr=True).print(f"[red]{exc.args[0]}[/red]")
            return EXIT_INVALID
        for unit in units:
            typer.echo(f"{unit.code:>6}  {unit.type:<8} {unit.name}")
        typer.echo(f"{len(units)} xã/phường/đặc khu", err=True)
        return 0

    raise typer.Exit(_guarded(run))
