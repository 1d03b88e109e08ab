"""Every event counts in the period its text gives: history in its own month or year, never
on the day it was reported; the day's precision is kept and shown."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from flashpoint.analytics.tension import series
from flashpoint.ingest import read_path
from flashpoint.records import Actor, Analysis, Article, Event, Span, content_id
from flashpoint.store import Store, connect_readonly
from flashpoint.store.ingest import ingest

D = dt.date
MONTH = dt.timedelta(days=31)
TEXT = ("Kkk artillery shelled Yyy island. Kkk fired rockets at Yyy on Wednesday. "
        "Kkk seized Yyy boats in December. Kkk threatened Yyy this year. Kkk attacked Yyy.")


def _ev(sentence: str, date: dt.date | None, precision: str | None, cameo: str = "190") -> Event:
    i = TEXT.index(sentence)
    return Event(source=Actor("Kkk", "KKK", "KKK", None), target=Actor("Yyy", "YYY", "YYY", None),
                 cameo=cameo, cameo_root=cameo[:2], plover="ASSAULT", quad_class=4, goldstein=-10.0,
                 evidence=Span(sentence, i, i + len(sentence)), date=date,
                 date_precision=precision)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    db = tmp_path_factory.mktemp("time") / "t.duckdb"
    art = Article(id=content_id(TEXT), text=TEXT, published=D(2024, 1, 5), source="X")
    an = Analysis(article=art, events=(
        _ev("Kkk artillery shelled Yyy island.", D(2010, 1, 1), "year"),    # "In 2010 ..."
        _ev("Kkk fired rockets at Yyy on Wednesday.", D(2024, 1, 3), "day"),
        _ev("Kkk seized Yyy boats in December.", D(2023, 12, 1), "month"),
        _ev("Kkk threatened Yyy this year.", D(2024, 1, 1), "year"),        # current
        _ev("Kkk attacked Yyy.", None, None, "180"),                         # current
    ))
    with Store(db) as store:
        store.write([an])
        store.refresh()
    c = connect_readonly(db)
    yield c
    c.close()


@pytest.mark.parametrize(("sentence", "day", "precision"), [
    ("Kkk artillery shelled Yyy island.", "2010-01-01", "year"),
    ("Kkk fired rockets at Yyy on Wednesday.", "2024-01-03", "day"),
    ("Kkk seized Yyy boats in December.", "2023-12-01", "month"),
    ("Kkk threatened Yyy this year.", "2024-01-05", "published"),
    ("Kkk attacked Yyy.", "2024-01-05", "published"),
])
def test_analytics_time_event_day_and_precision(con, sentence, day, precision):
    row = con.execute(
        "SELECT CAST(u.day AS VARCHAR), u.day_precision FROM unique_events u "
        "JOIN events e ON e.id = u.first_event_id WHERE e.evidence_text = ?", [sentence]
    ).fetchall()
    assert row == [(day, precision)]


@pytest.mark.parametrize(("freq", "since", "until", "expected"), [
    # The week and month of the report hold only what is reported as current or dated there.
    ("week", "2024-01-01", "2024-01-07", {"2024-01-01": 3}),
    ("month", "2024-01-01", "2024-01-31", {"2024-01-01": 3}),
    # A month-precise reference counts in its month, not in any week.
    ("month", "2023-12-01", "2023-12-31", {"2023-12-01": 1}),
    ("week", "2023-11-27", "2023-12-03", {"2023-11-27": 0}),
    # "In 2010" counts in 2010 only at a yearly resolution.
    ("year", "2010-01-01", "2010-12-31", {"2010-01-01": 1}),
    ("month", "2010-01-01", "2010-01-31", {"2010-01-01": 0}),
    ("year", "2024-01-01", "2024-12-31", {"2024-01-01": 3}),
])
def test_analytics_time_series_counts_history_in_its_own_period(con, freq, since, until, expected):
    rows = series(con, dyad="KKK-YYY", freq=freq, since=since, until=until)
    assert {r["period"]: r["events"] for r in rows} == expected


def _history_check(con) -> int:
    """Assert no mention the text dates more than a month before its report counts near the report;
    returns how many such mentions the store holds (so a test can see it is not vacuous)."""
    rows = con.execute(
        """
        SELECT e.evidence_text, e.date, e.date_precision, g.day, u.day_precision,
               coalesce(st.first_published, a.published) AS reported
        FROM events e JOIN articles a ON a.id = e.article_id
        JOIN event_groups g ON g.event_id = e.id
        JOIN unique_events u ON u.id = g.unique_event_id
        LEFT JOIN stories st ON st.story_id = a.story_id
        -- the last day the text's date allows ("in 2010": 2010-12-31) is a month before
        WHERE e.date IS NOT NULL AND CASE e.date_precision
                WHEN 'month' THEN last_day(e.date)
                WHEN 'year' THEN make_date(year(e.date), 12, 31)
                ELSE e.date END < coalesce(st.first_published, a.published) - 31
        """
    ).fetchall()
    for text, date, precision, day, day_precision, reported in rows:
        assert day < reported - MONTH, (text, date, precision, day, reported)
        assert day_precision != "published", (text, day_precision)
        week = series(con, freq="week", since=reported - dt.timedelta(days=reported.weekday()),
                      until=reported)
        assert all(day < dt.date.fromisoformat(r["period"]) for r in week)
    return len(rows)


def test_analytics_time_sample_corpus_history_not_counted_on_report_day(examples_dir, tmp_path):
    db = tmp_path / "ex.duckdb"
    ingest([examples_dir], db=db, workers=1)
    c = connect_readonly(db)
    try:
        assert _history_check(c) >= 1  # the corpus has historical references ("In 2010 ...")
    finally:
        c.close()


def test_analytics_time_dev_pages_history_not_counted_on_report_day(shared_dir, tmp_path):
    pages = shared_dir / "benchmarks" / "pages"
    key = json.loads((pages / "KEY.json").read_text(encoding="utf-8"))["pages"]
    db = tmp_path / "pages.duckdb"
    # One ingest of every page, each read with its own publication date when it shows none.
    items = [item for name, entry in sorted(key.items())
             for item in read_path(pages / name, published=entry.get("published"))]
    ingest([], db=db, workers=1, items=items)
    c = connect_readonly(db)
    try:
        assert _history_check(c) >= 1  # a war some years before the report, a year named alone, ...
    finally:
        c.close()


def test_analytics_time_precision_shown_in_the_events_table(tmp_path):
    from typer.testing import CliRunner

    from flashpoint.cli import app

    db = tmp_path / "t.duckdb"
    art = Article(id=content_id(TEXT), text=TEXT, published=D(2024, 1, 5), source="X")
    with Store(db) as store:
        store.write([Analysis(article=art, events=(
            _ev("Kkk artillery shelled Yyy island.", D(2010, 1, 1), "year"),
            _ev("Kkk seized Yyy boats in December.", D(2023, 12, 1), "month"),
        ))])
        store.refresh()
    res = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "table"],
                             env={"COLUMNS": "160"})
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert any(line.lstrip("│ ").startswith("2010 ") for line in lines), res.output
    assert any(line.lstrip("│ ").startswith("2023-12 ") for line in lines), res.output
    res = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json"])
    days = {(e["day"], e["day_precision"]) for e in json.loads(res.stdout)}
    assert days == {("2010-01-01", "year"), ("2023-12-01", "month")}
