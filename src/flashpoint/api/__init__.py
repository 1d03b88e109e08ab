"""REST API (FastAPI): ``create_app(db_path, *, token=None, max_body_bytes=...)``.

Routes: POST /api/analyze, POST /api/articles (bearer token), GET /api/events, /api/tension,
/api/alerts, /api/articles/{id}, /api/export, /api/dyads, /api/codes, /api/health; the
dashboard at /; OpenAPI at /docs. See ``api.db`` for how reads and the single writer share
the DuckDB file, and ``api.errors`` for the one error shape.
"""

from __future__ import annotations

from .app import create_app
from .auth import TOKEN_ENV, load_token
from .limits import DEFAULT_MAX_BODY_BYTES

__all__ = ["DEFAULT_MAX_BODY_BYTES", "TOKEN_ENV", "create_app", "load_token"]
