"""Parquet round trip: every field of every record survives; writes are atomic and idempotent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from flashpoint.records import (
    Actor,
    Analysis,
    Article,
    Event,
    Location,
    Skipped,
    Span,
    StatementCheck,
)
from flashpoint.scale.parquet import parquet_glob, partition_keys, read_analyses, write_partition

TEXT = "Northland shelled the border town of Eastport on Monday. Southland protested on Tuesday."


def _analyses() -> list[Analysis]:
    dated = Article(
        id="a1",
        text=TEXT,
        title="Shelling at the border",
        published=dt.date(2023, 12, 27),
        url="https://example.org/1",
        source="Harbour Daily",
        statements=("Southland protested.", "Eastport was not shelled."),
        origin="corpus/a.txt",
        notes=("invalid UTF-8 replaced (2 bytes)",),
    )
    shelling = Event(
        source=Actor("Northland", "NLDMIL", "NLD", "MIL"),
        target=Actor("Eastport", None),
        cameo="195",
        cameo_root="19",
        plover="ASSAULT",
        quad_class=4,
        goldstein=-10.0,
        evidence=Span(TEXT[:56], 0, 56),
        date=dt.date(2023, 12, 25),
        date_text="on Monday",
        date_precision="day",
        attribution=None,
        location=Location("Eastport", "NLD", 41.5, 12.25),
        negated=False,
        modality="asserted",
        trigger="shelled",
    )
    protest = Event(
        source=None,
        target=None,
        cameo="11",
        cameo_root="11",
        plover=None,
        quad_class=3,
        goldstein=-2.0,
        evidence=Span(TEXT[57:], 57, len(TEXT)),
        negated=True,
        modality="reported",
        attribution="officials said",
    )
    checks = (
        StatementCheck(
            "Southland protested.", "supported", 0.91, Span(TEXT[57:], 57, len(TEXT)), "same clause"
        ),
        StatementCheck("Eastport was not shelled.", "contradicted", 0.12, None, "negation differs"),
    )
    undated = Article(id="a2", text="Talks resumed.", title=None, published=None)
    return [
        Analysis(dated, events=(shelling, protest), statements=checks),
        Analysis(None, skipped=Skipped("not_english", "detected de (p=0.99)", "corpus/b.txt")),
        Analysis(undated),
        Analysis(None, skipped=Skipped("empty", "no bytes", None)),
    ]


def test_scale_parquet_round_trip_is_lossless(tmp_path: Path):
    analyses = _analyses()
    write_partition(tmp_path, "k1", analyses, part=0)
    assert list(read_analyses(tmp_path)) == analyses


def test_scale_parquet_hive_layout_by_day(tmp_path: Path):
    write_partition(tmp_path, "k1", _analyses(), part=0)
    names = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.parquet"))
    assert "articles/day=2023-12-27/part-k1.parquet" in names
    assert "articles/day=__HIVE_DEFAULT_PARTITION__/part-k1.parquet" in names
    assert "skips/day=__HIVE_DEFAULT_PARTITION__/part-k1.parquet" in names
    rows = duckdb.sql(
        f"SELECT id, day FROM read_parquet('{parquet_glob(tmp_path, 'articles')}', hive_partitioning=true) ORDER BY id"
    ).fetchall()
    assert rows == [("a1", dt.date(2023, 12, 27)), ("a2", None)]
    # the Hive key is no column name: a Hive reader keeps each event's own date
    events = duckdb.sql(
        f"SELECT idx, date FROM read_parquet('{parquet_glob(tmp_path, 'events')}', hive_partitioning=true) ORDER BY idx"
    ).fetchall()
    assert events == [(0, dt.date(2023, 12, 25)), (1, None)]


def test_scale_parquet_month_partitions(tmp_path: Path):
    write_partition(tmp_path, "k1", _analyses(), part=0, granularity="month")
    assert (tmp_path / "events" / "month=2023-12" / "part-k1.parquet").is_file()
    assert list(read_analyses(tmp_path)) == _analyses()


def test_scale_parquet_rewrite_replaces_without_leftovers(tmp_path: Path):
    first = write_partition(tmp_path, "k1", _analyses(), part=0)
    second = write_partition(tmp_path, "k1", _analyses(), part=0)
    assert first == second
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == sorted(first)
    assert list(read_analyses(tmp_path)) == _analyses()


def test_scale_parquet_partitions_come_back_in_input_order(tmp_path: Path):
    analyses = _analyses()
    # written out of order, under keys that sort against the input order
    write_partition(tmp_path, "aaa", analyses[2:], part=1)
    write_partition(tmp_path, "zzz", analyses[:2], part=0)
    assert partition_keys(tmp_path) == ["zzz", "aaa"]
    assert list(read_analyses(tmp_path)) == analyses


def test_scale_parquet_signatures_only_for_given_articles(tmp_path: Path):
    write_partition(tmp_path, "k1", _analyses(), part=0, signatures={"a1": b"\x01\x02"})
    rows = duckdb.sql(
        f"SELECT article_id, published, minhash FROM read_parquet('{parquet_glob(tmp_path, 'signatures')}')"
    ).fetchall()
    assert rows == [("a1", dt.date(2023, 12, 27), b"\x01\x02")]


@pytest.mark.parametrize("crash_at", ["articles", "events"])
def test_scale_parquet_failed_write_leaves_no_final_file(
    tmp_path: Path, monkeypatch, crash_at: str
):
    from flashpoint.scale import parquet

    real = parquet.pq.write_table

    def failing(table, where, *args, **kwargs):
        if f"/{crash_at}/" in str(where):
            Path(where).write_bytes(b"half a file")
            raise OSError("disk full")
        return real(table, where, *args, **kwargs)

    monkeypatch.setattr(parquet.pq, "write_table", failing)
    with pytest.raises(OSError):
        write_partition(tmp_path, "k1", _analyses(), part=0)
    assert [p for p in (tmp_path / crash_at).rglob("*") if p.is_file()] == []
