"""The `antq` command. Each command imports what it needs when it runs, so `--help` is fast;
errors become messages and exit codes here and nowhere else."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    name="antq",
    help="Vietnamese administrative plans (Kế hoạch) from YAML, laid out to Nghị định 30.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

EXIT_INVALID = 2  # the plan (or a file given) is wrong
EXIT_OUTPUT = 3  # the plan is fine but the output was not written
EXIT_INTERNAL = 70
MAX_SHOWN = 100  # problems printed for one run


def _version(value: bool) -> None:
    if value:
        typer.echo(f"antq {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool | None, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    """antq: write a plan in YAML, get a DOCX a văn thư accepts without touching the format."""


@app.command()
def render(
    plan: Annotated[Path, typer.Argument(help="The plan, a .yaml file.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Where to write the .docx (default: beside the plan).")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace the output even if it was edited after antq wrote it.")] = False,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Also write a PDF beside the .docx (needs LibreOffice).")] = False,
    text: Annotated[bool, typer.Option(
        "--text", help="Print a plain-text preview instead of writing a file.")] = False,
) -> None:
    """Render a plan to DOCX.

    [b]Examples[/b]

      antq render ke-hoach.yaml

      antq render ke-hoach.yaml -o "KH 05-UBND.docx" --pdf

      antq render ke-hoach.yaml --text
    """
    def run() -> int:
        from .output import check_overwrite, write_atomic
        from .render import build_tree, render_file

        if text:
            from .write.text import render_text

            document, warnings = build_tree(plan)
            _report(warnings)
            # a plan's text never drives the terminal: escape sequences are shown, not run
            sys.stdout.write("".join(c if c.isprintable() or c in "\n\t" else
                                     f"\\x{ord(c):02x}" for c in render_text(document)))
            return 0
        from .errors import OutputError
        from .output import check_pdf_overwrite

        target = output or plan.with_suffix(".docx")
        if target.suffix.lower() != ".docx":
            raise OutputError(str(target), "antq writes a .docx here (add --pdf for a PDF "
                              "beside it); end the name with .docx")
        check_overwrite(target, force=force)
        if target.parent.is_dir():  # what a killed render left behind
            from .output import remove_stale_temporaries

            remove_stale_temporaries(target.parent, below=False)
        pdf_path = target.with_suffix(".pdf")
        if pdf:
            check_pdf_overwrite(pdf_path, force=force)
        result = render_file(plan)
        _report(result.warnings)
        write_atomic(target, result.docx)
        typer.echo(f"wrote {target}")
        if pdf:
            from .write.pdf import convert_to_pdf

            convert_to_pdf(target, pdf_path)
            typer.echo(f"wrote {pdf_path}")
        return 0

    raise typer.Exit(_guarded(run))


@app.command()
def validate(
    plans: Annotated[list[Path], typer.Argument(help="One or more plan files.",
                                                show_default=False)],
    strict: Annotated[bool, typer.Option(
        "--strict", help="Also apply the content rules (numbering, abbreviations, dates, "
        "recipients, districts, tone marks) and fail on any warning.")] = False,
) -> None:
    """Check plans and report every problem as FILE:LINE:COL: field: message.

    Exit 0 when every plan is valid, 2 when any is not (with --strict: or has a warning).

    [b]Examples[/b]

      antq validate ke-hoach.yaml

      antq validate --strict examples/*.yaml
    """
    def run() -> int:
        from .errors import PlanError
        from .validate import load_plan

        from .content.build import build_document
        from .write.docx import render_docx

        failed = False
        for plan in plans:
            try:
                validated = load_plan(plan, strict=strict)
                # valid means writable: the DOCX is made (in memory) as render would make it
                render_docx(build_document(validated.plan, validated.source))
            except PlanError as exc:
                _report(exc.problems)
                failed = True
                continue
            except Exception as exc:  # noqa: BLE001 — one broken plan never stops the rest
                _console(stderr=True).print(f"[red]{plan}: cannot be checked: "
                                            f"{type(exc).__name__}[/red]")
                failed = True
                continue
            _report(validated.warnings)
            if strict and validated.warnings:
                failed = True
                continue
            typer.echo(f"valid {plan}")
        return EXIT_INVALID if failed else 0

    raise typer.Exit(_guarded(run))


@app.command()
def check(
    files: Annotated[list[Path] | None, typer.Argument(
        help="DOCX files to audit (antq's or typed by hand).", show_default=False)] = None,
    output_format: Annotated[str, typer.Option(
        "--format", help="text (for people), json (for programs) or sarif (for CI).")
    ] = "text",
    rules: Annotated[bool, typer.Option(
        "--rules", help="List the rules with their ids and clauses, and exit.")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail on warnings and estimates too, not only on certain errors.")
    ] = False,
) -> None:
    """Audit DOCX files against Nghị định 30 and report every departure.

    Each finding is certain (read from the file) or an estimate (a length or a page count
    judged without Word). Exit 0 when there is no certain error (with --strict: no finding
    at all), 1 when there is, 2 when a file cannot be read or is not an administrative
    document (a speech, an agenda).

    [b]Examples[/b]

      antq check "KH 05-UBND.docx"

      antq check *.docx --format sarif > antq.sarif
    """
    def run() -> int:
        from .check.report import findings_json, findings_sarif, rules_table

        if rules:
            for rule_id, severity, clause, title in rules_table():
                typer.echo(f"{rule_id:<30} {severity:<8} {clause:<20} {title}")
            return 0
        if not files:
            _console(stderr=True).print("[red]give one or more .docx files[/red]")
            return EXIT_INVALID
        if output_format not in ("text", "json", "sarif"):
            _console(stderr=True).print("[red]--format is text, json or sarif[/red]")
            return EXIT_INVALID
        from .check import check_document

        results: dict[str, object] = {}
        for path in files:  # one bad file never costs the results of the others
            try:
                results[str(path)] = check_document(path)
            except ValueError as exc:
                results[str(path)] = str(exc)
            except Exception as exc:  # noqa: BLE001 — reported per file, with exit code 2
                results[str(path)] = f"cannot be checked ({type(exc).__name__}: {exc})"
        if output_format == "json":
            sys.stdout.write(findings_json(results))
        elif output_format == "sarif":
            sys.stdout.write(findings_sarif(results, __version__))
        else:
            _print_findings(results)
        return _check_exit(results.values(), strict)

    raise typer.Exit(_guarded(run))


def _check_exit(results, strict: bool) -> int:
    if any(isinstance(r, str) or not r.administrative for r in results):
        return EXIT_INVALID
    failing = [f for r in results for f in r.findings if strict or f.counts]
    return 1 if failing else 0


def _print_findings(results: dict) -> None:
    from .check.report import summary_line

    for file, result in results.items():
        if isinstance(result, str):
            typer.echo(f"{file}: cannot be read: {result}", err=True)
            continue
        for finding in result.findings:
            typer.echo(f"{file}: {finding}")
        typer.echo(f"{file}: {summary_line(result)}")


@app.command()
def fix(
    file: Annotated[Path, typer.Argument(help="The DOCX to correct.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Where to write the corrected copy (default: NAME.fixed.docx "
        "beside it).")] = None,
    only: Annotated[str | None, typer.Option(
        "--only", help="Correct only these rules: ND30-PAGE-MARGINS,ND30-FONT,…")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Say what would change; write nothing.")] = False,
    in_place: Annotated[bool, typer.Option(
        "--in-place", help="Replace the file itself, keeping the original as NAME.bak.docx.")
    ] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing output file.")] = False,
) -> None:
    """Correct the format of a Word document to Nghị định 30 without touching its words.

    What `antq check` finds and can be corrected mechanically is corrected (margins, fonts,
    sizes, the Tiêu ngữ's hyphens, leading zeros, rules, page numbers, spacing…); what needs
    a person (a missing Nơi nhận, a number, words) is listed. Exit 0 when nothing is left
    but warnings, 1 when something needs a person, 2 when the file cannot or must not be
    changed (signed, written by antq, not an administrative document), 3 when the output
    was not written.

    [b]Examples[/b]

      antq fix "Du thao KH.docx"

      antq fix "Du thao KH.docx" --dry-run

      antq fix "Du thao KH.docx" --only ND30-PAGE-MARGINS,ND30-FONT -o "KH da sua.docx"
    """
    def run() -> int:
        from .errors import OutputError
        from .fix import FIXERS, Refused, fix_document
        from .output import write_atomic

        wanted = {rule.strip() for rule in only.split(",")} if only else None
        unknown = sorted((wanted or set()) - set(FIXERS))
        if unknown:
            _console(stderr=True).print(f"[red]--only: {', '.join(unknown)} cannot be fixed"
                                        f"[/red]; fixable rules: {', '.join(FIXERS)}")
            return EXIT_INVALID
        try:
            data = file.read_bytes()
            result = fix_document(data, wanted)
        except OSError as exc:
            _console(stderr=True).print(f"[red]{file}: cannot be read: {exc.strerror}[/red]")
            return EXIT_INVALID
        except (Refused, ValueError) as exc:
            _console(stderr=True).print(f"[red]{file}: not changed:[/red] {exc}")
            return EXIT_INVALID
        for change in result.changes:
            typer.echo(f"{file}: [{change.rule}] {change.where}: {change.what}")
        for problem in result.failed:
            typer.echo(f"{file}: could not fix {problem}", err=True)
        for finding in result.needs_person + result.not_fixed:
            typer.echo(f"{file}: needs a person: {finding}")
        typer.echo(f"{file}: {result.recognised}: {len(result.before)} finding(s) before, "
                   f"{len(result.after)} after; {len(result.changes)} change(s)")
        if dry_run:
            return 0
        target = file if in_place else output or file.with_name(f"{file.stem}.fixed.docx")
        if target.resolve() == file.resolve() and not in_place:
            raise OutputError(str(target), "is the input; use --in-place to replace it")
        if target.exists() and not (force or in_place):
            raise OutputError(str(target), "already exists; add --force to replace it")
        if in_place:
            write_atomic(file.with_name(f"{file.stem}.bak{file.suffix}"), data)
        write_atomic(target, result.docx)
        typer.echo(f"wrote {target}")
        return 1 if any(f.counts for f in result.after) else 0

    raise typer.Exit(_guarded(run))


@app.command(name="test")
def test_plans(
    plans: Annotated[list[Path] | None, typer.Argument(
        help="Plans to test (default: examples/*.yaml and templates/).",
        show_default=False)] = None,
    snapshots: Annotated[Path, typer.Option(
        "--snapshots", help="Folder of the expected text snapshots.")] = Path("tests/snapshots"),
    update: Annotated[bool, typer.Option(
        "--update", help="Rewrite the snapshots from the current output.")] = False,
) -> None:
    """Render every plan, audit it with `antq check`, compare it with its snapshot.

    Exit 0 when all pass, 1 on a finding or a snapshot difference (a unified diff is
    printed), 2 when a plan cannot be rendered.

    [b]Examples[/b]

      antq test

      antq test --update && git diff tests/snapshots
    """
    def run() -> int:
        import tempfile

        from .regression import discover, kind_plans

        with tempfile.TemporaryDirectory(prefix="antq-test-") as folder:
            targets = plans or discover(Path(".")) + kind_plans(Path("."), Path(folder))
            return check_all(targets)

    def check_all(targets: list[Path]) -> int:
        from .regression import run_case

        if not targets:
            _console(stderr=True).print("[red]no plans found (examples/*.yaml, "
                                        "templates/)[/red]")
            return EXIT_INVALID
        broken = failed = False
        for plan in targets:
            result = run_case(plan, snapshots, update=update)
            if result.problems:
                _report(result.problems)
                broken = True
            for finding in result.findings:
                typer.echo(f"{plan}: {finding}")
            if result.diff:
                typer.echo(result.diff)
            failed = failed or bool(result.findings or result.diff)
            state = "updated" if result.updated else "ok" if result.ok else "FAILED"
            typer.echo(f"{state:<8} {plan.name if plan.name.startswith('new-') else plan}")
        return EXIT_INVALID if broken else 1 if failed else 0

    raise typer.Exit(_guarded(run))


@app.command()
def schema(
    org: Annotated[bool, typer.Option(
        "--org", help="The schema of an organisation profile instead of a plan.")] = False,
) -> None:
    """Print the JSON Schema of the plan format (for editors: yaml-language-server)."""
    from .model.schema import schema_json

    sys.stdout.write(schema_json("org" if org else "plan"))


@app.command()
def new(
    kind: Annotated[str | None, typer.Argument(
        help="The kind of plan (see --list).", show_default=False)] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help="The year of the plan (default: this year).")] = None,
    org: Annotated[Path | None, typer.Option(
        "--org", help="The organisation profile (org.yaml).")] = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Where to write the plan (default: KIND-YEAR.yaml).")] = None,
    list_kinds: Annotated[bool, typer.Option("--list", help="List the kinds and exit.")] = False,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never ask; fail if a required value is missing.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a complete draft plan of a kind for a year and an organisation.

    [b]Examples[/b]

      antq new --list

      antq new ngay-hoi --year 2026 --org examples/orgs/cao-bang.yaml -o ke-hoach.yaml
    """
    def run() -> int:
        from .kinds import KINDS

        if list_kinds:
            for name, entry in KINDS.items():
                typer.echo(f"{name:<10} {entry.summary}")
            return 0
        interactive = not no_input and _stdin_is_terminal()
        chosen = kind or (_ask("Kind of plan (" + ", ".join(KINDS) + ")")
                          if interactive else None)
        profile = org or (Path(_ask("Organisation profile (org.yaml)")) if interactive
                          else None)
        missing = [name for name, value in (("KIND", chosen), ("--org", profile)) if not value]
        if missing:
            _console(stderr=True).print(f"[red]give {' and '.join(missing)}[/red] "
                                        "(antq new --help; --list shows the kinds)")
            return EXIT_INVALID
        if chosen not in KINDS:
            _console(stderr=True).print(f"[red]no kind '{chosen}'[/red]; choose one of: "
                                        + ", ".join(KINDS))
            return EXIT_INVALID
        from .new import write_new_plan

        the_year = year or __import__("datetime").date.today().year
        if not 2006 <= the_year <= 2100:
            _console(stderr=True).print(f"[red]--year {the_year}: antq has plans for the "
                                        "years 2006 to 2100[/red]")
            return EXIT_INVALID
        target = output or Path(f"{chosen}-{the_year}.yaml")
        if target.suffix.lower() not in (".yaml", ".yml"):
            _console(stderr=True).print(f"[red]-o {target}: a plan is a .yaml file[/red]")
            return EXIT_INVALID
        warnings = write_new_plan(chosen, the_year, profile, target, force=force)
        _report(warnings)
        typer.echo(f"wrote {target}")
        return 0

    raise typer.Exit(_guarded(run))


def _stdin_is_terminal() -> bool:
    """Prompts only for a person at a terminal, never in scripts or CI."""
    return sys.stdin.isatty()


def _ask(question: str) -> str:
    return typer.prompt(question).strip()


def _console(stderr: bool = False):
    # rich costs ~50 ms to import: only a run that has something to report pays for it.
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _report(problems) -> None:
    """Print problems with the offending source line, as a clerk needs to fix them."""
    if not problems:
        return
    from rich.markup import escape

    console = _console(stderr=True)
    lines_cache: dict[str, list[str]] = {}
    problems = list(problems)
    if len(problems) > MAX_SHOWN:  # 400,000 duplicate keys: the first ones say enough
        console.print(f"[red]{len(problems):,} problems; the first {MAX_SHOWN} are shown[/red]")
        problems = problems[:MAX_SHOWN]
    for problem in problems:
        colour = "yellow" if problem.severity == "warning" else "red"
        console.print(f"[{colour}]{escape(str(problem))}[/{colour}]")
        source_line = _source_line(problem, lines_cache)
        if source_line is not None:
            console.print(f"    {escape(source_line)}")
            console.print("    " + " " * max(problem.column - 1, 0) + "[bold]^[/bold]")


def _source_line(problem, cache: dict[str, list[str]]) -> str | None:
    if not problem.line:
        return None
    if problem.file not in cache:
        from .load.yaml_source import MAX_FILE_BYTES, read_input

        try:
            text = read_input(Path(problem.file), MAX_FILE_BYTES).decode("utf-8-sig")
            cache[problem.file] = text.splitlines()
        except (OSError, UnicodeDecodeError):
            cache[problem.file] = []
    lines = cache[problem.file]
    if problem.line > len(lines):
        return None
    line = lines[problem.line - 1]
    # Shown so the clerk finds the place: never a whole 10 MB line, never its escapes.
    line = "".join(c if c.isprintable() or c == "\t" else "?" for c in line[:200])
    return line + ("…" if len(lines[problem.line - 1]) > 200 else "")


def _guarded(run) -> int:
    """The one place where exceptions become messages and exit codes."""
    from .errors import OutputError, PlanError

    try:
        return run()
    except PlanError as exc:
        _report(exc.problems)
        count = len(exc.errors)
        _console(stderr=True).print(f"[red]{count} problem{'s' if count != 1 else ''}[/red]; "
                                    "nothing was written")
        return EXIT_INVALID
    except KeyboardInterrupt:
        # Ctrl-C: every file written so far is complete (temporary name, then rename), and
        # a batch's manifest lists what is done.
        _console(stderr=True).print("[yellow]interrupted[/yellow]; files already written "
                                    "are complete — run the same command again to finish")
        return 130
    except BrokenPipeError:
        # `antq places | head`: the reader has all it wanted; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OutputError as exc:
        from rich.markup import escape

        _console(stderr=True).print(f"[red]{escape(str(exc))}[/red]")
        return EXIT_OUTPUT
    except Exception as exc:  # noqa: BLE001 — clerks get a message, developers ANTQ_DEBUG=1
        from .write.pdf import PdfError

        if isinstance(exc, PdfError):
            _console(stderr=True).print(f"[red]PDF not written:[/red] {exc.message}")
            return EXIT_OUTPUT
        if os.environ.get("ANTQ_DEBUG"):
            raise
        _console(stderr=True).print(f"[red]internal error:[/red] {type(exc).__name__}: {exc}\n"
                                    "Please report it with the plan file "
                                    "(run with ANTQ_DEBUG=1 for details).")
        return EXIT_INTERNAL


def main() -> None:
    app()


from . import cli_batch  # noqa: E402,F401 — registers `batch` and `places` on the app
