"""`antq import`: last year's Kế hoạch, typed in Word, becomes a plan to edit and render."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..files import schema_near
from ..i18n import N_, _
from .console import error
from .core import ProfilesOption, guarded
from .exit_codes import ExitCode

commands = typer.Typer()

DOC_TIMEOUT_SECONDS = 60


def register(app: typer.Typer) -> None:
    app.registered_commands += commands.registered_commands


@commands.command(
    "import",
    help=N_(
        "Turn a Kế hoạch typed in Word (.docx, or .doc with LibreOffice) into a plan.\n\n"
        "The plan holds the same words in the same order: header, bases, the outline with "
        "Word's automatic numbers, tables, footnotes, appendices, Nơi nhận and signature. Lines "
        "marked «# antq import:» say what was normalised or guessed. Exit 0 when the plan renders "
        "with the original's words, 1 when something needs a person, 2 when the file is not a "
        "Kế hoạch antq can read, 3 when the plan was not written.\n\n[b]Examples[/b]\n\n"
        "  antq import ke-hoach-2025.docx --year 2026 -o ke-hoach-2026.yaml"
    ),
)
def import_plan(
    file: Annotated[
        Path, typer.Argument(help=N_("The Kế hoạch to import (.docx or .doc)."), show_default=False)
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help=N_("Where to write the plan (default: NAME.yaml beside it).")
        ),
    ] = None,
    org: Annotated[
        Path | None,
        typer.Option(
            "--org", help=N_("An organisation profile: what it says is left out of the plan.")
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=N_("Re-issue the plan for this year (a draft; the replacements are listed)."),
            min=1945,
            max=2200,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace an existing output file."))
    ] = False,
    profiles: ProfilesOption = None,
) -> None:
    def run() -> int:
        import os

        from ..errors import OutputError
        from ..importer import ImportRefused, import_docx
        from ..output import write_atomic

        try:
            data = _docx_bytes(file)
        except OSError as exc:
            from ..reasons import reason

            error(_("{file}: cannot be read: {reason}").format(file=file, reason=reason(exc)))
            return ExitCode.INVALID
        except ValueError as exc:
            error(f"{file}: {exc}")
            return ExitCode.INVALID
        target = output or file.with_suffix(".yaml")
        profile, org_path = None, None
        if org is not None:
            from ..load.merge import allowed_folders
            from ..load.yaml_source import load_source
            from ..validate import validate_org

            if not any(org.resolve().is_relative_to(f) for f in allowed_folders(target)):
                # the plan would name a profile `antq render` does not read
                error(
                    _(
                        "{org}: the plan {target} could not use this profile: antq reads "
                        "profiles only in the plan's folder, its subfolders and ANTQ_PROFILES; "
                        "copy the profile beside the plan and import again"
                    ).format(org=org, target=target)
                )
                return ExitCode.INVALID
            source = load_source(org)
            validate_org(source)
            profile = source.data
            org_path = Path(os.path.relpath(org.resolve(), target.resolve().parent)).as_posix()
        try:
            result = import_docx(
                data, year=year, org=profile, org_path=org_path, schema=schema_near(target)
            )
        except ImportRefused as exc:
            error(_("{file}: not imported: {reason}").format(file=file, reason=exc))
            return ExitCode.INVALID
        if target.exists() and not force and _existing_plan(target) != result.yaml:
            raise OutputError(
                str(target),
                _("already exists; choose another name with -o, or add --force to replace it"),
            )
        write_atomic(target, result.yaml.encode("utf-8"))
        for note in result.notes:
            if note.needs_person:
                typer.echo(
                    _("{file}: needs a person: {note}").format(file=target, note=note.message)
                )
        typer.echo(_("wrote {path}").format(path=target))
        return ExitCode.FINDINGS if result.status else ExitCode.OK

    raise typer.Exit(guarded(run))


def _existing_plan(target: Path) -> str:
    """The plan already at `target`, read with the guards of any input: a pipe or a device
    (which would hang or fill the memory) is refused; a file larger than a plan is not
    the plan antq would write."""
    from ..errors import OutputError
    from ..files import read_input
    from ..load.yaml_source import MAX_FILE_BYTES

    try:
        return read_input(target, MAX_FILE_BYTES).decode("utf-8", "replace")
    except OSError:
        if target.is_file():
            return ""
        raise OutputError(
            str(target),
            _("is not a regular file (a folder, a device or a pipe); choose another name"),
        ) from None


def _docx_bytes(file: Path) -> bytes:
    """The file's DOCX bytes; a .doc is converted by LibreOffice in a throwaway profile."""
    from ..files import read_input
    from ..inspect.package import MAX_DOCX_BYTES

    if file.suffix.lower() != ".doc":
        return read_input(file, MAX_DOCX_BYTES)  # a pipe or /dev/zero is refused, never read
    import shutil
    import subprocess
    import tempfile

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ValueError(
            _(
                "a .doc file needs LibreOffice to be read; install it, or save "
                "the file as .docx in Word"
            )
        )
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        try:
            subprocess.run(
                [
                    office,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    work,
                    str(file),
                ],
                capture_output=True,
                timeout=DOC_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ValueError(
                _("LibreOffice did not convert the .doc file within {seconds} seconds").format(
                    seconds=DOC_TIMEOUT_SECONDS
                )
            ) from None
        converted = Path(work, file.with_suffix(".docx").name)
        if not converted.is_file():
            raise ValueError(_("LibreOffice could not convert the .doc file"))
        return converted.read_bytes()
