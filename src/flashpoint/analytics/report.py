"""A one-call summary of a store: what ``make demo`` and the dashboard's front page show."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..store import queries
from .alerts import alerts, default_params, explain_alerts
from .tension import period_start, series

SPARK = "▁▂▃▄▅▆▇█"


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
            {k: a[k] for k in ("dyad", "period", "z", "value", "baseline_median",
                               "conflict_events", "explanation")}
            | {"top_event": a["top_events"][0] if a.get("top_events") else None}
            for a in found[:latest_alerts]
        ],
    }


def print_report(db: str, *, console: Any) -> dict[str, Any]:
    """Render ``summary`` of the store ``db`` on the caller's rich ``console``.

    For the CLI (``make demo``, ``flashpoint ingest``): the console is the caller's, this
    function never opens stdout itself. Returns the summary it rendered.
    """
    from rich.markup import escape
    from rich.table import Table

    from ..store import connect_readonly

    con = connect_readonly(db)
    try:
        s = summary(con)
    finally:
        con.close()
    c = s["counts"]
    console.print(
        f"[bold]{c['articles']}[/] articles stored ({s['articles_merged']} merged into "
        f"{c['stories']} stories), [bold]{c['events']}[/] event mentions = "
        f"[bold]{c['unique_events']}[/] unique events, {c['statements']} statements, "
        f"{c['skips']} skips; events from {s['period'][0]} to {s['period'][1]}",
        highlight=False,
    )
    if s["skips_by_reason"]:
        console.print("skips by reason: " + ", ".join(
            f"{k} {v}" for k, v in s["skips_by_reason"].items()), highlight=False)
    table = Table(title="Most active dyads (unique events; G = Goldstein, q4 = material "
                  "conflict)", title_justify="left")
    for col, just, width in (("dyad", "left", 7), ("events", "right", 6),
                             ("mentions", "right", 8), ("G mean", "right", 6),
                             ("q4 %", "right", 4), ("first", "left", 10), ("last", "left", 10)):
        table.add_column(col, justify=just, no_wrap=True, min_width=width)
    for d in s["top_dyads"]:
        g = d["goldstein_mean"]
        table.add_row(d["dyad"], str(d["events"]), str(d["mentions"]),
                      f"[{'red' if g < 0 else 'green'}]{g:+.2f}[/]",
                      f"{d['material_conflict_share']:.0%}", d["first_day"], d["last_day"])
    console.print(table)
    if s["tension"]:
        t0 = s["tension"][0]["weeks"]
        console.print(f"[bold]Weekly conflict intensity[/] (Σ −Goldstein of unique events), "
                      f"weeks of {t0[0]} … {t0[-1]}; blank = none, █ = the dyad's peak")
    for t in s["tension"]:
        peak = max(t["conflict_intensity"], default=0) or 1
        line = "".join(SPARK[min(7, round(7 * v / peak))] if v else " " for v in
                       t["conflict_intensity"])
        label = (f"peak {peak:g}" if max(t["conflict_intensity"], default=0) else "no conflict")
        console.print(f"  {t['dyad']:<9} [red]{line}[/]  {label}, {sum(t['events'])} events",
                      highlight=False)
    if not s["latest_alerts"]:
        console.print("[green]no escalation alerts[/] (robust z of weekly conflict intensity "
                      "against each dyad's previous 8 weeks; see analytics/data/alerts.json)")
    for a in s["latest_alerts"]:
        console.print(f"[bold red]ALERT[/] {a['explanation']}", highlight=False)
        ev = a.get("top_event")
        if ev:
            evidence = escape(" ".join(ev["evidence_text"].split()))
            console.print(f"    e.g. {ev['cameo']} {ev['source_code']}→{ev['target_code']}: "
                          f"“{evidence}” ({escape(ev['title'] or ev['article_id'])})",
                          highlight=False)
    return s
