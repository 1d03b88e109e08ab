"""CLI commands for monitoring a corpus: ingest, events, tension, alerts, plot, export, synth.

Thin: each command parses options, calls ``flashpoint.store`` / ``flashpoint.analytics`` /
``flashpoint.synth`` and renders. Heavy imports live inside the commands so ``--help`` stays
fast. A ``FlashpointError`` becomes a one-line error on stderr (exit 2), never a traceback.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import FlashpointError
from .app import SummaryFormat, app, bench_app
from .exits import outcome_status

DEFAULT_DB = "flashpoint.duckdb"

DbOpt = Annotated[str, typer.Option("--db", help="DuckDB database file.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")]
DyadOpt = Annotated[str | None, typer.Option(help="Country pair such as PRK-KOR (both directions).")]
# For the commands that also take --ordered (events, tension, export).
OrderableDyadOpt = Annotated[
    str | None, typer.Option(help="Country pair such as PRK-KOR (both directions unless --ordered).")
]
OrderedOpt = Annotated[bool, typer.Option(help="Dyad is source→target only.")]


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Freq(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"
    acled = "acled"


class SynthFormat(str, Enum):
    jsonl = "jsonl"
    txt = "txt"


def _fail(message: str, code: int = 2) -> None:
    from .render import err

    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


def _open(db: str) -> Any:
    from ..store import connect_readonly

    try:
        return connect_readonly(db)
    except FlashpointError as e:
        _fail(str(e))


def _emit(rows: list[dict[str, Any]], fmt: TableFormat, table: Any) -> None:
    from .render import out, print_csv, print_json, print_jsonl

    if fmt is TableFormat.json:
        print_json(rows)
    elif fmt is TableFormat.jsonl:
        print_jsonl(rows)
    elif fmt is TableFormat.csv:
        print_csv(rows)
    else:
        out.print(table())


# --- ingest ----------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories (recursive), JSONL, feed files (.rss/.atom/.xml), .opml."),
    ] = None,
    db: DbOpt = DEFAULT_DB,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL (repeatable).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    commit_every: Annotated[
        int, typer.Option(min=1, help="Commit after this many articles (or 2 s, whichever first).")
    ] = 512,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Analysis processes (default: all cores).")
    ] = None,
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
) -> None:
    """Ingest a corpus into DuckDB: analyse, store, deduplicate.

    Re-running adds nothing twice; an interrupted run resumes where it stopped. With
    `--engine dask` the same stages run on a Dask cluster and write Parquet (`flashpoint load`
    then fills the database).
    """
    import time

    if engine not in {"local", "dask"}:
        _fail(f"--engine must be local or dask, not {engine!r}")
    if engine == "dask":
        # One implementation of the Dask path: the scale-ingest command, called as a function.
        from .scale import scale_ingest

        scale_ingest(
            inputs=[Path(p) for p in paths or []], out=out or Path("events"), feed=feed,
            scheduler=scheduler, workers=workers, published=published,
            batch_size=batch_size, max_bytes=max_bytes or 10_000_000, fmt=fmt.value,
        )
        return

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..store.ingest import ingest as run_ingest
    from .render import err, print_json

    if not paths and not feed:
        _fail("give files, directories or --feed URLs to ingest")
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/]"),
        TextColumn("{task.fields[line]}"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=False,
    )
    task = progress.add_task("ingest", total=None, line="starting (loading the model)…")

    def on_progress(stats: Any) -> None:
        rate = stats.articles_new / stats.seconds if stats.seconds else 0.0
        line = (
            f"{stats.inputs:,} read · {stats.articles_new:,} new · {stats.articles_known:,} "
            f"already stored · {stats.skips:,} skipped · {stats.events:,} events · "
            f"{rate:,.1f} articles/s"
        )
        progress.update(task, line=line)
        if progress_lines:
            sys.stderr.write(f"progress: {line}" + (" · done" if stats.done else "") + "\n")
            sys.stderr.flush()

    started = time.perf_counter()
    try:
        with progress:
            stats = run_ingest(
                list(paths or []), db=db, feeds=list(feed or []), batch_size=batch_size,
                workers=workers, max_bytes=max_bytes, published=published,
                on_progress=on_progress, commit_every=commit_every,
            )
    except FlashpointError as e:
        _fail(str(e))
        return
    except KeyboardInterrupt:
        err.print(f"interrupted after {time.perf_counter() - started:.0f} s: what was committed "
                  "is kept; run the same command again to resume")
        raise typer.Exit(130) from None
    if fmt is SummaryFormat.json:
        print_json(stats.to_dict())
    else:
        _print_ingest_summary(stats, db)
    status = outcome_status(stats.articles_new + stats.articles_known, stats.skips_by_reason)
    if status:
        raise typer.Exit(status)


def _print_ingest_summary(stats: Any, db: str) -> None:
    from rich.table import Table

    from .render import out

    t = Table(title=f"Ingest into {db}", title_justify="left", show_header=False)
    t.add_column(style="bold")
    t.add_column(justify="right")
    rows = [
        ("inputs read", stats.inputs),
        ("articles new", stats.articles_new),
        ("articles already stored (duplicates)", stats.articles_known),
        ("events", stats.events),
        ("statements checked", stats.statements),
        ("skipped", f"{stats.skips} ({stats.skips_new} new)"),
        ("stories (near-duplicates merged)", f"{stats.stories} ({stats.articles_merged} merged)"),
        ("unique events", stats.unique_events),
        ("time", f"{stats.seconds:.1f} s"),
        ("speed", f"{stats.articles_per_s:,.1f} articles/s, {stats.words_per_s:,.0f} words/s"),
    ]
    for name, value in rows:
        t.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    for reason, n in sorted(stats.skips_by_reason.items()):
        t.add_row(f"  skipped: {reason}", f"{n:,}")
    out.print(t)


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
    from rich.table import Table

    from ..store import queries
    from .render import QUAD_STYLE

    if unique and text:
        _fail("--text filters mentions; it cannot be combined with --unique")
    con = _open(db)
    try:
        query = queries.unique_events if unique else queries.events
        extra = {} if unique else {"text": text}
        filters = {"dyad": dyad, "ordered": ordered, "actor": actor, "country": country,
                   "cameo_root": cameo_root, "plover": plover, "since": since, "until": until}
        rows = query(con, **filters, limit=limit, offset=offset, **extra)
        total = (queries.count_unique_events(con, **filters) if unique
                 else queries.count_events(con, **filters, **extra))
    except FlashpointError as e:
        _fail(str(e))
        return
    finally:
        con.close()

    def table() -> Table:
        from rich.markup import escape

        from .render import out

        wide = out.width >= 120
        kind = "unique events" if unique else "events"
        shown = (f"{total:,} {kind} match" if len(rows) == total else
                 f"{total:,} {kind} match; {offset + 1 if rows else 0}–{offset + len(rows)} "
                 "shown (--limit/--offset for more)")
        t = Table(title=shown, title_justify="left", expand=True)
        for col in ("day", "source", "event", "target", "G") + (("n",) if unique else ()):
            t.add_column(col, no_wrap=True, justify="right" if col in ("G", "n") else "left")
        t.add_column("evidence", ratio=3, overflow="fold")
        if wide:
            t.add_column("article", ratio=1, overflow="ellipsis")
        for r in rows:
            style = QUAD_STYLE.get(r["quad_class"], "")
            cells = [
                r["day"] or "", r["source_code"] or "—",
                f"[{style}]{r['cameo']} {r['plover'] or ''}[/]" + (" (not)" if r["negated"] else "")
                + ("" if r["modality"] == "asserted" else f" [dim]({r['modality']})[/]"),
                r["target_code"] or "—", f"{r['goldstein']:+.1f}",
                *([str(r["num_mentions"])] if unique else []),
                escape(" ".join(r["evidence_text"].split())),
            ]
            if wide:
                cells.append(escape(r["title"] or r["article_id"]))
            t.add_row(*cells)
        return t

    _emit(rows, fmt, table)


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
    from rich.table import Table

    from ..analytics.tension import series

    if dyad and country:
        _fail("give --dyad or --country, not both")
    con = _open(db)
    try:
        rows = series(con, dyad=dyad, country=country, ordered=ordered, freq=freq.value,
                      since=since, until=until)
    except FlashpointError as e:
        _fail(str(e))
        return
    finally:
        con.close()

    def table() -> Table:
        from .render import out

        subject = dyad or country or "all"
        wide = out.width >= 110
        t = Table(title=f"Tension {subject} per {freq.value} (unique events; q1 verbal coop, "
                  "q2 material coop, q3 verbal conflict, q4 material conflict)",
                  title_justify="left")
        t.add_column("period", no_wrap=True, min_width=10)
        for col in ("events", "q1", "q2", "q3", "q4", "G sum", "G mean", "q4 %", "intensity"):
            t.add_column(col, justify="right", no_wrap=True)
        if wide:
            t.add_column("", no_wrap=True)
        peak = max((r["conflict_intensity"] for r in rows), default=0) or 1
        for r in rows:
            mean = r["goldstein_mean"]
            share = r["material_conflict_share"]
            cells = [
                r["period"], str(r["events"]), str(r["q1"]), str(r["q2"]), str(r["q3"]),
                str(r["q4"]), f"{r['goldstein_sum']:+.1f}",
                "" if mean is None else f"{mean:+.2f}",
                "" if share is None else f"{share:.0%}",
                f"{r['conflict_intensity']:.1f}",
            ]
            if wide:
                cells.append("[red]" + "█" * round(20 * r["conflict_intensity"] / peak) + "[/]")
            t.add_row(*cells)
        return t

    _emit(rows, fmt, table)


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

    A period is flagged when a dyad's conflict intensity departs from its own baseline
    (robust z-score against the median and MAD of the previous weeks).
    """
    from rich.markup import escape

    from ..analytics.alerts import alerts as find_alerts
    from ..analytics.alerts import default_params
    from .render import out

    con = _open(db)
    try:
        params = default_params().replace(
            freq=freq.value if freq else None, z_threshold=z, window=window,
            min_history=min(window, default_params().min_history) if window else None,
        )
        found = find_alerts(con, dyad=dyad, since=since, until=until, params=params)
    except FlashpointError as e:
        _fail(str(e))
        return
    finally:
        con.close()
    if country:
        found = [a for a in found if country.upper() in a["dyad"].split("-")]
    if fmt is not TableFormat.table:
        flat = found if fmt is not TableFormat.csv else [
            {k: v for k, v in a.items() if k not in ("top_events", "articles")} for a in found
        ]
        _emit(flat, fmt, lambda: None)
        return
    if not found:
        out.print(f"no escalation alerts (robust z ≥ {params.z_threshold:g}, "
                  f"{params.window}-{params.freq} baseline)")
        return
    for a in found:
        out.rule(f"[bold red]{a['dyad']}[/]  {a['period']} … {a['period_end']}  z = {a['z']:.1f}")
        out.print(a["explanation"], highlight=False)
        for ev in a.get("top_events", []):
            out.print(
                f"  [red]{ev['cameo']}[/] {ev['source_code'] or '—'} → {ev['target_code'] or '—'}"
                f" ({ev['goldstein']:+.1f}, {ev['num_mentions']} mentions) “{escape(' '.join(ev['evidence_text'].split()))}”"
                f" [dim]{escape(ev['title'] or ev['article_id'])}[/]", highlight=False)
        more = a.get("num_articles", 0) - len(a.get("articles", []))
        out.print(f"  [dim]{a.get('num_articles', 0)} articles"
                  + (f" ({more} not listed)" if more > 0 else "") + "[/]")


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
        _fail("give --dyad PRK-KOR or --country PRK")
    con = _open(db)
    try:
        path = plot_tension(con, output, dyad=dyad, country=country,
                            freq=freq.value if freq else None, since=since, until=until)
    except FlashpointError as e:
        _fail(str(e))
        return
    finally:
        con.close()
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

    con = _open(db)
    try:
        files = run_export(con, output, fmt.value, dyad=dyad, since=since, until=until,
                           include_uncertain=include_uncertain, header=header, ordered=ordered,
                           actor=actor, country=country, cameo_root=cameo_root, plover=plover,
                           text=text)
    except FlashpointError as e:
        _fail(str(e))
        return
    finally:
        con.close()
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
    from rich.markup import escape
    from rich.table import Table

    from ..store import queries
    from .render import out

    con = _open(db)
    try:
        if story:
            one = queries.story(con, story)
            if one is None:
                _fail(f"no story {story!r} in {db}")
            rows = [one]
        else:
            rows = [queries.story(con, s["story_id"])
                    for s in queries.stories(con, min_articles=min_articles, limit=limit)]
    finally:
        con.close()
    if fmt is not TableFormat.table:
        flat = rows if fmt is not TableFormat.csv else [
            {k: v for k, v in r.items() if k != "members"} for r in rows]
        _emit(flat, fmt, lambda: None)
        return
    if not rows:
        out.print(f"no story with {min_articles} or more copies")
    for r in rows:
        t = Table(title=f"{escape(r['title'] or r['story_id'])} — story {r['story_id']}: "
                  f"{r['num_articles']} copies, {r['num_sources']} sources",
                  title_justify="left", expand=True)
        t.add_column("article", no_wrap=True)
        t.add_column("merged as", no_wrap=True)
        t.add_column("sim.", justify="right", no_wrap=True)
        t.add_column("source", ratio=1, overflow="fold")
        t.add_column("published", no_wrap=True)
        for m in r["members"]:
            how = "first" if m["method"] == "representative" else "near copy"
            seen = m.get("sightings") or [{"source": m["source"], "url": m["url"]}]
            for i, sight in enumerate(seen):
                t.add_row(m["article_id"][:10] if i == 0 else "", how if i == 0 else "exact copy",
                          f"{m['similarity']:.2f}" if i == 0 else "1.00",
                          escape(sight.get("source") or sight.get("url") or ""),
                          (m["published"] or "") if i == 0 else "")
        out.print(t)


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

    from ..store import Store
    from .render import out

    started = time.perf_counter()
    try:
        with Store(db) as store:
            done = store.refresh(full=full)
    except FlashpointError as e:
        _fail(str(e))
        return
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
) -> None:
    """Write a synthetic corpus for benchmarks (marked as synthetic).

    Varied reports on real country pairs with escalation episodes and syndicated copies;
    deterministic with --seed.
    """
    import datetime as dt

    from ..synth import generate
    from .render import out

    try:
        first = dt.date.fromisoformat(start)
    except ValueError:
        _fail(f"--start {start!r} is not a date (YYYY-MM-DD)")
        return
    try:
        stats = generate(n, output, seed=seed, fmt=fmt.value, shard_size=shard_size,
                         start=first, days=days, copy_rate=copy_rate)
    except FlashpointError as e:
        _fail(str(e))
        return
    out.print(f"{stats.reports:,} synthetic reports ({stats.copies:,} syndicated copies, "
              f"{stats.words:,} words) in {stats.files:,} files under {output}/", highlight=False)


# --- bench alerts ----------------------------------------------------------------------------


@bench_app.command("alerts")
def bench_alerts(
    db: DbOpt = DEFAULT_DB,
    seed: Annotated[int, typer.Option(help="The --seed the synthetic corpus was made with.")] = 1,
    start: Annotated[str, typer.Option(help="The corpus --start.")] = "2023-01-01",
    days: Annotated[int, typer.Option(help="The corpus --days.")] = 365,
) -> None:
    """Score alerts on an ingested synthetic corpus against its built-in escalations.

    Precision: share of alerts inside a true episode; recall: share of episodes alerted.
    """
    import datetime as dt

    from ..analytics.alerts import alerts as find_alerts
    from ..synth import episodes
    from .render import out

    truth = episodes(seed=seed, start=dt.date.fromisoformat(start), days=days)
    con = _open(db)
    try:
        found = find_alerts(con, explain=False)
    except FlashpointError as e:
        _fail(str(e))
        return
    finally:
        con.close()

    def overlaps(alert: dict[str, Any], ep: tuple[str, dt.date, dt.date]) -> bool:
        return (alert["dyad"] == ep[0] and dt.date.fromisoformat(alert["period"]) <= ep[2]
                and dt.date.fromisoformat(alert["period_end"]) >= ep[1])

    inside = sum(any(overlaps(a, ep) for ep in truth) for a in found)
    detected = sum(any(overlaps(a, ep) for a in found) for ep in truth)
    out.print(f"alerts: {len(found)}, inside a true escalation episode: {inside} "
              f"(precision {inside / max(1, len(found)):.2f}); episodes: {len(truth)}, "
              f"alerted: {detected} (recall {detected / max(1, len(truth)):.2f})", highlight=False)


# --- bench tension ---------------------------------------------------------------------------


@bench_app.command("tension")
def bench_tension(
    events_n: Annotated[int, typer.Option("--events", min=1, help="Synthetic coded events to store.")] = 1_000_000,
    db: Annotated[str | None, typer.Option(help="Reuse/keep this file (default: a temporary one).")] = None,
    repeat: Annotated[int, typer.Option(min=1, help="Timed runs per query (median reported).")] = 7,
) -> None:
    """Time the monitor's queries over a store of N coded events (target: tension < 200 ms).

    The store is bulk-filled with synthetic events (``synth.fill``, no NLP), then the weekly
    tension series of one dyad, a page of events, a page of unique events and the alerts of
    every dyad are timed on a read-only connection.
    """
    import statistics
    import tempfile
    import time

    from ..analytics.alerts import alerts as find_alerts
    from ..analytics.tension import series
    from ..store import queries
    from ..synth.fill import fill_store
    from .render import out

    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "bench.duckdb")
        try:
            filled = fill_store(path, n_events=events_n) if not Path(path).exists() else None
        except FlashpointError as e:
            _fail(str(e))
            return
        if filled:
            out.print(f"filled {filled['events']:,} events ({filled['unique_events']:,} unique, "
                      f"{filled['articles']:,} articles): write {filled['write_seconds']} s, "
                      f"refresh {filled['refresh_seconds']} s", highlight=False)
        con = _open(path)
        try:
            cases = [
                ("tension PRK-KOR weekly", lambda: series(con, dyad="PRK-KOR", freq="week")),
                ("tension RUS daily", lambda: series(con, country="RUS", freq="day")),
                ("events page (dyad)", lambda: queries.events(con, dyad="PRK-KOR", limit=100)),
                ("unique events page", lambda: queries.unique_events(con, limit=100)),
                ("alerts, all dyads", lambda: find_alerts(con)),
            ]
            for name, run in cases:
                times = []
                for _ in range(repeat if not name.startswith("alerts") else 1):
                    started = time.perf_counter()
                    run()
                    times.append(time.perf_counter() - started)
                out.print(f"{name:<24} median {statistics.median(times) * 1000:8.1f} ms "
                          f"(max {max(times) * 1000:.1f} ms, {len(times)} runs)", highlight=False)
        finally:
            con.close()
