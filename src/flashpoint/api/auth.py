"""Bearer-token check for the routes that write, and the gate of the export route.

Writes are off unless a token is configured: a server started without one is a read-only
viewer, so a forgotten setting can never leave an open write endpoint. The token comes from
``FLASHPOINT_TOKEN`` or a token file (first line, stripped); it is compared in constant time.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

from ..errors import ConfigError
from .errors import ApiError

TOKEN_ENV = "FLASHPOINT_TOKEN"
MIN_TOKEN_LENGTH = 16  # a short token is guessable; refuse it at start-up rather than serve it


def load_token(
    *, token_file: str | Path | None = None, environ: dict[str, str] | None = None
) -> str | None:
    """The configured write token: the token file wins over the environment; None = no writes."""
    env = os.environ if environ is None else environ
    if token_file is not None:
        path = Path(token_file)
        try:
            lines = path.read_text(encoding="utf-8").strip().splitlines()
        except OSError as e:
            raise ConfigError("E412", path=path, reason=e.strerror) from e
        token = lines[0].strip() if lines else ""
        if not token:
            raise ConfigError("E413", path=path)
    else:
        token = env.get(TOKEN_ENV, "").strip()
        if not token:
            return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise ConfigError("E414", n=MIN_TOKEN_LENGTH)
    return token


def check_bearer(authorization: str | None, token: str | None) -> None:
    """Raise a 401 ``ApiError`` unless ``authorization`` carries the configured token."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if token is None:
        raise ApiError(
            401,
            "writes are disabled on this server: start it with FLASHPOINT_TOKEN or --token-file",
            headers=challenge,
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401, "missing bearer token (Authorization: Bearer <token>)", headers=challenge
        )
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise ApiError(401, "invalid bearer token", headers=challenge)


def export_access(request: Request) -> Iterator[None]:
    """Gate of ``GET /api/export``: with a token configured, only its holder may export (an
    export is a copy of the whole database); and one export runs at a time (each writes
    files), others get a 429 with ``Retry-After`` instead of piling up temporary directories."""
    token = request.app.state.token
    if token is not None:
        check_bearer(request.headers.get("authorization"), token)
    slots: threading.BoundedSemaphore = request.app.state.export_slots
    if not slots.acquire(blocking=False):
        raise ApiError(429, "another export is running: try again when it is done",
                       headers={"Retry-After": "5"})
    try:
        yield
    finally:
        slots.release()
