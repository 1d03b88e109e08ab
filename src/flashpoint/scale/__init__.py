"""Scale: the local pipeline on a Dask cluster, Parquet out, one DuckDB loader on top.

* ``runner``: ``ingest(inputs, out, client=...)`` runs ``pipeline.analyze_many`` per partition
  on Dask workers and writes hive-partitioned Parquet; ``dask_client(...)`` makes the client.
* ``partitions``: balanced, ordered, deterministic partitions of files, JSONL shards, feeds.
* ``parquet``: lossless ``Analysis`` <-> Parquet rows, atomic per-partition writes.
* ``stories``: near-duplicate clustering across partitions (MinHash band shuffle, then the
  store's own ``cluster_signatures`` per connected component).
* ``load``: ``load(parquet_dir, db)``, the single writer of the DuckDB file.
"""

from __future__ import annotations

from .load import LoadReport, load
from .parquet import read_analyses, write_partition
from .partitions import Partition, Unit, plan, read_unit
from .runner import PartitionResult, RunReport, dask_client, ingest, run_partition, where

__all__ = [
    "LoadReport",
    "Partition",
    "PartitionResult",
    "RunReport",
    "Unit",
    "dask_client",
    "ingest",
    "load",
    "plan",
    "read_analyses",
    "read_unit",
    "run_partition",
    "where",
    "write_partition",
]
