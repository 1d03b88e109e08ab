"""POST routes: analyse a page (nothing stored) and analyse-and-store (bearer token).

Analysis runs the same ``pipeline`` path as the CLI. It is CPU-bound and the spaCy pipeline
is one object per process, so analyses run one at a time under a lock (in FastAPI's thread
pool, so reads keep being served meanwhile).
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from ..records import Analysis
from .auth import check_bearer
from .errors import ApiError
from .models import PageIn

router = APIRouter(prefix="/api", tags=["analyse and store"])

_analysis_lock = threading.Lock()


# Declares the bearer scheme in OpenAPI (the Authorize button of /docs); the check is ours.
_bearer = HTTPBearer(auto_error=False, description="The server's FLASHPOINT_TOKEN")


def require_writer(
    request: Request,
    _: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Refuse (401) before anything else, the body's validation included, without the token."""
    check_bearer(request.headers.get("authorization"), request.app.state.token)


def _parse_page(raw: bytes) -> PageIn:
    """Validate a JSON body as ``PageIn``; errors become the usual 422 (loc ``body.<field>``)."""
    try:
        return PageIn.model_validate_json(raw)
    except ValidationError as e:
        errors = [
            {"loc": ("body", *err["loc"]), "msg": err["msg"], "type": err["type"]}
            for err in e.errors()
        ]
        raise RequestValidationError(errors) from None


def _analyze(page: PageIn) -> Analysis:
    from ..pipeline import analyze

    with _analysis_lock:
        return analyze(
            page.text,
            published=page.published,
            title=page.title,
            url=page.url,
            source=page.source,
            kind=page.kind,
        )


def _as_record(page: PageIn) -> dict[str, Any]:
    """The page as a JSON record ``flashpoint ingest`` reads back the same way."""
    import json

    from ..ingest.decode import sniff_kind

    meta = page.model_dump(mode="json", exclude={"text", "kind"}, exclude_none=True)
    kind = sniff_kind(page.text) if page.kind == "auto" else page.kind
    if kind == "json":
        try:
            record = json.loads(page.text)
        except (ValueError, RecursionError):
            record = None
        if isinstance(record, dict):
            return {**meta, **record}
    return {**meta, ("html" if kind == "html" else "text"): page.text}


def _refuse_internal_error(analysis: Analysis, kept: str | None = None) -> None:
    """An analysis that met a bug is a 500 in the one error shape, naming the stage and the
    error (and, on the writing route, where the input was kept for a re-run)."""
    skipped = analysis.skipped
    if skipped is None or skipped.reason != "internal_error":
        return
    detail: dict[str, Any] = skipped.to_dict()
    if kept is not None:
        detail["kept"] = kept
    raise ApiError(500, f"internal error while analysing this page: {skipped.detail}", errors=[detail])


@router.post("/analyze", summary="Analyse a page without storing it (the output contract)")
def analyze_page(page: PageIn) -> dict[str, Any]:
    analysis = _analyze(page)
    _refuse_internal_error(analysis)
    return {"ok": True, **analysis.to_dict()}


@router.post(
    "/articles",
    summary="Analyse a page and store it (requires Authorization: Bearer <token>)",
    status_code=201,
    responses={200: {"description": "Already stored (only a new sighting may be added)"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PageIn"}}},
        }
    },
)
async def store_page(
    request: Request,
    _: Annotated[None, Depends(require_writer)],
) -> JSONResponse:
    """The body is read as JSON whatever its Content-Type, so that the plain
    ``curl -H "Authorization: Bearer $FLASHPOINT_TOKEN" -d @page.json`` works (curl -d says
    form-urlencoded). This is safe from cross-site forgery here, unlike on an open route: a
    page cannot send the Authorization header without the browser's CORS preflight, which
    this server never grants."""
    page = _parse_page(await request.body())
    analysis = await run_in_threadpool(_analyze, page)
    db = request.app.state.db
    stats = await run_in_threadpool(db.write, [analysis])  # an internal error is a stored skip
    request.app.state.cache.clear()  # what GETs return may have changed
    if analysis.skipped is not None and analysis.skipped.reason == "internal_error":
        kept = await run_in_threadpool(db.keep_failed, _as_record(page))
        _refuse_internal_error(analysis, kept=str(kept))
    created = stats.articles_new > 0
    body = {
        "ok": True,
        "created": created,
        "article_id": analysis.article.id if analysis.article else None,
        "events": stats.events,
        "statements": stats.statements,
        "skipped": analysis.skipped.to_dict() if analysis.skipped else None,
    }
    return JSONResponse(body, status_code=201 if created else 200)
