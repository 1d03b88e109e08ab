"""Restatements: one act told several times in one article is one event with several mentions.

News tells its main act in the headline, again in the standfirst and the lead, and often once
more in the body: "Gunmen ambush police patrol" / "About 30 armed men ambushed a police patrol
... early on Sunday". GDELT keeps one event and counts its mentions; the store does the same
(``store/derive.py``: events with the same source, target, CAMEO code, day and negation are one
unique event whose rows are its mentions). The coder keeps every mention, each with the evidence
of its own sentence, and makes the copies agree on what identifies the act, so the store links
them: an undated mention takes the date the article gives the same act elsewhere. Without it the
headline's copy falls on the publication day and the body's on "Sunday", two unique events for
one act. This module is the one place a restatement is decided (``act_key``); ``bench pages``
counts the acts an analyst would count through it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from ..records import Actor, Event

COUNTED = frozenset({"asserted", "reported"})
STATEMENT_ROOTS = frozenset({"01"})

ActKey = tuple[str | None, str | None, str, bool]


def _party(actor: Actor | None) -> str | None:
    """The party an actor is, as the store's dyad counts read it: its country, else its code
    (an organisation, "IGOUNO"; a bare sector with no country, "REB"). "Israel" in a headline and
    "Israeli forces" in the lead are one side."""
    if actor is None or not actor.code:
        return None
    return actor.country or actor.code


def act_key(event: Event) -> ActKey | None:
    """What makes two mentions of an article one act: the same source and target parties
    (``_party``), CAMEO code and negation. ``None`` for an event that is no restatement of
    anything: one that misses a party (an unknown doer is not known to be the same one: "- 190
    IRQ" is every act of force in Iraq an article mentions, the 2003 invasion and this week's
    bombing alike), one that is not asserted or reported (a threat or a plan restated is not an
    act done), and a statement (01: "X said ..." twice is two statements)."""
    src, tgt = _party(event.source), _party(event.target)
    if src is None or tgt is None or event.modality not in COUNTED:
        return None
    if event.cameo_root in STATEMENT_ROOTS:
        return None  # an official's many statements are not one act told again
    return (src, tgt, event.cameo, event.negated)


def date_restatements(events: Sequence[Event]) -> list[Event]:
    """``events`` with each undated mention dated as the article dates the same act: when the
    dated mentions of its ``act_key`` all give one date and one of them comes later, the undated
    one takes it, with the phrase that gave it (``date_text``: it stands in the other mention's
    sentence). News summarise first and date the act in the detail after: the headline and lead
    are restated in the body; an undated act after the dated one is as often another ("such
    attacks are rare"). Two dates for one key are two acts ("police fired tear gas last week ...
    and again on Tuesday"), and the undated mention is left as it is."""
    keys = [act_key(e) for e in events]
    dates: dict[ActKey, set[tuple[object, object]]] = {}
    phrase: dict[ActKey, str | None] = {}
    last: dict[ActKey, int] = {}  # where the last dated mention of each act stands
    for n, (e, key) in enumerate(zip(events, keys, strict=True)):
        if key is not None and e.date is not None:
            dates.setdefault(key, set()).add((e.date, e.date_precision))
            phrase.setdefault(key, e.date_text)
            last[key] = n
    out: list[Event] = []
    for n, (e, key) in enumerate(zip(events, keys, strict=True)):
        told = dates.get(key, set()) if key is not None else set()
        if (
            key is not None
            and e.date is None
            and e.date_text is None
            and len(told) == 1
            and last[key] > n
        ):
            ((date, precision),) = told
            e = dataclasses.replace(
                e,
                date=date,
                date_precision=precision,
                date_text=phrase[key],  # type: ignore[arg-type]
            )
        out.append(e)
    return out


def unique_acts(events: Iterable[Event]) -> dict[tuple[ActKey, object], list[Event]]:
    """The mentions of each act of an article (key: ``act_key`` and date), in article order;
    an event with no ``act_key`` is an act of its own."""
    acts: dict[tuple[ActKey, object], list[Event]] = {}
    for n, e in enumerate(events):
        key = act_key(e)
        group = (key, e.date) if key is not None else ((None, None, str(n), False), None)
        acts.setdefault(group, []).append(e)
    return acts


__all__ = ["act_key", "date_restatements", "unique_acts"]
