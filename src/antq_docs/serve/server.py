"""Running `antq serve`: a socket on 127.0.0.1 only (a free port unless one is asked for),
uvicorn serving the guarded app on it, and everything of the run removed when it stops
(Ctrl-C, or SIGTERM)."""

from __future__ import annotations

import secrets
import shutil
import signal
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from .safety import Settings, scratch_folder

__all__ = ["Run", "prepare", "serve_until_stopped"]

HOST = "127.0.0.1"  # never another interface: the page is the clerk's alone


@dataclass
class Run:
    settings: Settings
    sock: socket.socket

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.settings.port}/?token={self.settings.token}"


def prepare(folder: Path, port: int) -> Run:
    """Bind the socket and choose the token; OSError when the port is taken."""
    from ..inspect.package import MAX_DOCX_BYTES

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    settings = Settings(
        folder=folder.resolve(),
        token=secrets.token_urlsafe(32),
        port=sock.getsockname()[1],
        scratch=scratch_folder(),
        max_upload=MAX_DOCX_BYTES,
    )
    return Run(settings, sock)


def _stop_on_sigterm():
    """SIGTERM stops the server as Ctrl-C does, so that the run's folder is removed; the
    handler it replaced, to put back once the server has stopped."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, stop)


def serve_until_stopped(run: Run) -> None:
    """Serve until Ctrl-C; the temporary folders of the run are removed whatever happens."""
    import uvicorn

    from .app import create_app

    config = uvicorn.Config(
        create_app(run.settings),
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="off",
    )
    before = _stop_on_sigterm()
    try:
        uvicorn.Server(config).run(sockets=[run.sock])
    except KeyboardInterrupt:
        pass  # uvicorn has shut down and raises the signal again: the run is over
    finally:
        run.sock.close()
        shutil.rmtree(run.settings.scratch, ignore_errors=True)
        if before is not None:  # antq serve run inside another program (a test) leaves it
            signal.signal(signal.SIGTERM, before)
