"""Escalation alerts: a dyad's conflict intensity departing from its own recent baseline.

Method (parameters are data: ``analytics/data/alerts.json``, overridable per call): for each
unordered country dyad, the weekly (``freq``) conflict intensity (sum of -Goldstein over its
counted conflict events, see ``analytics.tension``) is compared with the previous ``window``
periods: robust z = (x - median) / max(1.4826 * MAD, mad_floor). Median and MAD rather than
mean and standard deviation because conflict series are spiky: one past flare-up must not
mask the next one by inflating the baseline. The floor keeps a quiet dyad (MAD 0) from
alerting on a single incident; ``min_conflict_events`` asks for several events, not one big
Goldstein value. Each alert carries its explanation: the numbers, the top events (with their
evidence sentence) and the articles that drove it.

Alerts are computed on demand from the store (never stored), so they always reflect the data
and the parameters in force.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..errors import ConfigError
from ..store.queries import _date, parse_dyad, placeholders
from .tension import check_freq, counted_events_sql, period_end, period_start


@dataclass(frozen=True)
class AlertParams:
    """Parameters of the alert method (documented in ``analytics/data/alerts.json``)."""

    metric: str = "conflict_intensity"
    freq: str = "week"
    window: int = 8
    min_history: int = 4
    z_threshold: float = 3.5
    mad_scale: float = 1.4826
    mad_floor: float = 5.0
    min_conflict_events: int = 3
    min_dyad_events: int = 10
    top_events: int = 5

    def replace(self, **changes: Any) -> AlertParams:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


METRICS = ("conflict_intensity", "conflict_events", "material_conflict")


@functools.lru_cache(maxsize=1)
def default_params() -> AlertParams:
    """The shipped parameters (``analytics/data/alerts.json``), validated."""
    raw = json.loads(
        resources.files(__package__).joinpath("data/alerts.json").read_text("utf-8")
    )
    fields = {f.name for f in dataclasses.fields(AlertParams)}
    unknown = set(raw) - fields - {"_doc"}
    if unknown:
        raise ConfigError("E408", keys=sorted(unknown))
    params = AlertParams(**{k: v for k, v in raw.items() if k in fields})
    validate(params)
    return params


def validate(p: AlertParams) -> None:
    check_freq(p.freq)
    if p.metric not in METRICS:
        raise ConfigError("E409", metric=p.metric, choices=", ".join(METRICS))
    if not (1 <= p.min_history <= p.window):
        raise ConfigError("E410")
    if p.mad_floor <= 0 or p.z_threshold <= 0 or p.mad_scale <= 0:
        raise ConfigError("E411")


def robust_z(
    values: Sequence[float], *, window: int, min_history: int, mad_scale: float, mad_floor: float
) -> list[tuple[float, float, float] | None]:
    """For each position: ``(z, median, mad)`` against the previous ``window`` values, or
    None when fewer than ``min_history`` earlier values exist. Pure; the core of the method."""
    out: list[tuple[float, float, float] | None] = []
    for i, x in enumerate(values):
        base = values[max(0, i - window) : i]
        if len(base) < min_history:
            out.append(None)
            continue
        med = statistics.median(base)
        mad = statistics.median(abs(v - med) for v in base)
        out.append(((x - med) / max(mad_scale * mad, mad_floor), med, mad))
    return out


def alerts(
    con: Any,
    *,
    dyad: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    params: AlertParams | None = None,
    explain: bool = True,
    include_uncertain: bool = False,
) -> list[dict[str, Any]]:
    """Escalation alerts (newest first) for every dyad, or one ``dyad``, in [since, until].

    The baseline uses all data before each period, also before ``since``. Events count as in
    the tension series (``analytics.counting``): what happened, in the period the text gives;
    ``include_uncertain`` also counts negated, intended, demanded and hypothetical events.
    """
    p = params or default_params()
    validate(p)
    s, u = _date(since, "since"), _date(until, "until")
    rows = _dyad_periods(con, p.freq, dyad=dyad, until=u, include_uncertain=include_uncertain)
    by_dyad: dict[str, dict[dt.date, dict[str, Any]]] = {}
    for r in rows:
        by_dyad.setdefault(r["dyad"], {})[r["period"]] = r
    if not by_dyad:
        return []
    last = period_start(u, p.freq) if u else max(max(d) for d in by_dyad.values())
    found: list[dict[str, Any]] = []
    for name, periods in sorted(by_dyad.items()):
        if sum(r["events"] for r in periods.values()) < p.min_dyad_events:
            continue
        timeline = _periods(min(periods), last, p.freq)
        empty = {"events": 0, "conflict_events": 0, "material_conflict": 0,
                 "conflict_intensity": 0.0, "goldstein_sum": 0.0}
        filled = [periods.get(day, empty) for day in timeline]
        values = [float(r[p.metric]) for r in filled]
        scores = robust_z(values, window=p.window, min_history=p.min_history,
                          mad_scale=p.mad_scale, mad_floor=p.mad_floor)
        for day, rec, score in zip(timeline, filled, scores, strict=True):
            if score is None or (s and period_end(day, p.freq) < s):
                continue
            z, med, mad = score
            if z >= p.z_threshold and rec["conflict_events"] >= p.min_conflict_events:
                found.append(_alert(name, day, rec, z, med, mad, p))
    found.sort(key=lambda a: (a["period"], a["z"]), reverse=True)
    if explain:
        explain_alerts(con, found, params=p)
    return found


def _alert(name: str, day: dt.date, rec: dict[str, Any], z: float, med: float, mad: float,
           p: AlertParams) -> dict[str, Any]:
    value = float(rec[p.metric])
    return {
        "dyad": name,
        "freq": p.freq,
        "period": day.isoformat(),
        "period_end": period_end(day, p.freq).isoformat(),
        "metric": p.metric,
        "value": round(value, 3),
        "baseline_median": round(med, 3),
        "baseline_mad": round(mad, 3),
        "z": round(z, 2),
        "events": rec["events"],
        "conflict_events": rec["conflict_events"],
        "material_conflict": rec["material_conflict"],
        "goldstein_sum": round(float(rec["goldstein_sum"]), 3),
        "explanation": (
            f"{name}: {p.metric.replace('_', ' ')} {value:g} in the {p.freq} of "
            f"{day.isoformat()} against a median of {med:g} (MAD {mad:g}) over the previous "
            f"{p.window} {p.freq}s: robust z = {z:.1f} >= {p.z_threshold:g}; "
            f"{rec['conflict_events']} conflict events ({rec['material_conflict']} material)."
        ),
    }


def _dyad_periods(con: Any, freq: str, *, dyad: str | None, until: dt.date | None,
                  include_uncertain: bool = False) -> list[dict]:
    where = [
        "u.day IS NOT NULL", counted_events_sql(freq=freq, include_uncertain=include_uncertain),
        "u.source_party IS NOT NULL", "u.target_party IS NOT NULL",
        "u.source_party <> u.target_party",
    ]
    params: list[Any] = []
    if dyad:
        a, b = parse_dyad(dyad)
        where.append("least(u.source_party, u.target_party) = ? "
                     "AND greatest(u.source_party, u.target_party) = ?")
        params += [min(a, b), max(a, b)]
    if until:
        where.append("u.day <= ?")
        params.append(until)
    sql = f"""
        SELECT least(u.source_party, u.target_party) || '-'
                   || greatest(u.source_party, u.target_party) AS dyad,
               CAST(date_trunc('{check_freq(freq)}', u.day) AS DATE) AS period,
               count(*) AS events,
               count(*) FILTER (WHERE u.quad_class IN (3, 4)) AS conflict_events,
               count(*) FILTER (WHERE u.quad_class = 4) AS material_conflict,
               sum(u.goldstein) AS goldstein_sum,
               sum(CASE WHEN u.goldstein < 0 THEN -u.goldstein ELSE 0 END) AS conflict_intensity
        FROM unique_events u WHERE {' AND '.join(where)}
        GROUP BY 1, 2
    """
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    out, day = [], first
    while day <= last:
        out.append(day)
        day = period_end(day, freq) + dt.timedelta(days=1)
    return out


def explain_alert(con: Any, alert: dict[str, Any], *, params: AlertParams | None = None) -> None:
    """Add the evidence to one alert, in place (see ``explain_alerts``)."""
    explain_alerts(con, [alert], params=params)


def explain_alerts(
    con: Any, found: list[dict[str, Any]], *, params: AlertParams | None = None
) -> None:
    """Add the evidence to alerts, in place: ``top_events`` (the strongest conflict events of
    the period, each with its evidence sentence and article), ``articles`` (those that
    reported the period's conflict events, most events first; ``num_articles`` in total).

    All alerts are explained with one scan of ``unique_events`` and one of ``event_groups``
    (joined to a small table of the alerts' dyads and periods), then id lookups: on a store
    of a million events that is ~0.3 s for 60 alerts, where one query per alert took 5 s.
    """
    import pyarrow as pa

    if not found:
        return
    p = params or default_params()
    lows, highs = zip(*(sorted(a["dyad"].split("-", 1)) for a in found), strict=True)
    periods = pa.table({
        "k": list(range(len(found))),
        "lo_party": list(lows), "hi_party": list(highs),
        "lo": [dt.date.fromisoformat(a["period"]) for a in found],
        "hi": [dt.date.fromisoformat(a["period_end"]) for a in found],
    })
    con.register("_alert_periods", periods)
    try:
        matched = f"""
            SELECT ap.k, u.id, u.day, u.source_code, u.target_code, u.cameo, u.plover,
                   u.quad_class, u.goldstein, u.num_mentions, u.num_sources,
                   u.first_event_id, u.first_article_id
            FROM unique_events u
            JOIN _alert_periods ap
              ON least(u.source_party, u.target_party) = ap.lo_party
             AND greatest(u.source_party, u.target_party) = ap.hi_party
             AND u.day BETWEEN ap.lo AND ap.hi
            WHERE u.goldstein < 0 AND {counted_events_sql(freq=p.freq)}
        """
        cur = con.execute(
            f"""
            SELECT * FROM ({matched}) m
            QUALIFY row_number() OVER (
                PARTITION BY k ORDER BY goldstein, num_mentions DESC, id) <= ?
            ORDER BY k, goldstein, num_mentions DESC, id
            """,
            [p.top_events],
        )
        cols = [d[0] for d in cur.description]
        top_rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        # Per alert: the articles reporting its events, most events first; only the first
        # ten are fetched, with the total.
        counts = con.execute(
            f"""
            WITH c AS (
                SELECT m.k, g.article_id, count(*) AS n
                FROM ({matched}) m JOIN event_groups g ON g.unique_event_id = m.id
                GROUP BY m.k, g.article_id
            ), r AS (
                SELECT c.k, c.article_id, c.n,
                       count(*) OVER (PARTITION BY c.k) AS total,
                       row_number() OVER (PARTITION BY c.k
                           ORDER BY c.n DESC, a.published NULLS LAST, c.article_id) AS rn
                FROM c JOIN articles a ON a.id = c.article_id
            )
            SELECT k, article_id, n, total FROM r WHERE rn <= 10 ORDER BY k, rn
            """
        ).fetchall()
    finally:
        con.unregister("_alert_periods")
    evidence = _lookup(con, "SELECT id, evidence_text FROM events WHERE id IN {ids}",
                       {r["first_event_id"] for r in top_rows})
    meta = _lookup(con, "SELECT id, title, url, source, published FROM articles WHERE id IN {ids}",
                   {r["first_article_id"] for r in top_rows} | {aid for _, aid, _, _ in counts})
    for a in found:
        a["top_events"] = []
        a["articles"] = []
        a["num_articles"] = 0
    for r in top_rows:
        title, url, source, published = meta.get(r["first_article_id"], (None,) * 4)
        found[r["k"]]["top_events"].append(_iso({
            "unique_event_id": r["id"], "day": r["day"], "source_code": r["source_code"],
            "target_code": r["target_code"], "cameo": r["cameo"], "plover": r["plover"],
            "quad_class": r["quad_class"], "goldstein": r["goldstein"],
            "num_mentions": r["num_mentions"], "num_sources": r["num_sources"],
            "article_id": r["first_article_id"],
            "evidence_text": (evidence.get(r["first_event_id"]) or (None,))[0],
            "title": title, "url": url, "source": source, "published": published,
        }))
    for k, aid, n, total in counts:
        title, url, source, published = meta.get(aid, (None,) * 4)
        found[k]["num_articles"] = total
        found[k]["articles"].append(_iso({
            "article_id": aid, "title": title, "url": url, "source": source,
            "published": published, "conflict_events": n,
        }))


def _lookup(con: Any, sql: str, ids: set[str], *, chunk: int = 500) -> dict[str, tuple]:
    """Rows by primary key, ``{id: (other columns...)}``, with IN-list point lookups."""
    out: dict[str, tuple] = {}
    ordered = sorted(i for i in ids if i)
    for i in range(0, len(ordered), chunk):
        part = ordered[i : i + chunk]
        for row in con.execute(sql.format(ids=placeholders(len(part))), part).fetchall():
            out[row[0]] = tuple(row[1:])
    return out


def _iso(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
