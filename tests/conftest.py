"""Shared fixtures: every example rendered once per session, read back for inspection."""

from __future__ import annotations

import os
import shutil

import pytest

# Messages are asserted in English here (the msgids); tests/test_language.py asserts the
# Vietnamese that clerks see by default. Subprocesses inherit the choice.
os.environ["ANTQ_LANG"] = "en"
# Plans written into temporary folders name the project's profiles and fixtures: those are
# folders this configuration gives antq (tests/test_hostile.py runs without it).
os.environ["ANTQ_PROFILES"] = os.environ.get("ANTQ_PROFILES") or os.pathsep.join(
    os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), folder)
    for folder in ("examples", "tests/fixtures")
)

from antq_docs.inspect import read_docx
from antq_docs.render import render_file

from .helpers import EXAMPLES


def pytest_addoption(parser):
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the slow tier (tests marked slow or pdf); .ci/run does",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "pdf: converts DOCX to PDF with LibreOffice (slow tier)")
    config.addinivalue_line(
        "markers",
        "slow: the slow tier: long property runs, the real "
        "documents, a fresh virtual environment, LibreOffice",
    )


def pytest_collection_modifyitems(config, items):
    """`pytest` alone runs the fast tier; `pytest --slow` runs both, as CI does."""
    if config.getoption("--slow"):
        return
    fast, slow = [], []
    for item in items:
        (
            slow if item.get_closest_marker("slow") or item.get_closest_marker("pdf") else fast
        ).append(item)
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = fast


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
