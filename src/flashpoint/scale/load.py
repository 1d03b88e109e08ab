"""Parquet written by the Dask runner into a DuckDB database: the one writer.

The loader rebuilds the very ``Analysis`` records the workers produced (the Parquet round
trip is lossless) and hands them, in the local path's input order, to the store's own writer
(``Store.write``, then ``Store.refresh``), together with the MinHash signatures the workers
computed beside the NLP (``signatures/*.parquet``), so the one writing process hashes no text
again. Partitions are grouped into writes of about ``Store.batch_articles`` analyses: one
transaction each, as in the local path, with only their signatures in memory. The database therefore holds exactly the tables a
local ``flashpoint ingest`` of the same inputs writes: same row keys, same first-seen origins,
same exact-duplicate handling, same stories and unique events.

The stories the cluster computed (``stories/members.parquet``) are checked against the ones
the store derives: they must agree when the database held nothing else before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..columns import STORY_MEMBERS
from ..errors import InputError
from ..records import Analysis
from .parquet import migrate, partition_keys, read_partitions
from .stories import STORIES_FILE

_MEMBER_COLUMNS = STORY_MEMBERS.names("parquet")


@dataclass(frozen=True)
class LoadReport:
    """What ``load`` added, and whether the cluster's stories agree with the store's."""

    write: Any  # store.WriteStats
    refresh: Any  # store.RefreshStats
    stories_agree: bool | None  # None when the Parquet holds no stories file
    partitions: int

    def to_dict(self) -> dict[str, Any]:
        w = self.write
        return {
            "partitions": self.partitions,
            "articles_new": w.articles_new,
            "articles_known": w.articles_known,
            "events": w.events,
            "statements": w.statements,
            "sightings_new": w.sightings_new,
            "skips_new": w.skips_new,
            "skips_by_reason": dict(w.skips_by_reason),
            "stories": self.refresh.stories,
            "articles_merged": self.refresh.articles_merged,
            "unique_events": self.refresh.unique_events,
            "stories_agree": self.stories_agree,
        }


def load(
    parquet_dir: str | os.PathLike[str],
    db: str | os.PathLike[str],
    *,
    on_batch: Callable[[Any], None] | None = None,
) -> LoadReport:
    """Load a runner's output directory into the DuckDB file ``db`` (created if absent)."""
    from ..store import Store, WriteStats

    source = Path(parquet_dir)
    if not source.is_dir():
        raise InputError("E113", path=source)
    migrate(source)  # output of an older Flashpoint: rewritten in the current layout first
    keys = partition_keys(source)
    if not keys:
        raise InputError("E114", path=source)
    with Store(db) as store:
        stats = WriteStats()
        for analyses, signatures in _grouped(read_partitions(source), store.batch_articles):
            stats.add(store.write(analyses, signatures=signatures))
            if on_batch is not None:
                on_batch(stats)
        refreshed = store.refresh()
        agree = stories_agree(source, store.con)
    return LoadReport(write=stats, refresh=refreshed, stories_agree=agree, partitions=len(keys))


def _grouped(
    partitions: Iterable[tuple[list[Analysis], dict[str, bytes]]], size: int
) -> Iterator[tuple[list[Analysis], dict[str, bytes]]]:
    """Consecutive partitions joined into groups of at least ``size`` analyses (the last may
    be smaller), with the signatures of their articles: one writer call each."""
    analyses: list[Analysis] = []
    signatures: dict[str, bytes] = {}
    for part, sigs in partitions:
        analyses.extend(part)
        signatures.update(sigs)
        if len(analyses) >= size:
            yield analyses, signatures
            analyses, signatures = [], {}
    if analyses:
        yield analyses, signatures


def stories_agree(parquet_dir: str | os.PathLike[str], con: Any) -> bool | None:
    """Whether ``stories/members.parquet`` equals the database's ``story_members`` table."""
    path = Path(parquet_dir) / STORIES_FILE
    if not path.is_file():
        return None
    cols = ", ".join(_MEMBER_COLUMNS)
    ours = sorted(
        tuple(r.values()) for r in pq.read_table(path, columns=list(_MEMBER_COLUMNS)).to_pylist()
    )
    theirs = sorted(con.execute(f"SELECT {cols} FROM story_members").fetchall())
    return ours == theirs
