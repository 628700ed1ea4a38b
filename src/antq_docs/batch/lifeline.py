"""A batch worker ends when the process that started it ends, however that ends.

SIGKILL of the main process (a power cut, the OOM killer, `kill -9`) gives it no chance to
stop its pool; workers left running would hold the CPU and could still rename files into an
output folder that the next run is writing. Two guards, so that each covers the other:
- on Linux, the kernel kills the worker when its parent dies (prctl PR_SET_PDEATHSIG);
- everywhere, a thread waits on multiprocessing's parent sentinel (a pipe on POSIX, the
  process handle on Windows), which becomes ready when the parent is gone, and ends the
  worker at once.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

__all__ = ["die_with_parent"]

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent_pid: int) -> None:
    """Called in a worker as it starts; `parent_pid` is the main process's id."""
    _kernel_signal()
    if os.getppid() != parent_pid and sys.platform != "win32":
        os._exit(1)  # the parent died before the signal was armed
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_after, args=(parent,), daemon=True).start()


def _kernel_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass  # no libc prctl (musl without it, a sandbox): the sentinel still guards


def _exit_after(parent) -> None:
    parent.join()  # returns when the parent process has ended
    os._exit(1)
