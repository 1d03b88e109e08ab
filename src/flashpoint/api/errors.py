"""One JSON error shape for every failure the API returns.

Clients (and the dashboard) handle one shape whatever went wrong, as Datasette does:
``{"ok": false, "error": "<one line>", "errors": [<details>], "status": <http status>}``.
Starlette's own 404/405, FastAPI's 422 validation errors, our 401/413 and any unexpected 500
all go through the handlers installed here; a test walks every route to enforce it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, FlashpointError, InputError, StoreError

log = logging.getLogger("flashpoint.api")

# What the caller can do about a Flashpoint error decides its status: fix the input (422),
# or wait for / fix the server side (503 for a busy or broken store, 500 otherwise).
_STATUS_OF: tuple[tuple[type[FlashpointError], int], ...] = (
    (InputError, 422),
    (StoreError, 503),
    (ConfigError, 500),
)

# Shape of an error in the OpenAPI schema, so clients can generate a type for it.
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["ok", "error", "errors", "status"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "error": {"type": "string"},
        "errors": {"type": "array", "items": {}},
        "status": {"type": "integer"},
    },
}


class ApiError(Exception):
    """An error a route raises on purpose, rendered in the one shape with its status."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []
        self.headers = headers


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"ok": False, "error": message, "errors": list(errors or []), "status": status}


def error_response(
    status: int,
    message: str,
    errors: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure to ``error_response``."""

    async def on_api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.message, exc.errors, exc.headers)

    async def on_http(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else _reason(exc.status_code)
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    async def on_validation(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        details = [_validation_detail(e) for e in exc.errors()]
        first = details[0] if details else {"loc": "", "msg": "invalid request"}
        message = f"invalid request: {first['loc']}: {first['msg']}"
        return error_response(422, message, details)

    async def on_flashpoint(_: Request, exc: Exception) -> JSONResponse:
        status = next((s for cls, s in _STATUS_OF if isinstance(exc, cls)), 500)
        return error_response(status, str(exc))

    async def on_unexpected(_: Request, exc: Exception) -> JSONResponse:
        # The traceback goes to the server log; the client gets the shape, not the internals.
        log.error("unhandled error", exc_info=exc)
        return error_response(500, "internal server error (see the server log)")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(FlashpointError, on_flashpoint)
    app.add_exception_handler(Exception, on_unexpected)


def _validation_detail(error: dict[str, Any]) -> dict[str, Any]:
    """A validation error without the echoed input (which may be a whole article)."""
    loc = ".".join(str(part) for part in error.get("loc", ()))
    return {"loc": loc, "msg": str(error.get("msg", "invalid")), "type": str(error.get("type", ""))}


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"
