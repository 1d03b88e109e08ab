"""How results look to people (rich tables) and to machines (JSON/JSONL/CSV).

Kept apart from the commands so that every command renders the same record the same way.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..records import Analysis, Event, StatementCheck

QUAD_STYLE = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}
SPARK = "▁▂▃▄▅▆▇█"
VERDICT_STYLE = {"supported": "green", "contradicted": "bold red", "not_in_source": "yellow"}
# At this width and above, events sit in a table beside their evidence; below it, each
# evidence sentence is a block with its events listed above the wrapped sentence.
WIDE = 110
# From this width the table also names the actors (codes alone below it).
WIDE_NAMES = 150
EVIDENCE_CHARS = 400  # longer evidence is shortened with an ellipsis
ORIGIN_MIN = 24  # an article's URL or file shortened to fewer characters goes on its own line
# A reason quotes the article sentence it rests on; the start says which one. It is cut to
# one line of its column when that holds REASON_LINE_MIN characters (at 120 columns), else
# to two lines (at 80), and never past REASON_CHARS.
REASON_CHARS = 120
REASON_LINE_MIN = 80

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


def events_table(events: Sequence[Event], *, title: str | None = None) -> EventsView:
    """The events of one text, grouped by evidence sentence, laid out for the console width."""
    return EventsView(events, title=title)


class EventsView:
    """Events for people: every event's code, actors, date, modality and evidence readable.

    Events are grouped by their evidence sentence (a sentence often yields two or three
    events, and printing it once per event tripled the output). At ``WIDE`` columns and more
    each group is one table row, events on the left and the sentence wrapped on the right;
    narrower, each group is a block: its events one per line, then the sentence indented
    below. The layout is chosen at render time from the width rich gives it, so the same
    object prints well at 80 columns, at 120 and in a pager.
    """

    def __init__(self, events: Sequence[Event], *, title: str | None = None) -> None:
        self.events = list(events)
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        groups = _group_by_evidence(self.events)
        if self.title:
            yield Text(self.title, style="bold")
        if not groups:
            yield Text("no events coded", style="dim")
            return
        if width >= WIDE:
            yield self._table(groups, names=width >= WIDE_NAMES)
        else:
            yield from self._blocks(groups)

    def _table(self, groups: list[tuple[Text, list[Event]]], *, names: bool) -> Table:
        table = Table(box=None, expand=True, pad_edge=False, padding=(0, 2, 0, 0),
                      header_style="bold underline")
        table.add_column("event", no_wrap=True)
        table.add_column("source → target", no_wrap=True)
        table.add_column("date", no_wrap=True)
        table.add_column("evidence", ratio=1, overflow="fold")
        for evidence, group in groups:
            table.add_row(
                Text("\n").join(_what(e) for e in group),
                Text("\n").join(_who(e, names=names) for e in group),
                Text("\n").join(Text(_when(e)) for e in group),
                evidence,
            )
        return table

    def _blocks(self, groups: list[tuple[Text, list[Event]]]) -> Iterator[Any]:
        for i, (evidence, group) in enumerate(groups):
            if i:
                yield Text("")
            for event in group:
                line = Text.assemble(_what(event), "  ", _who(event, names=True))
                when = _when(event)
                if when:
                    line.append(f"  {when}", style="cyan")
                yield line
            yield Padding(Text.assemble("“", evidence, "”", style="dim"), (0, 0, 0, 4))


def _group_by_evidence(events: Sequence[Event]) -> list[tuple[Text, list[Event]]]:
    """(evidence, its events) in order of first appearance.

    The evidence is prefixed with who the events are attributed to ("per state media:") when
    the sentence itself does not name them (the attribution can come from a neighbouring
    sentence), once per distinct attribution in the group.
    """
    groups: dict[str, list[Event]] = {}
    for event in events:
        text = _shorten(" ".join(event.evidence.text.split()), EVIDENCE_CHARS)
        groups.setdefault(text, []).append(event)
    result = []
    for text, group in groups.items():
        sources = dict.fromkeys(
            who for who in (" ".join((e.attribution or "").split()) for e in group)
            if who and who.casefold() not in text.casefold()
        )
        evidence = Text()
        if sources:
            evidence.append(f"per {'; '.join(sources)}: ", style="italic")
        evidence.append(text)
        result.append((evidence, group))
    return result


def _what(event: Event) -> Text:
    """CAMEO code, PLOVER type and Goldstein, then negation and modality: an event reported
    as intended or denied must never read as done."""
    what = Text(f"{event.cameo} {event.plover or '—'} {event.goldstein:+.1f}",
                style=QUAD_STYLE.get(event.quad_class, ""))
    if event.negated:
        what.append(" NOT", style="bold")
    if event.modality != "asserted":
        what.append(f" {event.modality}", style="italic")
    return what


def _who(event: Event, *, names: bool) -> Text:
    return Text.assemble(_actor(event.source, names=names), " → ",
                         _actor(event.target, names=names))


def _actor(actor: Any, *, names: bool) -> Text:
    if actor is None:
        return Text("—", style="dim")
    code = Text(actor.code or "?", style="bold")
    if not names:
        return code
    return Text.assemble(code, " ", (_shorten(" ".join(actor.text.split()), 22), "dim"))


def _when(event: Event) -> str:
    """The event date at its precision (2023-06, 2023), or the unresolved phrase with '?'."""
    if event.date is None:
        return f"? {_shorten(event.date_text, 12)}" if event.date_text else ""
    return _at_precision(event.date.isoformat(), event.date_precision)


def _at_precision(day: str, precision: str | None) -> str:
    """A day as precisely as the text gives it: "2010" for "in 2010", "2023-12" for a month,
    the ISO week "2023-W48" for "last week"."""
    if precision == "week" and day:
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    return day[:{"year": 4, "month": 7}.get(precision or "", 10)]


def statements_table(checks: Sequence[StatementCheck]) -> StatementsView:
    """Checked statements: verdict, score, the statement and why, laid out for the width."""
    return StatementsView(checks)


class StatementsView:
    """Statements for people: one numbered block each, at every width.

    The verdict and score lead; the statement and, under it in the same column, why (its
    reason, cut to one line of that column, two when narrow: a supporting sentence is named
    by its start, the article holds the rest). Four side-by-side columns wrapped the reason over
    three lines at 120 columns and the statement under the verdict at 80; a hanging column
    keeps each statement two lines at 120 and readable at 80.
    """

    def __init__(self, checks: Sequence[StatementCheck]) -> None:
        self.checks = list(checks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        number = len(f"{len(self.checks)}.")
        verdicts = [Text.assemble(_verdict(c), f" {c.score:.2f}") for c in self.checks]
        lead = max((v.cell_len for v in verdicts), default=0)
        # What is left for the statement column (grid padding: one space after each column).
        column = max(20, options.max_width - number - lead - 2)
        table = Table.grid(padding=(0, 1, 0, 0), expand=False)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold", max_width=column)
        for i, (check, verdict) in enumerate(zip(self.checks, verdicts, strict=True), 1):
            lines = 1 if column >= REASON_LINE_MIN else 2
            reason = _shorten(" ".join(check.reason.split()), min(REASON_CHARS, lines * column))
            table.add_row(f"{i}.", verdict, Text.assemble(
                (_shorten(check.text, 200), "bold"), "\n", (reason, "dim")))
        yield table


def _verdict(check: StatementCheck) -> Text:
    return Text(check.verdict, style=VERDICT_STYLE.get(check.verdict, ""))


def stats_line(stats: Any) -> str:
    """One line for a ``store.WriteStats``: what was added and what was already there."""
    parts = [f"{stats.articles_new} new article{'s' * (stats.articles_new != 1)}",
             f"{stats.articles_known} already stored", f"{stats.events} events",
             f"{stats.statements} statements"]
    if stats.skips_new or stats.skips_known:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(stats.skips_by_reason.items()))
        parts.append(f"{stats.skips_new + stats.skips_known} skipped ({reasons})")
    return ", ".join(parts)


def print_analysis(result: Analysis, *, origin: str | None = None) -> None:
    """The readable report of one article: header, events, statements."""
    if result.skipped is not None:
        where = short_origin(result.skipped.origin or origin) or "input"
        out.print(
            f"[yellow]skipped[/] {escape(where)}: {result.skipped.reason} — "
            f"{escape(result.skipped.detail)}"
        )
        return
    article = result.article
    assert article is not None
    facts = " · ".join(x for x in (
        article.published.isoformat() if article.published else "date unknown",
        f"{len(article.text.split())} words",
        f"{len(result.events)} events",
        f"{len(result.statements)} statements",
        article.source or "",
    ) if x)
    out.rule(Text(article.title or "(untitled)", style="bold"), align="left")
    out.print(Text(_with_origin(facts, article.url or short_origin(article.origin), out.width),
                   style="dim"))
    for note in article.notes:
        out.print(Text(f"note: {note}", style="yellow"))
    if result.events:
        out.print(events_table(result.events))
    else:
        out.print("[dim]no events coded[/]")
    if result.statements:
        out.print(statements_table(result.statements))


def _with_origin(facts: str, origin: str, width: int) -> str:
    """The facts line with the URL (without its scheme) or file last, shortened in the
    middle to keep the line one line (a long URL wrapped every article's header); on a line of its own when the
    facts leave it less than ``ORIGIN_MIN`` characters."""
    if not origin:
        return facts
    origin = re.sub(r"^https?://", "", origin)  # the scheme says nothing a reader needs
    room = width - len(facts) - len(" · ")
    if room >= min(len(origin), ORIGIN_MIN):
        return f"{facts} · {_middle(origin, room)}"
    return f"{facts}\n{_middle(origin, width)}"


def _middle(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters by an ellipsis in the middle (both ends of a URL
    or path say the most: the site and the page)."""
    if len(text) <= width:
        return text
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head):]


def short_origin(origin: str | None) -> str:
    """A file origin relative to the working directory when it lies under it (the absolute
    path of a page in ./examples wraps the header line for nothing)."""
    if not origin:
        return ""
    try:
        relative = Path(origin).resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return origin
    return str(relative)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_store_report(con: Any, *, console: Console = out) -> dict[str, Any]:
    """The monitor view of a store open on ``con``: counts, most active dyads, weekly
    tension, alerts (the command opens and closes the store: ``session.reading``)."""
    from ..analytics.report import summary

    s = summary(con)
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
        console.print("[green]no escalation alerts[/] (weekly independent conflict reports "
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


# --- the corpus monitor: ingest summary, stored events, tension, alerts, stories --------------


def emit(rows: list[dict[str, Any]], fmt: str, table: Any = None) -> None:
    """``rows`` as JSON, JSONL or CSV, or (``fmt == "table"``) ``table()`` printed for people."""
    if fmt == "json":
        print_json(rows)
    elif fmt == "jsonl":
        print_jsonl(rows)
    elif fmt == "csv":
        print_csv(rows)
    elif table is not None:
        out.print(table())


class RecentRate:
    """Time left from the rate of the last ``window`` seconds of progress, not the run's mean.

    A resumed ingest reads the inputs it already stored at thousands per second, then analyses
    the rest at a few per second: a mean over the whole run promises minutes where hours are
    left. The estimate uses the progress samples of the recent window (at least two), so it
    follows the current speed."""

    def __init__(self, total: int, window: float = 120.0) -> None:
        self.total = total
        self.window = window
        self.samples: deque[tuple[float, int]] = deque()

    def seconds_left(self, done: int, seconds: float) -> float | None:
        """Seconds until ``total`` at the recent rate; None until two samples show progress."""
        self.samples.append((seconds, done))
        while len(self.samples) > 2 and seconds - self.samples[1][0] >= self.window:
            self.samples.popleft()
        (t0, n0), (t1, n1) = self.samples[0], self.samples[-1]
        if t1 <= t0 or n1 <= n0:
            return None
        return max(0, self.total - done) * (t1 - t0) / (n1 - n0)


def ingest_progress(*, lines: bool = False, total: int | None = None) -> tuple[Any, Any]:
    """A live progress line on stderr for an ingest (only on a terminal) and the callback
    that updates it from ``store.ingest.IngestStats``; ``lines`` also writes one plain line
    per committed batch (for logs). With the ``total`` of inputs expected
    (``store.ingest.expected_inputs``) both show "read/total" and an ETA."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/]"),
        TextColumn("{task.fields[line]}"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=False,
    )
    task = progress.add_task("ingest", total=total, line="starting (loading the model)…")
    eta = RecentRate(total or 0)

    def on_progress(stats: Any) -> None:
        rate = stats.articles_new / stats.seconds if stats.seconds else 0.0
        read = f"{stats.inputs:,}" + (f"/{total:,}" if total else "")
        line = (
            f"{read} read · {stats.articles_new:,} new · {stats.articles_known:,} "
            f"already stored · {stats.skips:,} skipped · {stats.events:,} events · "
            f"{rate:,.1f} articles/s"
        )
        left = eta.seconds_left(stats.inputs, stats.seconds) if total and not stats.done else None
        if left is not None:
            line += f" · ETA {int(left // 3600)}:{int(left % 3600 // 60):02d}:{int(left % 60):02d}"
        progress.update(task, line=line, completed=stats.inputs)
        if lines:
            sys.stderr.write(f"progress: {line}" + (" · done" if stats.done else "") + "\n")
            sys.stderr.flush()

    return progress, on_progress


def ingest_summary_table(stats: Any, db: str) -> Table:
    """What an ingest added, skipped and merged, and how fast (``store.ingest.IngestStats``)."""
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
    return t


def stored_events_table(
    rows: Sequence[dict[str, Any]], *, unique: bool, total: int, offset: int = 0
) -> Table:
    """Stored events (``queries.events`` / ``unique_events`` rows), one line each, under a
    heading with the number matched (``total``) and which of them are shown."""
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
        day = _at_precision(str(r["day"] or ""), r.get("day_precision"))
        cells = [
            day, r["source_code"] or "—",
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


def tension_table(rows: Sequence[dict[str, Any]], *, subject: str, freq: str) -> Table:
    """A tension series (``analytics.tension.series``), with a bar of conflict intensity."""
    wide = out.width >= 110
    t = Table(title=f"Tension {subject} per {freq} (unique events; q1 verbal coop, "
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


def print_alerts(found: Sequence[dict[str, Any]], params: Any) -> None:
    """Each alert as a rule, its explanation, the events that drove it and its articles."""
    if not found:
        out.print(f"no escalation alerts (Poisson z ≥ {params.z_threshold:g}, "
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


def story_table(story: dict[str, Any]) -> Table:
    """One story's copies: which were merged as near copies or exact copies, and from where."""
    r = story
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
    return t
