"""`antq new`: a complete draft plan of a kind, for a year and an organisation; it asks
for what is missing only when a person sits at a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, _
from . import console
from .console import error, report
from .core import guarded
from .exit_codes import ExitCode

commands = typer.Typer()


def register(app: typer.Typer) -> None:
    app.registered_commands += commands.registered_commands


@commands.command(
    help=N_(
        "Write a complete draft plan of a kind for a year and an "
        "organisation.\n\n[b]Examples[/b]\n\n  antq new --list\n\n"
        "  antq new ngay-hoi --year 2026 --org examples/orgs/cao-bang.yaml "
        "-o ke-hoach.yaml"
    )
)
def new(
    kind: Annotated[
        str | None, typer.Argument(help=N_("The kind of plan (see --list)."), show_default=False)
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help=N_("The year of the plan (default: this year)."))
    ] = None,
    org: Annotated[
        Path | None, typer.Option("--org", help=N_("The organisation profile (org.yaml)."))
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help=N_("Where to write the plan (default: KIND-YEAR.yaml).")
        ),
    ] = None,
    list_kinds: Annotated[
        bool, typer.Option("--list", help=N_("List the kinds and exit."))
    ] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help=N_("Never ask; fail if a required value is missing."))
    ] = False,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing file."))] = False,
) -> None:
    def run() -> int:
        from ..kinds import KINDS

        if list_kinds:
            for name, entry in KINDS.items():
                typer.echo(f"{name:<10} {_(entry.summary)}")
            return ExitCode.OK
        interactive = not no_input and console.stdin_is_terminal()
        chosen = kind or (
            _ask(_("Kind of plan ({kinds})").format(kinds=", ".join(KINDS)))
            if interactive
            else None
        )
        profile = org or (Path(_ask(_("Organisation profile (org.yaml)"))) if interactive else None)
        if not chosen or not profile:
            error(
                _("give the kind and --org (antq new --help; --list shows the kinds)")
                if not chosen and not profile
                else _("give the kind (antq new --list shows them)")
                if not chosen
                else _("give --org with the organisation profile (org.yaml)")
            )
            return ExitCode.INVALID
        if chosen not in KINDS:
            error(
                _("no kind '{kind}'; choose one of: {kinds}").format(
                    kind=chosen, kinds=", ".join(KINDS)
                )
            )
            return ExitCode.INVALID
        from ..new import profile_for_plan, write_new_plan

        the_year = year or __import__("datetime").date.today().year
        if not 2006 <= the_year <= 2100:
            error(
                _("--year {year}: antq has plans for the years 2006 to 2100").format(year=the_year)
            )
            return ExitCode.INVALID
        target = output or Path(f"{chosen}-{the_year}.yaml")
        if target.suffix.lower() not in (".yaml", ".yml"):
            error(_("-o {path}: a plan is a .yaml file").format(path=target))
            return ExitCode.INVALID
        copied = profile_for_plan(profile, target)
        warnings = write_new_plan(chosen, the_year, profile, target, force=force)
        report(warnings)
        if copied != profile.resolve():
            typer.echo(_("copied the profile beside the plan: {path}").format(path=copied))
        typer.echo(_("wrote {path}").format(path=target))
        return ExitCode.OK

    raise typer.Exit(guarded(run))


def _ask(question: str) -> str:
    return typer.prompt(question).strip()
