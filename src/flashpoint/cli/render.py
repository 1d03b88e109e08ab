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
SPARK = "▁▂▃▄▅▆▇█"
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


def print_store_report(db: str, *, console: Console = out) -> dict[str, Any]:
    """The monitor view of a store: counts, most active dyads, weekly tension, alerts."""
    from ..analytics.report import summary
    from ..store import connect_readonly

    con = connect_readonly(db)
    try:
        s = summary(con)
    finally:
        con.close()
    c = s["counts"]
    console.print(
        f"[bold]{c['articles']}[/] articles stored ({s['articles_merged']} merged into "
        f"{c['stories']} stories), [bold]{c['events']}[/] event mentions = "
        f"[bold]{c['unique_events']}[/] unique events, {c['statements']} statements, "
        f"{c['skips']} skips; events from {s['period'][0]} to {s['period'][1]}",
        highlight=False,
    )
    if s["skips_by_reason"]:
        console.print("skips by reason: " + ", ".join(
            f"{k} {v}" for k, v in s["skips_by_reason"].items()), highlight=False)
    table = Table(title="Most active dyads (unique events; G = Goldstein, q4 = material "
                  "conflict)", title_justify="left")
    for col, just, width in (("dyad", "left", 7), ("events", "right", 6),
                             ("mentions", "right", 8), ("G mean", "right", 6),
                             ("q4 %", "right", 4), ("first", "left", 10), ("last", "left", 10)):
        table.add_column(col, justify=just, no_wrap=True, min_width=width)
    for d in s["top_dyads"]:
        g = d["goldstein_mean"]
        table.add_row(d["dyad"], str(d["events"]), str(d["mentions"]),
                      f"[{'red' if g < 0 else 'green'}]{g:+.2f}[/]",
                      f"{d['material_conflict_share']:.0%}", d["first_day"], d["last_day"])
    console.print(table)
    if s["tension"]:
        t0 = s["tension"][0]["weeks"]
        console.print(f"[bold]Weekly conflict intensity[/] (Σ −Goldstein of unique events), "
                      f"weeks of {t0[0]} … {t0[-1]}; blank = none, █ = the dyad's peak")
    for t in s["tension"]:
        peak = max(t["conflict_intensity"], default=0) or 1
        line = "".join(SPARK[min(7, round(7 * v / peak))] if v else " " for v in
                       t["conflict_intensity"])
        label = (f"peak {peak:g}" if max(t["conflict_intensity"], default=0) else "no conflict")
        console.print(f"  {t['dyad']:<9} [red]{line}[/]  {label}, {sum(t['events'])} events",
                      highlight=False)
    if not s["latest_alerts"]:
        console.print("[green]no escalation alerts[/] (robust z of weekly conflict intensity "
                      "against each dyad's previous 8 weeks; see analytics/data/alerts.json)")
    for a in s["latest_alerts"]:
        console.print(f"[bold red]ALERT[/] {a['explanation']}", highlight=False)
        ev = a.get("top_event")
        if ev:
            evidence = escape(" ".join(ev["evidence_text"].split()))
            console.print(f"    e.g. {ev['cameo']} {ev['source_code']}→{ev['target_code']}: "
                          f"“{evidence}” ({escape(ev['title'] or ev['article_id'])})",
                          highlight=False)
    return s
