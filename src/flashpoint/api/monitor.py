"""GET routes over ``flashpoint.analytics``: tension series, escalation alerts, exports."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from .cache import cached_json
from .errors import ApiError
from .params import reject_unknown_params
from .reads import CODE, Dyad, Ordered, Since, Until, database, event_filter_params

router = APIRouter(
    prefix="/api", tags=["tension, alerts, exports"], dependencies=[Depends(reject_unknown_params)]
)

ALERT_EVENTS_SHOWN = 50  # events listed behind each alert (the method's default shows 5)
IncludeUncertain = Annotated[bool, Query(
    description="Also count negated, intended, demanded and hypothetical events "
                "(default: only what happened as far as the text says).")]


@router.get(
    "/tension", summary="Tension series of a dyad, a country or an actor, per day/week/month"
)
async def tension(
    request: Request,
    dyad: Dyad = None,
    ordered: Ordered = False,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO-3 country on either side.")
    ] = None,
    actor: Annotated[
        str | None, Query(pattern=CODE, description="Exact actor code, e.g. PRKMIL.")
    ] = None,
    freq: Annotated[
        Literal["day", "week", "month", "year"], Query(description="Period length.")
    ] = "week",
    since: Since = None,
    until: Until = None,
    cameo_root: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,2}$", description="CAMEO root, 01-20.")
    ] = None,
    include_uncertain: IncludeUncertain = False,
) -> Response:
    """One row per period (empty periods included): events by quad class, Goldstein sum and
    mean, share of material conflict and conflict intensity (see ``analytics.tension``)."""
    from ..analytics.tension import series

    def compute() -> dict[str, Any]:
        args = {"dyad": dyad, "country": country, "actor": actor, "ordered": ordered,
                "freq": freq, "until": until, "cameo_root": cameo_root,
                "include_uncertain": include_uncertain}
        with database(request).read() as con:
            rows = series(con, **args, since=since)
            # The baseline of the first shown period needs the periods before `since`.
            history = series(con, **args) if since is not None else rows
        _add_baseline(history, freq)
        limits = {str(r["period"]): (r["baseline"], r["threshold"]) for r in history}
        for r in rows:
            r["baseline"], r["threshold"] = limits.get(str(r["period"]), (None, None))
        return {
            "ok": True,
            "dyad": dyad,
            "country": country,
            "actor": actor,
            "freq": freq,
            "series": rows,
        }

    return await cached_json(request, compute)


def _add_baseline(rows: list[dict[str, Any]], freq: str) -> None:
    """Add each period's alert ``baseline`` (median of the previous periods) and ``threshold``
    (the value at which the alert method would flag it) to a tension series, computed by
    ``analytics.alerts.robust_z`` with the alert parameters; None where the method has too
    little history, and for all periods when ``freq`` is not the alerts' period."""
    from ..analytics.alerts import default_params, robust_z

    p = default_params()
    if freq != p.freq or p.metric not in (rows[0] if rows else {}):
        for r in rows:
            r["baseline"] = r["threshold"] = None
        return
    values = [float(r[p.metric] or 0) for r in rows]
    scores = robust_z(values, window=p.window, min_history=p.min_history,
                      mad_scale=p.mad_scale, mad_floor=p.mad_floor)
    for r, score in zip(rows, scores, strict=True):
        if score is None:
            r["baseline"] = r["threshold"] = None
            continue
        _, med, mad = score
        r["baseline"] = round(med, 3)
        r["threshold"] = round(med + p.z_threshold * max(p.mad_scale * mad, p.mad_floor), 3)


@router.get("/alerts", summary="Escalation alerts, each with the events and articles behind it")
async def alerts(
    request: Request,
    dyad: Dyad = None,
    since: Since = None,
    until: Until = None,
    include_uncertain: IncludeUncertain = False,
) -> Response:
    """Periods where a dyad's conflict intensity departs from its own baseline (rolling
    median/MAD, see ``analytics.alerts``), newest first."""
    from ..analytics.alerts import alerts as find_alerts
    from ..analytics.alerts import default_params

    params = default_params().replace(top_events=ALERT_EVENTS_SHOWN)

    def compute() -> dict[str, Any]:
        with database(request).read() as con:
            found = find_alerts(con, dyad=dyad, since=since, until=until, params=params,
                                include_uncertain=include_uncertain)
            ids = _first_event_ids(
                con, [e["unique_event_id"] for a in found for e in a["top_events"]]
            )
        for alert in found:
            alert["id"] = f"{alert['dyad']}:{alert['period']}"
            for event in alert["top_events"]:
                event["event_id"] = ids.get(event["unique_event_id"])
        method = {k: v for k, v in dataclasses.asdict(params).items() if k != "top_events"}
        return {"ok": True, "dyad": dyad, "method": method, "alerts": found}

    return await cached_json(request, compute)


EXPORT_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/x-ndjson",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "acled": "text/csv; charset=utf-8",
}
ExportTable = Literal[
    "events", "unique_events", "articles", "statements", "skips", "stories", "story_members"
]


@router.get(
    "/export",
    summary="Download a table as CSV or Parquet (also jsonl, GDELT TSV, ACLED CSV)",
    response_class=FileResponse,
    responses={
        200: {
            "content": {m.split(";")[0]: {} for m in EXPORT_MEDIA.values()},
            "description": "The exported file",
        }
    },
)
def export(
    request: Request,
    filters: Annotated[dict[str, Any], Depends(event_filter_params)],
    format: Annotated[
        Literal["csv", "parquet", "jsonl", "gdelt", "acled"], Query(description="File format.")
    ] = "csv",
    table: Annotated[
        ExportTable,
        Query(description="Table for csv/parquet/jsonl (gdelt and acled are event files)."),
    ] = "events",
    include_uncertain: IncludeUncertain = False,
    header: Annotated[bool, Query(description="GDELT: add a header line.")] = False,
) -> FileResponse:
    """The same files as `flashpoint export` (``analytics.exports``), filtered by every filter
    of /api/events, written to a temporary directory and streamed; the directory is removed
    after the response is sent."""
    from ..analytics.exports import FILES
    from ..analytics.exports import export as write_export

    tmp = Path(tempfile.mkdtemp(prefix="fp-export-"))
    try:
        with database(request).read() as con:
            files = write_export(con, tmp, format, include_uncertain=include_uncertain,
                                 header=header, **filters)
        name = FILES[format].get(table if format in ("csv", "parquet", "jsonl") else "events")
        path = next((f for f in files if f.name == name), None)
        if path is None:
            raise ApiError(422, f"format {format!r} has no {table!r} table: use table=events")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    stem = f"flashpoint-{filters.get('dyad') or 'all'}-{name}"
    return FileResponse(
        path,
        media_type=EXPORT_MEDIA[format],
        filename=stem,
        background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True),
    )


def _first_event_ids(con: Any, unique_ids: list[str]) -> dict[str, str]:
    """unique event id -> id of its earliest coded mention (opens the article on that event)."""
    if not unique_ids:
        return {}
    rows = con.execute(
        "SELECT id, first_event_id FROM unique_events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [unique_ids],
    ).fetchall()
    return dict(rows)
