"""What the command line shows a person: one console on stdout or stderr, a sentence in red,
problems with the source line they point at, text that never drives the terminal and is never
endless, and a reader that goes away (`antq fix … | head`) that never stops the work."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..i18n import _

MAX_SHOWN = 100  # problems printed for one run
MAX_LINE = 1000  # characters of one printed line: a 10 MB file name or cell is cut


def console(stderr: bool = False):
    """A rich console; rich costs ~50 ms to import: only a run that has something to report
    pays for it."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def echo(text: str = "", err: bool = False) -> None:
    """A line (or lines) for the clerk, escaped and cut as `shown` does. When the reader has
    gone (`antq fix … | head`), what follows goes nowhere and the work goes on: the file is
    still written, the exit code is still the document's."""
    import typer

    try:
        typer.echo("\n".join(shown(line, MAX_LINE) for line in text.split("\n")), err=err)
    except BrokenPipeError:
        reader_gone(sys.stderr if err else sys.stdout)


def write(text: str) -> None:
    """Text for a program on stdout (JSON, SARIF, a schema, a preview), escaped, never cut."""
    try:
        sys.stdout.write(shown(text))
        sys.stdout.flush()
    except BrokenPipeError:
        reader_gone(sys.stdout)


def reader_gone(stream) -> None:
    """Point `stream` at the null device: its reader has closed the pipe, and neither a later
    line nor Python's own flush at exit may fail for it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # a stream without a file (a test's)
        pass


def error(message: str) -> None:
    """One sentence for the clerk on stderr, in red."""
    from rich.markup import escape

    try:
        console(stderr=True).print(f"[red]{escape(shown(message, MAX_LINE))}[/red]")
    except BrokenPipeError:
        reader_gone(sys.stderr)


def report(problems) -> None:
    """Print problems with the offending source line, as a clerk needs to fix them."""
    if not problems:
        return
    from rich.markup import escape

    err = console(stderr=True)
    lines_cache: dict[str, list[str]] = {}
    problems = list(problems)
    if len(problems) > MAX_SHOWN:  # 400,000 duplicate keys: the first ones say enough
        err.print(
            "[red]"
            + escape(
                _("{count:,} problems; the first {shown} are shown").format(
                    count=len(problems), shown=MAX_SHOWN
                )
            )
            + "[/red]"
        )
        problems = problems[:MAX_SHOWN]
    for problem in problems:
        colour = "yellow" if problem.severity == "warning" else "red"
        err.print(f"[{colour}]{escape(shown(str(problem), MAX_LINE))}[/{colour}]")
        source_line = _source_line(problem, lines_cache)
        if source_line is not None:
            err.print(f"    {escape(source_line)}")
            err.print("    " + " " * max(problem.column - 1, 0) + "[bold]^[/bold]")


def _source_line(problem, cache: dict[str, list[str]]) -> str | None:
    if not problem.line:
        return None
    if problem.file not in cache:
        from ..load.yaml_source import MAX_FILE_BYTES, read_input

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
    return shown(line, 200).replace("\n", " ")


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(text: str, limit: int | None = None) -> str:
    """Text as it may reach a terminal: control characters (escape sequences) shown as
    \\xNN and bidirectional overrides (which reorder what follows on the line) as \\uNNNN,
    never obeyed; no-break spaces and every letter kept. With `limit`, cut to that many
    characters and «…». Every echo of a document's text, a file name or an argument goes
    through here."""
    import unicodedata

    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return "".join(
        f"\\x{ord(c):02x}"
        if unicodedata.category(c) == "Cc" and c not in "\n\t"
        else f"\\u{ord(c):04x}"
        if c in _BIDI_CONTROLS
        else c
        for c in text
    )


def stdin_is_terminal() -> bool:
    """Prompts only for a person at a terminal, never in scripts or CI. Callers look it up
    on this module when they run (`console.stdin_is_terminal()`), so a test can replace it."""
    return sys.stdin.isatty()
