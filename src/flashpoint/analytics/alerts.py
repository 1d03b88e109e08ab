"""Escalation alerts: a dyad reported in conflict far more often than its own recent past.

Method (parameters are data: ``analytics/data/alerts.json``, overridable per call): for each
unordered country dyad, the weekly (``freq``) number of *independent reports of conflict*
(``conflict_stories``: stories, i.e. syndicated copies merged, that report at least one
counted conflict event, quad class 3 or 4, of the dyad) is compared with the previous
``window`` weeks. The baseline rate is their mean with a small prior, ``(sum + prior) /
weeks``; the surprise of the week's count x is the Poisson tail ``P(X >= x)`` under that rate
(counts of independent reports are close to Poisson; counts of events are not: one report
codes several events). An alert is raised when that probability is at most the normal tail of
``z_threshold`` (2.326: 1 %), the week holds at least ``min_conflict_stories`` reports and
``min_conflict_events`` conflict events (several sources before alerting), and the dyad has
``min_dyad_events`` events in all. ``z`` is the normal-equivalent score of the probability,
so alerts sort and threshold as before. No hidden floor: every number the decision uses is
in the alert and its explanation, and reproduces with ``scipy.stats.poisson.sf(x - 1, rate)``.
Not modelled: seasonality (a year of synthetic data has none; real weekly news cycles are
absorbed by the weekly period).

Each alert carries its explanation: the numbers, the top events (with their evidence sentence)
and the articles that drove it. Alerts are computed on demand from the store (never stored),
so they always reflect the data and the parameters in force.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..columns import DYAD_PERIODS
from ..errors import ConfigError
from ..store.queries import _date, articles_by_seq, parse_dyad
from .tension import check_freq, counted_events_sql, period_end, period_start


@dataclass(frozen=True)
class AlertParams:
    """Parameters of the alert method (documented in ``analytics/data/alerts.json``)."""

    metric: str = "conflict_stories"
    freq: str = "week"
    window: int = 8
    min_history: int = 4
    prior: float = 0.5
    z_threshold: float = 2.326
    min_conflict_events: int = 3
    min_conflict_stories: int = 3
    min_dyad_events: int = 10
    top_events: int = 5

    def replace(self, **changes: Any) -> AlertParams:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


METRICS = ("conflict_stories", "conflict_events", "material_conflict")


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
    if p.prior <= 0 or p.z_threshold <= 0:
        raise ConfigError("E411")


@dataclass(frozen=True)
class Surprise:
    """How unusual one period's count is against the periods before it."""

    rate: float  # expected count per period: (sum of the baseline + prior) / its length
    baseline_sum: float
    baseline_periods: int
    p_value: float  # Poisson P(X >= count | rate)
    z: float  # the normal score with the same upper tail
    threshold: int | None  # the smallest count that would alert (None: none would)


def poisson_surprise(
    values: Sequence[float], *, window: int, min_history: int, prior: float, z_threshold: float
) -> list[Surprise | None]:
    """For each position: its ``Surprise`` against the previous ``window`` values, or None
    when fewer than ``min_history`` earlier values exist. Pure; the core of the method."""
    return poisson_surprises([values], window=window, min_history=min_history, prior=prior,
                             z_threshold=z_threshold)[0]


def poisson_surprises(
    series: Sequence[Sequence[float]], *, window: int, min_history: int, prior: float,
    z_threshold: float,
) -> list[list[Surprise | None]]:
    """``poisson_surprise`` of each of several series (e.g. every dyad's), computed together.

    scipy's functions are evaluated on one array of every scored position of every series:
    one call per period took 2.4 s for the alerts of every dyad over four years of weeks, and
    one call per dyad still spent ~0.3 ms a dyad in scipy's argument checks (4 of the 20 ms
    that scoring every dyad took at 10M events). They are elementwise, so every value is the
    one a call per period gives."""
    import numpy as np
    from scipy.stats import norm, poisson

    alpha = float(norm.sf(z_threshold))
    scored: list[tuple[int, int, float, int]] = []  # series, position, baseline sum, periods
    counts: list[float] = []
    rates: list[float] = []
    for k, values in enumerate(series):
        for i in range(len(values)):
            base = values[max(0, i - window) : i]
            if len(base) >= min_history:
                total = sum(base)
                scored.append((k, i, total, len(base)))
                counts.append(values[i])
                rates.append((total + prior) / len(base))
    count_arr = np.array(counts, dtype=float)
    rate_arr = np.array(rates, dtype=float)
    p_values = np.where(count_arr > 0, poisson.sf(count_arr - 1, rate_arr), 1.0)
    with np.errstate(divide="ignore"):
        zs = np.where(p_values > 0, norm.isf(p_values), np.inf)
    isfs = poisson.isf(alpha, rate_arr) if alpha > 0 else np.full(len(scored), np.inf)
    out: list[list[Surprise | None]] = [[None] * len(values) for values in series]
    for (k, i, total, periods), rate, p_value, z, isf in zip(
            scored, rate_arr, p_values, zs, isfs, strict=True):
        threshold = int(isf) + 1 if math.isfinite(isf) else None
        out[k][i] = Surprise(float(rate), float(total), periods, float(p_value), float(z),
                             threshold)
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
    the tension series (``store.counting``): what happened, in the period the text gives;
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
    empty = {"events": 0, "conflict_events": 0, "material_conflict": 0,
             "conflict_intensity": 0.0, "goldstein_sum": 0.0, "conflict_stories": 0}
    scored: list[tuple[str, list[dt.date], list[dict[str, Any]]]] = []
    for name, periods in sorted(by_dyad.items()):
        if sum(r["events"] for r in periods.values()) < p.min_dyad_events:
            continue
        timeline = _periods(min(periods), last, p.freq)
        scored.append((name, timeline, [periods.get(day, empty) for day in timeline]))
    scores = poisson_surprises(
        [[float(r[p.metric]) for r in filled] for _, _, filled in scored],
        window=p.window, min_history=p.min_history, prior=p.prior, z_threshold=p.z_threshold)
    found: list[dict[str, Any]] = []
    for (name, timeline, filled), dyad_scores in zip(scored, scores, strict=True):
        for day, rec, score in zip(timeline, filled, dyad_scores, strict=True):
            if score is None or (s and period_end(day, p.freq) < s):
                continue
            if (score.z >= p.z_threshold and rec["conflict_events"] >= p.min_conflict_events
                    and rec["conflict_stories"] >= p.min_conflict_stories):
                found.append(_alert(name, day, rec, score, p))
    found.sort(key=lambda a: (a["period"], a["z"]), reverse=True)
    if explain:
        explain_alerts(con, found, params=p)
    return found


def baselines(
    con: Any,
    periods: Sequence[str | dt.date],
    *,
    dyad: str,
    freq: str,
    params: AlertParams | None = None,
    include_uncertain: bool = False,
) -> list[dict[str, Any]]:
    """For consecutive ``periods`` (oldest first) of one dyad: the alert metric's value
    (``alert_value``), the baseline rate and the count from which the period would alert
    (``threshold``), as the alerts compute them; baseline and threshold are None where the
    history is too short, and everything is None when ``freq`` is not the alerts' period.
    (Used to draw the alert method on a tension series.)"""
    p = params or default_params()
    days = [_date(d, "period") for d in periods]
    if freq != p.freq or not days:
        return [{"alert_value": None, "baseline": None, "threshold": None} for _ in days]
    recs = {r["period"]: r for r in _dyad_periods(con, p.freq, dyad=dyad, until=days[-1],
                                                   include_uncertain=include_uncertain)}
    values = [float(recs[d][p.metric]) if d in recs else 0.0 for d in days]
    scores = poisson_surprise(values, window=p.window, min_history=p.min_history,
                              prior=p.prior, z_threshold=p.z_threshold)
    return [{"alert_value": v, "baseline": round(sc.rate, 3) if sc else None,
             "threshold": sc.threshold if sc else None} for v, sc in zip(values, scores, strict=True)]


def _alert(name: str, day: dt.date, rec: dict[str, Any], score: Surprise,
           p: AlertParams) -> dict[str, Any]:
    value = float(rec[p.metric])
    what = p.metric.replace("_", " ")
    return {
        "dyad": name,
        "freq": p.freq,
        "period": day.isoformat(),
        "period_end": period_end(day, p.freq).isoformat(),
        "metric": p.metric,
        "value": round(value, 3),
        "baseline_rate": round(score.rate, 3),
        "baseline_sum": score.baseline_sum,
        "baseline_periods": score.baseline_periods,
        "threshold": score.threshold,
        "p_value": float(f"{score.p_value:.3g}"),
        "z": round(score.z, 2),
        "events": rec["events"],
        "conflict_events": rec["conflict_events"],
        "material_conflict": rec["material_conflict"],
        "conflict_stories": rec["conflict_stories"],
        "conflict_intensity": round(float(rec["conflict_intensity"]), 3),
        "goldstein_sum": round(float(rec["goldstein_sum"]), 3),
        "explanation": (
            f"{name}: {value:g} {what} in the {p.freq} of {day.isoformat()} against "
            f"{score.rate:.2f} expected per {p.freq} (({score.baseline_sum:g} in the previous "
            f"{score.baseline_periods} {p.freq}s + {p.prior:g}) / {score.baseline_periods}): "
            f"Poisson P(X >= {value:g}) = {score.p_value:.2g}, z = {score.z:.1f} >= "
            f"{p.z_threshold:g} (alerts from {score.threshold} {what}); "
            f"{rec['conflict_events']} conflict events ({rec['material_conflict']} material) "
            f"in {rec['conflict_stories']} reports, conflict intensity "
            f"{float(rec['conflict_intensity']):g}."
        ),
    }


def _dyad_periods(con: Any, freq: str, *, dyad: str | None, until: dt.date | None,
                  include_uncertain: bool = False) -> list[dict]:
    """The counts of every dyad and period up to ``until``: read from the store's summary
    ``dyad_periods`` (kept by ``store.derive`` for every counting mode), except a period that
    ``until`` cuts short, which is counted from the unique events (``_counted_periods``)."""
    where = ["freq = ?", "include_uncertain = ?"]
    params: list[Any] = [check_freq(freq), include_uncertain]
    if dyad:
        a, b = parse_dyad(dyad)
        where.append("lo_party = ? AND hi_party = ?")
        params += [min(a, b), max(a, b)]
    cut: dt.date | None = None
    if until:
        last = period_start(until, freq)
        cut = last if period_end(last, freq) > until else None
        where.append("period < ?" if cut else "period <= ?")
        params.append(last)
    counts = ", ".join(
        f"CAST({c.name} AS DOUBLE) AS {c.name}" if c.type.startswith("DECIMAL") else c.name
        for c in DYAD_PERIODS.columns if c.name not in DYAD_PERIODS.primary_key
    )
    cur = con.execute(
        f"SELECT lo_party || '-' || hi_party AS dyad, period, {counts} "
        f"FROM dyad_periods WHERE {' AND '.join(where)}",
        params,
    )
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    if cut:
        rows += _counted_periods(con, freq, dyad=dyad, since=cut, until=until,
                                 include_uncertain=include_uncertain)
    return rows


def _counted_periods(con: Any, freq: str, *, dyad: str | None, since: dt.date | None,
                     until: dt.date | None, include_uncertain: bool = False) -> list[dict]:
    """The counts of ``_dyad_periods`` computed from the unique events of days in [since,
    until] (a join over ``event_groups``: slow over a large store, used for one period)."""
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
    if since:
        where.append("u.day >= ?")
        params.append(since)
    if until:
        where.append("u.day <= ?")
        params.append(until)
    sql = f"""
        WITH base AS (
            SELECT u.id, least(u.source_party, u.target_party) || '-'
                       || greatest(u.source_party, u.target_party) AS dyad,
                   CAST(date_trunc('{check_freq(freq)}', u.day) AS DATE) AS period,
                   u.quad_class, u.goldstein
            FROM unique_events u WHERE {' AND '.join(where)}
        ), reports AS (
            -- independent reports (stories: syndicated copies are one) of conflict events
            SELECT b.dyad, b.period, count(DISTINCT g.story_id) AS conflict_stories
            FROM base b JOIN event_groups g ON g.unique_event_id = b.id
            WHERE b.quad_class IN (3, 4) GROUP BY 1, 2
        )
        SELECT b.dyad, b.period,
               count(*) AS events,
               count(*) FILTER (WHERE b.quad_class IN (3, 4)) AS conflict_events,
               count(*) FILTER (WHERE b.quad_class = 4) AS material_conflict,
               sum(b.goldstein) AS goldstein_sum,
               sum(CASE WHEN b.goldstein < 0 THEN -b.goldstein ELSE 0 END) AS conflict_intensity,
               coalesce(any_value(r.conflict_stories), 0) AS conflict_stories
        FROM base b LEFT JOIN reports r ON r.dyad = b.dyad AND r.period = b.period
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


# The evidence of every alert (``_alert_periods``: k, lo_party, hi_party, lo, hi) in one
# query: its conflict events (``m``); per alert its strongest ones (most negative Goldstein,
# then most mentions, then id: the first ``top_events``) and the articles reporting them (most
# of its events first, then the earliest published, then id: the first ten, with the total).
# The articles are found by a hash join over event_groups: its ART index is slower here
# (100,000 rows for 48 alerts at 10M mentions: 6 s through the index, 0.6 s by a scan, on a
# loaded machine). A mention's day is its unique event's (the day is part of the grouping
# key), so only the row groups of the alerts' days are read; the article's publication date
# is copied into event_groups (no join with every article), and the first ten are top-n
# aggregates (a window ranking every article of every alert sorted all 100,000).
_EXPLAIN_SQL = """
    WITH m AS MATERIALIZED (
        SELECT ap.k, u.id, u.day, u.source_code, u.target_code, u.cameo, u.plover,
               u.quad_class, u.goldstein, u.num_mentions, u.num_sources,
               u.first_article_id, u.first_article_seq, u.evidence_text
        FROM unique_events u
        JOIN _alert_periods ap
          ON least(u.source_party, u.target_party) = ap.lo_party
         AND greatest(u.source_party, u.target_party) = ap.hi_party
         AND u.day BETWEEN ap.lo AND ap.hi
        WHERE u.goldstein < 0 AND {counted} AND {in_periods}
    ), strongest AS (
        SELECT k, arg_min(struct_pack(id, day, source_code, target_code, cameo, plover,
                                      quad_class, goldstein, num_mentions, num_sources,
                                      first_article_id, first_article_seq, evidence_text),
                          struct_pack(g := goldstein, nm := -num_mentions, id := id),
                          {top_events}) AS events
        FROM m GROUP BY k
    ), c AS (
        SELECT m.k, g.article_id, count(*) AS n, any_value(g.published) AS published,
               any_value(g.article_seq) AS seq
        FROM m JOIN event_groups g ON g.unique_event_id = m.id
        WHERE {on_days}
        GROUP BY m.k, g.article_id
    ), ranked AS (
        SELECT k, count(*) AS total,
               arg_min(struct_pack(article_id := article_id, n := n, seq := seq),
                       struct_pack(n := -n, undated := published IS NULL,
                                   published := coalesce(published, DATE '0001-01-01'),
                                   article_id := article_id), 10) AS top
        FROM c GROUP BY k
    )
    SELECT s.k, s.events, coalesce(r.total, 0), r.top
    FROM strongest s LEFT JOIN ranked r USING (k) ORDER BY s.k
"""


def explain_alert(con: Any, alert: dict[str, Any], *, params: AlertParams | None = None) -> None:
    """Add the evidence to one alert, in place (see ``explain_alerts``)."""
    explain_alerts(con, [alert], params=params)


def explain_alerts(
    con: Any, found: list[dict[str, Any]], *, params: AlertParams | None = None
) -> None:
    """Add the evidence to alerts, in place: ``top_events`` (the strongest conflict events of
    the period, each with its evidence sentence and article), ``articles`` (those that
    reported the period's conflict events, most events first; ``num_articles`` in total).

    All alerts are explained by one query (``_EXPLAIN_SQL``: one scan of ``unique_events`` and
    one of ``event_groups``, joined to a small table of the alerts' dyads and periods), then
    the articles' titles by key: one query per alert took 5 s at a million events. The
    evidence sentences come with the unique events (their earliest mention's, copied by
    ``store.derive``): looked up in ``events``, which has no key, they read every event.
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
    # The alerts' days also as constant ranges: the derived tables are stored in day order,
    # so DuckDB skips every row group outside them (its join condition alone scans all).
    spans = list(zip(periods["lo"].to_pylist(), periods["hi"].to_pylist(), strict=True))
    in_periods, period_days = _within("u.day", spans)
    on_days, _ = _within("g.day", spans)
    con.register("_alert_periods", periods)
    try:
        explained = con.execute(_EXPLAIN_SQL.format(
            counted=counted_events_sql(freq=p.freq), in_periods=in_periods, on_days=on_days,
            top_events=max(1, p.top_events),
        ), period_days * 2).fetchall()
    finally:
        con.unregister("_alert_periods")
    top_rows = [dict(e, k=k) for k, events, _, _ in explained
                for e in events[: max(0, p.top_events)]]
    counts = [(k, d["article_id"], d["n"], total, d["seq"]) for k, _, total, top in explained
              for d in top or ()]
    # by seq (``queries.articles_by_seq``): articles have no key over their random ids
    by_seq = articles_by_seq(con, {r["first_article_seq"] for r in top_rows}
                             | {seq for *_, seq in counts}, "id, title, url, source, published")
    meta = {row[0]: row[1:] for row in by_seq.values()}
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
            "evidence_text": r["evidence_text"],
            "title": title, "url": url, "source": source, "published": published,
        }))
    for k, aid, n, total, _ in counts:
        title, url, source, published = meta.get(aid, (None,) * 4)
        found[k]["num_articles"] = total
        found[k]["articles"].append(_iso({
            "article_id": aid, "title": title, "url": url, "source": source,
            "published": published, "conflict_events": n,
        }))


_MAX_SPANS = 32  # day ranges in one condition (each row read is tested against all of them)


def _within(column: str, spans: Iterable[tuple[dt.date, dt.date]]) -> tuple[str, list[dt.date]]:
    """A condition that ``column`` lies in one of the day ``spans`` (merged where they touch)
    and its parameters: ``(col BETWEEN ? AND ?) OR ...``. DuckDB checks such constant ranges
    against each row group's min and max and skips the row groups outside them."""
    merged: list[list[dt.date]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    if not merged:
        return "FALSE", []
    if len(merged) > _MAX_SPANS:  # keep the widest gaps; the spans only widen (a superset)
        gaps = sorted(range(1, len(merged)),
                      key=lambda i: merged[i][0] - merged[i - 1][1], reverse=True)
        cuts = sorted(gaps[: _MAX_SPANS - 1])
        starts = [0, *cuts]
        ends = [*(c - 1 for c in cuts), len(merged) - 1]
        merged = [[merged[a][0], merged[b][1]] for a, b in zip(starts, ends, strict=True)]
    sql = " OR ".join(f"{column} BETWEEN ? AND ?" for _ in merged)
    return f"({sql})", [d for span in merged for d in span]


def _iso(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
