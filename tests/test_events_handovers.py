"""Handing over a base, a town or control of it yields it (0874) to the one it goes to;
exchanging or handing over bodies returns them (0842)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 10, 3)


@pytest.mark.parametrize(
    ("text", "code", "giver", "receiver"),
    [
        ("Italian soldiers handed over their outpost near Kabul to the Afghan army.", "0874", "ITA", "AFG"),
        ("Russian forces handed control of the airport to Syrian troops on Sunday.", "0874", "RUS", "SYR"),
        ("Azerbaijan and Armenia exchanged the bodies of soldiers lost in the clashes.", "0842", "AZE", "ARM"),
    ],
)
def test_events_handovers_yield_to_the_receiver(nlp, text, code, giver, receiver):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events and events[0].cameo == code, [(e.source, e.cameo, e.target) for e in events]
    assert events[0].source is not None and events[0].source.country == giver, events[0].source
    assert events[0].target is not None and events[0].target.country == receiver, events[0].target
