"""An event the text dates to a week ("last week", "next week") counts in that week: on its
Monday, with precision 'week', in weekly and coarser series, never on the report's day."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.analytics.tension import series
from flashpoint.events.dates import resolve_phrase
from flashpoint.records import Actor, Analysis, Article, Event, Span, content_id
from flashpoint.store import Store, connect_readonly

D = dt.date
PUBLISHED = D(2024, 1, 10)  # a Wednesday
TEXT = "Kkk shelled Yyy last week. Kkk fired rockets at Yyy this week. Kkk attacked Yyy."


def _ev(sentence: str, date: dt.date | None, precision: str | None, cameo: str) -> Event:
    i = TEXT.index(sentence)  # each its own code: one dyad, code and day is one unique event
    return Event(source=Actor("Kkk", "KKK", "KKK", None), target=Actor("Yyy", "YYY", "YYY", None),
                 cameo=cameo, cameo_root=cameo[:2], plover="ASSAULT", quad_class=4, goldstein=-10.0,
                 evidence=Span(sentence, i, i + len(sentence)), date=date,
                 date_precision=precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(("phrase", "date", "precision"), [
    ("last week", D(2024, 1, 1), "week"),
    ("this week", D(2024, 1, 8), "week"),
    ("next week", D(2024, 1, 15), "week"),
    ("on Friday last week", D(2024, 1, 5), "day"),
    ("over the past week", None, None),  # the last seven days name no calendar week
])
def test_analytics_week_phrases_resolve_to_their_monday(phrase, date, precision):
    got = resolve_phrase(phrase, PUBLISHED)
    assert (got.date, got.precision) == (date, precision)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("week") / "w.duckdb"
    art = Article(id=content_id(TEXT), text=TEXT, published=PUBLISHED, source="X")
    with Store(db) as store:
        store.write([Analysis(article=art, events=(
            _ev("Kkk shelled Yyy last week.", *_dated("last week"), "194"),
            _ev("Kkk fired rockets at Yyy this week.", *_dated("this week"), "195"),
            _ev("Kkk attacked Yyy.", None, None, "190"),
        ))])
        store.refresh()
    c = connect_readonly(db)
    yield c
    c.close()


def _dated(phrase: str) -> tuple[dt.date | None, str | None]:
    got = resolve_phrase(phrase, PUBLISHED)
    return got.date, got.precision


@pytest.mark.parametrize(("sentence", "day", "precision"), [
    ("Kkk shelled Yyy last week.", "2024-01-01", "week"),
    ("Kkk fired rockets at Yyy this week.", "2024-01-10", "published"),  # the current week
    ("Kkk attacked Yyy.", "2024-01-10", "published"),
])
def test_analytics_week_event_day_and_precision(con, sentence, day, precision):
    row = con.execute(
        "SELECT CAST(u.day AS VARCHAR), u.day_precision FROM unique_events u "
        "JOIN events e ON e.id = u.first_event_id WHERE e.evidence_text = ?", [sentence]
    ).fetchall()
    assert row == [(day, precision)]


@pytest.mark.parametrize(("freq", "since", "until", "expected"), [
    ("week", "2024-01-01", "2024-01-07", {"2024-01-01": 1}),  # last week holds its shelling
    ("week", "2024-01-08", "2024-01-14", {"2024-01-08": 2}),
    ("day", "2024-01-01", "2024-01-01", {"2024-01-01": 0}),  # no day of it is known
    ("month", "2024-01-01", "2024-01-31", {"2024-01-01": 3}),
])
def test_analytics_week_series_count_it_in_its_week(con, freq, since, until, expected):
    rows = series(con, dyad="KKK-YYY", freq=freq, since=since, until=until)
    assert {r["period"]: r["events"] for r in rows} == expected
