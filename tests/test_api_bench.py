"""The load test machinery of `flashpoint bench api` (figures are printed by the bench, never
asserted here): percentiles, and a short run against `flashpoint serve` in a subprocess that
counts answers and errors correctly."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.bench.api import percentile, run_load, run_writers, served, stored_ids

pytest_plugins = ["test_api_support"]  # its fixtures: crisis_db, api, writable_db


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([], 50, 0.0),
        ([7.0], 99, 7.0),
        ([1, 2, 3, 4], 50, 2),
        ([1, 2, 3, 4], 100, 4),
        (list(range(1, 101)), 99, 99),
        (list(range(100, 0, -1)), 50, 50),
    ],
)
def test_api_bench_percentile_nearest_rank(values, q, expected) -> None:
    assert percentile(values, q) == expected


@pytest.mark.slow
def test_api_bench_short_run_counts_answers_and_errors(crisis_db: Path) -> None:
    with served(crisis_db) as base:
        report = run_load(
            base,
            ["/api/events?dyad=KOR-PRK&limit=5", "/api/tension?dyad=KOR-PRK", "/api/nothing-here"],
            clients=4,
            seconds=1.0,
        )
    per = report.per_path
    assert report.requests == sum(p["requests"] for p in per.values()) > 0
    assert per["/api/events?dyad=KOR-PRK&limit=5"]["errors"] == 0
    assert per["/api/tension?dyad=KOR-PRK"]["errors"] == 0
    missing = per["/api/nothing-here"]
    assert missing["requests"] > 0 and missing["errors"] == missing["requests"]
    assert report.error_kinds == {"HTTP 404": missing["errors"]}


@pytest.mark.slow
def test_api_bench_writers_beside_readers_lose_nothing(crisis_db: Path, tmp_path: Path) -> None:
    """Writers posting new pages while readers load the server: every acknowledged page is
    stored, exactly the acknowledged ones are counted, and the readers see no error."""
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(crisis_db, db)
    with served(db, token="t0ken-for-the-bench") as base:
        import threading

        written = []
        writing = threading.Thread(
            target=lambda: written.append(
                run_writers(base, "t0ken-for-the-bench", writers=2, seconds=2.0)
            )
        )
        writing.start()
        report = run_load(base, ["/api/events?dyad=KOR-PRK&limit=5"], clients=4, seconds=2.0)
        writing.join()
    (w,) = written
    assert report.errors == 0
    assert w.acknowledged > 0 and w.failed == 0 and w.posted == w.acknowledged
    assert len(w.ids) == w.acknowledged
    assert stored_ids(db, w.ids) == w.ids
