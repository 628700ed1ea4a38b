"""The commands on plan files: `antq render`, `antq validate`, `antq test` (every plan
rendered, audited and compared with its snapshot) and `antq schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, _, ngettext
from .console import echo, error, report, write
from .core import ProfilesOption, guarded
from .exit_codes import ExitCode

commands = typer.Typer()


def register(app: typer.Typer) -> None:
    app.registered_commands += commands.registered_commands


@commands.command(
    help=N_(
        "Render a plan to DOCX.\n\n[b]Examples[/b]\n\n"
        "  antq render ke-hoach.yaml\n\n"
        '  antq render ke-hoach.yaml -o "KH 05-UBND.docx" --pdf\n\n'
        "  antq render ke-hoach.yaml --text"
    )
)
def render(
    plan: Annotated[Path, typer.Argument(help=N_("The plan, a .yaml file."), show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help=N_("Where to write the .docx (default: beside the plan).")
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=N_("Replace the output even if it was edited after antq wrote it.")
        ),
    ] = False,
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help=N_("Also write a PDF beside the .docx (needs LibreOffice).")),
    ] = False,
    text: Annotated[
        bool,
        typer.Option("--text", help=N_("Print a plain-text preview instead of writing a file.")),
    ] = False,
    profiles: ProfilesOption = None,
) -> None:
    def run() -> int:
        from ..output import check_overwrite, write_atomic
        from ..render import build_tree, render_file
        from .inputs import plan_input_problem

        refused = plan_input_problem(plan)
        if refused:
            error(f"{plan}: {refused}")
            return ExitCode.INVALID
        if text:
            from ..write.text import render_text

            document, warnings = build_tree(plan)
            report(warnings)
            # a plan's text never drives the terminal: escape sequences are shown, not run
            write(render_text(document))
            return ExitCode.OK
        from ..errors import OutputError
        from ..output import check_pdf_overwrite

        target = output or plan.with_suffix(".docx")
        if target.suffix.lower() != ".docx":
            raise OutputError(
                str(target),
                _(
                    "antq writes a .docx here (add --pdf for a PDF "
                    "beside it); end the name with .docx"
                ),
            )
        check_overwrite(target, force=force)
        if target.parent.is_dir():  # what a killed render left behind
            from ..output import remove_stale_temporaries

            remove_stale_temporaries(target.parent, below=False)
        pdf_path = target.with_suffix(".pdf")
        if pdf:
            check_pdf_overwrite(pdf_path, force=force)
        result = render_file(plan)
        report(result.warnings)
        write_atomic(target, result.docx)
        echo(_("wrote {path}").format(path=target))
        if pdf:
            from ..write.pdf import convert_to_pdf

            convert_to_pdf(target, pdf_path)
            echo(_("wrote {path}").format(path=pdf_path))
        return ExitCode.OK

    raise typer.Exit(guarded(run))


@commands.command(
    help=N_(
        "Check plans and report every problem as FILE:LINE:COL: field: "
        "message.\n\nExit 0 when every plan is valid, 2 when any is not "
        "(with --strict: or has a warning).\n\n[b]Examples[/b]\n\n"
        "  antq validate ke-hoach.yaml\n\n"
        "  antq validate --strict examples/*.yaml\n\n"
        "  antq validate --org examples/orgs/cao-bang.yaml"
    )
)
def validate(
    plans: Annotated[
        list[Path] | None, typer.Argument(help=N_("One or more plan files."), show_default=False)
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help=N_(
                "Also apply the content rules (numbering, abbreviations, dates, "
                "recipients, districts, tone marks) and fail on any warning."
            ),
        ),
    ] = False,
    org: Annotated[
        list[Path] | None,
        typer.Option("--org", help=N_("Check an organisation profile (org.yaml) on its own.")),
    ] = None,
    profiles: ProfilesOption = None,
) -> None:
    def run() -> int:
        if not plans and not org:
            error(_("give one or more plans, or --org with a profile"))
            return ExitCode.INVALID
        failed = False
        for plan in plans or []:
            failed = not _validate_one(plan, strict) or failed
        for profile in org or []:
            failed = not _validate_one(profile, strict, profile=True) or failed
        return ExitCode.INVALID if failed else ExitCode.OK

    raise typer.Exit(guarded(run))


def _validate_one(path: Path, strict: bool, *, profile: bool = False) -> bool:
    """Report on one plan (or profile); True when it passes."""
    from ..errors import PlanError
    from ..load.yaml_source import load_source
    from ..validate import load_plan, validate_org
    from .inputs import plan_input_problem

    refused = plan_input_problem(path)
    if refused:
        error(f"{path}: {refused}")
        return False
    warnings: list = []
    try:
        if profile:
            validate_org(load_source(path))
        else:
            from ..content.build import build_document
            from ..write.docx import render_docx

            validated = load_plan(path, strict=strict)
            # valid means writable: the DOCX is made (in memory) as render would make it
            render_docx(build_document(validated.plan, validated.source))
            warnings = validated.warnings
    except PlanError as exc:
        report(exc.problems)
        count = len(exc.errors)
        error(
            ngettext(
                "not valid {file}: {count} problem above",
                "not valid {file}: {count} problems above",
                count,
            ).format(file=path, count=count)
        )
        return False
    except Exception as exc:  # noqa: BLE001 — one broken plan never stops the rest
        error(_("{file}: cannot be checked: {reason}").format(file=path, reason=type(exc).__name__))
        return False
    report(warnings)
    if strict and warnings:
        error(
            ngettext(
                "not valid with --strict {file}: the {count} warning above counts as a "
                "failure (without --strict the plan passes)",
                "not valid with --strict {file}: the {count} warnings above count as "
                "failures (without --strict the plan passes)",
                len(warnings),
            ).format(file=path, count=len(warnings))
        )
        return False
    if warnings:  # after the warnings, a line that says what they mean for the plan
        echo(
            ngettext(
                "valid {file}, with {count} warning above: it renders; read it before you "
                "send the plan",
                "valid {file}, with {count} warnings above: it renders; read them before you "
                "send the plan",
                len(warnings),
            ).format(file=path, count=len(warnings))
        )
        return True
    echo(_("valid {file}").format(file=path))
    return True


@commands.command(
    name="test",
    help=N_(
        "Render every plan, audit it with `antq check`, compare it with its snapshot.\n\n"
        "Exit 0 when all pass, 1 on a finding or a snapshot difference (a unified diff is "
        "printed), 2 when a plan cannot be rendered.\n\n[b]Examples[/b]\n\n  antq test\n\n"
        "  antq test --update && git diff tests/snapshots"
    ),
)
def test_plans(
    plans: Annotated[
        list[Path] | None,
        typer.Argument(
            help=N_("Plans to test (default: examples/*.yaml and templates/)."), show_default=False
        ),
    ] = None,
    snapshots: Annotated[
        Path, typer.Option("--snapshots", help=N_("Folder of the expected text snapshots."))
    ] = Path("tests/snapshots"),
    update: Annotated[
        bool, typer.Option("--update", help=N_("Rewrite the snapshots from the current output."))
    ] = False,
    profiles: ProfilesOption = None,
) -> None:
    def run() -> int:
        import tempfile

        from ..regression import discover, kind_plans

        with tempfile.TemporaryDirectory(prefix="antq-test-") as folder:
            targets = plans or discover(Path(".")) + kind_plans(Path("."), Path(folder))
            return check_all(targets)

    def check_all(targets: list[Path]) -> int:
        from ..regression import run_case

        if not targets:
            error(_("no plans found (examples/*.yaml, templates/)"))
            return ExitCode.INVALID
        broken = failed = False
        states = {"updated": _("updated"), "ok": _("ok"), "failed": _("FAILED")}
        for plan in targets:
            result = run_case(plan, snapshots, update=update)
            if result.problems:
                report(result.problems)
                broken = True
            for finding in result.findings:
                echo(f"{plan}: {finding}")
            if result.diff:
                echo(result.diff)
            failed = failed or bool(result.findings or result.diff)
            state = states["updated" if result.updated else "ok" if result.ok else "failed"]
            echo(f"{state:<8} {plan.name if plan.name.startswith('new-') else plan}")
        return ExitCode.INVALID if broken else ExitCode.FINDINGS if failed else ExitCode.OK

    raise typer.Exit(guarded(run))


@commands.command(
    help=N_("Print the JSON Schema of the plan format (for editors: yaml-language-server).")
)
def schema(
    org: Annotated[
        bool,
        typer.Option("--org", help=N_("The schema of an organisation profile instead of a plan.")),
    ] = False,
) -> None:
    from ..model.schema import schema_json

    write(schema_json("org" if org else "plan"))
