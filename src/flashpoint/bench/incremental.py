"""Cost of a monitor's small ingest as the store grows: 100 articles into 0, 1M and 10M events.

A monitor ingests a little, often, into a store that only grows; the cost of adding k
articles must follow k, not the store. Each size is measured on its own copy of a store
(bulk-filled by ``synth.fill``, no NLP: 5 events per placeholder article), brought up to date
before the clock starts (its derived tables and near-duplicate index built), so what is timed
is exactly what a monitor's 15-minute cycle pays: ``store.ingest.ingest`` of the same
synthetic reports (``synth.generate``, one JSONL file) with one analysis process, from
reading to the incremental update of the derived tables. The update itself is also timed
alone (``refresh_seconds``), since the NLP part does not depend on the store and, on a
shared machine, moves with the other load.

The filled stores' articles carry no MinHash signature (their placeholder texts are not
news), so the band lookups of the new articles find no candidates among them: the lookup
still scans the band index of the store, which holds the real articles only.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

SIZES = (0, 1_000_000, 10_000_000)


@dataclass(frozen=True)
class SizeRun:
    """One ingest of the new articles into a store of ``events_before`` events."""

    events_before: int
    articles_new: int
    seconds: float  # the whole ingest: read, NLP, write, incremental update
    refresh_seconds: float  # the incremental update of the derived tables alone
    prepare_seconds: float  # fill + first full build (not part of the figure)


@dataclass(frozen=True)
class IncrementalReport:
    n: int
    runs: tuple[SizeRun, ...]
    load_average: tuple[float, float, float]

    @property
    def ratio(self) -> float:
        """Largest store's ingest time over the empty store's (target: within 2x)."""
        first, last = self.runs[0], self.runs[-1]
        return last.seconds / first.seconds if first.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "runs": [asdict(r) for r in self.runs],
            "ratio_largest_over_empty": round(self.ratio, 3),
            "load_average": self.load_average,
        }


def measure(
    sizes: tuple[int, ...] = SIZES,
    *,
    n: int = 100,
    seed: int = 7,
    stores: dict[int, Path] | None = None,
    workdir: str | Path | None = None,
) -> IncrementalReport:
    """Ingest ``n`` synthetic reports into a store of each size in ``sizes`` (events).

    ``stores`` maps a size to a bulk-filled file to start from (it is copied, never
    changed); a size without one is filled here, in ``workdir`` (10M events take minutes and
    ~2 GB: keep the file and pass it next time, see ``flashpoint bench incremental --help``).
    """
    from .. import synth
    from ..pipeline import analyze
    from ..scale.runner import WARM_UP_TEXT
    from ..store import Store
    from ..store.ingest import ingest
    from ..synth.fill import fill_store

    stores = dict(stores or {})
    runs = []
    with tempfile.TemporaryDirectory(dir=workdir, prefix="flashpoint-bench-incr-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        synth.generate(n, corpus, seed=seed, fmt="jsonl", days=7)
        analyze(WARM_UP_TEXT, published="2024-01-02")  # model loading is not timed
        for size in sizes:
            work = root / f"store-{size}.duckdb"
            started = time.perf_counter()
            if size and size in stores:
                shutil.copyfile(stores[size], work)
            elif size:
                fill_store(work, n_events=size)
            with Store(work) as store:
                store.refresh()  # derived tables and band index up to date before the clock
                before = store.counts()["events"]
            prepare = time.perf_counter() - started
            started = time.perf_counter()
            stats = ingest([corpus], db=work, workers=1)
            seconds = time.perf_counter() - started
            runs.append(SizeRun(before, stats.articles_new, seconds,
                                stats.refresh_seconds, prepare))
            work.unlink()
    return IncrementalReport(
        n=n,
        runs=tuple(runs),
        load_average=tuple(round(x, 2) for x in os.getloadavg()),  # type: ignore[arg-type]
    )
