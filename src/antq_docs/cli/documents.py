"""`antq check` and `antq fix`, on DOCX files antq did not necessarily write."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import __version__
from ..i18n import N_, _
from .console import echo, error, write
from .core import guarded
from .exit_codes import ExitCode

if TYPE_CHECKING:
    from ..check import CheckResult

commands = typer.Typer()


def register(app: typer.Typer) -> None:
    app.registered_commands += commands.registered_commands


@commands.command(
    help=N_(
        "Audit DOCX files against Nghị định 30 and report every departure.\n\n"
        "Each finding is certain (read from the file) or an estimate (a length or a page count "
        "judged without Word). Exit 0 when there is no certain error (with --strict: no finding "
        "at all), 1 when there is, 2 when a file cannot be read or is not an administrative "
        "document (a speech, an agenda).\n\n[b]Examples[/b]\n\n"
        '  antq check "KH 05-UBND.docx"\n\n  antq check *.docx --format sarif > antq.sarif'
    )
)
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("DOCX files to audit (antq's or typed by hand)."), show_default=False
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", help=N_("text (for people), json (for programs) or sarif (for CI).")
        ),
    ] = "text",
    rules: Annotated[
        bool,
        typer.Option("--rules", help=N_("List the rules with their ids and clauses, and exit.")),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help=N_("Fail on warnings and estimates too, not only on certain errors.")
        ),
    ] = False,
) -> None:
    def run() -> int:
        from ..check.report import findings_json, findings_sarif, rules_table

        if rules:
            for rule_id, severity, clause, title in rules_table():
                echo(f"{rule_id:<30} {severity:<8} {clause:<20} {title}")
            return ExitCode.OK
        if not files:
            error(_("give one or more .docx files"))
            return ExitCode.INVALID
        if output_format not in ("text", "json", "sarif"):
            error(_("--format is text, json or sarif"))
            return ExitCode.INVALID
        from ..check import check_document
        from .inputs import docx_input_problem

        results: dict[str, CheckResult | str] = {}
        for path in files:  # one bad file never costs the results of the others
            refused = docx_input_problem(path, "check")
            if refused:
                results[str(path)] = refused
                continue
            try:
                results[str(path)] = check_document(path)
            except ValueError as exc:
                results[str(path)] = str(exc)
            except Exception as exc:  # noqa: BLE001 — reported per file, with exit code 2
                results[str(path)] = _("cannot be checked ({kind}: {detail})").format(
                    kind=type(exc).__name__, detail=exc
                )
        if output_format == "json":
            write(findings_json(results))
        elif output_format == "sarif":
            write(findings_sarif(results, __version__))
        else:
            _print_findings(results)
        return _check_exit(results.values(), strict)

    raise typer.Exit(guarded(run))


def _check_exit(results, strict: bool) -> int:
    if any(isinstance(r, str) or not r.administrative for r in results):
        return ExitCode.INVALID
    failing = [f for r in results for f in r.findings if strict or f.counts]
    return ExitCode.FINDINGS if failing else ExitCode.OK


def _print_findings(results: dict) -> None:
    from ..check.report import summary_line

    for file, result in results.items():
        if isinstance(result, str):  # the reason says already that it cannot be read
            echo(f"{file}: {result}", err=True)
            continue
        for finding in result.findings:
            echo(f"{file}: {finding}")
        echo(f"{file}: {summary_line(result)}")


@commands.command(
    help=N_(
        "Correct the format of a Word document to Nghị định 30 without touching its words.\n\n"
        "What `antq check` finds and can be corrected mechanically is corrected (margins, fonts, "
        "sizes, the Tiêu ngữ's hyphens, leading zeros, rules, page numbers, spacing…); what needs "
        "a person (a missing Nơi nhận, a number, words) is listed. Exit 0 when nothing is left "
        "but warnings, 1 when something needs a person, 2 when the file cannot or must not be "
        "changed (signed, written by antq, not an administrative document), 3 when the output "
        'was not written.\n\n[b]Examples[/b]\n\n  antq fix "Du thao KH.docx"\n\n'
        '  antq fix "Du thao KH.docx" --dry-run\n\n'
        '  antq fix "Du thao KH.docx" --only ND30-PAGE-MARGINS,ND30-FONT -o "KH da sua.docx"'
    )
)
def fix(
    file: Annotated[Path, typer.Argument(help=N_("The DOCX to correct."), show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help=N_("Where to write the corrected copy (default: NAME.fixed.docx beside it)."),
        ),
    ] = None,
    only: Annotated[
        str | None,
        typer.Option("--only", help=N_("Correct only these rules: ND30-PAGE-MARGINS,ND30-FONT,…")),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Say what would change; write nothing."))
    ] = False,
    in_place: Annotated[
        bool,
        typer.Option(
            "--in-place",
            help=N_(
                "Replace the file itself, keeping the original as NAME.bak.docx "
                "(NAME.bak-2.docx, … on later runs: a backup is never replaced)."
            ),
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace an existing output file."))
    ] = False,
) -> None:
    def run() -> int:
        from ..errors import OutputError
        from ..fix import FIXERS, Refused, fix_document
        from ..output import write_atomic

        wanted = {rule.strip() for rule in only.split(",")} if only else None
        unknown = sorted((wanted or set()) - set(FIXERS))
        if unknown:
            error(
                _("--only: {rules} cannot be fixed; fixable rules: {fixable}").format(
                    rules=", ".join(unknown), fixable=", ".join(FIXERS)
                )
            )
            return ExitCode.INVALID
        from ..files import read_input
        from ..inspect.package import MAX_DOCX_BYTES
        from ..reasons import reason
        from .inputs import docx_input_problem

        refused = docx_input_problem(file, "fix")
        if refused:
            error(_("{file}: not changed: {reason}").format(file=file, reason=refused))
            return ExitCode.INVALID
        try:
            data = read_input(file, MAX_DOCX_BYTES)
            result = fix_document(data, wanted, count_pages=True)
        except OSError as exc:
            error(_("{file}: cannot be read: {reason}").format(file=file, reason=reason(exc)))
            return ExitCode.INVALID
        except (Refused, ValueError) as exc:
            error(_("{file}: not changed: {reason}").format(file=file, reason=exc))
            return ExitCode.INVALID
        from ..fix import report as told

        for line in told.change_lines(file, result):
            echo(line)
        for line in told.failed_lines(file, result):
            echo(line, err=True)
        grown = told.grown_line(file, result)
        if grown:
            echo(grown)
        for line in told.person_lines(file, result):
            echo(line)
        echo(told.summary_line(file, result))
        if dry_run:
            return ExitCode.OK
        target = file if in_place else output or file.with_name(f"{file.stem}.fixed.docx")
        if target.resolve() == file.resolve() and not in_place:
            raise OutputError(str(target), _("is the input; use --in-place to replace it"))
        if target.exists() and not (force or in_place):
            raise OutputError(str(target), _("already exists; add --force to replace it"))
        if in_place:
            backup = _keep_backup(file, data)
            echo(_("kept the original as {path}").format(path=backup))
        write_atomic(target, result.docx)
        echo(_("wrote {path}").format(path=target))
        return ExitCode.FINDINGS if any(f.counts for f in result.after) else ExitCode.OK

    raise typer.Exit(guarded(run))


def _keep_backup(file: Path, data: bytes) -> Path:
    """The original beside the file as NAME.bak.docx, or NAME.bak-2.docx, … when an earlier
    run's backup is there: a backup is never replaced, so the first one is always the
    original. Written to a temporary file, then linked under a name that must not exist."""
    import os
    import tempfile

    from ..errors import OutputError
    from ..reasons import reason

    folder = file.parent if str(file.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{file.name}.antq-{os.getpid()}-", suffix=".tmp", dir=folder
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            for number in range(1, 1000):
                suffix = ".bak" if number == 1 else f".bak-{number}"
                backup = file.with_name(f"{file.stem}{suffix}{file.suffix}")
                try:
                    os.link(temporary, backup)
                    return backup
                except FileExistsError:
                    continue
        finally:
            os.unlink(temporary)
    except OSError as exc:
        raise OutputError(
            str(file), _("the original cannot be kept: {reason}").format(reason=reason(exc))
        ) from None
    raise OutputError(
        str(file), _("999 backups are kept beside it already: move some of them away")
    )
