"""Escalation alerts: a Poisson test of independent conflict reports against the dyad's own
recent past, with the numbers and the events that drove it."""

from __future__ import annotations

import datetime as dt
import math
import random
from statistics import NormalDist

import pytest

from flashpoint.analytics.alerts import AlertParams, alerts, default_params, poisson_surprise
from flashpoint.errors import ConfigError
from flashpoint.records import Actor, Analysis, Article, Event, Span, content_id
from flashpoint.store import Store, connect_readonly

MONDAY = dt.date(2024, 1, 1)


def test_analytics_alerts_params_load_and_are_consistent():
    p = default_params()
    assert p.metric == "conflict_stories" and 1 <= p.min_history <= p.window
    with pytest.raises(ConfigError):
        from flashpoint.analytics.alerts import validate

        validate(p.replace(min_history=p.window + 1))


def _tail(x: int, rate: float) -> float:
    """P(X >= x) for a Poisson rate, by hand."""
    return 1.0 - sum(math.exp(-rate) * rate**k / math.factorial(k) for k in range(x))


def test_analytics_alerts_poisson_surprise_by_hand():
    values = [1.0, 0.0, 2.0, 1.0, 6.0]
    scores = poisson_surprise(values, window=4, min_history=3, prior=0.5, z_threshold=2.326)
    assert scores[:3] == [None, None, None]
    # history [1, 0, 2]: rate (3 + 0.5) / 3
    third = scores[3]
    assert third.rate == pytest.approx(3.5 / 3) and third.baseline_periods == 3
    assert third.p_value == pytest.approx(_tail(1, 3.5 / 3))
    # history [1, 0, 2, 1]: rate 4.5 / 4; six reports are a surprise
    last = scores[4]
    assert last.rate == pytest.approx(1.125) and last.p_value == pytest.approx(_tail(6, 1.125))
    assert last.z == pytest.approx(NormalDist().inv_cdf(1 - _tail(6, 1.125)), abs=1e-6)
    # the threshold is the smallest count whose tail is at most 1 %
    t = last.threshold
    assert _tail(t, 1.125) <= NormalDist().cdf(-2.326) < _tail(t - 1, 1.125)


def _words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou")
                            for _ in range(3)) for _ in range(n))


def _report(week: int, n: int, attacks: int, threats: int) -> Analysis:
    """One report of week ``week`` (``n``-th that week), unlike any other (no dedup)."""
    rng = random.Random(week * 100 + n)
    items = [f"Item {i} {_words(rng, 6)}." for i in range(attacks + threats + 1)]
    text = f"Report {n} of week {week}. " + " ".join(items)
    events = []
    for i in range(attacks + threats):
        start = text.index(f"Item {i} ")
        attack = i < attacks
        events.append(Event(
            source=Actor("Aaa army", "AAAMIL", "AAA", "MIL"), target=Actor("Bbb", "BBB", "BBB", None),
            cameo=("190" if attack else "138") + str((i + n) % 10), cameo_root="19" if attack else "13",
            plover=None, quad_class=4 if attack else 3, goldstein=-10.0 if attack else -7.0,
            evidence=Span(text[start:start + 6], start, start + 6),
            date=MONDAY + dt.timedelta(weeks=week, days=i % 5), date_precision="day",
        ))
    art = Article(id=content_id(text), text=text, title=f"Report {week}/{n}",
                  published=MONDAY + dt.timedelta(weeks=week, days=5),
                  url=f"https://x.example/{week}/{n}")
    return Analysis(article=art, events=tuple(events))


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("alerts") / "a.duckdb"
    # Ten quiet weeks (one report of one or two threats), then a week of five reports of an
    # attack each, then quiet again.
    weeks = [_report(w, 0, 0, 1 + w % 2) for w in range(10)]
    weeks += [_report(10, n, 1, 1) for n in range(5)]
    weeks.append(_report(11, 0, 0, 1))
    with Store(db) as store:
        store.write(weeks)
        store.refresh()
    c = connect_readonly(db)
    yield c
    c.close()


def test_analytics_alerts_flags_the_escalation_week_with_explanation(con):
    found = alerts(con)
    assert [(a["dyad"], a["period"]) for a in found] == [("AAA-BBB", "2024-03-11")]
    a = found[0]
    assert (a["value"], a["conflict_stories"], a["conflict_events"], a["material_conflict"]) == (
        5.0, 5, 10, 5)
    # Baseline: weeks 2..9, one report each -> rate (8 + 0.5) / 8.
    assert (a["baseline_sum"], a["baseline_periods"], a["baseline_rate"]) == (8.0, 8, 1.062)
    assert a["p_value"] == pytest.approx(_tail(5, 8.5 / 8), rel=1e-2)
    assert a["z"] == pytest.approx(NormalDist().inv_cdf(1 - _tail(5, 8.5 / 8)), abs=0.01)
    # The explanation carries every number of the decision, nothing hidden.
    for part in ("AAA-BBB", "2024-03-11", "5 conflict stories", "1.06 expected",
                 "8 in the previous 8 weeks", "+ 0.5", f"z = {a['z']:.1f}", "10 conflict events",
                 "in 5 reports"):
        assert part in a["explanation"], part
    assert len(a["top_events"]) == default_params().top_events
    assert all(ev["goldstein"] == -10.0 and ev["evidence_text"].startswith("Item")
               for ev in a["top_events"])
    assert a["num_articles"] == 5


def test_analytics_alerts_one_report_with_many_events_is_no_alert(tmp_path):
    # The same escalation told by a single report: several sources are needed.
    db = tmp_path / "one.duckdb"
    with Store(db) as store:
        store.write([_report(w, 0, 0, 1) for w in range(10)] + [_report(10, 0, 6, 1)])
        store.refresh()
    c = connect_readonly(db)
    try:
        assert alerts(c) == []
    finally:
        c.close()


def test_analytics_alerts_since_and_threshold(con):
    assert alerts(con, since="2024-03-18") == []
    assert alerts(con, dyad="BBB-AAA", explain=False)[0]["period"] == "2024-03-11"
    strict = AlertParams(z_threshold=50.0)
    assert alerts(con, params=strict) == []
    assert alerts(con, dyad="AAA-CCC") == []


def test_analytics_alerts_baselines_match_the_alerts(con):
    from flashpoint.analytics.alerts import baselines
    from flashpoint.analytics.tension import series

    rows = series(con, dyad="AAA-BBB", freq="week")
    limits = baselines(con, [r["period"] for r in rows], dyad="AAA-BBB", freq="week")
    by_period = {r["period"]: lim for r, lim in zip(rows, limits, strict=True)}
    week = by_period["2024-03-11"]
    assert week["alert_value"] == 5 and week["baseline"] == 1.062
    assert week["alert_value"] >= week["threshold"] > by_period["2024-03-04"]["alert_value"]
    assert by_period["2024-01-01"]["baseline"] is None  # too little history


def test_analytics_alerts_bench_scores_by_hand():
    from flashpoint.bench.monitor import score_found

    d = dt.date
    truth = [("AAA-BBB", d(2024, 3, 10), d(2024, 3, 20)), ("CCC-DDD", d(2024, 5, 1), d(2024, 5, 9))]
    found = [{"dyad": "AAA-BBB", "period": "2024-03-11", "period_end": "2024-03-17"},
             {"dyad": "AAA-BBB", "period": "2024-06-03", "period_end": "2024-06-09"}]
    s = score_found(found, truth, articles=7, seed=3)
    assert (s.precision, s.recall, s.inside, s.detected, s.articles) == (0.5, 0.5, 1, 1, 7)
    assert s.false_alerts == ("AAA-BBB 2024-06-03",) and s.missed == ("CCC-DDD 2024-05-01..2024-05-09",)


def test_analytics_report_summary(con):
    from flashpoint.analytics.report import summary

    s = summary(con)
    assert s["counts"]["articles"] == 16 and s["num_alerts"] == 1
    assert [d["dyad"] for d in s["top_dyads"]] == ["AAA-BBB"]
    (alert,) = s["latest_alerts"]
    assert alert["period"] == "2024-03-11" and alert["top_event"]["goldstein"] == -10.0
    (t,) = s["tension"]
    assert len(t["weeks"]) == 16 and t["weeks"][-1] == "2024-03-18"
    assert max(t["conflict_intensity"]) == 85.0
