"""Coded events for people: one text's events beside their evidence, and stored event rows.

An event is read by its code, its actors, its date at the precision the text gives, whether it
is negated or only intended, and the sentence it rests on; every view here shows all of them
(an intended or denied event must never read as done) in the colour of its quad class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ...records import Event
from . import out, shorten

QUAD_STYLE = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}
# At this width and above, events sit in a table beside their evidence; below it, each
# evidence sentence is a block with its events listed above the wrapped sentence.
WIDE = 110
# From this width the table also names the actors (codes alone below it).
WIDE_NAMES = 150
EVIDENCE_CHARS = 400  # longer evidence is shortened with an ellipsis


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
        text = shorten(" ".join(event.evidence.text.split()), EVIDENCE_CHARS)
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
    return Text.assemble(code, " ", (shorten(" ".join(actor.text.split()), 22), "dim"))


def _when(event: Event) -> str:
    """The event date at its precision (2023-06, 2023), or the unresolved phrase with '?'."""
    if event.date is None:
        return f"? {shorten(event.date_text, 12)}" if event.date_text else ""
    return _at_precision(event.date.isoformat(), event.date_precision)


def _at_precision(day: str, precision: str | None) -> str:
    """A day as precisely as the text gives it: "2010" for "in 2010", "2023-12" for a month,
    the ISO week "2023-W48" for "last week"."""
    if precision == "week" and day:
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    return day[:{"year": 4, "month": 7}.get(precision or "", 10)]


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
