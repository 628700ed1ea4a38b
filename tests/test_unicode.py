"""Vietnamese text is stored and written in Unicode NFC: the project's files and our output."""

from __future__ import annotations

import io
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from .helpers import ROOT

SUFFIXES = (".py", ".yaml", ".j2", ".md", ".txt", ".json", ".expected", ".po")
# Without git (a source archive): the project's own folders, never a clerk's files beside them.
PROJECT_FOLDERS = (
    "src",
    "tests",
    "templates",
    "examples",
    "schema",
    "scripts",
    "benchmarks",
    "docs",
    ".ci",
)


def project_text_files() -> list[Path]:
    """The project's text files: those git tracks (a plan a clerk keeps in the clone is
    theirs, not ours), or the project's folders when there is no git."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if listed.returncode == 0:
        paths = [ROOT / name for name in listed.stdout.decode("utf-8").split("\0") if name]
    else:
        paths = [p for folder in PROJECT_FOLDERS for p in (ROOT / folder).rglob("*")]
        paths += list(ROOT.glob("*.md"))
    return [p for p in paths if p.suffix in SUFFIXES and p.is_file()]


def test_project_text_is_nfc():
    bad = [
        str(p.relative_to(ROOT))
        for p in project_text_files()
        if not unicodedata.is_normalized("NFC", p.read_text("utf-8"))
    ]
    assert bad == []


@pytest.mark.parametrize(
    "name",
    [
        "bac-giang-2024-ngay-hoi-bcd",
        "cao-bang-2022-ngay-hoi-bcd",
        "cao-bang-2024-ky-niem-80-nam-cand",
    ],
)
def test_rendered_documents_are_nfc(name, rendered):
    with zipfile.ZipFile(io.BytesIO(rendered[name].docx)) as archive:
        for info in archive.infolist():
            if info.filename.endswith(".xml"):
                assert unicodedata.is_normalized("NFC", archive.read(info).decode("utf-8"))
