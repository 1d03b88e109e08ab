"""Escalation alerts: robust z against the dyad's own baseline, with the events that drove it."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.analytics.alerts import AlertParams, alerts, default_params, robust_z
from flashpoint.errors import ConfigError
from flashpoint.records import Actor, Analysis, Article, Event, Span, content_id
from flashpoint.store import Store, connect_readonly

MONDAY = dt.date(2024, 1, 1)


def test_analytics_alerts_params_load_and_are_consistent():
    p = default_params()
    assert p.metric == "conflict_intensity" and 1 <= p.min_history <= p.window
    with pytest.raises(ConfigError):
        from flashpoint.analytics.alerts import validate

        validate(p.replace(min_history=p.window + 1))


def test_analytics_alerts_robust_z_by_hand():
    values = [2.0, 4.0, 2.0, 6.0, 30.0]
    scores = robust_z(values, window=4, min_history=3, mad_scale=1.0, mad_floor=0.5)
    assert scores[:3] == [None, None, None]
    # history [2, 4, 2]: median 2, MAD median(|0|,|2|,|0|) = 0 -> floor 0.5: z = (6-2)/0.5
    assert scores[3] == (8.0, 2.0, 0.0)
    # history [2, 4, 2, 6]: median 3, deviations [1, 1, 1, 3] -> MAD 1: z = (30-3)/1
    assert scores[4] == (27.0, 3.0, 1.0)


def test_analytics_alerts_one_outlier_does_not_mask_the_next():
    # A past flare-up (40) inflates a mean/sd baseline but not the median/MAD one.
    values = [3.0, 2.0, 40.0, 3.0, 2.0, 3.0, 35.0]
    z = robust_z(values, window=6, min_history=4, mad_scale=1.4826, mad_floor=1.0)[-1]
    assert z is not None and z[0] > 10


def _week_articles(week: int, attacks: int, threats: int) -> Analysis:
    text = f"Week {week} digest. " + " ".join(
        f"Item {i} of week {week} about the frontier." for i in range(attacks + threats + 1))
    events = []
    for i in range(attacks + threats):
        start = text.index(f"Item {i} ")
        attack = i < attacks
        events.append(Event(
            source=Actor("Aaa army", "AAAMIL", "AAA", "MIL"), target=Actor("Bbb", "BBB", "BBB", None),
            cameo=("190" if attack else "138") + str(i % 10), cameo_root="19" if attack else "13",
            plover=None, quad_class=4 if attack else 3, goldstein=-10.0 if attack else -7.0,
            evidence=Span(text[start:start + 6], start, start + 6),
            date=MONDAY + dt.timedelta(weeks=week, days=i % 5), date_precision="day",
        ))
    art = Article(id=content_id(text), text=text, title=f"Digest {week}",
                  published=MONDAY + dt.timedelta(weeks=week, days=5), url=f"https://x.example/{week}")
    return Analysis(article=art, events=tuple(events))


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("alerts") / "a.duckdb"
    # Ten quiet weeks (one or two threats), then a week of five attacks, then quiet again.
    weeks = [_week_articles(w, 0, 1 + w % 2) for w in range(10)]
    weeks.append(_week_articles(10, 5, 1))
    weeks.append(_week_articles(11, 0, 1))
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
    assert a["value"] == 57.0 and a["conflict_events"] == 6 and a["material_conflict"] == 5
    # Baseline: weeks 2..9 alternate 7 and 14 -> median 10.5, MAD 3.5.
    assert (a["baseline_median"], a["baseline_mad"]) == (10.5, 3.5)
    assert a["z"] == pytest.approx((57 - 10.5) / max(1.4826 * 3.5, 5.0), abs=0.01)
    assert "2024-03-11" in a["explanation"] and "AAA-BBB" in a["explanation"]
    assert len(a["top_events"]) == default_params().top_events
    assert all(ev["goldstein"] == -10.0 and ev["evidence_text"].startswith("Item")
               for ev in a["top_events"])
    assert a["num_articles"] == 1 and a["articles"][0]["title"] == "Digest 10"


def test_analytics_alerts_since_and_threshold(con):
    assert alerts(con, since="2024-03-18") == []
    assert alerts(con, dyad="BBB-AAA", explain=False)[0]["period"] == "2024-03-11"
    strict = AlertParams(z_threshold=50.0)
    assert alerts(con, params=strict) == []
    assert alerts(con, dyad="AAA-CCC") == []


def test_analytics_report_summary(con):
    from flashpoint.analytics.report import summary

    s = summary(con)
    assert s["counts"]["articles"] == 12 and s["num_alerts"] == 1
    assert [d["dyad"] for d in s["top_dyads"]] == ["AAA-BBB"]
    (alert,) = s["latest_alerts"]
    assert alert["period"] == "2024-03-11" and alert["top_event"]["goldstein"] == -10.0
    (t,) = s["tension"]
    assert len(t["weeks"]) == 16 and t["weeks"][-1] == "2024-03-18"
    assert max(t["conflict_intensity"]) == 57.0
