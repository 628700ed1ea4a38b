"""The DOCX limits of issue 19 (tests/hostile/docx_cases.py), each run exactly as
tests/test_hostile.py runs its corpus: forked from the zygote, under its memory cap and
time limit, with the documented exit code and words, never an internal error."""

from __future__ import annotations

import sys

import pytest

from .hostile.docx_cases import CASES
from .test_hostile import test_hostile_case as runs_as_documented
from .test_hostile import zygote  # noqa: F401 — the fixture, one zygote for this module

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_docx_limit(case, tmp_path, zygote):  # noqa: F811
    runs_as_documented(case, tmp_path, zygote)
