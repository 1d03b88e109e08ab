"""How good are the alerts? Score them against a synthetic corpus's built-in escalations.

``flashpoint synth --n N --seed S`` builds escalation episodes into its corpus (a dyad
reported five times as often, almost only in conflict terms, for one to three weeks; ground
truth: ``synth.episodes``). After ``flashpoint ingest`` of that corpus, ``score`` compares the
alerts (``analytics.alerts``, shipped parameters) with the episodes:

* precision: the share of alerts whose period overlaps a true episode of the same dyad;
* recall: the share of episodes with at least one such alert.

The figure depends on the corpus size (2,000 reports a year leave a small dyad one report a
week, so one escalation week is a handful of reports): the note gives size and seed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

Episode = tuple[str, dt.date, dt.date]


@dataclass(frozen=True)
class AlertScore:
    """The figures of one run, with what they were measured on."""

    articles: int
    seed: int
    alerts: int
    alerts_in_episode: int
    episodes: int
    episodes_alerted: int
    precision: float
    recall: float
    false_alerts: tuple[str, ...]  # "DYAD period" of alerts outside every episode
    missed: tuple[str, ...]  # "DYAD first..last" of episodes without an alert

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _overlaps(alert: dict[str, Any], ep: Episode) -> bool:
    return (alert["dyad"] == ep[0] and dt.date.fromisoformat(alert["period"]) <= ep[2]
            and dt.date.fromisoformat(alert["period_end"]) >= ep[1])


def score_alerts(found: list[dict[str, Any]], truth: list[Episode], *, articles: int,
                 seed: int) -> AlertScore:
    """Precision and recall of ``found`` alerts against ``truth`` episodes. Pure."""
    inside = [a for a in found if any(_overlaps(a, ep) for ep in truth)]
    alerted = [ep for ep in truth if any(_overlaps(a, ep) for a in found)]
    return AlertScore(
        articles=articles, seed=seed, alerts=len(found), alerts_in_episode=len(inside),
        episodes=len(truth), episodes_alerted=len(alerted),
        precision=round(len(inside) / len(found), 3) if found else 0.0,
        recall=round(len(alerted) / len(truth), 3) if truth else 0.0,
        false_alerts=tuple(f"{a['dyad']} {a['period']}" for a in found if a not in inside),
        missed=tuple(f"{ep[0]} {ep[1]}..{ep[2]}" for ep in truth if ep not in alerted),
    )


def run(con: Any, *, seed: int = 1, start: dt.date = dt.date(2023, 1, 1),
        days: int = 365) -> AlertScore:
    """Score the shipped alert method on the store open on ``con`` (an ingested synthetic
    corpus made with ``seed``, ``start`` and ``days``)."""
    from ..analytics.alerts import alerts
    from ..synth import episodes

    truth = episodes(seed=seed, start=start, days=days)
    found = alerts(con, explain=False)
    articles = con.execute("SELECT count(*) FROM sightings").fetchall()[0][0]
    return score_alerts(found, truth, articles=articles, seed=seed)
