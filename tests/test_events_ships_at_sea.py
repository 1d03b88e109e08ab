"""Ships at sea: armed men boarding a ship take it (171), travellers boarding one do nothing;
the sea a ship was taken in is where, never whom."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 4, 13)


@pytest.mark.parametrize(
    ("text", "doer", "owner"),
    [
        ("Iranian naval commandos boarded the Portuguese-flagged container ship near the Strait of Hormuz.", "IRN", "PRT"),
        ("Russian border guards boarded a Japanese fishing boat off the Kuril Islands.", "RUS", "JPN"),
    ],
)
def test_events_ships_at_sea_armed_boarding_takes_the_ship(nlp, text, doer, owner):
    events = code_doc(nlp(text), published=PUBLISHED)
    taken = [e for e in events if e.cameo == "171"]
    assert taken and taken[0].source is not None and taken[0].source.country == doer, events
    assert taken[0].target is not None and taken[0].target.country == owner, taken[0].target


@pytest.mark.parametrize("text", ["Hundreds of tourists boarded the cruise ship in Dubrovnik on Friday."])
def test_events_ships_at_sea_travellers_boarding_take_nothing(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert not [e for e in events if e.cameo_root == "17"], [(e.source, e.cameo) for e in events]


@pytest.mark.parametrize("text", ["Houthi fighters struck a bulk carrier in the southern Red Sea."])
def test_events_ships_at_sea_the_sea_is_no_target(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert all(e.target is None or "Sea" not in e.target.text for e in events), [
        (e.cameo, e.target) for e in events
    ]
