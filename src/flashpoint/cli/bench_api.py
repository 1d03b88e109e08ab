"""CLI: `flashpoint bench api` — bounded load test of GET /api/events and /api/tension."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from .app import SummaryFormat, bench_app
from .session import reporting


@bench_app.command("api")
def bench_api(
    db: Annotated[
        Path | None, typer.Option(help="Database to serve; default: one built from --corpus.")
    ] = None,
    corpus: Annotated[Path, typer.Option(help="Corpus ingested when --db is not given.")] = Path(
        "examples"
    ),
    clients: Annotated[int, typer.Option(help="Concurrent clients.")] = 100,
    seconds: Annotated[float, typer.Option(help="Duration of the run.")] = 20.0,
    dyad: Annotated[
        str | None, typer.Option(help="Dyad queried; default: the busiest one.")
    ] = None,
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="Server response cache on (default) or off.")
    ] = True,
    writers: Annotated[
        int,
        typer.Option(
            help="Concurrent writers posting new pages to /api/articles during the run (the "
            "server then holds a write token; a copy of --db is used, never the file itself). "
            "Every acknowledged page must be stored once: 'lost' counts those that are not."
        ),
    ] = 0,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table or json.")] = SummaryFormat.table,
) -> None:
    """Start `flashpoint serve` (read-only) on a free loopback port and load it with CLIENTS
    concurrent keep-alive clients for SECONDS, alternating GET /api/events and /api/tension.
    Prints errors, p50/p99 latency and requests/s."""
    import secrets
    import shutil
    import threading

    import httpx
    from rich.table import Table

    from ..bench.api import WriteReport, run_load, run_writers, served, stored_ids
    from ..errors import NotFoundError
    from .render import err, out, print_json

    # Every library error in the block is one line and exit 2 (session.reporting).
    with tempfile.TemporaryDirectory(prefix="fp-bench-api-") as tmp, reporting():
        if db is None:
            from ..store.ingest import ingest

            db = Path(tmp) / "bench.duckdb"
            err.print(f"building {db.name} from {corpus}/ …")
            ingest([corpus], db=db, workers=1)
        elif writers:
            shutil.copy(db, Path(tmp) / "bench.duckdb")
            db = Path(tmp) / "bench.duckdb"
        token = secrets.token_hex(16) if writers else None
        written: list[WriteReport] = []
        with served(db, cache_size=None if cache else 0, token=token) as base:
            if dyad is None:
                top = httpx.get(f"{base}/api/dyads?limit=1", timeout=30).json().get("dyads", [])
                dyad = top[0]["dyad"] if top else None
            if dyad is None:
                raise NotFoundError("E204", path=db)
            paths = [f"/api/events?dyad={dyad}&limit=50", f"/api/tension?dyad={dyad}&freq=week"]
            err.print(f"{clients} clients × {seconds:.0f} s on {base} ({dyad}) …")
            writing = threading.Thread(
                target=lambda: written.append(
                    run_writers(base, token or "", writers=writers, seconds=seconds)
                )
            )
            if writers:
                writing.start()
            report = run_load(base, paths, clients=clients, seconds=seconds)
            if writers:
                writing.join()
        lost = (
            len(written[0].ids - stored_ids(db, written[0].ids)) if writers and written else 0
        )
    writes = (
        {
            "writers": writers,
            "posted": written[0].posted,
            "acknowledged": written[0].acknowledged,
            "failed": written[0].failed,
            "lost": lost,
        }
        if writers and written
        else None
    )
    if fmt == "json":
        print_json({**report.to_dict(), **({"writes": writes} if writes else {})})
        return
    table = Table(
        title=f"API load: {report.clients} concurrent clients, {report.seconds:.1f} s, "
        f"loopback, response cache {'on' if cache else 'off'}"
    )
    for col in ("path", "requests", "errors", "p50 ms", "p99 ms"):
        table.add_column(col, justify="left" if col == "path" else "right")
    for path, s in report.per_path.items():
        table.add_row(
            path,
            f"{s['requests']:,}",
            f"{s['errors']:,}",
            f"{s['p50_ms']:.1f}",
            f"{s['p99_ms']:.1f}",
        )
    table.add_row(
        "all",
        f"{report.requests:,}",
        f"{report.errors:,}",
        f"{report.p50_ms:.1f}",
        f"{report.p99_ms:.1f}",
        style="bold",
    )
    out.print(table)
    out.print(
        f"requests/s: {report.requests_per_s:,.0f}   errors: {report.errors}"
        + (f" {report.error_kinds}" if report.error_kinds else "")
        + f"   max latency: {report.max_ms:.0f} ms"
    )
    if writes:
        out.print(
            f"writers: {writes['writers']}   posted: {writes['posted']}   acknowledged: "
            f"{writes['acknowledged']}   failed: {writes['failed']}   lost: {writes['lost']}"
        )
