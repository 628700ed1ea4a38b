"""Every hostile file of tests/hostile/cases.py, run as a clerk would run antq on it, in a
process of its own under a 500 MB memory cap and a 10-second limit: the documented exit code
and a message, never an internal error (exit 70), a hang or a crash."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .hostile.cases import CASES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")

MEMORY_MB = 500
SECONDS = 10
RUNNER = """
import resource, sys
limit = {memory} * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
if {stack}:
    resource.setrlimit(resource.RLIMIT_STACK, ({stack} * 1024, {stack} * 1024))
sys.argv = ["antq"] + sys.argv[1:]
from antq_docs.cli import main
main()
"""


def run_case(case, folder):
    args = case.make(folder)
    code = RUNNER.format(memory=MEMORY_MB, stack=case.stack_kb or 0)
    command = [sys.executable, "-c", code, *args]
    env = {**os.environ, "COLUMNS": "200"}
    if case.pipe:
        shell = " ".join(f"'{part}'" for part in command) + " | head -1; exit ${PIPESTATUS[0]}"
        return subprocess.run(
            ["bash", "-c", shell],
            capture_output=True,
            text=True,
            timeout=SECONDS,
            env=env,
            cwd=folder,
        )
    return subprocess.run(
        command, capture_output=True, text=True, timeout=SECONDS, env=env, cwd=folder
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_case(case, tmp_path):
    result = run_case(case, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 70 and "internal error" not in output, output[-2000:]
    assert "Traceback" not in output, output[-2000:]
    assert result.returncode == case.exit_code, (result.returncode, output[-2000:])
    assert case.says in output, output[-2000:]
    for words in case.never:
        assert words not in output
    if case.after:
        case.after(tmp_path)
