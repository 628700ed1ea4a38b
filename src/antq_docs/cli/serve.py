"""`antq serve`: antq's page in the browser, on this computer only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import N_, _
from .console import error
from .core import guarded
from .exit_codes import ExitCode

commands = typer.Typer()


def register(app: typer.Typer) -> None:
    app.registered_commands += commands.registered_commands


@commands.command(
    help=N_(
        "Open antq's page in the browser: check and fix a Word document, write a plan with "
        "a live preview.\n\n"
        "The page is served on 127.0.0.1 only, at an address with a token that changes at each "
        "start; plans are read and saved in --folder only. Ctrl-C stops it.\n\n"
        "[b]Examples[/b]\n\n  antq serve --open\n\n  antq serve --folder examples --port 8765"
    )
)
def serve(
    port: Annotated[
        int,
        typer.Option("--port", help=N_("The port (default: a free one)."), min=0, max=65535),
    ] = 0,
    open_browser: Annotated[
        bool, typer.Option("--open", help=N_("Open the page in the browser."))
    ] = False,
    folder: Annotated[
        Path | None,
        typer.Option("--folder", help=N_("The folder of the plans (default: the current folder).")),
    ] = None,
) -> None:
    def run() -> int:
        from ..reasons import reason
        from ..serve import prepare, serve_until_stopped

        where = folder or Path.cwd()
        if not where.is_dir():
            error(_("--folder {folder}: there is no such folder").format(folder=where))
            return ExitCode.INVALID
        try:
            started = prepare(where, port)
        except OSError as exc:
            error(
                _(
                    "--port {port}: cannot listen on it ({reason}); choose another port, or "
                    "leave --port out for a free one"
                ).format(port=port, reason=reason(exc))
            )
            return ExitCode.INVALID
        typer.echo(_("antq serves the folder {folder}").format(folder=started.settings.folder))
        typer.echo(_("open this address (only on this computer): {url}").format(url=started.url))
        typer.echo(_("Ctrl-C stops it."))
        if open_browser:
            import webbrowser

            webbrowser.open(started.url)
        serve_until_stopped(started)
        typer.echo(_("antq serve stopped"))
        return ExitCode.OK

    raise typer.Exit(guarded(run))
