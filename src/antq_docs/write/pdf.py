"""DOCX -> PDF through LibreOffice, found on PATH or where Windows and macOS install it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import MessageError
from ..i18n import N_, _

__all__ = ["find_soffice", "convert_to_pdf", "convert_many", "PdfError", "INSTALL_HINT"]

INSTALL_HINT = N_(
    "LibreOffice is needed for PDF output. Install it from "
    "https://www.libreoffice.org/download/ (Windows, macOS) or with "
    "'sudo apt install libreoffice-writer fonts-liberation2' (Debian, Ubuntu), "
    "then run the command again."
)
_TIMEOUT_SECONDS = 180


class PdfError(MessageError):
    """LibreOffice is missing or failed."""


def _candidates() -> list[Path]:
    found = [shutil.which(name) for name in ("soffice", "libreoffice")]
    paths = [Path(p) for p in found if p]
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if root:
                paths.append(Path(root) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        paths.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return paths


_OLD_LIBERATION = Path("/usr/share/fonts/truetype/liberation")


def _environment() -> dict[str, str]:
    """Keep LibreOffice away from Liberation 1.x, which fontconfig prefers when both are
    installed (see fonts.conf); a FONTCONFIG_FILE set by the user wins."""
    env = dict(os.environ)
    if (
        sys.platform.startswith("linux")
        and _OLD_LIBERATION.is_dir()
        and "FONTCONFIG_FILE" not in env
    ):
        env["FONTCONFIG_FILE"] = str(Path(__file__).with_name("fonts.conf"))
    return env


def find_soffice() -> Path | None:
    override = os.environ.get("ANTQ_SOFFICE")
    if override:
        return Path(override) if Path(override).exists() else None
    return next((p for p in _candidates() if p.exists()), None)


def convert_to_pdf(docx: Path, pdf: Path) -> None:
    """Convert with a private LibreOffice profile (a running LibreOffice is not disturbed)."""
    _convert([(docx, pdf)])


def convert_many(docx_files: list[Path], done: Callable[[Path], None] | None = None) -> None:
    """Each DOCX to a PDF beside it, all in one LibreOffice process (starting LibreOffice
    costs more than converting a plan); `done(docx)` as LibreOffice finishes each."""
    if docx_files:
        _convert([(docx, docx.with_suffix(".pdf")) for docx in docx_files], done)


def _convert(pairs: list[tuple[Path, Path]], done: Callable[[Path], None] | None = None) -> None:
    """Copies under plain names in a private folder, converted, then each PDF written
    atomically to its place: no half-written PDF, whatever the names hold."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(_(INSTALL_HINT))
    from ..output import mark_pdf, write_atomic

    with tempfile.TemporaryDirectory(prefix="antq-pdf-") as work:
        work_dir = Path(work)
        profile = (work_dir / "profile").as_uri()
        sources = []
        for index, (docx, _pdf) in enumerate(pairs):
            sources.append(work_dir / f"in{index}.docx")
            shutil.copyfile(docx, sources[-1])
        command = [
            str(soffice),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work_dir),
            *map(str, sources),
        ]
        timeout = _TIMEOUT_SECONDS + 2 * len(pairs)
        try:
            _run(
                command,
                timeout,
                [(s.with_suffix(".pdf"), d) for s, (d, _p) in zip(sources, pairs)],
                done,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(
                _("LibreOffice did not finish within {timeout} s").format(timeout=timeout)
            ) from None
        except (subprocess.CalledProcessError, OSError) as exc:
            raise PdfError(
                _("LibreOffice failed to convert the file: {exc}").format(exc=exc)
            ) from None
        for source, (docx, pdf) in zip(sources, pairs):
            produced = source.with_suffix(".pdf")
            if not produced.exists():
                raise PdfError(_("LibreOffice produced no PDF for {docx}").format(docx=docx))
            write_atomic(pdf, mark_pdf(produced.read_bytes()))


def _run(
    command: list[str],
    timeout: float,
    expected: list[tuple[Path, Path]],
    done: Callable[[Path], None] | None,
) -> None:
    """LibreOffice, as subprocess.run(check=True, timeout=…) runs it; while it works,
    `done(docx)` for each (PDF it writes, DOCX it came from) once that PDF is complete."""
    if done is None:
        subprocess.run(
            command, check=True, capture_output=True, timeout=timeout, env=_environment()
        )
        return
    import time

    deadline = time.monotonic() + timeout
    pending = list(expected)
    code = None
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a long log never blocks it
        process = subprocess.Popen(command, stdout=log, stderr=log, env=_environment())
        while code is None:
            try:
                code = process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    process.kill()
                    process.wait()
                    raise
            # LibreOffice converts in order: a PDF is complete once the next one is begun,
            # and every one once it has ended.
            while pending and (code is not None or len(pending) > 1 and pending[1][0].exists()):
                produced, docx = pending.pop(0)
                if produced.exists():
                    done(docx)
    if code:
        raise subprocess.CalledProcessError(code, command)
