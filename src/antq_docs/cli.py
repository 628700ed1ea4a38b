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
            sys.stdout.write(_shown(render_text(document)))
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
    line = _shown(line[:200]).replace("\n", " ")
    return line + ("…" if len(lines[problem.line - 1]) > 200 else "")


def _shown(text: str) -> str:
    """Text as it may reach a terminal: control characters (escape sequences) shown as
    \\xNN, never obeyed; no-break spaces and every letter kept."""
    import unicodedata

    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" and c not in "\n\t"
                   else c for c in text)


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


from . import cli_batch, cli_documents  # noqa: E402,F401 — register their commands on the app
