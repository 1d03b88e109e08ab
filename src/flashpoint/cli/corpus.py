"""CLI commands for monitoring a corpus: ingest, events, tension, alerts, plot, export, synth.

Thin: each command parses options, opens the store through ``cli.session`` (``reading``:
read-only, closed after the block, a ``FlashpointError`` becomes one line on stderr and exit
status 2), calls ``flashpoint.store`` / ``flashpoint.analytics`` / ``flashpoint.synth`` and
draws with ``cli.render``. Heavy imports live inside the commands so ``--help`` stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError, NotFoundError
from .app import SummaryFormat, app
from .exits import INTERRUPTED, outcome_status
from .options import (
    DEFAULT_DB,
    DbOpt,
    DyadOpt,
    ExportFormat,
    Freq,
    OrderableDyadOpt,
    OrderedOpt,
    SinceOpt,
    SynthFormat,
    TableFormat,
    UntilOpt,
)
from .session import fail, reading, reporting, usage, writing

# --- ingest ----------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories (recursive), JSONL, feed files (.rss/.atom/.xml), .opml."),
    ] = None,
    db: DbOpt = DEFAULT_DB,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL (repeatable).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    commit_every: Annotated[
        int, typer.Option(min=1, help="Commit after this many articles (or 2 s, whichever first).")
    ] = 512,
    workers: Annotated[int | None, typer.Option(min=1, help="Analysis processes (default: all cores).")] = None,
    max_bytes: Annotated[int | None, typer.Option(min=1, help="Skip files larger than this (default 10 MB).")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date for documents that show none.")] = None,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="Summary as table or json.")] = SummaryFormat.table,
    progress_lines: Annotated[
        bool, typer.Option("--progress-lines", help="Plain progress line per committed batch on stderr (for logs).")
    ] = False,
    engine: Annotated[
        str, typer.Option(help="local (into --db) or dask (Parquet into --out; same as scale-ingest).")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="--engine dask: address of a Dask scheduler (default: a LocalCluster).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="--engine dask: Parquet output directory (default events/).")
    ] = None,
    replica: Annotated[
        bool, typer.Option("--replica/--no-replica",
                           help="Keep a read copy in DB.replica/ (republished at most every 5 s, "
                                "at most a tenth of the time) so other commands, notebooks and "
                                "the dashboard can read while this ingest writes. --no-replica "
                                "does not create the folder (one that exists is kept fresh).")
    ] = True,
) -> None:
    """Ingest a corpus into DuckDB: analyse, store, deduplicate.

    Re-running adds nothing twice; an interrupted run resumes where it stopped. With
    `--engine dask` the same stages run on a Dask cluster and write Parquet (`flashpoint load`
    then fills the database).
    """
    import time

    if engine not in {"local", "dask"}:
        usage("E120", engine=engine)
    if engine == "dask":
        # One implementation of the Dask path: the scale-ingest command, called as a function.
        from .scale import scale_ingest

        scale_ingest(
            inputs=[Path(p) for p in paths or []], out=out or Path("events"), feed=feed,
            scheduler=scheduler, workers=workers, published=published,
            batch_size=batch_size, max_bytes=max_bytes or 10_000_000, fmt=fmt.value,
        )
        return

    from ..store.ingest import expected_inputs
    from ..store.ingest import ingest as run_ingest
    from .render import print_json
    from .render.progress import ingest_progress, ingest_summary_table

    if not paths and not feed:
        usage("E121")
    total = None if feed else expected_inputs(paths or [])
    progress, on_progress = ingest_progress(lines=progress_lines, total=total)
    started = time.perf_counter()
    try:
        with reporting(), progress:
            stats = run_ingest(
                list(paths or []), db=db, feeds=list(feed or []), batch_size=batch_size,
                workers=workers, max_bytes=max_bytes, published=published,
                on_progress=on_progress, commit_every=commit_every, replica=replica,
            )
    except KeyboardInterrupt:
        fail(f"interrupted after {time.perf_counter() - started:.0f} s: what was committed "
             "is kept; run the same command again to resume", INTERRUPTED)
    if fmt is SummaryFormat.json:
        print_json(stats.to_dict())
    else:
        from .render import out

        out.print(ingest_summary_table(stats, db))
    status = outcome_status(stats.articles_new + stats.articles_known, stats.skips_by_reason)
    if status:
        raise typer.Exit(status)


# --- events ----------------------------------------------------------------------------------


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    dyad: OrderableDyadOpt = None,
    ordered: OrderedOpt = False,
    actor: Annotated[str | None, typer.Option(help="Actor code on either side (PRKMIL).")] = None,
    country: Annotated[str | None, typer.Option(help="Country (ISO-3) on either side.")] = None,
    cameo_root: Annotated[str | None, typer.Option(help="CAMEO root code (e.g. 19).")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER event type (e.g. ASSAULT).")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    text: Annotated[str | None, typer.Option(help="Words in the evidence sentence.")] = None,
    unique: Annotated[
        bool, typer.Option("--unique", help="One row per distinct event, with num_mentions/sources.")
    ] = False,
    limit: Annotated[int, typer.Option(min=0, max=10_000)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """List stored events (one per coded mention, or --unique), newest first, with evidence."""
    from ..store import queries
    from .render import emit
    from .render.events import stored_events_table

    if unique and text:
        usage("E122")
    query = queries.unique_events if unique else queries.events
    extra = {} if unique else {"text": text}
    filters = {"dyad": dyad, "ordered": ordered, "actor": actor, "country": country,
               "cameo_root": cameo_root, "plover": plover, "since": since, "until": until}
    with reading(db) as con:
        rows = query(con, **filters, limit=limit, offset=offset, **extra)
        total = (queries.count_unique_events(con, **filters) if unique
                 else queries.count_events(con, **filters, **extra))
    emit(rows, fmt.value,
         lambda: stored_events_table(rows, unique=unique, total=total, offset=offset))


# --- tension ---------------------------------------------------------------------------------


@app.command()
def tension(
    db: DbOpt = DEFAULT_DB,
    dyad: OrderableDyadOpt = None,
    country: Annotated[str | None, typer.Option(help="One country (ISO-3), both roles.")] = None,
    ordered: OrderedOpt = False,
    freq: Annotated[Freq, typer.Option(help="Period length.")] = Freq.week,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Tension series of a dyad or country per day, week or month.

    Unique events by quad class, Goldstein sum and mean, material-conflict share and conflict
    intensity (empty periods included).
    """
    from ..analytics.tension import series
    from .render import emit
    from .render.monitor import tension_table

    if dyad and country:
        usage("E123")
    with reading(db) as con:
        rows = series(con, dyad=dyad, country=country, ordered=ordered, freq=freq.value,
                      since=since, until=until)
    subject = dyad or country or "all"
    emit(rows, fmt.value, lambda: tension_table(rows, subject=subject, freq=freq.value))


# --- alerts ----------------------------------------------------------------------------------


@app.command()
def alerts(
    db: DbOpt = DEFAULT_DB,
    dyad: DyadOpt = None,
    country: Annotated[
        str | None, typer.Option(help="Only pairs with this country (ISO-3) on either side.")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    freq: Annotated[Freq | None, typer.Option(help="Period (default from alerts.json: week).")] = None,
    z: Annotated[float | None, typer.Option(help="Robust z threshold (default 3.5).")] = None,
    window: Annotated[int | None, typer.Option(min=1, help="Baseline periods (default 8).")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Escalation alerts, each with the events and articles that drove it.

    A period is flagged when a dyad is reported in conflict far more often than in its own
    previous weeks (Poisson test of independent conflict reports, see analytics/data/alerts.json).
    """
    from ..analytics.alerts import alerts as find_alerts
    from ..analytics.alerts import default_params
    from .render import emit
    from .render.monitor import print_alerts

    with reading(db) as con:
        params = default_params().replace(
            freq=freq.value if freq else None, z_threshold=z, window=window,
            min_history=min(window, default_params().min_history) if window else None,
        )
        found = find_alerts(con, dyad=dyad, since=since, until=until, params=params)
    if country:
        found = [a for a in found if country.upper() in a["dyad"].split("-")]
    if fmt is TableFormat.table:
        print_alerts(found, params)
    else:
        emit(found if fmt is not TableFormat.csv else [
            {k: v for k, v in a.items() if k not in ("top_events", "articles")} for a in found
        ], fmt.value)


# --- plot ------------------------------------------------------------------------------------


@app.command()
def plot(
    db: DbOpt = DEFAULT_DB,
    dyad: DyadOpt = None,
    country: Annotated[str | None, typer.Option(help="One country (ISO-3) instead of a dyad.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write: .png or .svg.")] = Path("tension.png"),
    freq: Annotated[Freq | None, typer.Option(help="Period (default week).")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Draw the tension timeline (events by quad class, conflict intensity, alerts marked)."""
    from ..analytics.plot import plot_tension
    from .render import err

    if not dyad and not country:
        usage("E124")
    with reading(db) as con:
        path = plot_tension(con, output, dyad=dyad, country=country,
                            freq=freq.value if freq else None, since=since, until=until)
    err.print(f"wrote {path}")


# --- export ----------------------------------------------------------------------------------


@app.command()
def export(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet, csv, jsonl, gdelt or acled.")] = ExportFormat.parquet,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write into (created).")] = Path("export"),
    dyad: OrderableDyadOpt = None,
    ordered: OrderedOpt = False,
    actor: Annotated[str | None, typer.Option(help="Actor code on either side (PRKMIL).")] = None,
    country: Annotated[str | None, typer.Option(help="Country (ISO-3) on either side.")] = None,
    cameo_root: Annotated[str | None, typer.Option(help="CAMEO root code (e.g. 19).")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER event type (e.g. ASSAULT).")] = None,
    text: Annotated[str | None, typer.Option(help="Words in an evidence sentence.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    include_uncertain: Annotated[bool, typer.Option(
        "--include-uncertain",
        help="Also export negated, intended, demanded and hypothetical events (GDELT has no "
             "column to tell them apart).")] = False,
    header: Annotated[bool, typer.Option(
        "--header", help="GDELT: add a header line (GDELT's own files have none).")] = False,
) -> None:
    """Export the store: tables as Parquet/CSV/JSONL, or events as GDELT-2.0 TSV / ACLED CSV.

    Only events that happened as far as the text says are exported unless --include-uncertain.
    The event filters (--dyad ... --until) apply to the event tables, as in `flashpoint events`.
    """
    from ..analytics.exports import export as run_export
    from .render import out

    with reading(db) as con:
        files = run_export(con, output, fmt.value, dyad=dyad, since=since, until=until,
                           include_uncertain=include_uncertain, header=header, ordered=ordered,
                           actor=actor, country=country, cameo_root=cameo_root, plover=plover,
                           text=text)
    for f in files:
        out.print(f"{f}  ({os.path.getsize(f):,} bytes)", highlight=False)


# --- stories -------------------------------------------------------------------------------


@app.command()
def stories(
    db: DbOpt = DEFAULT_DB,
    story: Annotated[str | None, typer.Argument(help="A story id: show its members.")] = None,
    min_articles: Annotated[int, typer.Option(min=1, help="Only stories seen this often.")] = 2,
    limit: Annotated[int, typer.Option(min=0, max=10_000)] = 20,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Deduplicated stories: which articles were merged as copies of one report, and why.

    Similarity is the estimated Jaccard similarity of word 3-shingles (threshold 0.6).
    """
    from ..store import queries
    from .render import emit, out
    from .render.monitor import story_table

    with reading(db) as con:
        if story:
            one = queries.story(con, story)
            if one is None:
                raise NotFoundError("E202", story=story, path=db)
            rows = [one]
        else:
            rows = [queries.story(con, s["story_id"])
                    for s in queries.stories(con, min_articles=min_articles, limit=limit)]
    if fmt is not TableFormat.table:
        emit(rows if fmt is not TableFormat.csv else [
            {k: v for k, v in r.items() if k != "members"} for r in rows], fmt.value)
        return
    if not rows:
        out.print(f"no story with {min_articles} or more copies")
    for r in rows:
        out.print(story_table(r))


# --- refresh ---------------------------------------------------------------------------------


@app.command()
def refresh(
    db: DbOpt = DEFAULT_DB,
    full: Annotated[bool, typer.Option("--full", help="Rebuild from the primary tables.")] = False,
) -> None:
    """Bring stories and unique events up to date (ingest does this after every run).

    Incremental by default: only what was written since the last update is derived. --full
    rebuilds every derived table and the near-duplicate index (slow on a large store).
    """
    import time

    from .render import out

    started = time.perf_counter()
    with writing(db) as store:
        done = store.refresh(full=full)
    out.print(f"{'rebuilt' if full else 'updated'} in {time.perf_counter() - started:.2f} s: "
              f"{done.stories:,} stories ({done.articles_merged:,} articles merged), "
              f"{done.unique_events:,} unique events of {done.events:,}", highlight=False)


# --- synth -----------------------------------------------------------------------------------


@app.command()
def synth(
    n: Annotated[int, typer.Option("--n", min=0, help="Number of reports.")] = 1000,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write into.")] = Path("corpus"),
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same corpus.")] = 1,
    fmt: Annotated[SynthFormat, typer.Option("--format", "-f", help="jsonl shards or one .txt per report.")] = SynthFormat.jsonl,
    shard_size: Annotated[int, typer.Option(min=1, help="Reports per JSONL file.")] = 10_000,
    start: Annotated[str, typer.Option(help="First publication day.")] = "2023-01-01",
    days: Annotated[int, typer.Option(min=1, help="Days the reports are spread over.")] = 365,
    copy_rate: Annotated[float, typer.Option(min=0.0, max=0.9, help="Share of syndicated copies.")] = 0.12,
    words: Annotated[int | None, typer.Option(min=1, help="Mean words per report (real news: ~550); default: short (~75).")] = None,
) -> None:
    """Write a synthetic corpus for benchmarks (marked as synthetic).

    Reports on real country pairs, escalation episodes, syndicated copies; same --seed, same.
    """
    import datetime as dt

    from ..synth import generate
    from .render import out

    with reporting():
        try:
            first = dt.date.fromisoformat(start)
        except ValueError as e:
            raise InputError("E102", name="--start", value=start) from e
        stats = generate(n, output, seed=seed, fmt=fmt.value, shard_size=shard_size,
                         start=first, days=days, copy_rate=copy_rate, words=words)
    out.print(f"{stats.reports:,} synthetic reports ({stats.copies:,} syndicated copies, "
              f"{stats.words:,} words) in {stats.files:,} files under {output}/", highlight=False)

