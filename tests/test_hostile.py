"""Every hostile file of tests/hostile/cases.py, run as a clerk would run antq on it, in a
process of its own under a 500 MB memory cap and a 10-second limit: the documented exit code
and a message, never an internal error (exit 70), a hang or a crash. The processes are
forked from one that has imported antq already (tests/hostile/zygote.py); a case that
pipes its output into `head` is still started afresh."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .hostile.cases import CASES
from .helpers import FIXTURES
from .hostile.zygote import Zygote

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


def case_environment() -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("ANTQ_PROFILES", None)  # only the folders each case gives
    return env


@pytest.fixture(scope="module")
def zygote():
    """One process with antq imported, forked for each case (tests/hostile/zygote.py)."""
    forker = Zygote(case_environment())
    yield forker
    forker.close()


def run_case(case, folder, zygote=None):
    args = case.make(folder)
    if zygote is not None and not case.pipe:
        stack_kb = case.stack_kb or 0
        return zygote.run(args, folder, memory_mb=MEMORY_MB, stack_kb=stack_kb, timeout=SECONDS)
    code = RUNNER.format(memory=MEMORY_MB, stack=case.stack_kb or 0)
    command = [sys.executable, "-c", code, *args]
    env = case_environment()
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
def test_hostile_case(case, tmp_path, zygote):
    result = run_case(case, tmp_path, zygote)
    output = result.stdout + result.stderr
    assert result.returncode != 70 and "internal error" not in output, output[-2000:]
    assert "Traceback" not in output, output[-2000:]
    assert result.returncode == case.exit_code, (result.returncode, output[-2000:])
    assert case.says in output, output[-2000:]
    for words in case.never:
        assert words not in output
    if case.after:
        case.after(tmp_path)


def test_a_forked_case_says_what_a_fresh_process_says(tmp_path, zygote):
    """The forking runner is only quicker: same exit code, same words, as `python -c`."""
    case = next(case for case in CASES if case.name == "lipsum")
    (tmp_path / "fresh").mkdir()
    (tmp_path / "forked").mkdir()
    fresh = run_case(case, tmp_path / "fresh")
    forked = run_case(case, tmp_path / "forked", zygote)
    assert forked.returncode == fresh.returncode == case.exit_code

    def same_folder(text: str) -> str:
        return text.replace(str(tmp_path / "forked"), str(tmp_path / "fresh"))

    assert (same_folder(forked.stdout), same_folder(forked.stderr)) == (fresh.stdout, fresh.stderr)


def test_a_forked_case_past_its_time_is_killed_and_the_next_one_runs(tmp_path, zygote):
    plan = tmp_path / "plan.yaml"
    plan.write_text((FIXTURES / "minimal.yaml").read_text("utf-8"), "utf-8")
    with pytest.raises(subprocess.TimeoutExpired):
        zygote.run(["validate", str(plan)], tmp_path, memory_mb=MEMORY_MB, stack_kb=0, timeout=0)
    after = zygote.run(
        ["validate", str(plan)], tmp_path, memory_mb=MEMORY_MB, stack_kb=0, timeout=60
    )
    assert after.returncode == 0
