"""The layers of antq hold: the import-linter contracts in pyproject.toml ([tool.importlinter])
are kept — the render pipeline and the document checker import only downwards, the bottom
modules import none of the layers, nothing imports the command line, no two siblings import
each other in a circle, and lxml stays inside antq_docs.ooxml and the reader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports_command() -> list[str]:
    """The lint-imports of this interpreter's environment (its click entry point if the
    script is not installed beside it)."""
    script = Path(sys.executable).with_name("lint-imports")
    if script.exists():
        return [str(script)]
    return [
        sys.executable,
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())",
    ]


def test_import_contracts_are_kept() -> None:
    pytest.importorskip("importlinter")
    result = subprocess.run(
        [*_lint_imports_command(), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # lint-imports names each broken contract and the chain of imports that breaks it.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
