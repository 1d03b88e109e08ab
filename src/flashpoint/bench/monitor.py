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

Episode = tuple[str, dt.date, dt.date]


@dataclass(frozen=True)
class AlertScore:
    """Alerts against planted episodes, with what they were measured on: precision = alerts
    whose period overlaps an episode of the same dyad / alerts, recall = episodes with such
    an alert / episodes. The figures depend on the corpus size (2,000 reports a year leave a
    small dyad one report a week): ``articles`` and ``seed`` go with them."""

    articles: int
    seed: int
    alerts: int
    inside: int
    episodes: int
    detected: int
    false_alerts: tuple[str, ...] = ()  # "DYAD period" of alerts outside every episode
    missed: tuple[str, ...] = ()  # "DYAD first..last" of episodes without an alert

    @property
    def precision(self) -> float:
        return self.inside / max(1, self.alerts)

    @property
    def recall(self) -> float:
        return self.detected / max(1, self.episodes)


def _overlaps(alert: dict[str, Any], ep: Episode) -> bool:
    return (alert["dyad"] == ep[0] and dt.date.fromisoformat(alert["period"]) <= ep[2]
            and dt.date.fromisoformat(alert["period_end"]) >= ep[1])


def score_found(found: list[dict[str, Any]], truth: list[Episode], *, articles: int = 0,
                seed: int = 0) -> AlertScore:
    """Precision and recall of ``found`` alerts against ``truth`` episodes. Pure."""
    inside = [a for a in found if any(_overlaps(a, ep) for ep in truth)]
    alerted = [ep for ep in truth if any(_overlaps(a, ep) for a in found)]
    return AlertScore(
        articles=articles, seed=seed, alerts=len(found), inside=len(inside),
        episodes=len(truth), detected=len(alerted),
        false_alerts=tuple(f"{a['dyad']} {a['period']}" for a in found if a not in inside),
        missed=tuple(f"{ep[0]} {ep[1]}..{ep[2]}" for ep in truth if ep not in alerted),
    )


def score_alerts(con: Any, *, seed: int, start: dt.date, days: int) -> AlertScore:
    """Score the store's alerts (shipped parameters) against the episodes of the synthetic
    corpus made with these options and ingested into the store open on ``con``."""
    truth = episodes(seed=seed, start=start, days=days)
    found = find_alerts(con, explain=False)
    articles = con.execute("SELECT count(*) FROM sightings").fetchall()[0][0]
    return score_found(found, truth, articles=articles, seed=seed)


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
    """Time each monitor query ``repeat`` times, as they run (the first run of a process pays
    its imports, e.g. scipy for the alerts: the max shows it, the median does not)."""
    cases: list[tuple[str, Callable[[], Any], int]] = [
        ("tension PRK-KOR weekly", lambda: series(con, dyad="PRK-KOR", freq="week"), repeat),
        ("tension RUS daily", lambda: series(con, country="RUS", freq="day"), repeat),
        ("events page (dyad)", lambda: queries.events(con, dyad="PRK-KOR", limit=100), repeat),
        ("unique events page", lambda: queries.unique_events(con, limit=100), repeat),
        ("alerts, all dyads", lambda: find_alerts(con), repeat),
    ]
    for name, run, runs in cases:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        yield Timing(name, tuple(times))


__all__ = ["AlertScore", "Timing", "score_alerts", "time_queries"]
