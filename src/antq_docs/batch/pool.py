"""The processes a batch runs on: a pool of workers started as Windows starts them
(spawn), each ending with the main process, fed a few chunks of rows at a time so that
memory stays flat; and the spool that holds validated plans between the two phases."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing import get_context

from ..i18n import language, use_language
from .rows import BatchSpec

__all__ = ["Pool", "Spool"]


def _start_worker(language: str, parent_pid: int) -> None:
    """Ctrl-C reaches every process of the terminal: the main process answers it (and stops
    the pool); a worker finishes the rows in hand instead of printing a traceback. A spawned
    worker starts afresh, so it is told the language its messages are in. It ends with the
    main process, even when that is killed outright."""
    import signal

    from .lifeline import die_with_parent

    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    use_language(language)


class Spool:
    """Validated plans between the two phases, in an anonymous temporary file."""

    def __init__(self) -> None:
        import tempfile

        self.file = tempfile.TemporaryFile(prefix="antq-batch-")
        self.index: dict[int, tuple[int, int]] = {}

    def put(self, number: int, data: bytes) -> None:
        self.file.seek(0, 2)
        self.index[number] = (self.file.tell(), len(data))
        self.file.write(data)

    def get(self, number: int) -> bytes:
        offset, size = self.index[number]
        self.file.seek(offset)
        return self.file.read(size)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.file.close()


class Pool:
    """Chunks of rows to worker processes (started with spawn, as on Windows), at most a
    few chunks in flight so that memory stays flat; jobs=1 runs in this process."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Pool:
        if self.jobs > 1:
            self.executor = ProcessPoolExecutor(
                self.jobs,
                mp_context=get_context("spawn"),
                initializer=_start_worker,
                initargs=(language(), os.getpid()),
            )
        return self

    def __exit__(self, *exc_info) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=exc_info[0] is None, cancel_futures=True)

    def map(
        self,
        function: Callable,
        spec: BatchSpec,
        items: Iterable,
        count: int,
        advance: Callable[[int], None],
        *,
        stop: Callable[[], bool] = lambda: False,
    ) -> Iterator[list]:
        size = max(1, min(16, count // (self.jobs * 8) or 1))
        iterator = iter(items)  # lazily: phase 2 reads each plan from the spool when sent
        chunks = iter(lambda: list(itertools.islice(iterator, size)), [])
        if self.executor is None:
            for chunk in chunks:
                if stop():
                    return
                results = function(spec, chunk)
                advance(len(chunk))
                yield results
            return
        yield from self._parallel(self.executor, function, spec, chunks, advance, stop)

    def _parallel(
        self,
        executor: ProcessPoolExecutor,
        function: Callable,
        spec: BatchSpec,
        chunks: Iterable[list],
        advance: Callable[[int], None],
        stop: Callable[[], bool],
    ) -> Iterator[list]:
        pending: dict[Future, int] = {}
        queue = iter(chunks)
        limit = self.jobs * 3
        while True:
            while len(pending) < limit and not stop():
                chunk = next(queue, None)
                if chunk is None:
                    break
                pending[executor.submit(function, spec, chunk)] = len(chunk)
            if not pending:
                return
            done, _running = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                advance(pending.pop(future))
                yield future.result()
