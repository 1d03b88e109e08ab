"""CLI: `flashpoint scale-ingest` (the pipeline on Dask, Parquet out) and `flashpoint load`.

    flashpoint scale-ingest corpus/ --workers 2 --out events/                    # LocalCluster
    flashpoint scale-ingest corpus/ --scheduler tcp://10.0.0.5:8786 --out events/
    flashpoint load events/ --db crisis.duckdb

`flashpoint ingest --engine dask` delegates to `scale_ingest` below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import SummaryFormat, app
from .session import reporting


@app.command("scale-ingest")
def scale_ingest(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="Files and directories (HTML, text, JSON, JSONL, feeds, OPML)."),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output directory for the Parquet tables.")
    ] = Path("events"),
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL (repeatable).")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a running Dask scheduler (tcp://host:8786); default: a LocalCluster."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="LocalCluster worker processes (default: all cores; ignored with --scheduler)."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Date for documents that show none (YYYY-MM-DD).")
    ] = None,
    by: Annotated[str, typer.Option("--by", help="Parquet date partitions: day or month.")] = "day",
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    target_bytes: Annotated[int, typer.Option(help="Input bytes per partition (task).")] = 512_000,
    max_bytes: Annotated[
        int, typer.Option(help="Larger documents are skipped (too_large).")
    ] = 10_000_000,
    force: Annotated[
        bool, typer.Option("--force", help="Re-analyse partitions already written by a run.")
    ] = False,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Analyse a corpus on a Dask cluster and write hive-partitioned Parquet (no database).

    Every worker runs the same stages as `flashpoint ingest`; `flashpoint load` then writes
    the Parquet into DuckDB. A re-run over the same inputs analyses only what is not written
    yet (an interrupted run resumes); edited inputs replace their old rows.
    """
    from distributed import KilledWorker
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .. import scale
    from ..errors import ConfigError
    from ..pipeline import default_workers
    from .render import err, print_json
    from .render import out as stdout

    if by not in ("day", "month"):
        raise typer.BadParameter("--by must be day or month")
    if not inputs and not feed:
        raise typer.BadParameter("give at least one input path or --feed URL")
    progress = Progress(
        TextColumn("[bold]partitions"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            "{task.fields[articles]} articles · {task.fields[rate]} art/s · {task.fields[skips]} skips"
        ),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=False,
    )
    state = {"articles": 0, "skips": 0}
    task_id = progress.add_task("ingest", total=None, articles=0, rate="-", skips=0)

    def on_plan(partitions: list[scale.Partition]) -> None:
        progress.update(task_id, total=len(partitions))

    def on_partition(result: scale.PartitionResult) -> None:
        state["articles"] += result.articles
        state["skips"] += result.skips
        elapsed = progress.tasks[0].elapsed or 0.0
        rate = f"{state['articles'] / elapsed:.1f}" if elapsed else "-"
        progress.update(
            task_id, advance=1, articles=state["articles"], skips=state["skips"], rate=rate
        )

    with reporting():
        try:
            with scale.dask_client(scheduler=scheduler, workers=workers or default_workers()) as client:
                dashboard = "" if scale.runner.has_dashboard() else " (no dashboard: bokeh absent)"
                err.print(f"Dask: {scale.where(client)}{dashboard}")
                with progress:
                    report = scale.ingest(
                        [str(p) for p in inputs or []],
                        out,
                        client=client,
                        feeds=feed or (),
                        published=published,
                        granularity=by,  # type: ignore[arg-type]
                        batch_size=batch_size,
                        target_bytes=target_bytes,
                        max_bytes=max_bytes,
                        on_plan=on_plan,
                        on_partition=on_partition,
                        force=force,
                    )
        except (OSError, KilledWorker) as e:  # scheduler unreachable; a task killed its workers
            raise ConfigError("E423", cause=f"{type(e).__name__}: {e}") from e
    if SummaryFormat(fmt) is SummaryFormat.json:
        print_json(report.to_dict())
        return
    stdout.print(
        f"{report.articles} articles ({report.articles_per_s:.1f}/s), {report.events} events, "
        f"{report.statements} statements, {report.skips} skips in {report.partitions} partitions; "
        f"{report.stories} stories ({report.articles_merged} near-duplicates merged) -> {out}/"
    )
    if report.reused:
        stdout.print(
            f"{report.reused} partitions were already written by an earlier run and not "
            "analysed again (--force re-analyses them)"
        )
    stdout.print(f"load it with: flashpoint load {out} --db crisis.duckdb")


@app.command("load")
def load(
    parquet_dir: Annotated[
        Path, typer.Argument(help="Directory written by `flashpoint scale-ingest`.")
    ],
    db: Annotated[
        Path, typer.Option("--db", help="DuckDB file to write (created if absent).")
    ] = Path("flashpoint.duckdb"),
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Load the Parquet of a Dask ingest into DuckDB, exactly as a local ingest stores it."""
    from .. import scale
    from .render import err, print_json
    from .render import out as stdout

    with err.status("loading", spinner="dots") as status:

        def on_batch(stats: object) -> None:
            status.update(f"loading: {getattr(stats, 'articles_new', 0)} articles written")

        with reporting():
            report = scale.load(parquet_dir, db, on_batch=on_batch)
    if SummaryFormat(fmt) is SummaryFormat.json:
        print_json(report.to_dict())
        return
    data = report.to_dict()
    stdout.print(
        f"{data['articles_new']} new articles ({data['articles_known']} already stored), "
        f"{data['events']} events, {data['statements']} statements, {data['skips_new']} skips, "
        f"{data['stories']} stories, {data['unique_events']} unique events -> {db}"
    )
    if report.stories_agree is False:
        err.print(
            "[yellow]note:[/] the stories in the database differ from the Parquet's "
            "stories/members.parquet (the database held other articles before this load)"
        )
