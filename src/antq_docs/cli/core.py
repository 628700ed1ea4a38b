"""The `antq` app, its global options, the guarded runner and `main`. The commands are put
on the app by their own modules (cli/__init__.py registers them); each command imports what
it needs when it runs, so `--help` is fast. Errors become messages and exit codes here
(`guarded`) and nowhere else."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..i18n import N_, _, ngettext
from .console import console, echo, error, report
from .exit_codes import ExitCode

app = typer.Typer(
    name="antq",
    help=N_("Vietnamese administrative plans (Kế hoạch) from YAML, laid out to Nghị định 30."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _profile_folders(ctx: typer.Context, folders: list[Path] | None) -> list[Path]:
    """`--profiles DIR`: more folders a plan's `org:` and `extends:` may name files in, for
    this command only. They are put before those of ANTQ_PROFILES in the environment, which
    the batch workers inherit; the variable is as it was once the command ends."""
    from ..load.merge import PROFILES_VARIABLE

    if not folders:
        return []
    for folder in folders:
        if not folder.is_dir():
            raise typer.BadParameter(
                _("{folder} is not a folder; give the folder that holds the profiles").format(
                    folder=folder
                ),
                param_hint="--profiles",
            )
    before = os.environ.get(PROFILES_VARIABLE)
    given = [str(folder.resolve()) for folder in folders]
    os.environ[PROFILES_VARIABLE] = os.pathsep.join(given + ([before] if before else []))

    def restore() -> None:
        if before is None:
            os.environ.pop(PROFILES_VARIABLE, None)
        else:
            os.environ[PROFILES_VARIABLE] = before

    ctx.call_on_close(restore)
    return folders


# The one definition of --profiles, put on every command that reads plans.
ProfilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--profiles",
        callback=_profile_folders,
        show_default=False,
        help=N_(
            "A folder whose profiles and base plans `org:` and `extends:` may name, besides "
            "the plan's own folder (repeatable; also ANTQ_PROFILES)."
        ),
    ),
]


def _version(value: bool) -> None:
    if value:
        echo(f"antq {__version__}")
        raise typer.Exit()


@app.callback(
    help=N_("antq: write a plan in YAML, get a DOCX a văn thư accepts without touching the format.")
)
def main_options(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("Print the version and exit.")
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="vi|en",
            help=N_("Language of messages and help: vi (the default) or en. Also ANTQ_LANG."),
        ),
    ] = None,
) -> None:
    if lang:  # main() has chosen already; this serves callers that skip it (CliRunner)
        from ..i18n import use_language

        try:
            use_language(lang)
        except ValueError:
            raise typer.BadParameter(_("antq speaks vi and en"), param_hint="--lang") from None


def guarded(run) -> int:
    """`run()`'s exit code; the one place where exceptions become messages and exit codes:
    antq's errors are told to the clerk, Ctrl-C is 130 with a sentence, anything else is an
    internal error (raised as it is with ANTQ_DEBUG=1)."""
    from ..errors import OutputError, PlanError

    try:
        return run()
    except PlanError as exc:
        report(exc.problems)
        count = len(exc.errors)
        error(
            ngettext(
                "{count} problem; nothing was written",
                "{count} problems; nothing was written",
                count,
            ).format(count=count)
        )
        return ExitCode.INVALID
    except KeyboardInterrupt:
        # Ctrl-C: every file written so far is complete (temporary name, then rename), and
        # a batch's manifest lists what is done.
        console(stderr=True).print(
            "[yellow]"
            + _(
                "interrupted; files already written are complete — run the same command again "
                "to finish"
            )
            + "[/yellow]"
        )
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # `antq places | head`: the reader has all it wanted; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except OutputError as exc:
        error(f"{exc.path}: {exc.message}")
        return ExitCode.OUTPUT
    except Exception as exc:  # noqa: BLE001 — clerks get a message, developers ANTQ_DEBUG=1
        from ..write.pdf import PdfError

        if isinstance(exc, PdfError):
            error(_("PDF not written: {reason}").format(reason=exc.message))
            return ExitCode.OUTPUT
        if os.environ.get("ANTQ_DEBUG"):
            raise
        error(
            _(
                "internal error: {kind}: {detail}\nPlease report it with the plan file "
                "(run with ANTQ_DEBUG=1 for details)."
            ).format(kind=type(exc).__name__, detail=exc)
        )
        return ExitCode.INTERNAL


def main() -> None:
    """The `antq` program: the language first (from --lang anywhere on the line, or the
    environment), then the app in it."""
    from .language import localised_command, prepare, split_lang, utf8_console

    utf8_console()
    problem = prepare(sys.argv[1:])
    if problem:
        error(problem)
        raise SystemExit(ExitCode.INVALID)
    localised_command(app)(args=split_lang(sys.argv[1:])[1], prog_name="antq")
