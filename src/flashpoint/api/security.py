"""Browser-facing hardening: security headers on every response, a Host allow-list, and the
HTTP protocol with a deadline on request heads (uvicorn has none of its own).

* **Headers.** A Content-Security-Policy that allows only this origin's scripts, styles and
  API calls (the dashboard and its vendored libraries are all served from /static), so an
  injected string can never run as script; ``X-Content-Type-Options: nosniff``,
  ``X-Frame-Options: DENY`` with ``frame-ancestors 'none'`` (no clickjacking) and
  ``Referrer-Policy: no-referrer``. Swagger UI's page at /docs starts itself with an inline
  script, so that one page also allows inline script and style.
* **Host allow-list.** A browser page on ``evil.example`` whose DNS is re-pointed at
  127.0.0.1 (DNS rebinding) sends ``Host: evil.example``; refusing unknown hosts (400, the
  one error shape) keeps such pages from reading the API. ``flashpoint serve`` allows the
  loopback names and the interface it binds, plus ``--allow-host`` names.
* **Slow request heads.** A client that opens a socket and trickles a partial request head
  would hold it forever (uvicorn's keep-alive timeout starts only after a first response):
  ``HeadTimeoutH11Protocol`` closes a connection whose request head is not complete within
  ``HEAD_TIMEOUT_SECONDS``. Slow bodies are cut by ``limits.BodySizeLimit``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from .errors import error_body

HEAD_TIMEOUT_SECONDS = 10.0
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI's HTML (FastAPI's get_swagger_ui_html) boots with an inline <script>.
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


class SecurityHeaders:
    """Add the security headers to every HTTP response (errors and static files included)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = (CSP_DOCS if scope.get("path") == "/docs" else CSP).encode()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(b"content-security-policy", policy), *_HEADERS]
                message["headers"] = [
                    *message.get("headers", []),
                    *((n, v) for n, v in extra if n not in names),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


class HostAllowList:
    """Refuse (400, the one error shape) a request whose ``Host`` is not an allowed name.

    ``allowed`` holds host names or addresses without port; ``"*"`` allows every host.
    """

    def __init__(self, app: ASGIApp, *, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(_bare_host(h) for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for n, v in scope.get("headers", ()) if n == b"host"), "")
        if _bare_host(host) in self.allowed:
            await self.app(scope, receive, send)
            return
        body: dict[str, Any] = error_body(
            400, f"host {host[:100]!r} is not served here (allowed: {', '.join(sorted(self.allowed))}); "
            "start the server with --allow-host NAME to serve it"
        )
        payload = json.dumps(body).encode("utf-8")
        await send({
            "type": "http.response.start",
            "status": 400,
            "headers": [(b"content-type", b"application/json"),
                        (b"content-length", str(len(payload)).encode())],
        })
        await send({"type": "http.response.body", "body": payload})


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The hosts ``flashpoint serve`` answers: loopback names, the bound interface (unless it
    is a wildcard address) and the names given with ``--allow-host``."""
    hosts = [*LOOPBACK_HOSTS, *extra]
    if bind not in ("0.0.0.0", "::", ""):  # the wildcard names no host of its own
        hosts.append(bind)
    return tuple(dict.fromkeys(_bare_host(h) for h in hosts))


def _bare_host(host: str) -> str:
    """``Host`` header value without port or IPv6 brackets, lower-cased."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host[1:]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


class HeadTimeoutH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request head has not fully arrived
    ``HEAD_TIMEOUT_SECONDS`` after it opened (or after the previous response)."""

    head_timeout = HEAD_TIMEOUT_SECONDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        self._arm()

    def handle_events(self) -> None:
        before = self.cycle
        super().handle_events()
        if self.cycle is not before:  # a complete request head arrived
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()  # the next request head on this connection gets the same deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self._head_timer = self.loop.call_later(self.head_timeout, self._too_slow)

    def _disarm(self) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
        self._head_timer = None

    def _too_slow(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self.transport.close()


__all__ = [
    "CSP",
    "HEAD_TIMEOUT_SECONDS",
    "LOOPBACK_HOSTS",
    "HeadTimeoutH11Protocol",
    "HostAllowList",
    "SecurityHeaders",
    "allowed_hosts",
]
