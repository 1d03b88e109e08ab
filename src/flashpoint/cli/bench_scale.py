"""CLI: `flashpoint bench scale` (local path vs Dask with 1 and 2 workers on one synthetic
corpus) and `flashpoint bench incremental` (a small ingest into growing stores)."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import SummaryFormat, bench_app
from .session import reporting, usage

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
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
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
        title=f"{report.n} synthetic reports, {report.words:,} words, {report.partitions} "
        f"partitions; best of {report.repeat}; {report.cpus} CPUs, load average {load}"
    )
    for name in (
        "path",
        "workers",
        "seconds",
        "articles/s",
        "words/s",
        "cores used",
        "words/CPU s",
    ):
        table.add_column(name, justify="left" if name == "path" else "right")
    for run in report.runs:
        table.add_row(
            "local" if run.name == "local" else "Dask",
            str(run.workers),
            f"{run.seconds:.1f}",
            f"{run.articles_per_s:.2f}",
            f"{run.words_per_s:,.0f}",
            f"{run.cores_used:.2f}",
            f"{run.words_per_cpu_s:,.0f}",
        )
    out.print(table)
    out.print(
        "local = flashpoint ingest (1 process, DuckDB); Dask = scale-ingest (Parquet + stories)"
    )
    out.print("cores used = CPU-seconds of the working processes per wall-clock second")
    one, two = report.run("dask", 1), report.run("dask", 2)
    out.print(
        f"Dask speed-up, 2 workers over 1: {report.speedup:.2f}x wall-clock (efficiency "
        f"{report.efficiency:.0%}); the runs got {one.cores_used:.2f} and {two.cores_used:.2f} "
        "cores of the shared machine"
    )
    if two.cores_used < 1.5:
        out.print(
            f"[yellow]note:[/] 2 workers got {two.cores_used:.2f} cores, not 2: other processes "
            "(on Linux with autogroup, other sessions) share this machine, and the wall-clock "
            "speed-up cannot exceed the cores obtained; re-run when it is idle"
        )
    out.print(
        f"work per CPU-second, 2 workers over 1: {report.cpu_efficiency:.0%} (on free cores "
        f"the speed-up would be about {2 * report.cpu_efficiency:.2f}x: a projection)"
    )
    out.print(f"then `flashpoint load` (one process): {report.load_seconds:.1f} s")
    per_day = report.words_per_core_s * 86_400
    out.print(
        f"one core (Dask, 1 worker): {report.words_per_core_s:,.0f} words/CPU-s = "
        f"{per_day / 1e6:,.1f}M words/day = {per_day / WORDS_PER_ARTICLE:,.0f} articles/day "
        f"of {WORDS_PER_ARTICLE} words (see docs/CAPACITY.md)"
    )


@bench_app.command("incremental")
def bench_incremental(
    n: Annotated[int, typer.Option("--n", min=1, help="Synthetic reports to ingest.")] = 100,
    sizes: Annotated[
        str, typer.Option(help="Store sizes in events, comma-separated.")
    ] = "0,1000000,10000000",
    store: Annotated[
        list[str] | None,
        typer.Option(help="SIZE=FILE: start that size from this bulk-filled file (copied, "
                     "never changed), e.g. one made by `flashpoint bench tension --events N --db FILE`."),
    ] = None,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Seconds to ingest N articles into stores of 0, 1M and 10M events (target: the largest
    within 2x of the empty store): the cost of a monitor's cycle must follow what it adds."""
    from pathlib import Path

    from rich.table import Table

    from ..bench.incremental import measure
    from .render import err, out, print_json

    try:
        wanted = tuple(int(s.replace("_", "")) for s in sizes.split(",") if s.strip())
        given = {int(k.replace("_", "")): Path(v) for k, v in (s.split("=", 1) for s in store or [])}
    except ValueError:
        usage("E128")
    missing = [str(p) for p in given.values() if not p.is_file()]
    if missing:
        usage("E205", paths=", ".join(missing))
    with reporting(), err.status(f"ingesting {n} reports into stores of {sizes} events ..."):
        report = measure(wanted, n=n, stores=given)
    if fmt is SummaryFormat.json:
        print_json(report.to_dict())
        return
    load = " ".join(str(x) for x in report.load_average)
    table = Table(title=f"ingest {report.n} synthetic reports (1 process); load average {load}")
    for name in ("events in store", "new articles", "ingest s", "of which update s"):
        table.add_column(name, justify="right")
    for run in report.runs:
        table.add_row(f"{run.events_before:,}", str(run.articles_new), f"{run.seconds:.1f}",
                      f"{run.refresh_seconds:.2f}")
    out.print(table)
    out.print(f"largest store over empty store: {report.ratio:.2f}x (target: within 2x)")
