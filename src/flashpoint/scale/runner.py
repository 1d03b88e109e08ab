"""Run the local pipeline over a Dask cluster: one task per partition, Parquet out.

Each task ingests its partition (``partitions.read_unit``, i.e. ``ingest.read_path``), runs the
one stage function ``pipeline.analyze_many`` on it, computes the MinHash signatures the story
clustering needs, and writes hive-partitioned Parquet (``parquet.write_partition``). No task
writes DuckDB: ``flashpoint load`` does that, in one process, with the store's own writer.

Fault tolerance comes from Dask and from how tasks write: when a worker dies, the scheduler
re-runs its tasks elsewhere, and a re-run writes the same file names (derived from the
partition's content) through a temporary file and an atomic rename. A lost task therefore
neither loses nor duplicates rows, and re-running the whole ingest over the same inputs
rewrites the same files.

The spaCy model is loaded once per worker process (``nlp.get_nlp`` is cached per process);
the ``WarmModel`` plugin loads it when a worker starts, so the first task does not pay for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..ingest import DEFAULT_MAX_BYTES
from ..records import Analysis, Article, Skipped
from .parquet import Granularity, write_partition
from .partitions import (
    DEFAULT_TARGET_BYTES,
    MIN_PARTITIONS,
    Partition,
    partition_key,
    plan,
    read_unit,
)

Analyze = Callable[..., Iterable[Analysis]]
DEFAULT_BATCH_SIZE = 32
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
) -> PartitionResult:
    """Ingest, analyse and write one partition (runs on a worker; safe to run twice)."""
    from ..store import dedup

    if analyze is None:
        from ..pipeline import analyze_many as analyze
    started = time.perf_counter()
    items: list[Article | Skipped] = [
        item
        for unit in partition.units
        for item in read_unit(unit, max_bytes=max_bytes, published=published)
    ]
    key = partition_key(partition, items)
    analyses = list(analyze(items, batch_size=batch_size))
    signatures: dict[str, bytes] = {}
    for analysis in analyses:
        article = analysis.article
        if article is not None and article.id not in signatures:
            signatures[article.id] = dedup.to_bytes(dedup.signature(article.text))
    files = write_partition(
        out, key, analyses, part=partition.index, granularity=granularity, signatures=signatures
    )
    articles = [a.article for a in analyses if a.article is not None]
    return PartitionResult(
        index=partition.index,
        key=key,
        articles=len(articles),
        skips=sum(a.article is None for a in analyses),
        events=sum(len(a.events) for a in analyses),
        statements=sum(len(a.statements) for a in analyses),
        words=sum(len(a.text.split()) for a in articles),
        files=len(files),
        seconds=time.perf_counter() - started,
        worker_pid=os.getpid(),
    )


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
            dashboard_address=":0" if has_dashboard() else None,
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
) -> RunReport:
    """Ingest ``inputs`` (then ``feeds`` URLs) on the cluster behind ``client``, writing
    Parquet under ``out``. ``published`` is the date for documents that show none.

    ``on_plan`` gets the partitions before they are submitted, ``on_partition`` each result
    as it completes (for a progress bar). ``analyze`` replaces ``pipeline.analyze_many``
    (tests use it to slow tasks down); it must be picklable. With ``stories`` the run ends
    with the cross-partition near-duplicate clustering (``stories.cluster_stories``).
    """
    from distributed import as_completed

    from .stories import cluster_stories, write_stories

    started = time.perf_counter()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
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
    futures = [
        client.submit(
            run_partition,
            partition,
            str(out_dir),
            granularity=granularity,
            batch_size=batch_size,
            max_bytes=max_bytes,
            published=published,
            analyze=analyze,
            pure=False,
            retries=2,
        )
        for partition in partitions
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
        if on_partition is not None:
            on_partition(result)
    report.results.sort(key=lambda r: r.index)
    if stories:
        found = cluster_stories(out_dir, client=client)
        write_stories(out_dir, found)
        report.stories = len(found)
        report.articles_merged = sum(len(s.members) - 1 for s in found)
    report.seconds = time.perf_counter() - started
    return report
