"""Armed men entering a place take it (192); anyone else entering anything is no event."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Houthi fighters entered the port city of Hodeidah on Tuesday.", "YEM"),
        ("Ethiopian troops swept into the town of Axum overnight.", "ETH"),
        ("Russian tanks rolled into the outskirts of Kyiv.", "RUS"),
        ("Taliban fighters entered Kabul without a fight.", "AFG"),
    ],
)
def test_events_advances_armed_men_entering_a_place_take_it(nlp, text, doer):
    events = _events(nlp, text)
    taken = [e for e in events if e.cameo == "192"]
    assert taken, [(e.cameo, e.trigger) for e in events]
    assert taken[0].source is not None and taken[0].source.country == doer, taken[0].source


@pytest.mark.parametrize(
    "text",
    [
        "The UN delegation entered Kabul on Monday.",
        "Thousands of refugees entered Poland over the weekend.",
        "The two governments entered negotiations in Oslo.",
        "The rebel commander entered the meeting room.",
    ],
)
def test_events_advances_no_one_else_takes_what_they_enter(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo[:2] == "19"], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "doer", "place"),
    [
        # spaCy gives these towns no place label (none, or ORG): the gazetteer knows them
        ("Israeli tanks pushed deeper into eastern Rafah on Sunday.", "ISR", "PSE"),
        ("RSF fighters pushed into El Fasher on Sunday.", "SDN", "SDN"),
    ],
)
def test_events_advances_a_town_the_gazetteer_knows_is_a_place(nlp, text, doer, place):
    taken = [e for e in _events(nlp, text) if e.cameo == "192"]
    assert taken and taken[0].source is not None and taken[0].source.country == doer, taken
    assert taken[0].target is not None and taken[0].target.country == place, taken


def test_events_advances_a_delegation_moving_into_a_town_takes_nothing(nlp):
    events = _events(nlp, "The UN delegation moved into Rafah on Sunday.")
    assert not [e for e in events if e.cameo == "192"], [(e.cameo, e.trigger) for e in events]
