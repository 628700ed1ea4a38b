"""The `antq` command. Each command imports what it needs when it runs, so `--help` is fast;
errors become messages and exit codes here and nowhere else."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .i18n import N_, _, ngettext

app = typer.Typer(
    name="antq",
    help=N_("Vietnamese administrative plans (Kế hoạch) from YAML, laid out to Nghị định 30."),
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


@app.callback(help=N_("antq: write a plan in YAML, get a DOCX a văn thư accepts without "
                      "touching the format."))
def main_options(
    version: Annotated[bool | None, typer.Option(
        "--version", callback=_version, is_eager=True,
        help=N_("Print the version and exit."))] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="vi|en",
        help=N_("Language of messages and help: vi (the default) or en. Also ANTQ_LANG."))
    ] = None,
) -> None:
    if lang:  # main() has chosen already; this serves callers that skip it (CliRunner)
        from .i18n import use_language

        try:
            use_language(lang)
        except ValueError:
            raise typer.BadParameter(_("antq speaks vi and en"), param_hint="--lang") from None


@app.command(help=N_("Render a plan to DOCX.\n\n[b]Examples[/b]\n\n"
                     "  antq render ke-hoach.yaml\n\n"
                     "  antq render ke-hoach.yaml -o \"KH 05-UBND.docx\" --pdf\n\n"
                     "  antq render ke-hoach.yaml --text"))
def render(
    plan: Annotated[Path, typer.Argument(help=N_("The plan, a .yaml file."),
                                         show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help=N_("Where to write the .docx (default: beside the plan)."))
    ] = None,
    force: Annotated[bool, typer.Option(
        "--force", help=N_("Replace the output even if it was edited after antq wrote it."))
    ] = False,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help=N_("Also write a PDF beside the .docx (needs LibreOffice)."))] = False,
    text: Annotated[bool, typer.Option(
        "--text", help=N_("Print a plain-text preview instead of writing a file."))] = False,
) -> None:
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
            raise OutputError(str(target), _("antq writes a .docx here (add --pdf for a PDF "
                                             "beside it); end the name with .docx"))
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
        typer.echo(_("wrote {path}").format(path=target))
        if pdf:
            from .write.pdf import convert_to_pdf

            convert_to_pdf(target, pdf_path)
            typer.echo(_("wrote {path}").format(path=pdf_path))
        return 0

    raise typer.Exit(_guarded(run))


@app.command(help=N_("Check plans and report every problem as FILE:LINE:COL: field: "
                     "message.\n\nExit 0 when every plan is valid, 2 when any is not (with "
                     "--strict: or has a warning).\n\n[b]Examples[/b]\n\n"
                     "  antq validate ke-hoach.yaml\n\n"
                     "  antq validate --strict examples/*.yaml\n\n"
                     "  antq validate --org examples/orgs/cao-bang.yaml"))
def validate(
    plans: Annotated[list[Path] | None, typer.Argument(
        help=N_("One or more plan files."), show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help=N_("Also apply the content rules (numbering, abbreviations, dates, "
                            "recipients, districts, tone marks) and fail on any warning."))
    ] = False,
    org: Annotated[list[Path] | None, typer.Option(
        "--org", help=N_("Check an organisation profile (org.yaml) on its own."))] = None,
) -> None:
    def run() -> int:
        if not plans and not org:
            _error(_("give one or more plans, or --org with a profile"))
            return EXIT_INVALID
        failed = False
        for plan in plans or []:
            failed = not _validate_one(plan, strict) or failed
        for profile in org or []:
            failed = not _validate_one(profile, strict, profile=True) or failed
        return EXIT_INVALID if failed else 0

    raise typer.Exit(_guarded(run))


def _validate_one(path: Path, strict: bool, *, profile: bool = False) -> bool:
    """Report on one plan (or profile); True when it passes."""
    from .errors import PlanError
    from .load.yaml_source import load_source
    from .validate import load_plan, validate_org

    warnings = ()
    try:
        if profile:
            validate_org(load_source(path))
        else:
            from .content.build import build_document
            from .write.docx import render_docx

            validated = load_plan(path, strict=strict)
            # valid means writable: the DOCX is made (in memory) as render would make it
            render_docx(build_document(validated.plan, validated.source))
            warnings = validated.warnings
    except PlanError as exc:
        _report(exc.problems)
        return False
    except Exception as exc:  # noqa: BLE001 — one broken plan never stops the rest
        _error(_("{file}: cannot be checked: {reason}").format(
            file=path, reason=type(exc).__name__))
        return False
    _report(warnings)
    if strict and warnings:
        return False
    typer.echo(_("valid {file}").format(file=path))
    return True


@app.command(name="test", help=N_(
    "Render every plan, audit it with `antq check`, compare it with its snapshot.\n\n"
    "Exit 0 when all pass, 1 on a finding or a snapshot difference (a unified diff is "
    "printed), 2 when a plan cannot be rendered.\n\n[b]Examples[/b]\n\n  antq test\n\n"
    "  antq test --update && git diff tests/snapshots"))
def test_plans(
    plans: Annotated[list[Path] | None, typer.Argument(
        help=N_("Plans to test (default: examples/*.yaml and templates/)."),
        show_default=False)] = None,
    snapshots: Annotated[Path, typer.Option(
        "--snapshots", help=N_("Folder of the expected text snapshots."))
    ] = Path("tests/snapshots"),
    update: Annotated[bool, typer.Option(
        "--update", help=N_("Rewrite the snapshots from the current output."))] = False,
) -> None:
    def run() -> int:
        import tempfile

        from .regression import discover, kind_plans

        with tempfile.TemporaryDirectory(prefix="antq-test-") as folder:
            targets = plans or discover(Path(".")) + kind_plans(Path("."), Path(folder))
            return check_all(targets)

    def check_all(targets: list[Path]) -> int:
        from .regression import run_case

        if not targets:
            _error(_("no plans found (examples/*.yaml, templates/)"))
            return EXIT_INVALID
        broken = failed = False
        states = {"updated": _("updated"), "ok": _("ok"), "failed": _("FAILED")}
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
            state = states["updated" if result.updated else "ok" if result.ok else "failed"]
            typer.echo(f"{state:<8} {plan.name if plan.name.startswith('new-') else plan}")
        return EXIT_INVALID if broken else 1 if failed else 0

    raise typer.Exit(_guarded(run))


@app.command(help=N_("Print the JSON Schema of the plan format (for editors: "
                     "yaml-language-server)."))
def schema(
    org: Annotated[bool, typer.Option(
        "--org", help=N_("The schema of an organisation profile instead of a plan."))
    ] = False,
) -> None:
    from .model.schema import schema_json

    sys.stdout.write(schema_json("org" if org else "plan"))


@app.command(help=N_("Write a complete draft plan of a kind for a year and an organisation."
                     "\n\n[b]Examples[/b]\n\n  antq new --list\n\n"
                     "  antq new ngay-hoi --year 2026 --org examples/orgs/cao-bang.yaml "
                     "-o ke-hoach.yaml"))
def new(
    kind: Annotated[str | None, typer.Argument(
        help=N_("The kind of plan (see --list)."), show_default=False)] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help=N_("The year of the plan (default: this year)."))] = None,
    org: Annotated[Path | None, typer.Option(
        "--org", help=N_("The organisation profile (org.yaml)."))] = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help=N_("Where to write the plan (default: KIND-YEAR.yaml)."))
    ] = None,
    list_kinds: Annotated[bool, typer.Option(
        "--list", help=N_("List the kinds and exit."))] = False,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help=N_("Never ask; fail if a required value is missing."))] = False,
    force: Annotated[bool, typer.Option(
        "--force", help=N_("Replace an existing file."))] = False,
) -> None:
    def run() -> int:
        from .kinds import KINDS

        if list_kinds:
            for name, entry in KINDS.items():
                typer.echo(f"{name:<10} {_(entry.summary)}")
            return 0
        interactive = not no_input and _stdin_is_terminal()
        chosen = kind or (_ask(_("Kind of plan ({kinds})").format(kinds=", ".join(KINDS)))
                          if interactive else None)
        profile = org or (Path(_ask(_("Organisation profile (org.yaml)"))) if interactive
                          else None)
        if not chosen or not profile:
            _error(_("give the kind and --org (antq new --help; --list shows the kinds)")
                   if not chosen and not profile else
                   _("give the kind (antq new --list shows them)") if not chosen else
                   _("give --org with the organisation profile (org.yaml)"))
            return EXIT_INVALID
        if chosen not in KINDS:
            _error(_("no kind '{kind}'; choose one of: {kinds}").format(
                kind=chosen, kinds=", ".join(KINDS)))
            return EXIT_INVALID
        from .new import write_new_plan

        the_year = year or __import__("datetime").date.today().year
        if not 2006 <= the_year <= 2100:
            _error(_("--year {year}: antq has plans for the years 2006 to 2100").format(
                year=the_year))
            return EXIT_INVALID
        target = output or Path(f"{chosen}-{the_year}.yaml")
        if target.suffix.lower() not in (".yaml", ".yml"):
            _error(_("-o {path}: a plan is a .yaml file").format(path=target))
            return EXIT_INVALID
        warnings = write_new_plan(chosen, the_year, profile, target, force=force)
        _report(warnings)
        typer.echo(_("wrote {path}").format(path=target))
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


def _error(message: str) -> None:
    """One sentence for the clerk on stderr, in red."""
    from rich.markup import escape

    _console(stderr=True).print(f"[red]{escape(message)}[/red]")


def _report(problems) -> None:
    """Print problems with the offending source line, as a clerk needs to fix them."""
    if not problems:
        return
    from rich.markup import escape

    console = _console(stderr=True)
    lines_cache: dict[str, list[str]] = {}
    problems = list(problems)
    if len(problems) > MAX_SHOWN:  # 400,000 duplicate keys: the first ones say enough
        console.print("[red]" + escape(_("{count:,} problems; the first {shown} are shown")
                                       .format(count=len(problems), shown=MAX_SHOWN)) + "[/red]")
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
        _error(ngettext("{count} problem; nothing was written",
                        "{count} problems; nothing was written", count).format(count=count))
        return EXIT_INVALID
    except KeyboardInterrupt:
        # Ctrl-C: every file written so far is complete (temporary name, then rename), and
        # a batch's manifest lists what is done.
        _console(stderr=True).print("[yellow]" + _(
            "interrupted; files already written are complete — run the same command again "
            "to finish") + "[/yellow]")
        return 130
    except BrokenPipeError:
        # `antq places | head`: the reader has all it wanted; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OutputError as exc:
        _error(f"{exc.path}: {exc.message}")
        return EXIT_OUTPUT
    except Exception as exc:  # noqa: BLE001 — clerks get a message, developers ANTQ_DEBUG=1
        from .write.pdf import PdfError

        if isinstance(exc, PdfError):
            _error(_("PDF not written: {reason}").format(reason=exc.message))
            return EXIT_OUTPUT
        if os.environ.get("ANTQ_DEBUG"):
            raise
        _error(_("internal error: {kind}: {detail}\nPlease report it with the plan file "
                 "(run with ANTQ_DEBUG=1 for details).").format(kind=type(exc).__name__,
                                                                 detail=exc))
        return EXIT_INTERNAL


def main() -> None:
    from .cli_language import localised_command, prepare, split_lang, utf8_console

    utf8_console()
    problem = prepare(sys.argv[1:])
    if problem:
        _error(problem)
        raise SystemExit(EXIT_INVALID)
    localised_command(app)(args=split_lang(sys.argv[1:])[1], prog_name="antq")


from . import cli_batch, cli_documents  # noqa: E402,F401 — register their commands on the app
