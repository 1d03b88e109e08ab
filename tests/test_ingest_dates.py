"""parse_published: the date formats news sources write, and None for non-dates."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from flashpoint.ingest import parse_published

D = dt.date(2023, 12, 27)


@pytest.mark.parametrize(
    "value",
    [
        "2023-12-27",
        "2023-12-27T08:30:00",
        "2023-12-27T23:30:00+09:00",  # keeps the outlet's calendar day, no conversion to UTC
        "2023-12-27T08:30:00Z",
        "Wed, 27 Dec 2023 08:30:00 +0900",
        "27 Dec 2023 08:30:00 GMT",
        "December 27, 2023",
        "Dec. 27, 2023",
        "27 December 2023",
        "Wednesday, December 27th, 2023",
        "27.12.2023",
        "2023/12/27",
        "Published: 27 December 2023, 14:05 KST",
        "Posted on 2023-12-27 | Reading time: 3 min",
        dt.date(2023, 12, 27),
        dt.datetime(2023, 12, 27, 23, 59),
        time.strptime("2023-12-27", "%Y-%m-%d"),
    ],
)
def test_ingest_dates_parse_known_formats(value):
    assert parse_published(value) == D


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "yesterday",
        "on Tuesday",
        "12 missiles",
        "31.02.2023",
        "2023-13-01",
        "Room 1234",
        42,
        ["2023-12-27"],
    ],
)
def test_ingest_dates_none_for_non_dates(value):
    assert parse_published(value) is None
