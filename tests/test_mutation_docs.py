"""Mutated Word documents through `antq check`, `antq fix -o` and `antq import -o`: the real
documents of ../shared/realdocs (when that folder exists), antq's rendered examples (with and
without antq's fingerprint) and the Word drafts of examples/drafts, each changed at the XML
and the zip level by a seeded generator (tests/mutation/). Every command runs in a process
of its own, forked from one that has imported antq (tests/hostile/zygote.py), under a 1 GB
memory cap and a 20-second limit; two run at a time. None may end in an internal error
(exit 70, a traceback, a fixer's exception) or overrun, and `fix` leaves either no output
or a whole zip.

A case is one mutated document through one command. The fast tier runs 300 cases; the
slow tier 5,100 more (another seed range):

    ANTQ_MUTATION_CASES=3000 .venv/bin/python -m pytest tests/test_mutation_docs.py
    ANTQ_MUTATION_REPLAY=1234 .venv/bin/python -m pytest tests/test_mutation_docs.py -k replay -s

the second rebuilds document 1234 of the run, writes it into pytest's temporary folder
(the path is printed) and runs its three commands again (a failure prints its number and
its mutations).
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

import pytest

from .helpers import EXAMPLES, ROOT, SHARED
from .hostile.zygote import Zygote
from .mutation.package_mutations import mutated

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")

SEED = 19  # issue 19
MEMORY_MB = 1024
SECONDS = 20
WORKERS = 2
COMMANDS = ("check", "fix", "import")
FAST_CASES = int(os.environ.get("ANTQ_MUTATION_CASES", "300"))
SLOW_CASES = 5_100
SLOW_FIRST = 1_000_000  # the slow tier's documents are numbered from here
REALDOCS = SHARED / "realdocs"
# A fixer that raised is said as «could not fix RULE: KindError: …»: an internal error too.
_INTERNAL = re.compile(r"Traceback|internal error|could not fix \S+ \w+(Error|Exception)\b")


@dataclass
class Source:
    name: str
    data: bytes


def _sources() -> list[Source]:
    """The packages mutated, in a fixed order: the real documents, then antq's own."""
    from antq_docs.render import render_file

    real = sorted(REALDOCS.glob("*.docx")) if REALDOCS.is_dir() else []
    drafts = sorted((ROOT / "examples" / "drafts").glob("*.docx"))
    found = [Source(path.name, path.read_bytes()) for path in real + drafts]
    for plan in EXAMPLES:
        rendered = render_file(plan).docx
        found.append(Source(plan.stem, rendered))
        found.append(
            Source(f"{plan.stem}, no fingerprint", _without(rendered, "docProps/custom.xml"))
        )
    return found


def _without(package: bytes, part: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
    return out.getvalue()


def build(sources: list[Source], number: int) -> tuple[Source, bytes, list[str]]:
    """Document `number` of the run: its source, its bytes and what was done to it."""
    source = sources[number % len(sources)]
    data, steps = mutated(source.data, random.Random(f"{SEED}:{number}"))
    return source, data, steps


def _environment() -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "200", "ANTQ_LANG": "en", "ANTQ_DEBUG": "1"}
    env["ANTQ_SOFFICE"] = "/nonexistent"  # fix's page count would start LibreOffice
    env.pop("ANTQ_PROFILES", None)
    return env


def _arguments(command: str, document: Path) -> list[str]:
    if command == "fix":
        return ["fix", str(document), "-o", str(document.with_name("fixed.docx"))]
    if command == "import":
        return ["import", str(document), "-o", str(document.with_name("plan.yaml"))]
    return ["check", str(document)]


def _whole_zip(path: Path) -> str | None:
    """Why the file is not a whole zip, or None when it is one."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return f"entry {bad} is damaged" if bad else None


def _problems(command: str, folder: Path, result, seconds: float) -> list[str]:
    output = result.stdout + result.stderr
    found = []
    if result.returncode not in (0, 1, 2, 3):
        found.append(f"exit {result.returncode}")
    internal = bool(_INTERNAL.search(output)) or "MemoryError" in output
    if internal:
        found.append("an internal error")
    if seconds > SECONDS:
        found.append(f"{seconds:.1f} s")
    if command == "fix":
        fixed = folder / "fixed.docx"
        if fixed.exists() and (why := _whole_zip(fixed)):
            found.append(f"fix left a partial output ({why})")
        if result.returncode in (0, 1) and not internal and not fixed.exists():
            found.append("fix reported success and wrote nothing")
    if any(p.name.endswith(".tmp") for p in folder.iterdir()):
        found.append("a temporary file left behind")
    return [f"{command}: {what}\n{output[-1500:]}" for what in found]


class Runner:
    """Two zygotes, each used by one thread at a time."""

    def __init__(self) -> None:
        self.free: Queue[Zygote] = Queue()
        for _ in range(WORKERS):
            self.free.put(Zygote(_environment()))
        self.times: list[tuple[float, int, str]] = []  # (seconds, document, command)

    def run(self, number: int, data: bytes, folder: Path) -> list[str]:
        folder.mkdir()
        document = folder / "mutated.docx"
        document.write_bytes(data)
        zygote = self.free.get()
        problems: list[str] = []
        try:
            for command in COMMANDS:
                started = time.monotonic()
                try:
                    result = zygote.run(
                        _arguments(command, document), folder, timeout=SECONDS, memory_mb=MEMORY_MB
                    )
                except subprocess.TimeoutExpired:
                    problems.append(f"{command}: killed after {SECONDS} s")
                    continue
                seconds = time.monotonic() - started
                self.times.append((seconds, number, command))
                problems += _problems(command, folder, result, seconds)
        finally:
            self.free.put(zygote)
        if not problems:
            shutil.rmtree(folder, ignore_errors=True)
        return problems

    def close(self) -> None:
        while not self.free.empty():
            self.free.get().close()


@pytest.fixture(scope="module")
def runner():
    forker = Runner()
    yield forker
    forker.close()


@pytest.fixture(scope="module")
def sources():
    return _sources()


def _run_many(runner: Runner, sources: list[Source], numbers: range, tmp_path: Path) -> None:
    def one(number: int) -> str | None:
        source, data, steps = build(sources, number)
        problems = runner.run(number, data, tmp_path / str(number))
        if not problems:
            return None
        return (
            f"document {number} (seed {SEED}, from {source.name}): {'; '.join(steps)}\n"
            f"  replay: ANTQ_MUTATION_REPLAY={number} .venv/bin/python -m pytest "
            f"tests/test_mutation_docs.py -k replay -s\n  " + "\n  ".join(problems)
        )

    started = time.monotonic()
    with ThreadPoolExecutor(WORKERS) as pool:
        failures = [f for f in pool.map(one, numbers) if f]
    elapsed = time.monotonic() - started
    slowest = ", ".join(f"{c} of {n} {s:.1f} s" for s, n, c in sorted(runner.times)[-3:])
    print(
        f"\n{len(numbers) * len(COMMANDS):,} cases ({len(numbers):,} documents) in "
        f"{elapsed:.0f} s; slowest: {slowest}"
    )
    runner.times.clear()
    assert not failures, f"{len(failures)} of {len(numbers)} documents failed:\n" + "\n".join(
        failures[:20]
    )


def test_mutated_documents(runner, sources, tmp_path):
    _run_many(runner, sources, range(-(-FAST_CASES // len(COMMANDS))), tmp_path)


@pytest.mark.slow
def test_mutated_documents_slow_tier(runner, sources, tmp_path):
    count = -(-SLOW_CASES // len(COMMANDS))
    _run_many(runner, sources, range(SLOW_FIRST, SLOW_FIRST + count), tmp_path)


@pytest.mark.skipif("ANTQ_MUTATION_REPLAY" not in os.environ, reason="ANTQ_MUTATION_REPLAY=N")
def test_replay(runner, sources, tmp_path):
    number = int(os.environ["ANTQ_MUTATION_REPLAY"])
    source, data, steps = build(sources, number)
    kept = tmp_path / f"mutated-{number}.docx"  # pytest keeps the last runs' folders
    kept.write_bytes(data)
    print(f"\ndocument {number} from {source.name}: {'; '.join(steps)}\nwritten to {kept}")
    problems = runner.run(number, data, tmp_path / str(number))
    assert not problems, "\n".join(problems)


def test_a_mutation_is_the_same_every_run(sources):
    """The replay line is only worth printing if a number always gives the same file."""
    assert build(sources, 7) == build(sources, 7)
    assert build(sources, 7)[1] != build(sources, 8)[1]


def test_the_runner_sees_an_internal_error(runner, tmp_path):
    """A traceback in a command is a failure the run reports: the test can fail."""
    folder = tmp_path / "case"
    folder.mkdir()
    result = subprocess.CompletedProcess(["antq"], 1, "", "Traceback (most recent call last):")
    assert _problems("check", folder, result, 0.1)
    result = subprocess.CompletedProcess(["antq"], 1, "", "could not fix ND30-FONT: TypeError: x")
    assert _problems("check", folder, result, 0.1)
    result = subprocess.CompletedProcess(["antq"], 2, "x.docx: not a readable DOCX file", "")
    assert not _problems("check", folder, result, 0.1)
