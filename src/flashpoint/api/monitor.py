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

from .auth import export_access
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
            _add_baseline(con, history, freq, dyad=dyad, include_uncertain=include_uncertain)
        keys = ("alert_value", "baseline", "threshold")
        limits = {str(r["period"]): tuple(r[k] for k in keys) for r in history}
        for r in rows:
            r.update(zip(keys, limits.get(str(r["period"]), (None,) * 3), strict=True))
        return {
            "ok": True,
            "dyad": dyad,
            "country": country,
            "actor": actor,
            "freq": freq,
            "series": rows,
        }

    return await cached_json(request, compute)


def _add_baseline(con: Any, rows: list[dict[str, Any]], freq: str, *, dyad: str | None,
                  include_uncertain: bool) -> None:
    """Add each period's alert ``alert_value`` (the alert metric: independent conflict
    reports), ``baseline`` (expected rate) and ``threshold`` (the count at which the alert
    method flags it), computed by ``analytics.alerts.baselines`` over a dyad's series; None
    without a dyad, where the history is too short, or when ``freq`` is not the alerts'."""
    from ..analytics.alerts import baselines

    if not dyad or not rows:
        for r in rows:
            r["alert_value"] = r["baseline"] = r["threshold"] = None
        return
    limits = baselines(con, [r["period"] for r in rows], dyad=dyad, freq=freq,
                       include_uncertain=include_uncertain)
    for r, lim in zip(rows, limits, strict=True):
        r.update(lim)


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
    _: Annotated[None, Depends(export_access)],
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
