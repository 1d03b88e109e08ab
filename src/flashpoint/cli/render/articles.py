"""One article's report for people: its header line, then its events and its statements.

What ``flashpoint analyze`` and ``flashpoint demo`` print per article, or why it was skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.markup import escape
from rich.text import Text

from ...records import Analysis
from . import out
from .events import events_table
from .statements import statements_table

ORIGIN_MIN = 24  # an article's URL or file shortened to fewer characters goes on its own line


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
