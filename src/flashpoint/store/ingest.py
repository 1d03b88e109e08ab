"""Corpus ingest: paths and feeds -> ``analyze_many`` -> ``Store``, resumable and streaming.

The loop every surface shares (``flashpoint ingest``, ``make demo``, the API's upload path):

1. read inputs lazily (``ingest.read_path`` per path, ``ingest.read_feed_urls`` for the feed URLs);
2. drop articles whose content is *already stored* before they reach the NLP (checked in
   small chunks against the database), so a re-run, or a run resumed after a crash, costs
   only what is new; the copies still add a sighting (a new URL or source for the content);
3. analyse the rest with ``pipeline.analyze_many`` (batched ``nlp.pipe``, ``workers``
   processes);
4. store in transactions of ``commit_every`` articles or 2 seconds, whichever comes first
   (``Store.write``);
5. update the derived tables (stories, unique events) once at the end (``Store.refresh``:
   incremental, so its cost follows what this run added, not the size of the store); a large
   run first lets go of its NLP models, which the update does not need.

Memory is bounded by the chunk sizes, never by the corpus: nothing holds the whole stream.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import default_workers, release_models
from ..records import Analysis, Article, Skipped, internal_error
from .storage import translated
from .writer import Store, WriteStats

LOOKUP_CHUNK = 64


@dataclass
class IngestStats:
    """What an ingest did; also the running state handed to ``on_progress``."""

    inputs: int = 0  # items read (articles + skips)
    articles_new: int = 0
    articles_known: int = 0  # content already stored (before or earlier in this run)
    events: int = 0
    statements: int = 0
    skips_new: int = 0
    skips_known: int = 0
    skips_by_reason: Counter = field(default_factory=Counter)
    words: int = 0
    stories: int | None = None  # after refresh
    articles_merged: int | None = None  # near-duplicates merged into an earlier story
    unique_events: int | None = None
    seconds: float = 0.0
    refresh_seconds: float = 0.0  # the update of the derived tables at the end
    done: bool = False

    @property
    def articles_per_s(self) -> float:
        return self.articles_new / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def skips(self) -> int:
        return sum(self.skips_by_reason.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "articles_new": self.articles_new,
            "articles_known": self.articles_known,
            "events": self.events,
            "statements": self.statements,
            "skips": self.skips,
            "skips_new": self.skips_new,
            "skips_by_reason": dict(sorted(self.skips_by_reason.items())),
            "words": self.words,
            "stories": self.stories,
            "articles_merged": self.articles_merged,
            "unique_events": self.unique_events,
            "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s, 1),
        }


# DuckDB's memory in an ingest process, while it streams and for its final update. Its buffer
# pool otherwise keeps every block it reads (up to 80 % of RAM), so the memory of a long ingest
# would grow with the file; the process also holds the NLP when it analyses itself (one
# worker), and the whole process is to stay under 1 GiB. Streaming needs little: the writer's
# batches and the known-id lookups; beyond the limit DuckDB evicts cached blocks and spills to
# ``<db>.tmp``. The final update needs more: the full rebuild that ends an ingest into a new
# store sorts and groups all event groups in one statement each, which at 100,000 articles
# (93,016 new, 481,728 events) fits 256 MB and not 192 MB (docs/CAPACITY.md). A bigger run's
# update may need more: when DuckDB runs out of memory under this limit, the update is done
# again under DuckDB's default limit (``Store.within_memory``), so an ingest is never lost to it.
INGEST_MEMORY_LIMIT = "192MB"
UPDATE_MEMORY_LIMIT = "256MB"
# A run that added at least this many articles releases the NLP models before its final update
# (``pipeline.release_models``): the update needs none, and their memory would add to the
# rebuild's. Smaller runs keep them: the API and the monitor ingest a little, often, in one
# process, and reloading spaCy (~1-2 s) would cost more than the update itself.
RELEASE_MODELS_AFTER = 10_000


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    feeds: Iterable[str] = (),
    max_bytes: int | None = None,
    published: dt.date | str | None = None,
) -> Iterator[Article | Skipped]:
    """All inputs as one lazy stream: each path (file, directory, JSONL, feed file, OPML),
    then each feed URL. A feed URL goes through the same reader as a feed file."""
    from .. import ingest as ing

    limit = ing.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    for path in paths:
        yield from guarded(ing.read_path(path, max_bytes=limit, published=published), str(path))
    feeds = list(feeds)
    if feeds:  # fetched concurrently (a few per host), yielded in the order given
        yield from guarded(ing.read_feed_urls(feeds), "feed URLs")


def expected_inputs(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many items ``read_inputs(paths)`` will give, for a progress total and an ETA: one
    per file, one per line of a JSONL file (counted in raw bytes, ~1 s per GB; a blank line
    makes the total one too high).
    None when a count needs parsing (a JSON list, a feed, an OPML list, a file to sniff)."""
    from ..ingest.paths import EXTENSION_KINDS, iter_files

    total = 0
    for path in paths:
        p = Path(path)
        for file in iter_files(p) if p.is_dir() else [p]:
            kind = EXTENSION_KINDS.get(file.suffix.lower(), "auto")
            if kind in {"html", "text"}:
                total += 1
            elif kind == "jsonl":
                try:
                    total += _count_lines(file)
                except OSError:
                    total += 1  # read as one unreadable-file skip
            else:
                return None
    return total


def _count_lines(file: Path) -> int:
    lines, last = 0, b"\n"
    with file.open("rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def guarded(results: Iterable[Article | Skipped], origin: str) -> Iterator[Article | Skipped]:
    """The results of one input; a bug that escapes its reader ends that input with an
    ``internal_error`` skip (what it yielded before is kept) and the next input is read."""
    try:
        yield from results
    except Exception as e:  # noqa: BLE001 - one input must never stop the others
        yield internal_error("read", e, origin)


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str],
    feeds: Sequence[str] = (),
    batch_size: int = 32,
    workers: int | None = None,
    max_bytes: int | None = None,
    published: dt.date | str | None = None,
    on_progress: Callable[[IngestStats], None] | None = None,
    items: Iterable[Article | Skipped] | None = None,
    commit_every: int = 512,
    replica: bool = False,
    memory_limit: str | None = INGEST_MEMORY_LIMIT,
) -> IngestStats:
    """Ingest files, directories and feed URLs into the database ``db``; returns the totals.

    ``workers`` analysis processes (default: all cores); ``batch_size`` articles per
    ``nlp.pipe`` batch; a transaction is committed every ``commit_every`` articles or 2 s.
    ``items`` replaces the readers with an already-built stream (the API and tests use it).
    ``replica`` keeps a read replica (``store.replica``) published after the commits, so other
    processes can read the file meanwhile (``flashpoint ingest`` sets it). ``memory_limit``
    caps DuckDB's memory in this process while it streams (``INGEST_MEMORY_LIMIT``; raised to
    ``UPDATE_MEMORY_LIMIT`` for the final update; None: DuckDB's default throughout).
    ``on_progress`` is called after each committed batch and once at the end (``stats.done``). Raises ``StoreError`` when the
    database cannot be opened or written; bad inputs never raise, they become skips.
    """
    from ..pipeline import analyze_many

    workers = max(1, workers if workers is not None else default_workers())
    stats = IngestStats()
    start = time.perf_counter()
    stream = items if items is not None else read_inputs(
        paths, feeds=feeds, max_bytes=max_bytes, published=published
    )

    # A DuckDB error outside the writer's own translation (a damaged block met by a lookup)
    # is a one-line StoreError naming the file, never a traceback.
    # Opened with the update's limit (opening may rebuild derived tables of an old layout),
    # streamed with the ingest's, updated with the update's again (``_prepare_update``).
    with translated("E307", path=db), Store(
        Path(db), batch_articles=max(1, commit_every), replica=replica,
        memory_limit=UPDATE_MEMORY_LIMIT if memory_limit is not None else None,
    ) as store:
        if memory_limit is not None:
            store.set_memory_limit(memory_limit)
        analysed = WriteStats()  # what the main write has committed so far
        seen_again = WriteStats()  # sightings of articles that were already stored

        def report() -> None:
            total = WriteStats()
            total.add(analysed)
            total.add(seen_again)
            _copy(total, stats)
            stats.seconds = time.perf_counter() - start
            if on_progress is not None:
                on_progress(stats)

        def counted(src: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
            for item in src:
                stats.inputs += 1
                yield item

        def fresh_only(src: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
            # Articles already committed skip the NLP: their sighting is written right here,
            # in its own small transaction (this runs while the main writer collects its next
            # batch, never inside its transaction), so a full re-run of a big corpus holds
            # nothing in memory. Copies not yet committed (in flight in this run) go through
            # analysis: the writer stores the first and counts the others as known.
            for chunk in _chunks(src, LOOKUP_CHUNK):
                known = store.known_ids(x.id for x in chunk if isinstance(x, Article))
                if known:
                    seen_again.add(write_isolated(
                        store, [Analysis(article=x) for x in chunk
                                if isinstance(x, Article) and x.id in known]))
                    report()
                for x in chunk:
                    if not (isinstance(x, Article) and x.id in known):
                        yield x

        def progress(ws: WriteStats) -> None:
            analysed.__dict__.update(ws.__dict__)
            report()

        analyses = analyze_many(
            fresh_only(counted(stream)), batch_size=batch_size, n_process=workers
        )
        progress(write_isolated(store, analyses, on_batch=progress))
        refresh_started = time.perf_counter()
        _prepare_update(store, stats, memory_limit)
        refreshed = store.within_memory(store.refresh)  # out of memory: once more, no limit
        stats.refresh_seconds = time.perf_counter() - refresh_started
    stats.stories = refreshed.stories
    stats.articles_merged = refreshed.articles_merged
    stats.unique_events = refreshed.unique_events
    stats.seconds = time.perf_counter() - start
    stats.done = True
    if on_progress is not None:
        on_progress(stats)
    return stats


def _prepare_update(store: Store, stats: IngestStats, memory_limit: str | None) -> None:
    """Before the final update: a large run lets go of the NLP models, and DuckDB gets the
    update's memory limit when the run capped it (``UPDATE_MEMORY_LIMIT``)."""
    if stats.articles_new >= RELEASE_MODELS_AFTER:
        release_models()
    if memory_limit is not None:
        store.set_memory_limit(UPDATE_MEMORY_LIMIT)




def write_isolated(
    store: Store,
    analyses: Iterable[Analysis],
    *,
    on_batch: Callable[[WriteStats], None] | None = None,
) -> WriteStats:
    """``store.write`` with fault isolation: one analysis that cannot be stored (a value the
    database or Arrow refuses) becomes its ``internal_error`` skip, the rest of its batch is
    stored, and the ingest goes on.

    A failed batch is rolled back by the writer and written again one analysis at a time. A
    store that cannot take even the skip of the failing analysis is broken (disk full,
    corrupt file): the original ``StoreError`` is raised, as before, and nothing is lost.
    """
    total = WriteStats()
    for batch in _chunks(analyses, store.batch_articles, store.batch_seconds):
        try:
            total.add(store.write(batch))
        except Exception:  # noqa: BLE001 - find the culprit, see below
            for analysis in batch:
                total.add(_write_one(store, analysis))
        if on_batch is not None:
            on_batch(total)
    return total


def _write_one(store: Store, analysis: Analysis) -> WriteStats:
    try:
        return store.write([analysis])
    except Exception as e:  # noqa: BLE001 - any failure writing one report becomes its stored skip
        origin = analysis.article.origin if analysis.article else (
            analysis.skipped.origin if analysis.skipped else None)
        skip = Analysis(article=None, skipped=internal_error("store", e, origin))
        try:
            return store.write([skip])
        except Exception:  # noqa: BLE001 - the store itself is failing: report the cause
            raise e from None


def _copy(ws: WriteStats, stats: IngestStats) -> None:
    stats.articles_new = ws.articles_new
    stats.articles_known = ws.articles_known
    stats.events = ws.events
    stats.statements = ws.statements
    stats.skips_new = ws.skips_new
    stats.skips_known = ws.skips_known
    stats.skips_by_reason = Counter(ws.skips_by_reason)
    stats.words = ws.words


def _chunks(
    items: Iterable[Any], n: int, seconds: float | None = None
) -> Iterator[list[Any]]:
    """Lists of at most ``n`` items, each closed after ``seconds`` (None: by count only)."""
    batch: list[Any] = []
    started = time.monotonic()
    for item in items:
        if not batch:
            started = time.monotonic()
        batch.append(item)
        if len(batch) >= n or (seconds is not None and time.monotonic() - started >= seconds):
            yield batch
            batch = []
    if batch:
        yield batch
