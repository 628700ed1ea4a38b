"""The README's promise: after the two set-up commands, every command README.md and
README.vi.md show runs as written. They run here, in order, in a copy of the project whose
.venv is the environment running the tests, wherever it is (tests/test_first_hour.py makes a
fresh .venv for the set-up itself)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

pytestmark = pytest.mark.slow  # runs a national batch among the README's commands

READMES = ("README.md", "README.vi.md")
# What the set-up commands themselves do, or what measures rather than runs (the test suite,
# the benchmarks): run elsewhere.
NOT_HERE = ("python3 -m venv", "bash scripts/setup-dev.sh", "-m pytest", "benchmarks/")
# Commands that show a failure on purpose, and the exit code they show it with.
EXPECTED_EXIT = {
    "validate tests/fixtures/invalid/several-at-once.yaml": 2,
    "check examples/drafts/du-thao.docx": 1,
    "--only ND30-PAGE-MARGINS,ND30-FONT": 1,  # the other findings still need fixing
}


def readme_commands(name: str) -> list[str]:
    text = (ROOT / name).read_text("utf-8")
    lines = [
        line.split("  # ")[0].strip()
        for block in re.findall(r"```bash\n(.*?)```", text, re.S)
        for line in block.strip().splitlines()
    ]
    return [line for line in lines if line and not any(skip in line for skip in NOT_HERE)]


def _expected(command: str) -> int:
    return next((code for part, code in EXPECTED_EXIT.items() if part in command), 0)


@pytest.fixture
def project_copy(tmp_path_factory):
    """The working tree's tracked files in a git repository of their own, whose .venv is the
    environment running the tests: one per README, as each is a reader's whole guide."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    copy = tmp_path_factory.mktemp("project")
    for name in listed.stdout.splitlines():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    # the README's commands say .venv/bin/antq; the tests may run from any environment
    (copy / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    for git in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "copy"],
    ):
        subprocess.run(["git", *git], cwd=copy, check=True, capture_output=True)
    # what the first set-up command leaves behind
    subprocess.run(
        [
            str(copy / ".venv" / "bin" / "antq"),
            "render",
            "examples/cao-bang-2022-ngay-hoi-bcd.yaml",
            "-o",
            "out/cao-bang-2022.docx",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy


@pytest.mark.parametrize("readme", READMES)
def test_every_command_the_readme_shows_runs_as_written(readme, project_copy):
    env = {k: v for k, v in os.environ.items() if k != "ANTQ_LANG"}
    has_soffice = shutil.which("soffice") is not None
    for command in readme_commands(readme):
        if "--pdf" in command and not has_soffice:
            continue
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=project_copy,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == _expected(command), (
            command,
            done.stdout[-1500:],
            done.stderr[-1500:],
        )
        assert "Traceback" not in done.stderr, command


def test_the_vietnamese_readme_shows_the_same_set_up():
    def setup(name):
        text = (ROOT / name).read_text("utf-8")
        return re.findall(r"```bash\n(.*?)```", text, re.S)[:2]

    assert setup("README.vi.md") == setup("README.md")
