"""Event date phrases resolve against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events.dates import resolve_phrase

PUBLISHED = dt.date(2023, 12, 27)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "date", "precision"),
    [
        ("in April", dt.date(2023, 4, 1), "month"),
        ("on Tuesday", dt.date(2023, 12, 26), "day"),
        ("on Wednesday", dt.date(2023, 12, 27), "day"),
        ("last year", dt.date(2022, 1, 1), "year"),
        ("this year", dt.date(2023, 1, 1), "year"),
        ("yesterday", dt.date(2023, 12, 26), "day"),
        ("on March 31, 2018", dt.date(2018, 3, 31), "day"),
        ("on 3 June", dt.date(2023, 6, 3), "day"),
        ("in 1990", dt.date(1990, 1, 1), "year"),
        ("last month", dt.date(2023, 11, 1), "month"),
    ],
)
def test_events_dates_resolve_relative_phrases(phrase, date, precision):
    got = resolve_phrase(phrase, PUBLISHED)
    assert (got.date, got.precision, got.text) == (date, precision, phrase)


@pytest.mark.parametrize("phrase", ["next week", "recently", "the 13th"])
def test_events_dates_unresolvable_phrase_keeps_text(phrase):
    got = resolve_phrase(phrase, PUBLISHED)
    assert got.date is None and got.precision is None and got.text == phrase


def test_events_dates_without_publication_date_only_absolute_dates_resolve():
    assert resolve_phrase("on Tuesday", None).date is None
    assert resolve_phrase("in 2003", None).date == dt.date(2003, 1, 1)


def test_events_dates_future_reading_takes_the_next_day():
    assert resolve_phrase("on Tuesday", PUBLISHED, future=True).date == dt.date(2024, 1, 2)
    assert resolve_phrase("in February", PUBLISHED, future=True).date == dt.date(2024, 2, 1)
