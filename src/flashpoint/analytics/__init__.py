"""Analytics stage: tension series, escalation alerts, exports and plots over a store.

* ``tension.series(con, dyad=..., freq=...)``: per-period counts by quad class, Goldstein,
  material-conflict share and conflict intensity (DuckDB SQL, empty periods filled);
* ``alerts.alerts(con, since=...)``: robust-z escalation alerts with their explanation;
* ``exports.export(con, out_dir, fmt)``: Parquet, CSV, JSONL, GDELT-2.0 TSV, ACLED CSV;
* ``plot.plot_tension(con, out, dyad=...)``: PNG/SVG timeline with alerts marked;
* ``report.summary(con)``: counts, top dyads, latest alerts.

Deduplication (MinHash LSH clustering of syndicated copies) lives in ``flashpoint.store.dedup``
because the store's writer computes signatures as it writes; ``dedup`` is re-exported here.
All functions take a read-only DuckDB connection (``flashpoint.store.connect_readonly``).
"""

from __future__ import annotations

from ..store import dedup

# ``alerts`` (the function) is not re-exported: it would shadow the ``alerts`` module.
from .alerts import AlertParams, default_params
from .exports import export
from .report import summary
from .tension import series

__all__ = ["AlertParams", "dedup", "default_params", "export", "series", "summary"]
