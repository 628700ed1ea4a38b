"""Commands forked from one process that has already imported antq (the hostile cases,
the language's command lines).

Each case still runs as a process of its own, with its own memory and stack limits, folder,
arguments, environment and output files, and is killed when it overruns its time; only the
imports (about a second of CPU a case, seventy times over) are paid once.
"""

from __future__ import annotations

import json
import os
import select
import signal
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["Zygote"]

# Inside the zygote: one request a line on stdin; for each, fork, answer the child's pid
# on stdout, then its exit status once it has ended.
_ZYGOTE = r"""
import atexit, gc, importlib, json, os, pkgutil, resource, sys, traceback

import antq_docs.cli

# The imports every case would otherwise pay: all of antq, and what it imports lazily.
for module in pkgutil.walk_packages(antq_docs.__path__, "antq_docs."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
for name in ("docx", "jinja2.sandbox", "rich.console", "rich.markup", "babel.numbers"):
    importlib.import_module(name)
gc.freeze()  # the collector leaves the imported objects alone, as in a fresh process

def run(request):
    if request["memory_mb"]:
        limit = request["memory_mb"] * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if request["stack_kb"]:
        stack = request["stack_kb"] * 1024
        resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
    os.dup2(os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    sys.argv = ["antq", *request["args"]]
    try:
        antq_docs.cli.main()
        return 0
    except SystemExit as stop:  # as the interpreter turns it into an exit status
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    except BaseException:
        traceback.print_exc()
        return 1

for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = run(request)
            atexit._run_exitfuncs()
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    pass
            os._exit(code)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


class Zygote:
    """The forking process, started once with the environment every case runs in."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process = subprocess.Popen(
            [sys.executable, "-c", _ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self._pending = b""
        self._outputs = Path(tempfile.mkdtemp(prefix="antq-zygote-"))  # not the case's folder

    def run(
        self,
        args: list[str],
        cwd: Path,
        *,
        timeout: float,
        memory_mb: int = 0,
        stack_kb: int = 0,
        env: dict[str, str] | None = None,
        encoding: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """`antq ARGS` in a forked process, as subprocess.run(…, capture_output=True,
        text=True, encoding=…, env=…, timeout=…) would report it; no memory or stack limit
        of its own unless given."""
        stdout, stderr = self._outputs / "stdout", self._outputs / "stderr"
        for stale in (stdout, stderr):  # the previous case's
            stale.unlink(missing_ok=True)
        request = {
            "args": args,
            "cwd": str(cwd),
            "env": self.env if env is None else env,
            "memory_mb": memory_mb,
            "stack_kb": stack_kb,
            "stdout": str(stdout),
            "stderr": str(stderr),
        }
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()
        pid = int(self._line(timeout=60))
        try:
            code = int(self._line(timeout=timeout))
        except TimeoutError:
            os.kill(pid, signal.SIGKILL)
            self._line(timeout=60)
            raise subprocess.TimeoutExpired(
                ["antq", *args], timeout, _read(stdout, encoding), _read(stderr, encoding)
            ) from None
        output = (_read(stdout, encoding), _read(stderr, encoding))
        return subprocess.CompletedProcess(["antq", *args], code, *output)

    def _line(self, timeout: float) -> str:
        assert self.process.stdout is not None
        descriptor = self.process.stdout.fileno()
        while b"\n" not in self._pending:
            ready, _, _ = select.select([descriptor], [], [], timeout)
            if not ready:
                raise TimeoutError
            chunk = os.read(descriptor, 4096)
            if not chunk:
                raise RuntimeError("the zygote ended")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode()

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)
        if self.process.stdout is not None:
            self.process.stdout.close()
        shutil.rmtree(self._outputs, ignore_errors=True)


def _read(path: Path, encoding: str | None) -> str:
    """What the case wrote, decoded as subprocess.run(text=True) decodes it ("" when it was
    killed before it opened its output)."""
    return path.read_text(encoding) if path.exists() else ""
