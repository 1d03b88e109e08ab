"""How results look to people (rich tables) and to machines (JSON/JSONL/CSV).

Kept apart from the commands so that every command renders the same record the same way.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..records import Analysis, Event, StatementCheck

QUAD_STYLE = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}
QUAD_NAME = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}
VERDICT_STYLE = {"supported": "green", "contradicted": "bold red", "not_in_source": "yellow"}

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def print_jsonl(rows: Iterable[Any]) -> None:
    for row in rows:
        sys.stdout.write(dumps(row) + "\n")
        sys.stdout.flush()


def print_csv(rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    sys.stdout.write(buffer.getvalue())


def actor_label(actor: Any) -> str:
    if actor is None:
        return "—"
    return f"{actor.code or '?'}"


def events_table(events: Sequence[Event], *, title: str | None = None) -> Table:
    """One line per event: who, what (CAMEO/PLOVER), to whom, when, how sure, evidence."""
    table = Table(title=title, show_lines=False, expand=True, title_justify="left")
    table.add_column("source", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("target", no_wrap=True)
    table.add_column("G", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("evidence", ratio=1, overflow="fold")
    for event in events:
        style = QUAD_STYLE.get(event.quad_class, "")
        what = Text(f"{event.cameo} {event.plover or ''}", style=style)
        if event.negated:
            what.append(" (not)", style="dim")
        if event.modality != "asserted":
            what.append(f" [{event.modality}]", style="dim")
        date = event.date.isoformat() if event.date else (f"? {event.date_text}" if event.date_text else "")
        if event.date and event.date_precision == "month":
            date = event.date.isoformat()[:7]
        elif event.date and event.date_precision == "year":
            date = event.date.isoformat()[:4]
        evidence = event.evidence.text.replace("\n", " ")
        if event.attribution:
            evidence = f"[{event.attribution}] {evidence}"
        table.add_row(
            _actor_cell(event.source),
            what,
            _actor_cell(event.target),
            f"{event.goldstein:+.1f}",
            date,
            escape(_shorten(evidence, 160)),
        )
    return table


def statements_table(checks: Sequence[StatementCheck]) -> Table:
    table = Table(expand=True, show_lines=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("statement", ratio=1, overflow="fold")
    table.add_column("reason", ratio=1, overflow="fold")
    for i, check in enumerate(checks, 1):
        table.add_row(
            str(i),
            Text(check.verdict, style=VERDICT_STYLE.get(check.verdict, "")),
            f"{check.score:.2f}",
            escape(_shorten(check.text, 200)),
            escape(_shorten(check.reason, 200)),
        )
    return table


def print_analysis(result: Analysis, *, origin: str | None = None) -> None:
    """The readable report of one article: header, events, statements."""
    if result.skipped is not None:
        where = result.skipped.origin or origin or "input"
        out.print(
            f"[yellow]skipped[/] {escape(where)}: {result.skipped.reason} — "
            f"{escape(result.skipped.detail)}"
        )
        return
    article = result.article
    assert article is not None
    meta = " · ".join(
        x
        for x in (
            article.published.isoformat() if article.published else "date unknown",
            article.source or "",
            article.url or article.origin or "",
        )
        if x
    )
    words = len(article.text.split())
    header = Text.assemble(
        (article.title or "(untitled)", "bold"), "\n", (meta, "dim"), "\n",
        (f"{words} words · {len(result.events)} events · {len(result.statements)} statements", "dim"),
    )
    for note in article.notes:
        header.append(f"\nnote: {note}", style="yellow")
    out.print(Panel(header, expand=True))
    if result.events:
        out.print(events_table(result.events))
    else:
        out.print("[dim]no events coded[/]")
    if result.statements:
        out.print(statements_table(result.statements))
    out.print()


def _actor_cell(actor: Any) -> Text:
    if actor is None:
        return Text("—", style="dim")
    return Text.assemble((actor.code or "?", "bold"), " ", (_shorten(actor.text, 24), "dim"))


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
