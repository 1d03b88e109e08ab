"""Run the local pipeline over a Dask cluster: one task per partition, Parquet out.

Each task ingests its partition (``partitions.read_unit``, i.e. ``ingest.read_path``), runs the
one stage function ``pipeline.analyze_many`` on it, computes the MinHash signatures the story
clustering needs, and writes hive-partitioned Parquet (``parquet.write_partition``). No task
writes DuckDB: ``flashpoint load`` does that, in one process, with the store's own writer, and
reuses the workers' signatures.

Exact copies are analysed once: before any NLP, a cheap pass reads every partition's files
and returns their articles' content ids (``partition_article_ids``); the first partition in
input order that holds an article analyses it, later ones write it as a bare sighting
(``partitions.copies_elsewhere``), which is all the store keeps of a copy. The choice
depends on the inputs only, so the loaded database equals a local ingest's.

Fault tolerance comes from Dask and from how tasks write: when a worker dies, the scheduler
re-runs its tasks elsewhere, and a re-run writes the same file names (derived from the
partition's content) through a temporary file and an atomic rename. A lost task therefore
neither loses nor duplicates rows. A partition ends with a ``_done`` marker, so re-running
an interrupted ingest (the client or the whole cluster died) analyses only what is missing;
once all partitions are written, partitions left by an older version of the same inputs are
deleted, so the directory never holds a row twice.

Workers, inputs and output must share a filesystem. Input paths are passed as given (they
become the records' ``origin``, as in the local path): with a remote ``--scheduler``, give
absolute paths or start the workers in the client's directory.

The spaCy model is loaded once per worker process (``nlp.get_nlp`` is cached per process);
the ``WarmModel`` plugin loads it when a worker starts, so the first task does not pay for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..ingest import DEFAULT_MAX_BYTES
from ..records import Analysis, Article, Skipped
from ..store.ingest import guarded
from .parquet import Granularity, write_partition
from .partitions import (
    DEFAULT_TARGET_BYTES,
    MIN_PARTITIONS,
    Partition,
    copies_elsewhere,
    partition_key,
    plan,
    read_unit,
)

Analyze = Callable[..., Iterable[Analysis]]
DEFAULT_BATCH_SIZE = 32
DONE_DIR = "_done"  # one marker per completed partition, written after its table files
SETTINGS_FILE = "_flashpoint.json"  # the layout of an output directory (granularity)
WARM_UP_TEXT = (
    "Seoul, Jan. 2 -- North Korea fired artillery shells near Yeonpyeong Island on Monday, "
    "the South Korean military said, and the United Nations called for restraint.\n\n"
    "Read also: North Korea fired shells near the island."
)


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one partition task did (small: it travels back to the client)."""

    index: int
    key: str
    articles: int
    skips: int
    events: int
    statements: int
    words: int
    files: int
    seconds: float
    worker_pid: int
    reused: bool = False  # already written by an earlier run over the same content
    copies: int = 0  # exact copies written as sightings only (analysed in one place)


@dataclass
class RunReport:
    """The whole run: totals over partitions, and the stories found across them."""

    out: str
    partitions: int = 0
    articles: int = 0
    skips: int = 0
    events: int = 0
    statements: int = 0
    words: int = 0
    reused: int = 0  # partitions found complete from an earlier run, not re-analysed
    copies: int = 0  # exact copies not analysed again (their first partition analysed them)
    pruned: int = 0  # partitions of an older version of these inputs, deleted
    stories: int = 0
    articles_merged: int = 0
    seconds: float = 0.0
    results: list[PartitionResult] = field(default_factory=list)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "partitions": self.partitions,
            "articles": self.articles,
            "skips": self.skips,
            "events": self.events,
            "statements": self.statements,
            "words": self.words,
            "reused_partitions": self.reused,
            "copies_not_reanalysed": self.copies,
            "pruned_partitions": self.pruned,
            "stories": self.stories,
            "articles_merged": self.articles_merged,
            "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.articles_per_s, 2),
        }


class WarmModel(WorkerPlugin):
    """Warm a worker when it starts (and restarts): the spaCy model and every lazily loaded
    table (actors, gazetteer, CAMEO, claim lexicons), by analysing one built-in sentence.

    Without it the first task on each worker pays several seconds of loading, which is
    noise in a throughput figure and a straggler in a short run.
    """

    name = "flashpoint-warm-model"

    def setup(self, worker: Any) -> None:
        from ..pipeline import analyze

        analyze(WARM_UP_TEXT, published="2024-01-02", title="Warm-up")


def run_partition(
    partition: Partition,
    out: str,
    *,
    granularity: Granularity = "day",
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: dt.date | str | None = None,
    analyze: Analyze | None = None,
    force: bool = False,
    elsewhere: frozenset[str] = frozenset(),
) -> PartitionResult:
    """Ingest, analyse and write one partition (runs on a worker; safe to run twice).

    A partition whose content was already written completely (its ``_done`` marker, written
    after every table file) is not analysed again unless ``force``: a re-run after a crash
    only does what is missing, as the local ingest skips what is already stored. Articles
    in ``elsewhere`` (analysed by an earlier partition, ``partitions.copies_elsewhere``) and
    repeats within the partition are not analysed: they are written as sightings only,
    which is all the store keeps of a copy.
    """
    from ..store import dedup

    if analyze is None:
        from ..pipeline import analyze_many as analyze
    started = time.perf_counter()
    items: list[Article | Skipped] = [  # a reader bug costs its unit only (store.ingest.guarded)
        item
        for unit in partition.units
        for item in guarded(read_unit(unit, max_bytes=max_bytes, published=published), str(unit.path))
    ]
    key = partition_key(partition, items, elsewhere=elsewhere)
    marker = Path(out) / DONE_DIR / f"part-{key}.json"
    if not force and marker.is_file():
        done = json.loads(marker.read_text(encoding="utf-8"))["result"]
        return PartitionResult(
            **{**done, "index": partition.index, "seconds": time.perf_counter() - started},
            worker_pid=os.getpid(),
            reused=True,
        )
    analyses = _analyse_once(items, elsewhere, analyze, batch_size=batch_size)
    signatures: dict[str, bytes] = {}
    for analysis in analyses:
        article = analysis.article
        if article is not None and article.id not in signatures and article.id not in elsewhere:
            signatures[article.id] = dedup.to_bytes(dedup.signature(article.text))
    files = write_partition(
        out, key, analyses, part=partition.index, granularity=granularity, signatures=signatures
    )
    articles = [a.article for a in analyses if a.article is not None]
    counts = {
        "key": key,
        "articles": len(articles),
        "copies": len(articles) - len({a.id for a in articles} - elsewhere),
        "skips": sum(a.article is None for a in analyses),
        "events": sum(len(a.events) for a in analyses),
        "statements": sum(len(a.statements) for a in analyses),
        "words": sum(len(a.text.split()) for a in articles),
        "files": len(files),
    }
    units = [[u.kind, u.path, u.lines] for u in partition.units]
    _write_atomic(marker, json.dumps({"result": counts, "units": units}))
    return PartitionResult(
        index=partition.index,
        **counts,
        seconds=time.perf_counter() - started,
        worker_pid=os.getpid(),
    )


def _analyse_once(
    items: list[Article | Skipped],
    elsewhere: frozenset[str],
    analyze: Analyze,
    *,
    batch_size: int,
) -> list[Analysis]:
    """One analysis per item, in order; each distinct article not in ``elsewhere`` is
    analysed once, its other copies (and those in ``elsewhere``) become bare sightings."""
    todo: list[Article | Skipped] = []
    seen = set(elsewhere)
    for item in items:
        if isinstance(item, Article):
            if item.id in seen:
                continue
            seen.add(item.id)
        todo.append(item)
    analysed = iter(analyze(todo, batch_size=batch_size))
    first = set(elsewhere)
    out: list[Analysis] = []
    for item in items:
        if isinstance(item, Article) and item.id in first:
            out.append(Analysis(article=item))
            continue
        if isinstance(item, Article):
            first.add(item.id)
        out.append(next(analysed))
    return out


def partition_article_ids(
    partition: Partition,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: dt.date | str | None = None,
) -> list[str]:
    """The content ids of the articles in the partition's files, in input order: the cheap
    pass (reading only, no NLP) that finds exact copies across partitions before analysis.

    Feed units are left out: a feed is fetched at run time and may read differently when
    fetched again, so no partition is counted on to analyse what a feed brought.
    """
    return [
        item.id
        for unit in partition.units
        if unit.kind == "path"
        for item in guarded(read_unit(unit, max_bytes=max_bytes, published=published), str(unit.path))
        if isinstance(item, Article)
    ]


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def prune(out: str | os.PathLike[str], keep: Iterable[str], inputs: Iterable[str]) -> list[str]:
    """Delete partitions superseded by this run; return their keys.

    A partition written earlier from one of this run's ``inputs`` (paths or URLs) whose key
    is not among this run's ``keep`` was made from an older version of that input (or under
    an older plan): its rows now live in this run's files, so keeping it would count them
    twice. Partitions of other inputs (an earlier run over another corpus) stay.
    """
    root = Path(out)
    keep, inputs = set(keep), set(inputs)
    stale = []
    for marker in sorted((root / DONE_DIR).glob("part-*.json")):
        key = marker.stem.removeprefix("part-")
        if key in keep:
            continue
        units = json.loads(marker.read_text(encoding="utf-8")).get("units", [])
        if not any(path in inputs for _kind, path, _lines in units):
            continue
        for table_file in root.glob(f"*/*/part-{key}.parquet"):
            table_file.unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
        stale.append(key)
    return stale


def _check_layout(out: Path, granularity: str) -> None:
    """Refuse to mix date layouts in one output directory (rows would be written twice)."""
    from ..errors import InputError

    settings = out / SETTINGS_FILE
    if settings.is_file():
        found = json.loads(settings.read_text(encoding="utf-8")).get("granularity")
        if found != granularity:
            raise InputError("E112", path=out, found=found)
        return
    _write_atomic(settings, json.dumps({"granularity": granularity}))


@contextlib.contextmanager
def dask_client(*, scheduler: str | None = None, workers: int = 2) -> Iterator[Any]:
    """A ``distributed.Client``: to ``scheduler`` (``tcp://host:8786``) or a new LocalCluster.

    The LocalCluster has ``workers`` single-threaded worker *processes*: spaCy holds the GIL,
    so one process per core is what parallelises it. Scripts that call this need the
    ``if __name__ == "__main__":`` guard (workers are spawned processes).
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in every worker. Setting it at all turns
    # off glibc's dynamic mmap threshold, so spaCy's many large, short-lived arrays go through
    # mmap/munmap: measured here, 4x the page faults and +15 % CPU per article. The model's
    # memory is steady, so the trimming buys nothing: keep glibc's defaults.
    with (
        dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}),
        LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port (the HTTP server runs even without bokeh)
            silence_logs=40,  # logging.ERROR: a killed worker is expected, not noise for the user
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def has_dashboard() -> bool:
    """Whether the Dask dashboard can be served (it needs bokeh)."""
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def where(client: Any) -> str:
    """The dashboard link when there is one, else the scheduler address."""
    link = getattr(client, "dashboard_link", None) if has_dashboard() else None
    return link or client.scheduler.address


def ingest(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    client: Any,
    feeds: Sequence[str] = (),
    published: dt.date | str | None = None,
    granularity: Granularity = "day",
    batch_size: int = DEFAULT_BATCH_SIZE,
    target_bytes: int = DEFAULT_TARGET_BYTES,
    min_partitions: int = MIN_PARTITIONS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_plan: Callable[[list[Partition]], None] | None = None,
    on_partition: Callable[[PartitionResult], None] | None = None,
    analyze: Analyze | None = None,
    stories: bool = True,
    force: bool = False,
) -> RunReport:
    """Ingest ``inputs`` (then ``feeds`` URLs) on the cluster behind ``client``, writing
    Parquet under ``out``. ``published`` is the date for documents that show none.

    ``on_plan`` gets the partitions before they are submitted, ``on_partition`` each result
    as it completes (for a progress bar). ``analyze`` replaces ``pipeline.analyze_many``
    (tests use it to slow tasks down); it must be picklable. With ``stories`` the run ends
    with the cross-partition near-duplicate clustering (``stories.cluster_stories``).
    Partitions already written by an earlier run over the same content are reused unless
    ``force``; once every partition is written, those made earlier from an older version of
    the same inputs are deleted (``prune``). Raises ``InputError`` when ``out`` was written
    with another ``granularity``.
    """
    from distributed import as_completed

    from .stories import cluster_stories, write_stories

    started = time.perf_counter()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    _check_layout(out_dir, granularity)
    partitions = plan(
        inputs,
        feeds=feeds,
        target_bytes=target_bytes,
        min_partitions=min_partitions,
        max_bytes=max_bytes,
    )
    if on_plan is not None:
        on_plan(partitions)
    client.register_plugin(WarmModel())  # replaces an earlier registration of the same name
    ids = client.gather([
        client.submit(
            partition_article_ids, partition, max_bytes=max_bytes, published=published,
            pure=False, retries=2,
        )
        for partition in partitions
    ])
    elsewhere = copies_elsewhere(ids)
    del ids
    futures = [
        client.submit(
            run_partition,
            partition,
            str(out_dir.resolve()),  # workers may run in another directory
            granularity=granularity,
            batch_size=batch_size,
            max_bytes=max_bytes,
            published=published,
            analyze=analyze,
            force=force,
            elsewhere=copies,
            pure=False,
            retries=2,
        )
        for partition, copies in zip(partitions, elsewhere, strict=True)
    ]
    report = RunReport(out=str(out_dir), partitions=len(partitions))
    for future in as_completed(futures):
        result: PartitionResult = future.result()
        report.results.append(result)
        report.articles += result.articles
        report.skips += result.skips
        report.events += result.events
        report.statements += result.statements
        report.words += result.words
        report.reused += result.reused
        report.copies += result.copies
        if on_partition is not None:
            on_partition(result)
    report.results.sort(key=lambda r: r.index)
    report.pruned = len(
        prune(
            out_dir, (r.key for r in report.results), (u.path for p in partitions for u in p.units)
        )
    )
    if stories:
        found = cluster_stories(out_dir, client=client)
        write_stories(out_dir, found)
        report.stories = len(found)
        report.articles_merged = sum(len(s.members) - 1 for s in found)
    report.seconds = time.perf_counter() - started
    return report
