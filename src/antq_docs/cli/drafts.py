"""`antq new`: a complete draft plan of a kind, for a year and an organisation; it asks
for what is missing only when a person sits at a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, _
from . import console
from .console import echo, error, report
from .core import ProfilesOption, guarded
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
    basis: Annotated[
        str | None,
        typer.Option(
            "--basis",
            help=N_(
                "The higher plan this one carries out, cited as «123/KH-UBND ngày 15/3/2026 "
                "của UBND tỉnh Cao Bằng»: the last of the bases."
            ),
        ),
    ] = None,
    plan_from: Annotated[
        Path | None,
        typer.Option("--from", help=N_("bao-cao: the plan the report answers (plan.yaml).")),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help=N_("bao-cao: the reporting unit, as the plan names it.")),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help=N_("bao-cao: the period reported on: 8/2026, 2026.")),
    ] = None,
    sheet: Annotated[
        Path | None,
        typer.Option(
            "--sheet",
            help=N_(
                "bao-cao: write the results sheet every unit fills in (ket-qua.xlsx) "
                "instead of one report."
            ),
        ),
    ] = None,
    profiles: ProfilesOption = None,
) -> None:
    def run() -> int:
        from ..kinds import KINDS
        from .reports import REPORT_KIND, REPORT_SUMMARY, new_report

        if list_kinds:
            for name, entry in KINDS.items():
                echo(f"{name:<10} {_(entry.summary)}")
            echo(f"{REPORT_KIND:<10} {_(REPORT_SUMMARY)}")
            return ExitCode.OK
        if kind == REPORT_KIND:
            return new_report(plan_from, unit, org, period, output, force, sheet)
        interactive = not no_input and console.stdin_is_terminal()
        chosen = _kind(kind, interactive)
        if interactive:
            profile = org or _ask_profile()
        else:
            profile = org
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
            error(_no_kind(chosen))
            return ExitCode.INVALID
        cited = None
        if basis is not None:
            from ..kinds.basis import parse_basis

            try:
                cited = parse_basis(basis)
            except ValueError as exc:
                error(str(exc))
                return ExitCode.INVALID
        from ..new import draft_schema, profile_for_plan, write_new_plan

        the_year = year or (_ask_year() if interactive else _this_year())
        if the_year is None:  # asked, and answered wrong each time (said each time)
            return ExitCode.INVALID
        if not FIRST_YEAR <= the_year <= LAST_YEAR:
            error(
                _("--year {year}: antq has plans for the years 2006 to 2100").format(year=the_year)
            )
            return ExitCode.INVALID
        target = output or Path(f"{chosen}-{the_year}.yaml")
        if target.suffix.lower() not in (".yaml", ".yml"):
            error(_("-o {path}: a plan is a .yaml file").format(path=target))
            return ExitCode.INVALID
        copied = profile_for_plan(profile, target)
        schema, writes_schema = draft_schema(target)
        warnings = write_new_plan(chosen, the_year, profile, target, force=force, basis=cited)
        report(warnings)
        if copied != profile.resolve():
            echo(_("copied the profile beside the plan: {path}").format(path=copied))
        if writes_schema:
            echo(
                _(
                    "wrote {path} beside the plan: VS Code (with the YAML extension) reads it "
                    "to complete and check the plan as you type"
                ).format(path=target.parent / str(schema))
            )
        elif schema is None:
            echo(
                _(
                    "{path} beside the plan was not written by antq: it is left as it is, and "
                    "the draft names no schema"
                ).format(path=target.parent / "plan.schema.json")
            )
        echo(_("wrote {path}").format(path=target))
        return ExitCode.OK

    raise typer.Exit(guarded(run))


def _ask(question: str, default: str | None = None) -> str:
    return str(typer.prompt(question, default=default)).strip()


FIRST_YEAR, LAST_YEAR = 2006, 2100  # the years kinds.calendar has facts for
ATTEMPTS = 3  # a wrong answer is asked again, but a script feeding nonsense still ends


def _this_year() -> int:
    import datetime

    return datetime.date.today().year


def _no_kind(chosen: str) -> str:
    """«no kind 'ngay-hôi'; did you mean 'ngay-hoi'?», or the list of kinds."""
    import difflib

    from ..kinds import KINDS

    close = difflib.get_close_matches(chosen.casefold(), list(KINDS), n=1, cutoff=0.5)
    if close:
        return _("no kind '{kind}'; did you mean '{close}'? (antq new --list shows them)").format(
            kind=chosen, close=close[0]
        )
    return _("no kind '{kind}'; choose one of: {kinds}").format(kind=chosen, kinds=", ".join(KINDS))


def _kind(given: str | None, interactive: bool) -> str | None:
    """The kind from the command line, or asked at a terminal until it is one antq has."""
    from ..kinds import KINDS

    if not interactive or (given and given in KINDS):
        return given
    if given:
        error(_no_kind(given))
    for _attempt in range(ATTEMPTS):
        answer = _ask(_("Kind of plan ({kinds})").format(kinds=", ".join(KINDS)))
        if answer in KINDS:
            return answer
        error(_no_kind(answer))
    return None


def _ask_profile() -> Path | None:
    for _attempt in range(ATTEMPTS):
        answer = Path(_ask(_("Organisation profile (org.yaml)")))
        if answer.is_file():
            return answer
        error(
            _("{path}: no such file; give the path of the profile (org.yaml)").format(path=answer)
        )
    return None


def _ask_year() -> int | None:
    for _attempt in range(ATTEMPTS):
        answer = _ask(_("Year of the plan"), default=str(_this_year()))
        if answer.isdigit() and FIRST_YEAR <= int(answer) <= LAST_YEAR:
            return int(answer)
        error(
            _("{answer}: write a year from {first} to {last}").format(
                answer=answer, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return None
