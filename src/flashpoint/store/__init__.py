"""Store stage: the DuckDB database every analysed article, event, statement and skip goes to.

* ``Store`` (``store.writer``): the one writer; batched transactions, idempotent by content;
  ``store.derive`` (run by ``Store.refresh()``) builds stories (near-duplicate clusters) and
  unique events from the primary tables.
* ``connect_readonly`` + query functions (``store.queries``): what the CLI, API and dashboard read.
* ``dedup``: MinHash LSH clustering of syndicated copies (pure functions, reusable by Dask).
* ``events_frame`` (``store.frames``): stored events as a pandas DataFrame, for notebooks;
  ``replica``: the read copy that lets the dashboard, the CLI and notebooks read beside an
  ingest (``reading(db)``: the main file, or its newest copy while a writer holds it).
* ``store.ingest.ingest``: the corpus ingest loop (paths/feeds -> analyze_many -> Store); a
  submodule, imported on use, because it imports the pipeline (spaCy).
"""

from __future__ import annotations

from .derive import RefreshStats
from .frames import events_frame
from .queries import connect_readonly
from .replica import ReadSource, connect_for_reading, reading
from .schema import SCHEMA_VERSION
from .writer import DEFAULT_DB, Store, WriteStats

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "ReadSource",
    "RefreshStats",
    "Store",
    "WriteStats",
    "connect_for_reading",
    "connect_readonly",
    "events_frame",
    "reading",
]
