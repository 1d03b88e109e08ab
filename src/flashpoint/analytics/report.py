"""A one-call summary of a store: what ``make demo`` and the dashboard's front page show."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..store import queries
from .alerts import alerts, default_params, explain_alerts
from .tension import period_start, series


def summary(con: Any, *, top: int = 5, latest_alerts: int = 5) -> dict[str, Any]:
    """Counts, the most active dyads, stories with copies, skips by reason, latest alerts."""
    counts = queries.counts(con)
    merged = con.execute(
        "SELECT count(*) FROM story_members WHERE method <> 'representative'"
    ).fetchall()[0][0]
    span = con.execute("SELECT min(day), max(day) FROM unique_events").fetchall()[0]
    found = alerts(con, explain=False)
    explain_alerts(con, found[:latest_alerts])
    # The same window for every dyad: the last 16 weeks of the store, empty weeks included.
    weeks = default_params().window * 2
    tension = []
    if span[1] is not None:
        last = period_start(span[1], "week")
        first = last - dt.timedelta(weeks=weeks - 1)
        for d in queries.dyads(con, limit=top):
            rows = series(con, dyad=d["dyad"], freq="week", since=first, until=span[1])
            tension.append({
                "dyad": d["dyad"],
                "weeks": [r["period"] for r in rows],
                "conflict_intensity": [r["conflict_intensity"] for r in rows],
                "events": [r["events"] for r in rows],
            })
    return {
        "counts": counts,
        "tension": tension,
        "period": [d.isoformat() if d else None for d in span],
        "articles_merged": merged,
        "top_dyads": queries.dyads(con, limit=top),
        "stories_with_copies": queries.stories(con, min_articles=2, limit=top),
        "skips_by_reason": queries.skip_reasons(con),
        "num_alerts": len(found),
        "latest_alerts": [
            {k: a[k] for k in ("dyad", "period", "z", "value", "baseline_rate", "p_value",
                               "conflict_events", "explanation")}
            | {"top_event": a["top_events"][0] if a.get("top_events") else None}
            for a in found[:latest_alerts]
        ],
    }
