"""Places a page names without a place entity before the verb's preposition: a common noun of
a place with a nationality ("in several Spanish towns") and a place passed through ("through
the streets of Tbilisi"). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.actors.places import find_location
from flashpoint.events import code_doc


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Truckers blocked motorways in several Spanish towns on Monday.", "ESP"),
        ("Shells fell on two Lebanese villages near the border.", None),  # "on" places nothing
        ("Clashes broke out in Iraqi cities after the vote.", "IRQ"),
        ("Students marched through the streets of Tbilisi on Sunday.", "GEO"),
    ],
)
def test_actors_places_common_noun_places(nlp, text, country):
    loc = find_location(nlp(text)[:])
    assert (loc.country if loc is not None else None) == country, loc


def test_actors_places_a_nationality_of_a_person_is_no_place(nlp):
    # "Spanish" modifies a person, not a place noun: no location from it
    assert find_location(nlp("A Spanish journalist was detained in the morning.")[:]) is None


def test_events_a_crowd_without_a_country_takes_the_place_it_marched_through(nlp):
    text = "Tens of thousands of people marched through the streets of Tbilisi on Sunday."
    events = code_doc(nlp(text), published=dt.date(2024, 12, 2))
    assert events and events[0].cameo[:2] == "14"
    assert events[0].source is not None and events[0].source.country == "GEO", events[0].source


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a mission abroad stands in its host's country, not its owner's
        ("Hundreds of protesters gathered outside the US embassy in Tehran on Friday.", "IRN"),
        ("Demonstrators rallied in front of the UK consulate in Erbil.", "IRQ"),
        ("Hundreds of protesters gathered outside the parliament in Tehran on Friday.", "IRN"),
    ],
)
def test_actors_places_a_mission_abroad_is_in_its_host_country(nlp, text, country):
    loc = find_location(nlp(text)[:])
    assert (loc.country if loc is not None else None) == country, loc


def test_actors_places_protesters_at_an_embassy_are_of_the_host_country(nlp):
    events = code_doc(nlp("Demonstrators rallied outside the US embassy in Tehran on Friday."),
                      published=dt.date(2024, 5, 15))
    protests = [e for e in events if e.cameo.startswith("14")]
    assert protests and protests[0].source is not None and protests[0].source.country == "IRN", protests
