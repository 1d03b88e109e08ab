"""The loader reuses the workers' MinHash signatures; exact copies across partitions are analysed
once, by the first partition in input order. Fast: no Dask cluster, no spaCy model."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flashpoint import scale, synth
from flashpoint.ingest import read_path
from flashpoint.records import Analysis, Article
from flashpoint.scale.partitions import copies_elsewhere, partition_key, plan
from flashpoint.scale.runner import partition_article_ids, run_partition
from flashpoint.store import Store, dedup
from flashpoint.store.ingest import read_inputs
from flashpoint.store.schema import DERIVED_TABLES, PRIMARY_TABLES

TIMESTAMPS = {"articles": ["ingested_at"], "sightings": ["seen_at"], "skips": ["at"]}
def _tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in (*PRIMARY_TABLES, *DERIVED_TABLES):
            cols = ", ".join(f'"{c}"' for c in TIMESTAMPS.get(table, ()))
            sql = f"SELECT * EXCLUDE ({cols}) FROM {table}" if cols else f"SELECT * FROM {table}"
            out[table] = sorted(con.execute(sql).fetchall(), key=repr)
        return out
    finally:
        con.close()


def _corpus(tmp_path: Path) -> Path:
    """Synthetic news with syndicated copies, exact and edited, spread over several files."""
    root = tmp_path / "corpus"
    synth.generate(90, root, fmt="jsonl", days=2, copy_rate=0.4, seed=5, shard_size=25)
    return root


def _copies(corpus: Path) -> int:
    ids = [x.id for x in read_path(corpus) if isinstance(x, Article)]
    return len(ids) - len(set(ids))


def no_nlp(items, *, batch_size):
    """The stage function's contract (one Analysis per item, in order) without the model."""
    for item in items:
        yield Analysis(item) if isinstance(item, Article) else Analysis(None, skipped=item)


@pytest.fixture
def spied():
    """Every text analysed, in order."""
    seen: list[str] = []

    def spy(items, *, batch_size):
        items = list(items)
        seen.extend(x.id for x in items if isinstance(x, Article))
        yield from no_nlp(items, batch_size=batch_size)

    spy.seen = seen  # type: ignore[attr-defined]
    return spy  # type: ignore[return-value]


def _run(corpus: Path, out: Path, analyze) -> list[scale.PartitionResult]:
    """What ``scale.ingest`` does, in this process: the id pass, then each partition."""
    partitions = plan([corpus], min_partitions=4)
    elsewhere = copies_elsewhere([partition_article_ids(p) for p in partitions])
    return [
        run_partition(p, str(out), analyze=analyze, elsewhere=copies)
        for p, copies in zip(partitions, elsewhere, strict=True)
    ]


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ([["a", "b"], ["c", "a"], ["a", "c", "d"]], [set(), {"a"}, {"a", "c"}]),
        ([["a", "a"], ["b"]], [set(), set()]),  # a repeat inside one partition is its own
        ([[], ["x"], ["x"]], [set(), set(), {"x"}]),
    ],
)
def test_scale_load_copies_elsewhere_belong_to_the_first_partition(ids, expected):
    assert [set(s) for s in copies_elsewhere(ids)] == expected


def test_scale_load_each_article_is_analysed_once(tmp_path: Path, spied):
    corpus = _corpus(tmp_path)
    results = _run(corpus, tmp_path / "out", spied)
    assert len(results) >= 4
    assert len(spied.seen) == len(set(spied.seen))  # no text analysed twice
    copies = _copies(corpus)
    assert copies > 0 and sum(r.copies for r in results) == copies
    assert sum(r.articles for r in results) == len(spied.seen) + copies


def test_scale_load_the_copies_list_names_the_output(tmp_path: Path):
    """Output written without an analysis of the copies is not reused once they are gone."""
    partition = plan([_corpus(tmp_path)], min_partitions=4)[1]
    assert partition_key(partition) != partition_key(partition, elsewhere={"abc"})


def test_scale_load_equals_a_local_ingest_without_hashing_again(
    tmp_path: Path, spied, monkeypatch: pytest.MonkeyPatch
):
    corpus = _corpus(tmp_path)
    _run(corpus, tmp_path / "out", spied)
    with Store(tmp_path / "local.duckdb") as store:  # the local path with the same stage function
        store.write(no_nlp(read_inputs([corpus]), batch_size=8))
        store.refresh()

    calls = []
    real = dedup.signature
    monkeypatch.setattr(dedup, "signature", lambda text: calls.append(text) or real(text))
    loaded = scale.load(tmp_path / "out", tmp_path / "dask.duckdb")
    assert calls == []  # every signature came from the workers' Parquet
    assert loaded.write.articles_known == _copies(corpus) and loaded.refresh.articles_merged > 0
    assert loaded.stories_agree is None  # no cluster stories file in this run
    assert _tables(tmp_path / "dask.duckdb") == _tables(tmp_path / "local.duckdb")


def test_scale_load_hashes_what_the_workers_did_not(tmp_path: Path, monkeypatch):
    """Output without signatures (an older runner) still loads: the writer hashes the text."""
    corpus = _corpus(tmp_path)
    _run(corpus, tmp_path / "out", no_nlp)
    for file in (tmp_path / "out" / "signatures").rglob("*.parquet"):
        file.unlink()
    calls = []
    real = dedup.signature
    monkeypatch.setattr(dedup, "signature", lambda text: calls.append(text) or real(text))
    loaded = scale.load(tmp_path / "out", tmp_path / "dask.duckdb")
    assert len(calls) == loaded.write.articles_new > 0
