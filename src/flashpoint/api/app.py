"""The FastAPI application: JSON API under /api, the dashboard at /, OpenAPI at /docs."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from .cache import DEFAULT_CACHE_BYTES, DEFAULT_CACHE_ENTRIES, ResponseCache
from .db import Database
from .errors import ERROR_SCHEMA, install_error_handlers
from .limits import DEFAULT_MAX_BODY_BYTES, BodySizeLimit
from .security import HostAllowList, SecurityHeaders

_ERROR_RESPONSES = {
    status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, text in (
        (401, "Missing or invalid bearer token, or writes disabled"),
        (404, "Not found"),
        (408, "Request body not received in time"),
        (413, "Request body too large"),
        (429, "Another export is running"),
        (422, "Invalid request"),
        (500, "Internal error"),
        (503, "Database unavailable"),
    )
}


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    dashboard: bool = True,
    cache_entries: int = DEFAULT_CACHE_ENTRIES,
    cache_bytes: int = DEFAULT_CACHE_BYTES,
    allowed_hosts: Sequence[str] | None = None,
    public_url: str | None = None,
) -> FastAPI:
    """Build the app over one DuckDB file.

    With ``token=None`` the server is read-only: the file is opened read-only and every write
    is refused with a 401. With a token the server is the file's one writer (see ``api.db``).
    GET responses are cached (``api.cache``; ``cache_entries=0`` turns it off), bounded by
    entries and bytes. Every response carries the security headers of ``api.security``;
    ``allowed_hosts`` (None: any) refuses requests for other ``Host`` names (DNS rebinding).
    The database is opened when the app starts (lifespan) and closed when it stops; a missing
    or locked file raises ``StoreError`` at start-up rather than on the first request.
    A writing server given its ``public_url`` leaves a note beside the file while it runs
    (``store.owner``), so an ingest on the file says to send the pages here (E315).
    """
    from . import monitor, reads, writes

    db = Database(db_path, writable=token is not None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        from ..store import owner

        db.open()
        announced = db.writable and public_url is not None
        try:
            if announced:
                owner.announce(db_path, url=str(public_url))
            yield
        finally:
            if announced:
                owner.withdraw(db_path)
            db.close()

    app = FastAPI(
        title="Flashpoint API",
        version=__version__,
        description=(
            "Coded conflict events (CAMEO/PLOVER), checked statements, tension series and "
            "escalation alerts from a Flashpoint DuckDB database. Every error has one shape: "
            '`{"ok": false, "error": "...", "errors": [...], "status": 4xx}`. Writes need '
            "`Authorization: Bearer <token>` and are disabled when the server has no token."
        ),
        lifespan=lifespan,
        responses=_ERROR_RESPONSES,
        docs_url=None,  # served below from vendored files: FastAPI's default loads a CDN
        redoc_url=None,
    )
    app.state.db = db
    app.state.token = token
    app.state.cache = ResponseCache(max_entries=cache_entries, max_bytes=cache_bytes)
    app.state.export_slots = threading.BoundedSemaphore(1)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_body_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(HostAllowList, allowed=allowed_hosts)  # outermost: checked first
    app.include_router(reads.router)
    app.include_router(writes.router)
    app.include_router(monitor.router)
    _mount_static(app, dashboard=dashboard)
    return app


def _mount_static(app: FastAPI, *, dashboard: bool) -> None:
    """/static (vendored files), /docs (Swagger UI, no CDN) and, if wanted, the dashboard at /."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse

    from ..web import static_dir

    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Flashpoint API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    if dashboard:
        index = static / "index.html"

        @app.get("/", include_in_schema=False)
        def home() -> FileResponse:
            return FileResponse(index, media_type="text/html")
