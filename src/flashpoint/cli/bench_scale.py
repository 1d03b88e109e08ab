"""CLI: `flashpoint bench scale` — local path vs Dask with 1 and 2 workers on one synthetic corpus."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import bench_app

WORDS_PER_ARTICLE = 600
"""Length of a real news article used to turn words/s into articles/day (docs/CAPACITY.md);
synthetic reports are much shorter, so their articles/s flatters the pipeline."""


@bench_app.command("scale")
def bench_scale(
    n: Annotated[int, typer.Option("--n", help="Synthetic reports to generate and ingest.")] = 400,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic corpus.")] = 1,
    per_day: Annotated[
        int, typer.Option(help="Synthetic reports per day (sets the date span).")
    ] = 100,
    repeat: Annotated[int, typer.Option(help="Timed runs per path; the best is kept.")] = 2,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Articles/s of the local ingest and of the Dask ingest with 1 and 2 workers; speed-up."""
    from rich.table import Table

    from ..bench.scale import measure
    from .render import err, out, print_json

    with err.status(f"generating {n} reports, then timing local, Dask x1, Dask x2 ..."):
        report = measure(n, seed=seed, per_day=per_day, repeat=repeat)
    if fmt == "json":
        print_json(report.to_dict())
        return
    load = " ".join(str(x) for x in report.load_average)
    table = Table(
        title=f"ingest throughput on {report.n} synthetic reports ({report.words:,} words, "
        f"{report.partitions} partitions), best of {report.repeat}; {report.cpus} CPUs, "
        f"load average {load}"
    )
    for name, justify in (
        ("path", "left"),
        ("workers", "right"),
        ("articles", "right"),
        ("seconds", "right"),
        ("articles/s", "right"),
        ("words/s", "right"),
        ("cores used", "right"),
        ("words/CPU s", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for run in report.runs:
        label = "local -> DuckDB" if run.name == "local" else "Dask -> Parquet"
        table.add_row(
            label,
            str(run.workers),
            str(run.articles),
            f"{run.seconds:.1f}",
            f"{run.articles_per_s:.2f}",
            f"{run.words_per_s:,.0f}",
            f"{run.cores_used:.2f}",
            f"{run.words_per_cpu_s:,.0f}",
        )
    out.print(table)
    out.print(
        f"Dask speed-up, 2 workers over 1: {report.speedup:.2f}x (efficiency {report.efficiency:.0%})"
    )
    out.print(f"then `flashpoint load` (one process): {report.load_seconds:.1f} s")
    per_day = report.words_per_core_s * 86_400
    out.print(
        f"one core (Dask, 1 worker): {report.words_per_core_s:,.0f} words/CPU-s = "
        f"{per_day / 1e6:,.1f}M words/day = {per_day / WORDS_PER_ARTICLE:,.0f} articles/day "
        f"of {WORDS_PER_ARTICLE} words (see docs/CAPACITY.md)"
    )
