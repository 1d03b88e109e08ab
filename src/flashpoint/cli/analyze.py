"""CLI commands on single pages and snippets: analyze, code, check, demo.

These are thin: they read input, call ``flashpoint.pipeline`` and render. Bad input never
raises a traceback: it becomes a one-line error (exit 2) or a stored ``Skipped`` record.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import FlashpointError
from .app import app

DEFAULT_DB = "flashpoint.duckdb"


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def fail(message: str, code: int = 2) -> None:
    """Print a one-line error on stderr and exit: the CLI's only way to report a failure."""
    from .render import err

    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files or directories; '-' reads stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the page has none.")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json or jsonl.")] = Format.table,
    db: Annotated[str, typer.Option(help="DuckDB file the results are stored in.")] = DEFAULT_DB,
    store: Annotated[bool, typer.Option("--store/--no-store", help="Store results in --db.")] = True,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse files larger than this (default 10 MB).")
    ] = None,
) -> None:
    """Analyse news pages: clean text, coded events, checked statements.

    JSON output is one object per article (the output contract in the README); with several
    articles `--format json` prints a list and `--format jsonl` one object per line.
    """
    from .. import ingest
    from ..pipeline import analyze_many
    from .render import print_analysis, print_json, print_jsonl

    limit = max_bytes or ingest.DEFAULT_MAX_BYTES
    try:
        items = list(_read_inputs(paths, published=published, max_bytes=limit))
        results = list(analyze_many(items))
    except FlashpointError as e:
        fail(str(e))
        return
    if store:
        _store(results, db)
    if fmt is Format.table:
        for result in results:
            print_analysis(result)
    elif fmt is Format.jsonl:
        print_jsonl(r.to_dict() for r in results)
    else:
        print_json(results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results])
    if results and all(r.skipped is not None for r in results):
        raise typer.Exit(1)


@app.command()
def code(
    text: Annotated[str | None, typer.Argument(help="A sentence to code (or use --input).")] = None,
    input: Annotated[
        Path | None, typer.Option("--input", "-i", help="JSONL of {id, text, published?}.")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Reference date for relative dates.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Code events in sentences: one {id, events} line per input line, in input order."""
    from ..pipeline import code as code_text
    from .render import events_table, out, print_json, print_jsonl

    results = [
        (row_id, code_text(row["text"], published=row.get("published") or published))
        for row_id, row in _jsonl_or_text(input, text, fields=("text",))
    ]
    if fmt is Format.table:
        for row_id, events in results:
            out.print(events_table(events, title=str(row_id)))
        return
    rows = [{"id": row_id, "events": [e.to_dict() for e in events]} for row_id, events in results]
    print_jsonl(rows) if fmt is Format.jsonl else print_json(rows)


@app.command()
def check(
    statement: Annotated[str | None, typer.Argument(help="A statement to check (with --article).")] = None,
    article: Annotated[Path | None, typer.Option(help="The article (text file) to check against.")] = None,
    input: Annotated[
        Path | None, typer.Option("--input", "-i", help="JSONL of {id, article, statement}.")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date of the article.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Check statements against articles: supported, contradicted or not_in_source."""
    from ..pipeline import check_many
    from .render import out, print_json, print_jsonl, statements_table

    if input is None:
        if statement is None or article is None:
            fail("give a STATEMENT and --article FILE, or --input pairs.jsonl")
        try:
            article_text = article.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            fail(f"cannot read {article}: {e.strerror}")
        rows = [(1, {"article": article_text, "statement": statement})]
    else:
        rows = list(_jsonl_or_text(input, None, fields=("article", "statement")))
    # Rows sharing a publication date are checked together so each article is parsed once.
    by_date: dict[str | None, list[int]] = {}
    for i, (_, row) in enumerate(rows):
        by_date.setdefault(row.get("published") or published, []).append(i)
    verdicts: list[Any] = [None] * len(rows)
    for day, indices in by_date.items():
        pairs = [(rows[i][1]["article"], rows[i][1]["statement"]) for i in indices]
        for i, verdict in zip(indices, check_many(pairs, published=day), strict=True):
            verdicts[i] = verdict
    results = [(row_id, verdict) for (row_id, _), verdict in zip(rows, verdicts, strict=True)]
    if fmt is Format.table:
        out.print(statements_table([v for _, v in results]))
        return
    clean = []
    for row_id, verdict in results:
        data = verdict.to_dict()
        data.pop("text")
        clean.append({"id": row_id, **data})
    print_jsonl(clean) if fmt is Format.jsonl else print_json(clean)


@app.command()
def demo(
    corpus: Annotated[Path, typer.Argument(help="Folder of sample pages.")] = Path("examples"),
    db: Annotated[
        str | None, typer.Option(help="DuckDB file for the monitor part (default: a temporary one).")
    ] = None,
) -> None:
    """Analyse the bundled sample corpus and print a report per article, then the monitor view."""
    import tempfile
    import time

    from .. import ingest
    from ..pipeline import analyze_many
    from .render import out, print_analysis

    if not corpus.is_dir():
        fail(f"sample corpus folder not found: {corpus}")
    out.rule(f"[bold]Flashpoint demo[/] — analysing the sample pages in {corpus}/ (samples, not real news)")
    started = time.perf_counter()
    items = list(ingest.read_path(corpus))
    results = list(analyze_many(items))
    elapsed = time.perf_counter() - started
    for result in results:
        print_analysis(result)
    analysed = [r for r in results if r.article is not None]
    words = sum(len(r.article.text.split()) for r in analysed if r.article)
    events = sum(len(r.events) for r in analysed)
    checks = sum(len(r.statements) for r in analysed)
    out.rule("[bold]Summary")
    out.print(
        f"{len(analysed)} articles, {len(results) - len(analysed)} skipped, {events} events, "
        f"{checks} statements checked, {words} words in {elapsed:.1f} s "
        f"({words / max(elapsed, 1e-9):,.0f} words/s, model load included)"
    )
    for r in results:
        if r.skipped is not None:
            out.print(f"  skipped {r.skipped.origin}: {r.skipped.reason} ({r.skipped.detail})")
    with tempfile.TemporaryDirectory() as tmp:
        _demo_monitor(corpus, db or str(Path(tmp) / "demo.duckdb"))


def _demo_monitor(corpus: Path, db: str) -> None:
    """Ingest the samples into DuckDB and print the tension summary and alerts."""
    from ..store.ingest import ingest as ingest_corpus
    from .render import out, print_store_report

    out.rule("[bold]Monitor: stored corpus, tension and alerts")
    ingest_corpus([str(corpus)], db=db, workers=1)
    print_store_report(db)


# --- input helpers ---------------------------------------------------------------------------


def _read_inputs(paths: list[str], *, published: str | None, max_bytes: int) -> Iterator[Any]:
    from .. import ingest

    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            yield ingest.read_bytes(data, origin="<stdin>", published=published, max_bytes=max_bytes)
        else:
            yield from ingest.read_path(path, max_bytes=max_bytes, published=published)


def _jsonl_or_text(
    path: Path | None, text: str | None, *, fields: tuple[str, ...]
) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Rows of a JSONL file (bad lines reported on stderr with their number) or one text."""
    from .render import err

    if path is None:
        if text is None:
            fail("give a TEXT argument or --input FILE.jsonl")
        yield 1, {"text": text}
        return
    try:
        handle = sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror}")
        return
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise TypeError("a JSON object is expected")
                missing = [f for f in fields if not isinstance(row.get(f), str)]
                if missing:
                    raise ValueError(f"missing text field(s): {', '.join(missing)}")
            except (TypeError, ValueError) as e:
                err.print(f"[yellow]skipped[/] {path}:{number}: {e}", highlight=False)
                continue
            yield row.get("id", number), row


def _store(results: list[Any], db: str) -> None:
    from ..store import Store
    from .render import err, stats_line

    try:
        with Store(db) as store:
            stats = store.write(results)
            store.refresh()  # stories and unique events follow what was just written
    except FlashpointError as e:
        fail(str(e))
        return
    err.print(f"[dim]stored in {db}: {stats_line(stats)}[/]", highlight=False)
