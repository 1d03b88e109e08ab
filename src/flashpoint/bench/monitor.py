"""Benchmarks of the corpus monitor: alert quality on a synthetic corpus, query speed at scale.

* ``score_alerts``: alerts found on an ingested synthetic corpus (``flashpoint synth`` then
  ``flashpoint ingest``) against the escalation episodes the generator planted.
* ``time_queries``: median times of the monitor's queries (tension series, event pages,
  alerts of every dyad) on a read-only connection, e.g. to a store bulk-filled with N events
  (``synth.fill.fill_store``, no NLP). Target: a tension series under 200 ms at 1M events.

Both return figures; the CLI (``flashpoint bench alerts|tension``) prints them.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..analytics.alerts import alerts as find_alerts
from ..analytics.tension import series
from ..store import queries
from ..synth import episodes


@dataclass(frozen=True)
class AlertScore:
    """Alerts against planted episodes: precision = alerts inside an episode / alerts,
    recall = episodes alerted / episodes."""

    alerts: int
    inside: int
    episodes: int
    detected: int

    @property
    def precision(self) -> float:
        return self.inside / max(1, self.alerts)

    @property
    def recall(self) -> float:
        return self.detected / max(1, self.episodes)


def score_alerts(con: Any, *, seed: int, start: dt.date, days: int) -> AlertScore:
    """Score the store's alerts against the episodes of the corpus made with these options."""
    truth = episodes(seed=seed, start=start, days=days)
    found = find_alerts(con, explain=False)

    def overlaps(alert: dict[str, Any], ep: tuple[str, dt.date, dt.date]) -> bool:
        return (alert["dyad"] == ep[0] and dt.date.fromisoformat(alert["period"]) <= ep[2]
                and dt.date.fromisoformat(alert["period_end"]) >= ep[1])

    inside = sum(any(overlaps(a, ep) for ep in truth) for a in found)
    detected = sum(any(overlaps(a, ep) for a in found) for ep in truth)
    return AlertScore(alerts=len(found), inside=inside, episodes=len(truth), detected=detected)


@dataclass(frozen=True)
class Timing:
    """Times of one query, in seconds."""

    name: str
    times: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.times) * 1000


def time_queries(con: Any, *, repeat: int = 7) -> Iterator[Timing]:
    """Time each monitor query ``repeat`` times (the alerts of every dyad once), as they run."""
    cases: list[tuple[str, Callable[[], Any], int]] = [
        ("tension PRK-KOR weekly", lambda: series(con, dyad="PRK-KOR", freq="week"), repeat),
        ("tension RUS daily", lambda: series(con, country="RUS", freq="day"), repeat),
        ("events page (dyad)", lambda: queries.events(con, dyad="PRK-KOR", limit=100), repeat),
        ("unique events page", lambda: queries.unique_events(con, limit=100), repeat),
        ("alerts, all dyads", lambda: find_alerts(con), 1),
    ]
    for name, run, runs in cases:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        yield Timing(name, tuple(times))


__all__ = ["AlertScore", "Timing", "score_alerts", "time_queries"]
