"""Shared fixtures: every example rendered once per session, read back for inspection."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Messages are asserted in English here (the msgids); tests/test_language.py asserts the
# Vietnamese that clerks see by default. Subprocesses inherit the choice.
os.environ["ANTQ_LANG"] = "en"

from antq_docs.inspect import read_docx
from antq_docs.render import render_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config):
    config.addinivalue_line("markers", "pdf: converts DOCX to PDF with LibreOffice")


@pytest.fixture(scope="session")
def rendered():
    """{example stem: RenderResult} for every example, rendered once."""
    return {path.stem: render_file(path) for path in EXAMPLES}


@pytest.fixture(scope="session")
def views(rendered):
    return {name: read_docx(result.docx) for name, result in rendered.items()}


@pytest.fixture(scope="session")
def soffice():
    from antq_docs.write.pdf import find_soffice

    found = find_soffice()
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    return found


def ooxml_errors(path: Path) -> list[str]:
    """openxml-audit's findings on one file, from a fresh validator each time: a validator
    that is reused caches cross-part counts by `id(package)`, and Python reuses ids, so a
    later file can be judged with an earlier file's footnote count."""
    openxml_audit = pytest.importorskip("openxml_audit")
    return [str(e) for e in openxml_audit.OpenXmlValidator().validate(str(path)).errors]
