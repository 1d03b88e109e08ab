"""The alerts' explanation bounds its reads by the alerts' days (``alerts._within``): the
condition must keep every row of the spans (the join still decides exactly which count), and
DuckDB must skip the row groups outside them when the table is in day order."""

from __future__ import annotations

import datetime as dt
import random

import duckdb
import pytest

from flashpoint.analytics import alerts

D0 = dt.date(2023, 1, 2)


def _day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


@pytest.fixture(scope="module")
def days_table():
    con = duckdb.connect()
    # 400 days of 400 rows each (which rows a condition keeps; skipping is tested below)
    con.execute("CREATE TABLE t AS SELECT DATE '2023-01-02' + CAST(i // 400 AS INTEGER) AS day "
                "FROM range(400 * 400) r(i) ORDER BY day")
    yield con
    con.close()


def _selected(con, spans) -> set[dt.date]:
    sql, params = alerts._within("day", spans)
    return {r[0] for r in con.execute(f"SELECT DISTINCT day FROM t WHERE {sql}", params).fetchall()}


def test_alerts_within_selects_exactly_the_spans(days_table):
    spans = [(_day(3), _day(9)), (_day(10), _day(12)), (_day(40), _day(40)), (_day(7), _day(20))]
    expected = {_day(n) for n in (*range(3, 21), 40)}
    assert _selected(days_table, spans) == expected
    sql, params = alerts._within("day", spans)
    assert sql.count("BETWEEN") == 2  # touching and overlapping spans merged
    assert params == [_day(3), _day(20), _day(40), _day(40)]


def test_alerts_within_caps_the_spans_and_keeps_a_superset(days_table):
    rng = random.Random(5)
    starts = rng.sample(range(0, 390, 3), 90)  # far more spans than the cap
    spans = [(_day(s), _day(s + rng.randrange(0, 2))) for s in starts]
    sql, params = alerts._within("day", spans)
    assert sql.count("BETWEEN") == alerts._MAX_SPANS == len(params) // 2
    assert params == sorted(params)  # disjoint spans, in order
    wanted = {_day(n) for lo, hi in spans for n in range((lo - D0).days, (hi - D0).days + 1)}
    got = _selected(days_table, spans)
    assert wanted <= got
    assert got != {_day(n) for n in range(400)}  # still a bound: the widest gaps are kept


def test_alerts_within_of_nothing_selects_nothing(days_table):
    sql, params = alerts._within("day", [])
    assert sql == "FALSE" and params == []
    assert _selected(days_table, []) == set()


def test_alerts_within_lets_duckdb_skip_row_groups():
    con = duckdb.connect()
    con.execute("CREATE TABLE g AS SELECT DATE '2020-01-01' + CAST(i // 2000 AS INTEGER) AS day "
                "FROM range(2000 * 1000) r(i) ORDER BY day")  # ~17 row groups in day order
    sql, params = alerts._within("day", [(dt.date(2021, 6, 1), dt.date(2021, 6, 7))])
    plan = con.execute(f"EXPLAIN ANALYZE SELECT count(*) FROM g WHERE {sql}", params).fetchall()
    text = plan[0][1]
    scanned = [line for line in text.splitlines() if "Row Groups Scanned" in line]
    assert scanned, text
    done, total = (int(x) for x in scanned[0].split(":")[1].strip(" │").split("/"))
    assert total >= 10 and done <= 2
    con.close()
