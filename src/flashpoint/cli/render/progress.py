"""What a run that stores articles tells people: live progress with an ETA, and its summary.

``flashpoint ingest`` shows a progress line on stderr and ends with a summary table;
``flashpoint analyze`` ends with one line of what it stored (``stats_line``).
"""

from __future__ import annotations

import sys
from collections import deque
from typing import Any

from rich.table import Table

from . import err


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


def stats_line(stats: Any) -> str:
    """One line for a ``store.WriteStats``: what was added and what was already there."""
    parts = [f"{stats.articles_new} new article{'s' * (stats.articles_new != 1)}",
             f"{stats.articles_known} already stored", f"{stats.events} events",
             f"{stats.statements} statements"]
    if stats.skips_new or stats.skips_known:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(stats.skips_by_reason.items()))
        parts.append(f"{stats.skips_new + stats.skips_known} skipped ({reasons})")
    return ", ".join(parts)
