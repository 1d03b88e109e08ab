"""A hidden explosive set off by its victim: the vehicle or person that hit it was struck, it
struck nobody ("their patrol hit a roadside bomb")."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc
from flashpoint.events.tripped import tripped

PUBLISHED = dt.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Three policemen were killed when their vehicle struck a landmine near Mopti.", "policemen"),
        ("Four peacekeepers were injured after their convoy hit an explosive device.", "peacekeepers"),
        ("Five Nigerien soldiers were wounded when their patrol hit a mine in Tillaberi.", "soldiers"),
    ],
)
def test_events_tripped_the_victims_were_not_hit_by_their_own_vehicle(nlp, text, victim):
    events = code_doc(nlp(text), published=PUBLISHED)
    hurt = [e for e in events if e.target is not None and victim in e.target.text]
    assert hurt, [(e.cameo, e.source, e.target) for e in events]
    assert all(e.source is None or not e.source.code for e in hurt), [(e.cameo, e.source) for e in hurt]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("An army lorry hit a roadside bomb outside Kandahar.", 3, True),
        ("A shepherd stepped on a landmine near the frontier.", 2, True),
        ("Israeli jets struck a weapons depot near Beirut.", 2, False),
        ("Rebels hit the convoy with rockets.", 1, False),
    ],
)
def test_events_tripped_only_a_hidden_explosive_set_off_counts(nlp, text, verb, expected):
    doc = nlp(text)
    assert tripped(doc[verb]) is expected, [(t.i, t.text) for t in doc]


def test_events_tripped_the_hitting_vehicle_is_no_attacker(nlp):
    events = code_doc(nlp("A Malian army patrol hit a roadside bomb near Gao."), published=PUBLISHED)
    assert events, "the blast is an attack"
    main = events[0]
    assert main.source is None or not main.source.code, main.source
