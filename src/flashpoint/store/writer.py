"""The one writer of a Flashpoint DuckDB file.

DuckDB allows one writing process per file, so everything that stores goes through a
``Store``: the CLI ingest, the demo, the API's upload path and the Dask runner's collector.

Why it is safe to kill: ``write`` commits one transaction per batch of articles (an article,
its events, statements, sighting and MinHash signature always land together or not at all),
and every row's key is derived from content, so a re-run skips what was committed
(``INSERT OR IGNORE``) and adds exactly what was lost. Derived tables (stories, unique
events) are computed from the primary tables by ``store.derive``; ``Store.refresh`` runs it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self, TypeVar
from urllib.parse import urlparse

from ..columns import (
    ARTICLES,
    DERIVED,
    EVENTS,
    SIGHTINGS,
    SIGNATURES,
    SKIPS,
    SPECS,
    STATEMENTS,
    missing_columns,
)
from ..errors import StoreBusyError, StoreError, StoreUnusableError
from ..records import Analysis, Article, Event, Skipped
from . import dedup, derive, storage
from .derive import RefreshStats
from .schema import (
    DERIVED_TABLES,
    INDEXES,
    MIGRATIONS,
    PRIMARY_TABLES,
    REBUILT_FROM,
    RETIRED_INDEXES,
    SCHEMA_VERSION,
    TABLES,
)

T = TypeVar("T")

DEFAULT_DB = "flashpoint.duckdb"
BATCH_ARTICLES = 512
# Each INSERT costs DuckDB ~10 ms whatever its size, six per transaction: a transaction is
# closed after BATCH_ARTICLES items or BATCH_SECONDS, whichever comes first, so the cost stays
# a few percent of the NLP time while a crash loses at most a couple of seconds of work.
BATCH_SECONDS = 2.0
# A writer opening a file another process holds waits this long before giving up (a reader
# taking a replica copy holds it for well under a second; an ingest holds it for its run).
LOCK_WAIT_SECONDS = 5.0


@dataclass
class WriteStats:
    """What a ``write`` call did. ``known`` = already stored before (nothing added)."""

    articles_new: int = 0
    articles_known: int = 0
    events: int = 0
    statements: int = 0
    sightings_new: int = 0
    skips_new: int = 0
    skips_known: int = 0
    skips_by_reason: Counter = field(default_factory=Counter)
    words: int = 0
    batches: int = 0

    def add(self, other: WriteStats) -> None:
        for name in (
            "articles_new", "articles_known", "events", "statements", "sightings_new",
            "skips_new", "skips_known", "words", "batches",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skips_by_reason.update(other.skips_by_reason)


def _h(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def event_id(article_id: str, event: Event) -> str:
    """Deterministic event id: article, evidence offsets, code and actors."""
    s, t = event.source, event.target
    return _h(
        article_id, event.evidence.start, event.evidence.end, event.cameo,
        s.code if s else None, s.text if s else None,
        t.code if t else None, t.text if t else None,
    )


def _event_rows(article_id: str, seq: int, events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """Rows of the ``events`` table for one article's events (the article's ``seq``): each
    event's columns (``columns.EVENTS``) and its keys. The table has no key (``columns.KEYLESS``) to drop an
    event told twice with the same evidence, code and actors: the first is kept."""
    ids: set[str] = set()
    for idx, event in enumerate(events):
        eid = event_id(article_id, event)
        if eid not in ids:
            ids.add(eid)
            yield EVENTS.row("duckdb", event, id=eid, article_id=article_id, article_seq=seq,
                             idx=idx)


def skip_id(skip: Skipped) -> str:
    """A skip is the same skip when it comes from the same origin for the same reason."""
    if skip.origin:
        return _h("skip", skip.origin, skip.reason)
    return _h("skip", skip.reason, skip.detail)


def sighting_key(article: Article) -> tuple[str, str]:
    """(key, source) of one place an article was seen."""
    key = article.url or article.origin or article.id
    source = article.source
    if not source and article.url:
        source = urlparse(article.url).hostname
    return key, source or "unknown"


class Store:
    """A Flashpoint database opened for writing (one per file at a time).

    Use as a context manager::

        with Store("crisis.duckdb") as store:
            stats = store.write(analyze_many(read_path("news/")))
            store.refresh()
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        *,
        batch_articles: int = BATCH_ARTICLES,
        batch_seconds: float | None = BATCH_SECONDS,
        lock_wait: float = LOCK_WAIT_SECONDS,
        replica: bool = False,
        memory_limit: str | None = None,
    ):
        """``replica=True`` keeps a read replica (``store.replica``) even when no reader asked
        for one yet, so readers of the file (the CLI, notebooks) can read while this writer
        holds it: ``flashpoint ingest`` sets it. ``memory_limit`` caps DuckDB's memory
        (``storage.connect``; a long ingest sets it, so its memory does not follow the file)."""
        self.path = Path(path)
        self.batch_articles = max(1, batch_articles)
        self.batch_seconds = batch_seconds
        self._published: float | None = None  # last replica publish; None until usable
        self._publish_cost = 0.0  # seconds the last publish took
        if replica:
            self._replica_folder()  # before the file is taken: a reader then waits for a copy
        self.con = _connect_waiting(self.path, lock_wait, memory_limit)
        self._memory_limit = memory_limit
        self._schemas = {name: spec.arrow_schema("duckdb") for name, spec in SPECS.items()}
        try:
            if self._ensure_schema():
                # A derived table of another layout was dropped: rebuild them all now, so the
                # file is never left readable but empty (readers check columns, not rows).
                self.within_memory(lambda: derive.refresh(self.con, full=True, path=self.path))
        except BaseException:
            self.close()
            raise
        self._published = 0.0
        if replica:
            self._start_replica()

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.publish_replica(force=True)
        except Exception:  # noqa: BLE001, S110 - a failed copy must not lose the close
            pass
        storage.close(self.con)

    def _ensure_schema(self) -> bool:
        """Create what is missing; migrate a file of an older version (one transaction).
        Returns True when derived tables of another layout were dropped (to be rebuilt)."""
        with storage.transaction(self.con, "E303", path=self.path):
            dropped = False
            for name, ddl in TABLES.items():
                if name in DERIVED_TABLES and not self._layout_matches(name):
                    # Derived tables are rebuilt from the primary ones by refresh(): when their
                    # layout changed, drop them and let the next refresh fill the new layout.
                    self.con.execute(f"DROP TABLE {name}")
                    dropped = True
                elif name in PRIMARY_TABLES and self._stale(name):
                    self._rekey(name, ddl)
                self.con.execute(ddl)
            if dropped:
                derive.invalidate(self.con)  # the next refresh must rebuild, not update
            rows = self.con.execute("SELECT DISTINCT version FROM schema_version").fetchall()
            found = max((r[0] for r in rows), default=None)
            if found is not None and found > SCHEMA_VERSION:
                raise StoreUnusableError(
                    "E309", path=self.path, found=found, expected=SCHEMA_VERSION
                )
            for name in PRIMARY_TABLES:  # a field added to a record spec: its column, NULL
                have = [r[1] for r in self.con.execute(f"PRAGMA table_info('{name}')").fetchall()]
                missing = missing_columns(name, have)
                if missing:  # DuckDB alters no table an index depends on: INDEXES rebuild them
                    for (index,) in self.con.execute(
                        "SELECT index_name FROM duckdb_indexes() WHERE table_name = ?", [name]
                    ).fetchall():
                        self.con.execute(f"DROP INDEX {index}")
                for column in missing:
                    self.con.execute(f"ALTER TABLE {name} ADD COLUMN {column.name} {column.type}")
            for index in RETIRED_INDEXES:
                self.con.execute(f"DROP INDEX IF EXISTS {index}")
            for ddl in INDEXES:
                self.con.execute(ddl)
            if found is None:
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, _now()]
                )
            elif found < SCHEMA_VERSION:
                for version in range(found, SCHEMA_VERSION):
                    for sql in MIGRATIONS.get(version, ()):
                        self.con.execute(sql)
                self.con.execute("DELETE FROM schema_version")
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, _now()]
                )
        return dropped

    def _layout_matches(self, name: str) -> bool:
        """Whether derived table ``name`` (if it exists) has its spec's columns, in order, and
        its primary key."""
        key = self._key(name)
        if key is None:
            return True  # not created yet
        have = [r[1] for r in self.con.execute(f"PRAGMA table_info('{name}')").fetchall()]
        return have == DERIVED[name].names("duckdb") and key == DERIVED[name].primary_key

    def _key(self, name: str) -> tuple[str, ...] | None:
        """The primary key of table ``name`` as the file has it; None when there is no table."""
        exists = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [name]
        ).fetchall()[0][0]
        if not exists:
            return None
        rows = self.con.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() "
            "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'", [name]
        ).fetchall()
        return tuple(rows[0][0]) if rows else ()

    def _rekey(self, name: str, ddl: str) -> None:
        """Rebuild primary table ``name`` in its spec's layout (a file written when the table
        had another key or lacked a column its rows give, such as ``articles`` without
        ``seq`` before schema version 4), rows kept in their order. DuckDB alters no key in
        place: the rows move to a table made from the spec (``REBUILT_FROM`` gives the
        columns the old rows lack)."""
        for (index,) in self.con.execute(
            "SELECT index_name FROM duckdb_indexes() WHERE table_name = ?", [name]
        ).fetchall():
            self.con.execute(f"DROP INDEX {index}")  # INDEXES makes them again
        # Built beside the old table, then renamed: DuckDB 2.0 fails to bind a join over a
        # table renamed in the same transaction that had a two-column key.
        new = f"{name}_rebuilt"
        self.con.execute(ddl.replace(f"CREATE TABLE IF NOT EXISTS {name} (",
                                     f"CREATE TABLE {new} (", 1))
        column, select = REBUILT_FROM.get(name, ("", "SELECT * FROM {old}"))
        if column in self._columns(name):  # the old table has it: its rows as they are
            select = "SELECT * FROM {old}"
        select = select.format(old=name)
        self.con.execute(f"INSERT INTO {new} BY NAME {select}")
        self.con.execute(f"DROP TABLE {name}")
        self.con.execute(f"ALTER TABLE {new} RENAME TO {name}")

    def _columns(self, name: str) -> list[str]:
        return [r[1] for r in self.con.execute(f"PRAGMA table_info('{name}')").fetchall()]

    def _stale(self, name: str) -> bool:
        """Whether primary table ``name`` of the file must be rebuilt into its spec's
        layout: another primary key, or a NOT NULL column of the spec that the rows give
        (``REBUILT_FROM``) missing."""
        key = self._key(name)
        if key is None:
            return False  # not created yet
        if key != SPECS[name].primary_key:
            return True
        have = set(self._columns(name))
        return name in REBUILT_FROM and REBUILT_FROM[name][0] not in have

    # -- queries the writer needs --------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored as articles."""
        return set(self.known_seqs(ids))

    def known_seqs(self, ids: Iterable[str]) -> dict[str, int]:
        """``{id: seq}`` of those of ``ids`` already stored as articles.

        ``articles`` has no key (``columns.KEYLESS``): a semi-join against its ``id`` column,
        which DuckDB scans (2M articles: ~50 ms CPU, 2 threads; through the ART index of the
        key it was ~4-18 ms, but that index over random ids stays in memory whole)."""
        ids = sorted(set(ids))
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, seq FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return dict(rows)

    def counts(self) -> dict[str, int]:
        """Row count of every table (primary and derived)."""
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in (*PRIMARY_TABLES, *DERIVED_TABLES)
        }

    # -- writing -----------------------------------------------------------------------------
    def write(
        self,
        analyses: Iterable[Analysis],
        *,
        on_batch: Callable[[WriteStats], None] | None = None,
        signatures: Mapping[str, bytes] | None = None,
    ) -> WriteStats:
        """Store analyses in transactions of at most ``batch_articles`` items, each closed
        after ``batch_seconds`` at the latest (None: by count only); returns what was added.

        An analysis whose article is already stored adds only its sighting (a new URL or
        origin for the same content). ``on_batch`` gets the running totals after each commit.
        ``signatures`` maps article ids to MinHash bytes already computed (the Dask workers
        compute them beside the NLP); only new articles missing from it are hashed here.
        """
        total = WriteStats()
        for batch in _chunks(analyses, self.batch_articles, self.batch_seconds):
            total.add(self._write_batch(batch, signatures or {}))
            self.publish_replica()
            if on_batch is not None:
                on_batch(total)
        return total

    def publish_replica(self, *, force: bool = False) -> None:
        """Copy the committed state to ``<db>.replica/`` if a reader asked for one there
        (``store.replica``), unless ``force`` at most every ``replica.PUBLISH_SECONDS`` and
        never more often than ``replica.COPY_SHARE`` of the time allows: a large file whose
        copy takes 2 s is republished every 20 s, so the copying stays a tenth of the ingest."""
        from . import replica

        if self._published is None:
            return  # the file never became a usable database: nothing to publish
        wait = max(replica.PUBLISH_SECONDS, self._publish_cost / replica.COPY_SHARE)
        if not force and time.monotonic() - self._published < wait:
            return
        started = time.monotonic()
        if replica.publish(self.con, self.path) is not None:
            self._published = time.monotonic()
            self._publish_cost = self._published - started

    def _replica_folder(self) -> None:
        """Create the replica folder (``store.replica.ensure``); E312 when it cannot be."""
        from . import replica

        try:
            replica.ensure(self.path)
        except OSError as e:
            raise StoreError("E312", path=self.path, folder=replica.replica_dir(self.path),
                             cause=e.strerror or str(e)) from e

    def _start_replica(self) -> None:
        """Publish the file as it is now, unless the newest copy already is: a reader that
        arrives before this writer's first commit reads that state. A copy that cannot be
        made is ``StoreError`` E312 (the store is closed)."""
        from . import replica

        folder = replica.replica_dir(self.path)
        try:
            with storage.translated("E312", path=self.path, folder=folder):
                if replica.stale(self.path):
                    self.publish_replica(force=True)
        except OSError as e:
            self.close()
            raise StoreError("E312", path=self.path, folder=folder,
                             cause=e.strerror or str(e)) from e
        except BaseException:
            self.close()
            raise

    def add_sightings(self, articles: Iterable[Article]) -> int:
        """Record where already-analysed articles were seen again; returns the new ones."""
        return self.write(Analysis(article=a) for a in articles).sightings_new

    def _write_batch(self, batch: list[Analysis], signatures: Mapping[str, bytes]) -> WriteStats:
        import pyarrow as pa

        stats = WriteStats(batches=1)
        now = _now()
        arts = [a.article for a in batch if a.article is not None]
        with storage.transaction(self.con, "E307", path=self.path):
            known = self.known_seqs(a.id for a in arts)
            seen = self._sighting_keys(known)
            seq = self._last_seq()
            rows: dict[str, list[dict[str, Any]]] = {t: [] for t in self._schemas}
            seq_of: dict[str, int] = dict(known)
            for an in batch:
                if an.article is None:
                    if an.skipped is not None:
                        sk = an.skipped
                        stats.skips_by_reason[sk.reason] += 1
                        rows["skips"].append(SKIPS.row("duckdb", sk, id=skip_id(sk), at=now))
                    continue
                art = an.article
                fresh = art.id not in seq_of
                if fresh:
                    seq += 1
                    seq_of[art.id] = seq
                key, source = sighting_key(art)
                if (art.id, key) not in seen:  # sightings have no key: a repeat is not written
                    seen.add((art.id, key))
                    rows["sightings"].append(SIGHTINGS.row(
                        "duckdb", None, article_id=art.id, article_seq=seq_of[art.id], key=key,
                        source=source, origin=art.origin, url=art.url, seen_at=now,
                    ))
                if not fresh:
                    stats.articles_known += 1
                    continue
                stats.articles_new += 1
                n_words = len(art.text.split())
                stats.words += n_words
                rows["articles"].append(ARTICLES.row(
                    "duckdb", art, seq=seq, num_words=n_words, story_id=None, ingested_at=now
                ))
                rows["signatures"].append(SIGNATURES.row(
                    "duckdb", None, article_id=art.id,
                    minhash=_minhash(art, signatures),
                ))
                rows["events"].extend(_event_rows(art.id, seq, an.events))
                for i, st in enumerate(an.statements):
                    rows["statements"].append(STATEMENTS.row(
                        "duckdb", st, article_id=art.id, idx=i
                    ))
            for table, table_rows in rows.items():
                if not table_rows:
                    continue
                before = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
                tbl = pa.Table.from_pylist(table_rows, schema=self._schemas[table])
                self.con.register("_batch", tbl)
                cols = ", ".join(f'"{c}"' for c in tbl.schema.names)
                # A keyed table ignores a row it holds already (a re-run after a crash); a
                # keyless one (columns.KEYLESS) only ever receives rows of the new articles,
                # and sightings only those not stored (``_sighting_keys``).
                verb = "INSERT OR IGNORE" if SPECS[table].primary_key else "INSERT"
                self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _batch")
                self.con.unregister("_batch")
                added = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] - before
                if table == "events":
                    stats.events = added
                elif table == "statements":
                    stats.statements = added
                elif table == "sightings":
                    stats.sightings_new = added
                elif table == "skips":
                    stats.skips_new = added
                    stats.skips_known = len(table_rows) - added
        return stats

    def _last_seq(self) -> int:
        """The highest article ``seq`` stored (0 in an empty store): the writer numbers new
        articles on from it, in the order it stores them. Read in the batch's transaction
        (one writer per file): a batch rolled back leaves no number taken."""
        return int(self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchall()[0][0])

    def _sighting_keys(self, known: Mapping[str, int]) -> set[tuple[str, str]]:
        """``(article_id, key)`` of the sightings stored for the ``known`` articles (id ->
        seq): a place an article was seen is written once. Found by the articles' seqs, so
        DuckDB reads only the row groups whose min/max hold them (no index)."""
        if not known:
            return set()
        rows = self.con.execute(
            "SELECT article_id, key FROM sightings "
            "WHERE article_seq IN (SELECT unnest(?::BIGINT[]))", [sorted(known.values())]
        ).fetchall()
        return {(a, k) for a, k in rows}

    # -- derived tables ----------------------------------------------------------------------
    def set_memory_limit(self, limit: str | None) -> None:
        """Change DuckDB's memory limit for what follows (an ingest changes it for its final
        update: ``store.ingest.UPDATE_MEMORY_LIMIT``; None: DuckDB's default).

        DuckDB refuses a limit below what it holds and cannot evict: the ART indexes it has
        loaded (random keys touch them all over; 100 reports written into a 10M-event store
        with hash ids left 177 MB of them, and its update more than 256 MB). Then the
        connection keeps DuckDB's default, as ``within_memory`` would after running out: a
        bounded process would rather grow than lose the work it did (the ingest into that
        store failed after its update, restoring the limit)."""
        try:
            storage.set_memory_limit(self.con, limit, path=self.path)
        except StoreError as e:
            if limit is None or not storage.out_of_memory(e):
                raise
            storage.set_memory_limit(self.con, None, path=self.path)
            limit = None
        self._memory_limit = limit

    def within_memory(self, work: Callable[[], T]) -> T:
        """``work()``; when DuckDB ran out of the memory this connection's limit allows (a
        rebuild larger than the limit was sized for: the derived tables of a store with
        millions of events), once more under DuckDB's default, the limit then set again. A
        bounded process would rather grow than lose the work; without a limit the error
        stands."""
        limit = self._memory_limit
        try:
            return work()
        except StoreError as e:
            if limit is None or not storage.out_of_memory(e):
                raise
        self.set_memory_limit(None)
        try:
            return work()
        finally:
            self.set_memory_limit(limit)

    def refresh(self, *, full: bool = False) -> RefreshStats:
        """Bring stories and unique events up to date with what was written, in one
        transaction (``store.derive.refresh``): incrementally, at a cost in proportion to the
        new articles, or rebuilt from the primary tables when ``full``."""
        stats = derive.refresh(self.con, full=full, path=self.path)
        self.publish_replica(force=True)
        return stats


def _minhash(article: Article, known: Mapping[str, bytes]) -> bytes:
    """The article's MinHash bytes: the precomputed ones when given and of this layout
    (``NUM_PERM`` 32-bit values), else computed from its text."""
    blob = known.get(article.id)
    if blob is not None and len(blob) == dedup.NUM_PERM * 4:
        return blob
    return dedup.to_bytes(dedup.signature(article.text))


def _connect_waiting(path: Path, wait: float, memory_limit: str | None = None) -> Any:
    """Open ``path`` for writing, retrying for ``wait`` seconds while another process holds a
    lock on it (a dashboard copying its replica holds a read lock for a moment).

    A file held by a running ``flashpoint serve`` with a write token (its note,
    ``store.owner``) will not come free: E315 at once, saying to send the pages to it."""
    from . import owner

    deadline = time.monotonic() + wait
    while True:
        try:
            return storage.connect(path, read_only=False, memory_limit=memory_limit)
        except StoreBusyError as e:
            server = owner.holder(path)
            if server is not None:
                raise StoreBusyError("E315", path=path, pid=server.pid, url=server.url) from e
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.2)


def _chunks(
    items: Iterable[Analysis], n: int, seconds: float | None = None
) -> Iterator[list[Analysis]]:
    batch: list[Analysis] = []
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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
