"""CLI: `flashpoint bench scale` — local path vs Dask with 1 and 2 workers on one synthetic corpus."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import bench_app


@bench_app.command("scale")
def bench_scale(
    n: Annotated[int, typer.Option("--n", help="Synthetic reports to generate and ingest.")] = 400,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic corpus.")] = 1,
    per_day: Annotated[
        int, typer.Option(help="Synthetic reports per day (sets the date span).")
    ] = 100,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Articles/s of the local ingest and of the Dask ingest with 1 and 2 workers; speed-up."""
    from rich.table import Table

    from ..bench.scale import measure
    from .render import err, out, print_json

    with err.status(f"generating {n} reports, then timing local, Dask x1, Dask x2 ..."):
        report = measure(n, seed=seed, per_day=per_day)
    if fmt == "json":
        print_json(report.to_dict())
        return
    table = Table(
        title=f"ingest throughput on {report.n} synthetic reports ({report.words:,} words, "
        f"{report.partitions} partitions); {report.cpus} CPUs, load average "
        f"{' '.join(str(x) for x in report.load_average)}"
    )
    table.add_column("path")
    table.add_column("workers", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("articles/s", justify="right")
    for run in report.runs:
        label = (
            "local (store.ingest -> DuckDB)"
            if run.name == "local"
            else "Dask (scale.ingest -> Parquet)"
        )
        table.add_row(
            label,
            str(run.workers),
            str(run.articles),
            f"{run.seconds:.1f}",
            f"{run.articles_per_s:.2f}",
        )
    out.print(table)
    out.print(
        f"Dask speed-up, 2 workers over 1: {report.speedup:.2f}x (parallel efficiency {report.efficiency:.0%})"
    )
    out.print(f"then `flashpoint load` (one process): {report.load_seconds:.1f} s")
    out.print(f"articles per core per day (Dask, 1 worker): {report.articles_per_core_day:,.0f}")
