"""The hostile batch inputs of tests/hostile/batch_cases.py, each run as tests/test_hostile.py
runs its corpus: in a process of its own (forked from the zygote), under the same memory cap
and time limit, with its documented exit code and words, never exit 70."""

from __future__ import annotations

import pytest

from .hostile.batch_cases import BATCH_CASES
from .test_hostile import pytestmark, run_case, zygote  # noqa: F401 — the shared fixture

__all__ = ["pytestmark"]


@pytest.mark.parametrize("case", BATCH_CASES, ids=[case.name for case in BATCH_CASES])
def test_hostile_batch_case(case, tmp_path, zygote):  # noqa: F811 — the fixture above
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
