"""Vietnamese text is stored and written in Unicode NFC: the project's files and our output."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from .conftest import ROOT

TEXT_FILES = [p for p in ROOT.rglob("*") if p.is_file() and p.suffix in
              (".py", ".yaml", ".j2", ".md", ".txt", ".json", ".expected")
              and ".venv" not in p.parts and ".git" not in p.parts]


def test_project_text_is_nfc():
    bad = [str(p.relative_to(ROOT)) for p in TEXT_FILES
           if not unicodedata.is_normalized("NFC", p.read_text("utf-8"))]
    assert bad == []


@pytest.mark.parametrize("name", ["bac-giang-2024-ngay-hoi-bcd", "cao-bang-2022-ngay-hoi-bcd",
                                  "cao-bang-2024-ky-niem-80-nam-cand"])
def test_rendered_documents_are_nfc(name, rendered):
    with zipfile.ZipFile(io.BytesIO(rendered[name].docx)) as archive:
        for info in archive.infolist():
            if info.filename.endswith(".xml"):
                assert unicodedata.is_normalized("NFC", archive.read(info).decode("utf-8"))
