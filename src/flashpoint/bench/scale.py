"""Throughput of the local path and of the Dask path with 1 and 2 workers, on one corpus, in one run.

The corpus is synthetic (``synth.generate``, one JSONL file, so the planner cuts it into line
shards; ``PER_DAY`` reports a day). Each path does the whole job from files to stored results:

* local: ``store.ingest.ingest`` with one analysis process, into a fresh DuckDB file;
* Dask: ``scale.ingest`` on a LocalCluster of N single-threaded worker processes, into a fresh
  Parquet directory, including the cross-partition story clustering. The cluster is started
  and the model loaded on every worker *before* the clock starts (a long-running cluster pays
  that once), and the DuckDB load that follows is timed separately, since it is a single
  process step that does not scale with workers.

The parallel speed-up is the 2-worker rate over the 1-worker rate; efficiency is the speed-up
divided by 2. On a shared machine the figures move with the other load: report them with the
load average printed beside them.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PER_DAY = 100
"""Reports per day in the bench corpus. Synth's default spreads reports over a year, i.e. one
a day for n=400: unlike any news stream (GDELT sees ~100k a day), and it would measure the
cost of writing one tiny Parquet file per day rather than the pipeline."""


@dataclass(frozen=True)
class PathRun:
    """One timed run of one path."""

    name: str
    workers: int
    articles: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class ScaleReport:
    n: int
    words: int
    partitions: int
    runs: tuple[PathRun, ...]
    load_seconds: float
    load_average: tuple[float, float, float]
    cpus: int

    def run(self, name: str, workers: int) -> PathRun:
        return next(r for r in self.runs if r.name == name and r.workers == workers)

    @property
    def speedup(self) -> float:
        """2-worker Dask rate over 1-worker Dask rate."""
        one, two = self.run("dask", 1), self.run("dask", 2)
        return two.articles_per_s / one.articles_per_s if one.articles_per_s else 0.0

    @property
    def efficiency(self) -> float:
        return self.speedup / 2

    @property
    def articles_per_core_day(self) -> float:
        """Articles one core analyses in a day, from the 1-worker Dask rate."""
        return self.run("dask", 1).articles_per_s * 86_400

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "words": self.words,
            "partitions": self.partitions,
            "runs": [asdict(r) | {"articles_per_s": round(r.articles_per_s, 2)} for r in self.runs],
            "load_seconds": round(self.load_seconds, 2),
            "speedup_2_over_1": round(self.speedup, 3),
            "parallel_efficiency": round(self.efficiency, 3),
            "articles_per_core_day": round(self.articles_per_core_day),
            "load_average": self.load_average,
            "cpus": self.cpus,
        }


def measure(
    n: int = 400,
    *,
    seed: int = 1,
    per_day: int = PER_DAY,
    workdir: str | Path | None = None,
) -> ScaleReport:
    """Generate ``n`` synthetic reports once (``per_day`` a day), then time the local path and
    Dask with 1 and 2 workers on them."""
    from .. import scale, synth
    from ..store.ingest import ingest as local_ingest

    with tempfile.TemporaryDirectory(dir=workdir, prefix="flashpoint-bench-scale-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        days = max(1, math.ceil(n / max(1, per_day)))
        made = synth.generate(n, corpus, seed=seed, fmt="jsonl", days=days)
        runs: list[PathRun] = []

        from ..pipeline import analyze

        # the local path's model and table loading is not timed either (see WarmModel)
        analyze(scale.runner.WARM_UP_TEXT, published="2024-01-02")
        started = time.perf_counter()
        stats = local_ingest([corpus], db=root / "local.duckdb", workers=1)
        runs.append(
            PathRun(
                "local", 1, stats.articles_new + stats.articles_known, time.perf_counter() - started
            )
        )

        partitions = 0
        load_seconds = 0.0
        for workers in (1, 2):
            with scale.dask_client(workers=workers) as client:
                client.register_plugin(scale.runner.WarmModel())  # warm before the clock starts
                out = root / f"dask{workers}"
                started = time.perf_counter()
                report = scale.ingest([corpus], out, client=client)
                runs.append(
                    PathRun("dask", workers, report.articles, time.perf_counter() - started)
                )
                partitions = report.partitions
            if workers == 2:
                started = time.perf_counter()
                scale.load(out, root / "dask.duckdb")
                load_seconds = time.perf_counter() - started
    return ScaleReport(
        n=n,
        words=made.words,
        partitions=partitions,
        runs=tuple(runs),
        load_seconds=load_seconds,
        load_average=tuple(round(x, 2) for x in os.getloadavg()),  # type: ignore[arg-type]
        cpus=len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else (os.cpu_count() or 1),
    )
