"""Warships and warplanes the other side reports seeing show force: their owner is the doer,
the state that saw them the target, and the seer only reports ("Japan spotted three Chinese
warships" is China's 150 against Japan). Bombers of a named state bear arms, as gunmen do.
Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 9, 12))


@pytest.mark.parametrize(
    ("text", "doer", "seer"),
    [
        ("The Japanese navy spotted four Chinese destroyers off Okinawa on Monday.", "CHN", "JPN"),
        (
            "South Korea's military said it had tracked two Russian military aircraft east of Ulleung island.",
            "RUS",
            "KOR",
        ),
        (
            "The Philippine coast guard said it had monitored six Chinese navy ships moving around Thitu island.",
            "CHN",
            "PHL",
        ),
    ],
)
def test_events_craft_seen_by_the_other_side_is_its_owners_show_of_force(nlp, text, doer, seer):
    events = _events(nlp, text)
    shows = [e for e in events if e.cameo[:2] == "15"]
    assert shows, [(e.cameo, e.source, e.trigger) for e in events]
    assert shows[0].source is not None and shows[0].source.country == doer, shows[0].source
    assert shows[0].target is not None and shows[0].target.country == seer, shows[0].target


def test_events_a_seen_thing_that_is_no_craft_is_no_event(nlp):
    events = _events(nlp, "Border police in Estonia spotted two hikers near the frontier.")
    assert not [e for e in events if e.cameo[:2] == "15"], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize("text", ["Two Chinese bombers flew over the East China Sea on Thursday."])
def test_events_bombers_of_a_state_show_force(nlp, text):
    events = _events(nlp, text)
    assert events and events[0].cameo == "150", [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == "CHN"
