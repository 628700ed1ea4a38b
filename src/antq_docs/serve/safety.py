"""The rules every request of `antq serve` passes before antq reads a byte of it: a server on
the clerk's computer is reachable by every page the browser opens, so each request is
treated as hostile.

- the `Host` must be this server's own address (a page that renames itself 127.0.0.1 by DNS
  rebinding gets 400);
- the per-run token, from the address antq printed (then a cookie), or 403;
- a request that changes something (POST) comes from this server's own page (`Origin`), or
  403;
- every answer forbids what the page does not need: scripts, styles and images from
  elsewhere, framing, referrers (the token never leaves in a Referer), caching;
- each request gets its own temporary folder, removed once its answer is sent.
"""

from __future__ import annotations

import hmac
import shutil
import tempfile
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from ..i18n import _

__all__ = ["Settings", "Guard", "SECURITY_HEADERS", "cookie_name"]

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
_SAFE_METHODS = ("GET", "HEAD")


@dataclass(frozen=True)
class Settings:
    """One run of `antq serve`: the folder it reads and writes plans in, its token, its
    port (for the Host and Origin it accepts), the folder that holds the requests'
    temporary folders, and the largest upload it reads."""

    folder: Path
    token: str
    port: int
    scratch: Path
    max_upload: int

    @property
    def hosts(self) -> tuple[str, ...]:
        return (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(f"http://{host}" for host in self.hosts)


def cookie_name(port: int) -> str:
    """A cookie per port: browsers share cookies between the ports of one host, and two
    servers must not take each other's token."""
    return f"antq-token-{port}"


class Guard:
    """ASGI middleware that applies the rules above, then hands the request on with
    `scope["state"]["work"]`, its own temporary folder."""

    def __init__(self, app, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":  # lifespan events: no request to judge
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if "token" in query and scope["method"] in _SAFE_METHODS:
            # The printed address: the token becomes a cookie and leaves the address bar.
            await self._enter(scope, send, query)
            return
        work = Path(tempfile.mkdtemp(prefix="request-", dir=self.settings.scratch))
        scope.setdefault("state", {})["work"] = work
        try:
            await self.app(scope, receive, _with_headers(send))
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _refusal(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        if headers.get("host", "") not in self.settings.hosts:
            return 400, _(
                "this address is not antq's: open http://127.0.0.1:{port}/ as antq serve printed it"
            ).format(port=self.settings.port)
        if not self._has_token(scope, headers):
            return 403, _(
                "open the address antq serve printed, with its token (…/?token=…); the "
                "token changes each time antq serve starts"
            )
        if scope["method"] not in _SAFE_METHODS and headers.get("origin") not in (
            self.settings.origins
        ):
            return 403, _("a request from another page was refused: use antq's own page")
        return None

    def _has_token(self, scope, headers: dict[str, str]) -> bool:
        given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
        if not given:
            cookies = SimpleCookie()
            try:
                cookies.load(headers.get("cookie", ""))
            except Exception:  # noqa: BLE001 — a malformed cookie header is no token
                return False
            morsel = cookies.get(cookie_name(self.settings.port))
            given = morsel.value if morsel else ""
        return hmac.compare_digest(given.encode(), self.settings.token.encode())

    async def _enter(self, scope, send, query: dict[str, list[str]]) -> None:
        rest = {k: v for k, v in query.items() if k != "token"}
        location = scope.get("path", "/") + ("?" + urlencode(rest, doseq=True) if rest else "")
        cookie = (
            f"{cookie_name(self.settings.port)}={self.settings.token}; Path=/; HttpOnly; "
            "SameSite=Strict"
        )
        await _with_headers(send)(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [(b"location", location.encode()), (b"set-cookie", cookie.encode())],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _with_headers(send):
    """`send` with the security headers added to the response's start."""

    async def sending(message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _v in message.get("headers", [])}
            extra = [
                (k.encode(), v.encode())
                for k, v in SECURITY_HEADERS.items()
                if k.encode() not in present
            ]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending


async def _plain(send, status: int, message: str) -> None:
    body = (message + "\n").encode("utf-8")
    await _with_headers(send)(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def scratch_folder() -> Path:
    """The folder of one run's request folders, removed when the server stops."""
    return Path(tempfile.mkdtemp(prefix="antq-serve-"))
