"""GET routes: events, dyads, articles, codes and health, read through ``store.queries``.

Every route opens a cursor of the app's one database connection for the request
(``Database.read``) and calls a query function of ``store.queries``, which builds
parameterised SQL only. Query parameters are validated here first (patterns, ranges), so
malformed values are a 422 in the one error shape before they reach DuckDB.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from .cache import cached_json
from .errors import ApiError
from .params import reject_unknown_params

router = APIRouter(
    prefix="/api", tags=["events and articles"], dependencies=[Depends(reject_unknown_params)]
)

ARTICLE_ID = r"^[0-9a-f]{16}$"
DYAD = r"^[A-Za-z0-9]{3,12}-[A-Za-z0-9]{3,12}$"
CODE = r"^[A-Za-z0-9]{3,12}$"
MAX_PAGE = 1000
MAX_LIST = 5000  # dyads and actors: the dashboard's search lists them all
MAX_OFFSET = 10_000_000

Dyad = Annotated[
    str | None, Query(pattern=DYAD, description="Country or actor pair, e.g. PRK-KOR.")
]
Ordered = Annotated[bool, Query(description="Match source→target only (default: both directions).")]
Since = Annotated[dt.date | None, Query(description="First event day (YYYY-MM-DD), inclusive.")]
Until = Annotated[dt.date | None, Query(description="Last event day (YYYY-MM-DD), inclusive.")]


def database(request: Request) -> Any:
    return request.app.state.db


async def event_filter_params(
    dyad: Dyad = None,
    ordered: Ordered = False,
    actor: Annotated[
        str | None, Query(pattern=CODE, description="Actor code on either side, e.g. PRKGOV.")
    ] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO-3 country on either side.")
    ] = None,
    cameo_root: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,2}$", description="CAMEO root, 01-20.")
    ] = None,
    plover: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z_-]{2,32}$", description="PLOVER event type, e.g. ASSAULT."),
    ] = None,
    quad_class: Annotated[
        int | None, Query(ge=1, le=4, description="1 verbal coop … 4 material conflict.")
    ] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Words in the evidence sentence."),
    ] = None,
    modality: Annotated[
        Literal["asserted", "reported", "intended", "demanded", "hypothetical"] | None,
        Query(description="Only events of this modality (asserted, reported: happened)."),
    ] = None,
    negated: Annotated[
        bool | None, Query(description="true: only negated events; false: only affirmed ones.")
    ] = None,
) -> dict[str, Any]:
    """The filters of /api/events, as ``store.queries`` keyword arguments.

    ``async`` only so that FastAPI calls it on the event loop instead of the thread pool.
    """
    return {
        "dyad": dyad,
        "ordered": ordered,
        "actor": actor,
        "country": country,
        "cameo_root": cameo_root,
        "plover": plover,
        "quad_class": quad_class,
        "since": since,
        "until": until,
        "text": _clean_text(q),
        "modality": modality,
        "negated": negated,
    }


def _clean_text(value: str | None) -> str | None:
    """Drop control characters from a free-text filter (they can never match evidence text)."""
    if value is None:
        return None
    cleaned = "".join(ch for ch in value if ch.isprintable()).strip()
    return cleaned or None


@router.get("/health", summary="Server and database status")
def health(request: Request) -> dict[str, Any]:
    from ..store import queries

    db = database(request)
    with db.read() as con:
        counts = queries.counts(con)
    return {"ok": True, "writable": db.writable, "db": db.path.name, "counts": counts}


@router.get("/events", summary="Coded events, filtered and paged (newest first)")
async def list_events(
    request: Request,
    filters: Annotated[dict[str, Any], Depends(event_filter_params)],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    from ..store import queries

    def compute() -> dict[str, Any]:
        with database(request).read() as con:
            total = queries.count_events(con, **filters)
            rows = queries.events(con, **filters, limit=limit, offset=offset)
        return {"ok": True, "total": total, "limit": limit, "offset": offset, "events": rows}

    return await cached_json(request, compute)


@router.get("/dyads", summary="The most active country pairs (for the dyad picker)")
async def list_dyads(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = 50,
    since: Since = None,
) -> Response:
    from ..store import queries

    def compute() -> dict[str, Any]:
        with database(request).read() as con:
            rows = queries.dyads(con, limit=limit, since=since)
            counts = queries.counts(con)
        return {
            "ok": True,
            "dyads": rows,
            "total_events": counts.get("events", 0),
            "total_articles": counts.get("articles", 0),
        }

    return await cached_json(request, compute)


@router.get("/actors", summary="Every actor code with its usual name (for the actor search)")
async def list_actors(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = 1000,
) -> Response:
    from ..store import queries

    def compute() -> dict[str, Any]:
        with database(request).read() as con:
            return {"ok": True, "actors": queries.actors(con, limit=limit)}

    return await cached_json(request, compute)


@router.get(
    "/articles/{article_id}",
    summary="One article: cleaned text, events, statements with evidence offsets",
)
async def get_article(
    request: Request,
    article_id: Annotated[str, Path(pattern=ARTICLE_ID, description="Article id (16 hex digits).")],
) -> Response:
    from ..store import queries

    def compute() -> dict[str, Any]:
        with database(request).read() as con:
            row = queries.article(con, article_id)
        if row is None:
            raise ApiError(404, f"no article with id {article_id}")
        events = [_with_evidence(e) for e in row.pop("events")]
        statements = [_with_evidence(s) for s in row.pop("statements")]
        sightings = row.pop("sightings", [])
        story = row.pop("story", None)
        return {
            "ok": True,
            "article": row,
            "events": events,
            "statements": statements,
            "sightings": sightings,
            "story": story,
        }

    return await cached_json(request, compute)


def _with_evidence(row: dict[str, Any]) -> dict[str, Any]:
    """Add the output contract's nested ``evidence`` {text, start, end} (None when absent)."""
    start, end = row.get("evidence_start"), row.get("evidence_end")
    row["evidence"] = (
        {"text": row.get("evidence_text"), "start": start, "end": end}
        if start is not None and end is not None
        else None
    )
    return row


@router.get("/codes", summary="CAMEO root names and PLOVER types (labels for the dashboard)")
async def codes(request: Request) -> Response:
    return await cached_json(request, lambda: {"ok": True, **_code_tables()})


def _code_tables() -> dict[str, Any]:
    """CAMEO root names and the PLOVER types, from the event coder's tables."""
    from ..events import tables

    roots = {code: row[0] for code, row in sorted(tables.cameo_roots().items())}
    plover = sorted({p for p in tables.plover_table().values() if p})
    return {"cameo_roots": roots, "plover": plover}
