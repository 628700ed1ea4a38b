"""The code's own checks, run as tests so that the README's test command is all CI runs:
ruff (lint and format), and mypy with the pydantic plugin over src/ (settings in
pyproject.toml). Slow tier: mypy takes a while on a cold cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("check", [("check",), ("format", "--check")], ids=["lint", "format"])
def test_ruff(check):
    done = _run(sys.executable, "-m", "ruff", *check, "src", "tests", "scripts", "benchmarks")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_mypy_is_clean_on_src():
    done = _run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
