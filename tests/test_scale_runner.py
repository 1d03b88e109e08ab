"""The Dask path against the local path on the sample corpus, on a 2-worker LocalCluster:
same tables, idempotent re-runs, and no record lost or duplicated when a worker is killed."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import cloudpickle
import duckdb
import pytest

from flashpoint import scale
from flashpoint.errors import InputError
from flashpoint.pipeline import analyze_many
from flashpoint.store.schema import DERIVED_TABLES, PRIMARY_TABLES

pytestmark = pytest.mark.slow

# Columns that record *when* a row was written, not what it says.
TIMESTAMPS = {"articles": ["ingested_at"], "sightings": ["seen_at"], "skips": ["at"]}


def _tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {}
        for table in (*PRIMARY_TABLES, *DERIVED_TABLES):
            exclude = TIMESTAMPS.get(table)
            quoted = ", ".join(f'"{c}"' for c in exclude or ())
            cols = f"* EXCLUDE ({quoted})" if exclude else "*"
            tables[table] = sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
        return tables
    finally:
        con.close()


@pytest.fixture(scope="module")
def client():
    with scale.dask_client(workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(examples_dir: Path, tmp_path_factory) -> Path:
    """The sample corpus, plus a syndicated copy placed far from its original (another partition)."""
    root = tmp_path_factory.mktemp("corpus") / "news"
    shutil.copytree(examples_dir, root)
    pages = sorted((root / "pages").glob("*.txt"))
    copy = (
        pages[0]
        .read_text(encoding="utf-8")
        .replace("\n\n", "\n\nSyndicated by the Wire desk.\n\n", 1)
    )
    (root / "zz_syndicated").mkdir()
    (root / "zz_syndicated" / pages[0].name).write_text(copy, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def dask_run(client, corpus: Path, tmp_path_factory) -> tuple[Path, scale.RunReport]:
    out = tmp_path_factory.mktemp("dask") / "events"
    return out, scale.ingest([corpus], out, client=client)


@pytest.fixture(scope="module")
def local_db(corpus: Path, tmp_path_factory) -> Path:
    from flashpoint.store.ingest import ingest

    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    ingest([corpus], db=db, workers=1)
    return db


def test_scale_runner_tables_equal_the_local_ingest(dask_run, local_db: Path, tmp_path: Path):
    out, report = dask_run
    assert report.partitions >= 8 and report.articles >= 20 and report.events > 0
    loaded = scale.load(out, tmp_path / "dask.duckdb")
    assert loaded.stories_agree is True
    ours, local = _tables(tmp_path / "dask.duckdb"), _tables(local_db)
    for table in local:
        assert ours[table] == local[table], table
    assert local["events"] and local["statements"] and local["skips"]
    assert any(m[4] == "near_duplicate" for m in local["story_members"])  # a merged story


def test_scale_runner_equals_local_on_syndicated_synthetic_news(client, tmp_path: Path):
    from flashpoint import synth
    from flashpoint.store.ingest import ingest

    corpus = tmp_path / "synth"
    synth.generate(120, corpus, fmt="jsonl", days=2, copy_rate=0.3, seed=5)
    ingest([corpus], db=tmp_path / "local.duckdb", workers=1)
    report = scale.ingest([corpus], tmp_path / "events", client=client)
    loaded = scale.load(tmp_path / "events", tmp_path / "dask.duckdb")
    assert loaded.stories_agree is True
    assert report.copies > 0  # exact copies in later partitions were not analysed again
    ours, local = _tables(tmp_path / "dask.duckdb"), _tables(tmp_path / "local.duckdb")
    for table in local:
        assert ours[table] == local[table], table
    assert loaded.write.articles_known > 0  # exact copies: one article, several sightings
    assert loaded.refresh.articles_merged > 0  # near copies merged into stories


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*.parquet")}


def test_scale_runner_rerun_is_idempotent(client, corpus: Path, dask_run, tmp_path: Path):
    out, report = dask_run
    before = _files(out)
    again = scale.ingest([corpus], out, client=client)
    assert again.reused == report.partitions  # nothing analysed twice
    assert _files(out) == before
    forced = scale.ingest([corpus], out, client=client, force=True)
    assert forced.reused == 0
    assert _files(out) == before  # rewritten under the same names, nothing added
    db = tmp_path / "twice.duckdb"
    first = scale.load(out, db)
    second = scale.load(out, db)
    assert first.write.articles_new > 0
    assert (second.write.articles_new, second.write.events, second.write.skips_new) == (0, 0, 0)


def test_scale_runner_resumes_an_interrupted_run(client, corpus: Path, dask_run, tmp_path: Path):
    clean, report = dask_run
    out = tmp_path / "events"
    shutil.copytree(clean, out)
    lost = sorted((out / "_done").glob("part-*.json"))[:3]  # as if killed before these ended
    for marker in lost:
        for part in out.glob(f"*/*/{marker.stem}.parquet"):
            part.unlink()
        marker.unlink()
    resumed = scale.ingest([corpus], out, client=client)
    assert resumed.reused == report.partitions - 3
    assert _files(out) == _files(clean)


def test_scale_runner_replaces_partitions_of_changed_inputs(client, corpus: Path, tmp_path: Path):
    news = tmp_path / "news"
    shutil.copytree(corpus / "pages", news / "pages")
    other = tmp_path / "other.txt"
    other.write_text(min((corpus / "pages").glob("*.txt")).read_text(encoding="utf-8"))
    out = tmp_path / "events"
    scale.ingest([other], out, client=client, stories=False)  # another input, same directory
    scale.ingest([news], out, client=client, stories=False)
    edited = sorted((news / "pages").glob("*.txt"))[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n")
    rerun = scale.ingest([news], out, client=client, stories=False)
    assert rerun.pruned == 1 and rerun.reused == rerun.partitions - 1
    origins = [a.article.origin for a in scale.read_analyses(out) if a.article]
    assert sorted(origins) == sorted({*origins})  # the edited page once, not twice
    assert str(edited) in origins and str(other) in origins  # the other input's rows stay


def test_scale_runner_refuses_to_mix_date_layouts(client, corpus: Path, dask_run):
    out, _report = dask_run
    with pytest.raises(InputError, match="--by day"):
        scale.ingest([corpus], out, client=client, granularity="month")


def _identities(out: Path) -> list[tuple[str, str | None]]:
    return [
        (a.article.id, a.article.origin) if a.article else (a.skipped.reason, a.skipped.origin)
        for a in scale.read_analyses(out)
    ]


def slow_analyze(items, *, batch_size):
    """The real stage function, slowed down so that a worker can be killed mid-run."""
    time.sleep(0.4)
    yield from analyze_many(items, batch_size=batch_size)


def test_scale_runner_survives_a_killed_worker(client, corpus: Path, dask_run, tmp_path: Path):
    clean_out, _report = dask_run
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    pids_before = set(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_one(result: scale.PartitionResult) -> None:
        if not killed:  # after the first partition: the other tasks are queued or running
            victim = next(iter(client.run(os.getpid).values()))
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    out = tmp_path / "events"
    report = scale.ingest([corpus], out, client=client, analyze=slow_analyze, on_partition=kill_one)
    assert killed and killed[0] in pids_before
    assert sorted(r.index for r in report.results) == list(range(report.partitions))
    # Every input exactly once, in order (identity, not content: the restarted worker
    # re-imports the code, which may legitimately differ while the tree is being edited).
    assert _identities(out) == _identities(clean_out)
    names = lambda d: sorted(str(p.relative_to(d)) for p in d.rglob("*") if p.is_file())
    assert names(out) == names(clean_out)  # no leftover temporary or duplicate file
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in set(client.run(os.getpid).values())
