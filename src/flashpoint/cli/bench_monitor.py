"""CLI: `flashpoint bench alerts` and `flashpoint bench tension` (``bench.monitor``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import bench_app
from .options import DEFAULT_DB, DbOpt
from .session import reading, reporting


@bench_app.command("alerts")
def bench_alerts(
    db: DbOpt = DEFAULT_DB,
    seed: Annotated[int, typer.Option(help="The --seed the synthetic corpus was made with.")] = 1,
    start: Annotated[str, typer.Option(help="The corpus --start.")] = "2023-01-01",
    days: Annotated[int, typer.Option(help="The corpus --days.")] = 365,
) -> None:
    """Score alerts on an ingested synthetic corpus against its built-in escalations.

    Precision: share of alerts inside a true episode; recall: share of episodes alerted.
    Build the corpus with `flashpoint synth --n 6000 --seed 1 -o corpus/` and ingest it.
    """
    import datetime as dt

    from ..bench.monitor import score_alerts
    from .render import out

    with reading(db) as con:
        s = score_alerts(con, seed=seed, start=dt.date.fromisoformat(start), days=days)
    out.print(f"synthetic corpus: {s.articles:,} articles, seed {s.seed}; "
              f"alerts: {s.alerts}, inside a true escalation episode: {s.inside} "
              f"(precision {s.precision:.2f}); episodes: {s.episodes}, "
              f"alerted: {s.detected} (recall {s.recall:.2f})", highlight=False)
    for name, items in (("false alerts", s.false_alerts), ("missed", s.missed)):
        if items:
            out.print(f"{name}: {', '.join(items)}", highlight=False)


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
    import tempfile

    from ..bench.monitor import time_queries
    from ..synth.fill import fill_store
    from .render import out

    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "bench.duckdb")
        if not Path(path).exists():
            with reporting():
                filled = fill_store(path, n_events=events_n)
            out.print(f"filled {filled['events']:,} events ({filled['unique_events']:,} unique, "
                      f"{filled['articles']:,} articles): write {filled['write_seconds']} s, "
                      f"refresh {filled['refresh_seconds']} s", highlight=False)
        with reading(path) as con:
            for t in time_queries(con, repeat=repeat):
                out.print(f"{t.name:<24} median {t.median_ms:8.1f} ms "
                          f"(max {t.max_ms:.1f} ms, {len(t.times)} runs)", highlight=False)
