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
    """One path's best timed run (of ``repeat``)."""

    name: str
    workers: int
    articles: int
    words: int
    seconds: float
    cpu_seconds: float  # CPU time of the processes that did the work (user + system)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def cores_used(self) -> float:
        """CPU seconds per second: how much of the machine the run actually got."""
        return self.cpu_seconds / self.seconds if self.seconds else 0.0

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0


@dataclass(frozen=True)
class ScaleReport:
    n: int
    words: int
    partitions: int
    repeat: int
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
    def cpu_efficiency(self) -> float:
        """Work per CPU-second of the 2-worker run over the 1-worker run: the parallel
        efficiency with the machine's other load factored out."""
        one, two = self.run("dask", 1), self.run("dask", 2)
        return two.words_per_cpu_s / one.words_per_cpu_s if one.words_per_cpu_s else 0.0

    @property
    def words_per_core_s(self) -> float:
        """Words one core analyses per CPU-second (1-worker Dask): the capacity of a core that
        is not shared, whatever else ran on this machine during the measurement."""
        return self.run("dask", 1).words_per_cpu_s

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "words": self.words,
            "partitions": self.partitions,
            "repeat": self.repeat,
            "runs": [
                asdict(r)
                | {
                    "articles_per_s": round(r.articles_per_s, 2),
                    "words_per_s": round(r.words_per_s),
                    "cores_used": round(r.cores_used, 2),
                    "words_per_cpu_s": round(r.words_per_cpu_s),
                }
                for r in self.runs
            ],
            "load_seconds": round(self.load_seconds, 2),
            "speedup_2_over_1": round(self.speedup, 3),
            "parallel_efficiency": round(self.efficiency, 3),
            "cpu_efficiency_2_over_1": round(self.cpu_efficiency, 3),
            "words_per_core_s": round(self.words_per_core_s),
            "load_average": self.load_average,
            "cpus": self.cpus,
        }


def measure(
    n: int = 400,
    *,
    seed: int = 1,
    per_day: int = PER_DAY,
    repeat: int = 2,
    workdir: str | Path | None = None,
) -> ScaleReport:
    """Generate ``n`` synthetic reports once (``per_day`` a day), then time the local path and
    Dask with 1 and 2 workers on them, ``repeat`` times each, keeping each path's best run.

    The two Dask clusters stay up side by side and their runs alternate, so that a change in
    the machine's other load hits both alike (this machine is shared).
    """
    from .. import scale, synth
    from ..pipeline import analyze, default_workers
    from ..store.ingest import ingest as local_ingest

    repeat = max(1, repeat)
    with tempfile.TemporaryDirectory(dir=workdir, prefix="flashpoint-bench-scale-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        days = max(1, math.ceil(n / max(1, per_day)))
        made = synth.generate(n, corpus, seed=seed, fmt="jsonl", days=days)
        best: dict[tuple[str, int], PathRun] = {}

        def keep(run: PathRun) -> None:
            key = (run.name, run.workers)
            if key not in best or run.seconds < best[key].seconds:
                best[key] = run

        # The local path's model and table loading is not timed either (see WarmModel).
        analyze(scale.runner.WARM_UP_TEXT, published="2024-01-02")
        for i in range(repeat):
            cpu, started = _cpu_seconds(), time.perf_counter()
            stats = local_ingest([corpus], db=root / f"local{i}.duckdb", workers=1)
            seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
            articles = stats.articles_new + stats.articles_known
            keep(PathRun("local", 1, articles, made.words, seconds, cpu))

        partitions = 0
        out = root / "dask"
        with scale.dask_client(workers=1) as one, scale.dask_client(workers=2) as two:
            for client in (one, two):
                client.register_plugin(scale.runner.WarmModel())  # warm before the clock starts
            for i in range(repeat):
                for workers, client in ((1, one), (2, two)):
                    target = root / f"dask{workers}-{i}"
                    cpu, started = _workers_cpu(client), time.perf_counter()
                    report = scale.ingest([corpus], target, client=client)
                    seconds, cpu = time.perf_counter() - started, _workers_cpu(client) - cpu
                    keep(PathRun("dask", workers, report.articles, made.words, seconds, cpu))
                    partitions = report.partitions
                    out = target
        started = time.perf_counter()
        scale.load(out, root / "dask.duckdb")
        load_seconds = time.perf_counter() - started
    return ScaleReport(
        n=n,
        words=made.words,
        partitions=partitions,
        repeat=repeat,
        runs=tuple(best[k] for k in (("local", 1), ("dask", 1), ("dask", 2))),
        load_seconds=load_seconds,
        load_average=tuple(round(x, 2) for x in os.getloadavg()),  # type: ignore[arg-type]
        cpus=default_workers(),
    )


def _cpu_seconds() -> float:
    """User + system CPU time of this process."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _workers_cpu(client: Any) -> float:
    """CPU time of all worker processes of a cluster, summed."""
    return float(sum(client.run(_cpu_seconds).values()))
