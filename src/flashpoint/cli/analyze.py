"""CLI commands on single pages and snippets: analyze, code, check, demo.

These are thin: they read input, call ``flashpoint.pipeline`` and render. Bad input never
raises a traceback: it becomes a one-line error (exit 2) or a stored ``Skipped`` record.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..records import Skipped, internal_error, without_surrogates
from .app import app
from .exits import outcome_status
from .session import reading, reporting, usage, writing

DEFAULT_DB = "flashpoint.duckdb"


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


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
    from .render import print_json, print_jsonl
    from .render.articles import print_analysis

    limit = max_bytes or ingest.DEFAULT_MAX_BYTES
    with reporting():
        items = list(_read_inputs(paths, published=published, max_bytes=limit))
        results = list(analyze_many(items))
    if store:
        _store(results, db)
    if fmt is Format.table:
        for result in results:
            print_analysis(result)
    elif fmt is Format.jsonl:
        print_jsonl(r.to_dict() for r in results)
    else:
        print_json(results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results])
    skips = Counter(r.skipped.reason for r in results if r.skipped is not None)
    status = outcome_status(sum(r.article is not None for r in results), skips)
    if status:
        raise typer.Exit(status)


@app.command()
def code(
    text: Annotated[str | None, typer.Argument(help="A sentence to code (or use --input).")] = None,
    input: Annotated[
        Path | None, typer.Option("--input", "-i", help="JSONL of {id, text, published?}.")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Reference date for relative dates.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Code events in sentences: one {id, events} line per input line, in input order.

    A line whose coding fails gets {id, error: {reason, detail}} instead; the others go on.
    """
    from ..pipeline import code as code_text
    from .render import out, print_json, print_jsonl
    from .render.events import events_table

    lines = _JsonlLines(input, text, fields=("text",))
    results: list[tuple[Any, Any]] = []
    for row_id, row in lines:
        try:
            results.append((row_id, code_text(row["text"], published=row.get("published") or published)))
        except Exception as e:  # noqa: BLE001 - one line's bug must not cost the others
            results.append((row_id, internal_error("analyse", e, f"{input}:{row_id}" if input else None)))
    if fmt is Format.table:
        for row_id, events in results:
            if isinstance(events, Skipped):
                out.print(f"{row_id}: error: {events.detail}", highlight=False)
            else:
                out.print(events_table(events, title=str(row_id)))
    else:
        rows = [
            {"id": row_id, "error": events.to_dict()} if isinstance(events, Skipped)
            else {"id": row_id, "events": [e.to_dict() for e in events]}
            for row_id, events in results
        ]
        print_jsonl(rows) if fmt is Format.jsonl else print_json(rows)
    _exit_for_lines(results, lines.bad)


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
    """Check statements against articles: supported, contradicted or not_in_source.

    A line whose check fails gets {id, error: {reason, detail}} instead; the others go on.
    """
    from ..pipeline import check_many
    from .render import out, print_json, print_jsonl
    from .render.statements import statements_table

    bad = 0
    if input is None:
        if statement is None or article is None:
            usage("E125")
        try:
            article_text = article.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            usage("E126", path=article, reason=e.strerror)
        rows = [(1, {"article": article_text, "statement": statement})]
    else:
        lines = _JsonlLines(input, None, fields=("article", "statement"))
        rows = list(lines)
        bad = lines.bad
    # Rows sharing a publication date are checked together so each article is parsed once.
    by_date: dict[str | None, list[int]] = {}
    for i, (_, row) in enumerate(rows):
        by_date.setdefault(row.get("published") or published, []).append(i)
    verdicts: list[Any] = [None] * len(rows)
    for day, indices in by_date.items():
        pairs = [(rows[i][1]["article"], rows[i][1]["statement"]) for i in indices]
        try:
            found = check_many(pairs, published=day)
        except Exception:  # noqa: BLE001 - check one pair at a time to isolate the culprit
            found = [_check_one(pair, day, f"{input}:{rows[i][0]}")
                     for pair, i in zip(pairs, indices, strict=True)]
        for i, verdict in zip(indices, found, strict=True):
            verdicts[i] = verdict
    results = [(row_id, verdict) for (row_id, _), verdict in zip(rows, verdicts, strict=True)]
    if fmt is Format.table:
        out.print(statements_table([v for _, v in results if not isinstance(v, Skipped)]))
        for row_id, v in results:
            if isinstance(v, Skipped):
                out.print(f"{row_id}: error: {v.detail}", highlight=False)
    else:
        clean = []
        for row_id, verdict in results:
            if isinstance(verdict, Skipped):
                clean.append({"id": row_id, "error": verdict.to_dict()})
                continue
            data = verdict.to_dict()
            data.pop("text")
            clean.append({"id": row_id, **data})
        print_jsonl(clean) if fmt is Format.jsonl else print_json(clean)
    _exit_for_lines(results, bad)


def _check_one(pair: tuple[str, str], day: str | None, origin: str) -> Any:
    from ..pipeline import check_many

    try:
        return check_many([pair], published=day)[0]
    except Exception as e:  # noqa: BLE001
        return internal_error("analyse", e, origin)


def _exit_for_lines(results: list[tuple[Any, Any]], bad: int) -> None:
    """Exit with the status of a JSONL run: failed lines are internal errors or bad JSON."""
    skips = Counter({"internal_error": sum(isinstance(r, Skipped) for _, r in results),
                     "invalid_json": bad})
    status = outcome_status(sum(not isinstance(r, Skipped) for _, r in results), +skips)
    if status:
        raise typer.Exit(status)


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
    from .render import out
    from .render.articles import print_analysis, short_origin

    if not corpus.is_dir():
        usage("E203", path=corpus)
    out.rule(f"[bold]Flashpoint demo[/]: the sample pages in {corpus}/ (not real news)")
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
            out.print(f"  skipped {short_origin(r.skipped.origin)}: {r.skipped.reason} "
                      f"({r.skipped.detail})")
    with tempfile.TemporaryDirectory() as tmp:
        _demo_monitor(corpus, db or str(Path(tmp) / "demo.duckdb"))


def _demo_monitor(corpus: Path, db: str) -> None:
    """Ingest the samples into DuckDB and print the tension summary and alerts."""
    from ..store.ingest import ingest as ingest_corpus
    from .render import out
    from .render.monitor import print_store_report

    out.rule("[bold]Monitor: stored corpus, tension and alerts")
    with reporting():
        ingest_corpus([str(corpus)], db=db, workers=1)
    with reading(db) as con:
        print_store_report(con)


# --- input helpers ---------------------------------------------------------------------------


def _read_inputs(paths: list[str], *, published: str | None, max_bytes: int) -> Iterator[Any]:
    from .. import ingest

    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            yield ingest.read_bytes(data, origin="<stdin>", published=published, max_bytes=max_bytes)
        else:
            yield from ingest.read_path(path, max_bytes=max_bytes, published=published)


class _JsonlLines:
    """Rows of a JSONL file (bad lines reported on stderr with their number and counted in
    ``bad``), or the one text given on the command line."""

    def __init__(self, path: Path | None, text: str | None, *, fields: tuple[str, ...]) -> None:
        self.path, self.text, self.fields = path, text, fields
        self.bad = 0

    def __iter__(self) -> Iterator[tuple[Any, dict[str, Any]]]:
        from .render import err

        path = self.path
        if path is None:
            if self.text is None:
                usage("E127")
            yield 1, {"text": self.text}
            return
        try:
            handle = sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
        except OSError as e:
            usage("E126", path=path, reason=e.strerror)
            return
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = _json_row(line, self.fields)
                except (TypeError, ValueError, RecursionError) as e:
                    self.bad += 1
                    err.print(f"[yellow]skipped[/] {path}:{number}: {_one_line(e)}", highlight=False)
                    continue
                yield row.get("id", number), row


def _json_row(line: str, fields: tuple[str, ...]) -> dict[str, Any]:
    """One JSONL row, checked: an object with string ``fields`` and a string or null date."""
    row = json.loads(line)
    if not isinstance(row, dict):
        raise TypeError("a JSON object is expected")
    missing = [f for f in fields if not isinstance(row.get(f), str)]
    if missing:
        raise ValueError(f"missing text field(s): {', '.join(missing)}")
    if not isinstance(row.get("published"), str | None):
        raise TypeError(f"published must be a date string, not {type(row['published']).__name__}")
    if not isinstance(row.get("id", 0), str | int | float):
        raise TypeError(f"id must be a string or a number, not {type(row['id']).__name__}")
    return {k: without_surrogates(v) if isinstance(v, str) else v for k, v in row.items()}


def _one_line(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "JSON nested too deeply"
    return str(error).split(";")[0]


def _store(results: list[Any], db: str) -> None:
    from ..store.ingest import write_isolated
    from .render import err
    from .render.progress import stats_line

    with writing(db) as store:
        stats = write_isolated(store, results)
        store.refresh()  # stories and unique events follow what was just written
    err.print(f"[dim]stored in {db}: {stats_line(stats)}[/]", highlight=False)
