"""The hostile plans of tests/hostile/plan_cases.py, each run by tests/test_hostile.py's
runner: its own process, a 500 MB memory cap and a 10-second limit."""

from __future__ import annotations

import sys

import pytest

from . import test_hostile as hostile
from .hostile.plan_cases import CASES
from .hostile.zygote import Zygote

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")


@pytest.fixture(scope="module")
def zygote():
    forker = Zygote(hostile.case_environment())
    yield forker
    forker.close()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_plan(case, tmp_path, zygote):
    result = hostile.run_case(case, tmp_path, zygote)
    output = result.stdout + result.stderr
    assert result.returncode != 70 and "Traceback" not in output, output[-2000:]
    assert result.returncode == case.exit_code, (result.returncode, output[-2000:])
    assert case.says in output, output[-2000:]


MERGE = """
import sys, time
from antq_docs.load.merge import merge_sources
from antq_docs.load.yaml_source import Source

n, shape = int(sys.argv[1]), sys.argv[2]
def source(name, data):
    positions, table = {(): (1, 1)}, [((), data)]
    while table:
        path, value = table.pop()
        positions[path] = (len(positions), 1)
        items = ()
        if isinstance(value, (dict, list)):
            items = value.items() if isinstance(value, dict) else enumerate(value)
        table.extend((path + (k,), v) for k, v in items)
    return Source(file=name, data=data, positions=positions, key_positions=dict(positions))
base = {"vars": {f"v{i}": {"a": i, "b": [i, i]} for i in range(n)},
        "recipients": [f"r{i}" for i in range(n)]}
child = {
    "replace": {"vars": {f"v{i}": i for i in range(n)}},
    "remove": {"vars": {f"v{i}-": True for i in range(n)}},
    "remove entries": {"recipients-": [f"r{i}" for i in range(0, n, 2)]},
    "append": {"recipients+": [f"s{i}" for i in range(n)]},
    "new keys": {"vars": {f"w{i}": i for i in range(n)}},
}[shape]
start = time.perf_counter()
merged = merge_sources(source("base.yaml", base), source("plan.yaml", child))
print(round(time.perf_counter() - start, 3), len(merged.positions))
"""


@pytest.mark.parametrize(
    "shape",
    [
        "replace",
        "remove",
        "remove entries",
        pytest.param("append", marks=pytest.mark.slow),
        pytest.param("new keys", marks=pytest.mark.slow),
    ],
)
def test_merging_is_linear_in_the_number_of_keys(shape):
    """`extends:`, `org:` and a batch row's columns are merged by merge_sources: 40,000 keys
    over a base finish in seconds, and 4 times the keys take about 4 times as long, not 16
    (clearing was quadratic: 30 s for 10,000 removals, minutes for 40,000)."""
    import subprocess

    def seconds(count: int) -> float:
        run = subprocess.run(
            [sys.executable, "-c", MERGE, str(count), shape],
            capture_output=True,
            text=True,
            timeout=60,
            env=hostile.case_environment(),
        )
        assert run.returncode == 0, run.stderr[-2000:]
        return float(run.stdout.split()[0])

    small, large = seconds(10_000), seconds(40_000)
    assert large < 30, large  # a loaded 2-core machine; quadratic takes minutes
    assert large < 8 * small + 0.5, (small, large)
