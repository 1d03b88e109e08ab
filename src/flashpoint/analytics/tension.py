"""Tension series: how a dyad's or a country's relations move, period by period (DuckDB SQL).

What is counted: *unique events* (``unique_events``: the same source code, target code, CAMEO
code and day reported by several stories is one event), so a story syndicated by ten outlets
does not count ten times; ``mentions`` keeps the total number of coded mentions. Negated
events ("did not attack") are left out, and so are events that did not happen as far as the
article says: only modalities in ``counting.COUNTED_MODALITIES`` (asserted, reported) count;
intended, demanded and hypothetical events do not, unless ``include_uncertain``.

When: an event counts in the period its text gives (``store.counting``): its date when
known to the day, the day it was reported when reported as current, and a historical reference
("in 2010") only in a period at least as long as what the text gives (a monthly series counts
"in March 2023" in March 2023; a weekly series leaves it out). Periods are ``day``, ``week``
(ISO weeks, starting Monday), ``month`` or ``year``, labelled by their first day; every period
between the first and the last (or ``since``/``until`` when given) is present, empty ones with
zero counts.

Columns per period:
``events`` (unique events), ``mentions``, ``q1``..``q4`` (events per quad class: verbal
cooperation, material cooperation, verbal conflict, material conflict), ``goldstein_sum``,
``goldstein_mean`` (None for an empty period), ``material_conflict_share`` (q4 / events, None
when empty), ``conflict_intensity`` (sum of -Goldstein over events with a negative Goldstein
value: the quantity escalation alerts watch).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import InputError
from ..store.counting import counted_sql
from ..store.queries import _date, event_filters

FREQS = {"day": "1 DAY", "week": "7 DAY", "month": "1 MONTH", "year": "1 YEAR"}
SERIES_COLUMNS = (
    "period", "events", "mentions", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
    "material_conflict_share", "conflict_intensity",
)


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise InputError("E103", freq=freq, choices=", ".join(FREQS))
    return freq


def period_start(day: dt.date, freq: str) -> dt.date:
    """First day of the period holding ``day`` (Monday for weeks)."""
    check_freq(freq)
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "year":
        return day.replace(month=1, day=1)
    return day.replace(day=1)


def period_end(start: dt.date, freq: str) -> dt.date:
    """Last day of the period starting on ``start``."""
    if freq == "day":
        return start
    if freq == "week":
        return start + dt.timedelta(days=6)
    if freq == "year":
        return start.replace(month=12, day=31)
    nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def counted_events_sql(
    *, alias: str = "u", freq: str | None = None, include_uncertain: bool = False
) -> str:
    """The condition that selects the unique events series count (``counting.counted_sql``)."""
    return counted_sql(alias=alias, freq=freq, include_uncertain=include_uncertain)


def series(
    con: Any,
    *,
    dyad: str | None = None,
    country: str | None = None,
    actor: str | None = None,
    ordered: bool = False,
    freq: str = "week",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    cameo_root: str | None = None,
    include_uncertain: bool = False,
) -> list[dict[str, Any]]:
    """The tension series (one dict per period, columns ``SERIES_COLUMNS``), oldest first.

    ``dyad`` "PRK-KOR" (both directions unless ``ordered``), or ``country`` "PRK" (events
    with PRK on either side), or ``actor`` "PRKMIL" (an exact actor code), or none (all).
    ``include_uncertain`` also counts negated, intended, demanded and hypothetical events.
    """
    check_freq(freq)
    s, u = _date(since, "since"), _date(until, "until")
    where, params = event_filters(
        dyad=dyad, ordered=ordered, country=country, actor=actor, cameo_root=cameo_root,
        since=s, until=u, alias="u", day_expr="u.day",
    )
    lo = period_start(s, freq) if s else None
    hi = period_start(u, freq) if u else None
    step = FREQS[freq]
    sql = f"""
        WITH ev AS (
            SELECT CAST(date_trunc('{freq}', u.day) AS DATE) AS period,
                   u.quad_class, u.goldstein, u.num_mentions
            FROM unique_events u
            WHERE u.day IS NOT NULL
              AND {counted_events_sql(freq=freq, include_uncertain=include_uncertain)}
              AND {where}
        ), bounds AS (
            SELECT coalesce(?::DATE, min(period)) AS lo, coalesce(?::DATE, max(period)) AS hi
            FROM ev
        ), periods AS (
            SELECT CAST(unnest(generate_series(lo, hi, INTERVAL {step})) AS DATE) AS period
            FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi
        )
        SELECT p.period,
               count(ev.quad_class) AS events,
               coalesce(sum(ev.num_mentions), 0) AS mentions,
               count(ev.quad_class) FILTER (WHERE ev.quad_class = 1) AS q1,
               count(ev.quad_class) FILTER (WHERE ev.quad_class = 2) AS q2,
               count(ev.quad_class) FILTER (WHERE ev.quad_class = 3) AS q3,
               count(ev.quad_class) FILTER (WHERE ev.quad_class = 4) AS q4,
               coalesce(sum(ev.goldstein), 0.0) AS goldstein_sum,
               avg(ev.goldstein) AS goldstein_mean,
               CASE WHEN count(ev.quad_class) > 0 THEN
                   (count(ev.quad_class) FILTER (WHERE ev.quad_class = 4))::DOUBLE
                   / count(ev.quad_class) END AS material_conflict_share,
               coalesce(sum(CASE WHEN ev.goldstein < 0 THEN -ev.goldstein ELSE 0 END), 0.0)
                   AS conflict_intensity
        FROM periods p LEFT JOIN ev ON ev.period = p.period
        GROUP BY p.period ORDER BY p.period
    """
    cur = con.execute(sql, [*params, lo, hi])
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        rec = dict(zip(cols, row, strict=True))
        rec["period"] = rec["period"].isoformat()
        for k in ("goldstein_sum", "goldstein_mean", "material_conflict_share", "conflict_intensity"):
            if rec[k] is not None:
                rec[k] = round(float(rec[k]), 4)
        for k in ("events", "mentions", "q1", "q2", "q3", "q4"):
            rec[k] = int(rec[k])
        out.append(rec)
    return out
