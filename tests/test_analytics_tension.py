"""Tension series over hand-built events equal hand-computed ones."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.analytics.tension import period_end, period_start, series
from flashpoint.errors import InputError
from flashpoint.records import Actor, Analysis, Article, Event, Span, content_id
from flashpoint.store import Store, connect_readonly

D = dt.date


def _ev(text, i, src, tgt, cameo, quad, gold, date=None, precision="day", negated=False,
        modality="asserted"):
    return Event(
        source=Actor(src, src, src, None), target=Actor(tgt, tgt, tgt, None),
        cameo=cameo, cameo_root=cameo[:2], plover=None, quad_class=quad, goldstein=gold,
        evidence=Span(text[i:i + 5], i, i + 5), date=date,
        date_precision=precision if date else None, negated=negated, modality=modality,
    )


def _an(text, published, *events):
    art = Article(id=content_id(text), text=text, published=published, source=text[:6])
    return Analysis(article=art, events=tuple(_ev(text, *e) for e in events))


# Each article text is distinct (and unlike the others) so dedup keeps them apart.
A1 = "Alpha report one. Troops of Aaa attacked Bbb positions; Bbb accused Aaa; envoys met."
A2 = "Bravo dispatch two. Aaa praised Bbb, sent aid, and both sides signed a pledge of help."
A3 = "Charlie note three. Another outlet confirms Aaa praised Bbb on that Monday morning."
A4 = "Delta item four. Aaa raided Ccc villages near the northern frontier at dawn yesterday."


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("tension") / "t.duckdb"
    with Store(db) as store:
        store.write([
            _an(A1, D(2024, 1, 4),
                (0, "AAA", "BBB", "190", 4, -10.0, D(2024, 1, 2)),
                (10, "BBB", "AAA", "112", 3, -2.0, D(2024, 1, 3)),
                (20, "AAA", "BBB", "042", 1, 1.9)),  # undated: counts on 2024-01-04
            _an(A2, D(2024, 1, 17),
                (0, "AAA", "BBB", "057", 1, 8.0, D(2024, 1, 15)),
                (10, "AAA", "BBB", "070", 2, 7.0, D(2024, 1, 16)),
                (20, "AAA", "BBB", "190", 4, -10.0, D(2024, 1, 16), "day", True),  # negated
                (30, "AAA", "BBB", "138", 3, -7.0, D(2024, 1, 16), "day", False,
                 "hypothetical"),  # did not happen
                # history ("in October"): counts in October 2023, in no week
                (40, "AAA", "BBB", "036", 1, 4.0, D(2023, 10, 1), "month")),
            # Another story reporting the same praise on the same day: one event, 2 mentions.
            _an(A3, D(2024, 1, 16), (0, "AAA", "BBB", "057", 1, 8.0, D(2024, 1, 15))),
            _an(A4, D(2024, 1, 3), (0, "AAA", "CCC", "190", 4, -10.0, D(2024, 1, 2))),
        ])
        store.refresh()
    c = connect_readonly(db)
    yield c
    c.close()


def _row(period, events=0, mentions=0, q=(0, 0, 0, 0), gsum=0.0, gmean=None, share=None,
         intensity=0.0):
    return {"period": period, "events": events, "mentions": mentions, "q1": q[0], "q2": q[1],
            "q3": q[2], "q4": q[3], "goldstein_sum": gsum, "goldstein_mean": gmean,
            "material_conflict_share": share, "conflict_intensity": intensity}


def test_analytics_tension_weekly_dyad_equals_hand_computed(con):
    expected = [
        _row("2024-01-01", 3, 3, (1, 0, 1, 1), -10.1, round(-10.1 / 3, 4), round(1 / 3, 4), 12.0),
        _row("2024-01-08"),
        _row("2024-01-15", 2, 3, (1, 1, 0, 0), 15.0, 7.5, 0.0, 0.0),
    ]
    assert series(con, dyad="AAA-BBB", freq="week") == expected
    assert series(con, dyad="BBB-AAA", freq="week") == expected  # unordered


def test_analytics_tension_ordered_dyad_keeps_direction(con):
    assert series(con, dyad="BBB-AAA", ordered=True, freq="week") == [
        _row("2024-01-01", 1, 1, (0, 0, 1, 0), -2.0, -2.0, 0.0, 2.0)
    ]


def test_analytics_tension_monthly_country(con):
    # CCC: one attack. AAA: everything (7 unique events, 8 mentions), the October reference
    # in October 2023.
    assert series(con, country="CCC", freq="month") == [
        _row("2024-01-01", 1, 1, (0, 0, 0, 1), -10.0, -10.0, 1.0, 10.0)
    ]
    october, november, december, aaa = series(con, country="AAA", freq="month")
    assert (october["period"], october["events"], october["q1"]) == ("2023-10-01", 1, 1)
    assert november["events"] == december["events"] == 0
    assert (aaa["events"], aaa["mentions"], aaa["q4"]) == (6, 7, 2)
    assert aaa["goldstein_sum"] == pytest.approx(-10.1 + 15.0 - 10.0)


def test_analytics_tension_daily_fills_bounds(con):
    rows = series(con, dyad="AAA-BBB", freq="day", since="2024-01-01", until="2024-01-05")
    assert [r["period"] for r in rows] == [f"2024-01-0{d}" for d in range(1, 6)]
    assert [r["events"] for r in rows] == [0, 1, 1, 1, 0]


def test_analytics_tension_no_events_is_empty(con):
    assert series(con, dyad="AAA-ZZZ") == []


def test_analytics_tension_rejects_bad_freq(con):
    with pytest.raises(InputError):
        series(con, dyad="AAA-BBB", freq="fortnight")


@pytest.mark.parametrize(
    ("day", "freq", "start", "end"),
    [(D(2024, 1, 17), "week", D(2024, 1, 15), D(2024, 1, 21)),
     (D(2024, 2, 10), "month", D(2024, 2, 1), D(2024, 2, 29)),
     (D(2023, 12, 31), "day", D(2023, 12, 31), D(2023, 12, 31))],
)
def test_analytics_tension_periods(day, freq, start, end):
    assert period_start(day, freq) == start
    assert period_end(start, freq) == end


def test_analytics_tension_unique_events_merge_mentions(con):
    from flashpoint.store.queries import UNIQUE_EVENT_COLUMNS, unique_events

    rows = unique_events(con, dyad="AAA-BBB", cameo_root="05")
    assert len(rows) == 1 and tuple(rows[0]) == UNIQUE_EVENT_COLUMNS
    praise = rows[0]
    assert (praise["num_mentions"], praise["num_stories"], praise["day"]) == (2, 2, "2024-01-15")
    # The earliest report (A3, published 2024-01-16) is the one shown.
    assert praise["article_id"] == content_id(A3) and praise["evidence_text"] == A3[:5]
