"""Store stage: the DuckDB database every analysed article, event, statement and skip goes to.

* ``Store`` (``store.writer``): the one writer; batched transactions, idempotent by content,
  ``refresh()`` rebuilds stories (near-duplicate clusters) and unique events.
* ``connect_readonly`` + query functions (``store.queries``): what the CLI, API and dashboard read.
* ``dedup``: MinHash LSH clustering of syndicated copies (pure functions, reusable by Dask).
* ``ingest`` (``store.corpus``): the corpus ingest loop (paths/feeds -> analyze_many -> Store).
"""

from __future__ import annotations

from typing import Any

from .queries import connect_readonly
from .schema import SCHEMA_VERSION
from .writer import DEFAULT_DB, RefreshStats, Store, WriteStats


def __getattr__(name: str) -> Any:
    # Lazy: the corpus loop imports the pipeline (spaCy); reading the store must not.
    if name in {"ingest", "IngestStats"}:
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(name)


__all__ = [
    "DEFAULT_DB",
    "IngestStats",
    "RefreshStats",
    "SCHEMA_VERSION",
    "Store",
    "WriteStats",
    "connect_readonly",
    "ingest",
]
