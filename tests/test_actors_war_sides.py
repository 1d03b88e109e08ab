"""The sides of a war named with their country ("the warring parties in Sudan", "the
belligerents in Libya") are of that country, no political party and no sector; "the two sides"
of a pair the article told stay that pair. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.actors import resolve
from flashpoint.events import code_doc


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the warring parties in Myanmar", "MMR"),
        ("both sides in Ethiopia's civil war", "ETH"),
        ("the belligerents in Libya", "LBY"),
    ],
)
def test_actors_the_sides_of_a_war_are_of_its_country(text, country):
    actor = resolve(text)
    assert actor is not None and actor.country == country and actor.sector is None, actor


def test_actors_the_two_sides_of_a_told_pair_stay_the_pair(nlp):
    text = "Serbia and Kosovo held talks in Brussels. Both sides agreed to meet again."
    events = code_doc(nlp(text), published=dt.date(2024, 6, 3))
    later = [e for e in events if e.evidence.text.startswith("Both")]
    assert later and {later[0].source.country, later[0].target.country} == {"SRB", "XKX"}


@pytest.mark.parametrize("text", ["a wedding party", "the birthday party in Kandahar", "a dinner party"])
def test_actors_a_party_of_guests_is_civilians_not_a_political_party(text):
    actor = resolve(text)
    assert actor is not None and actor.sector == "CVL", actor


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a place by another's border is named by its neighbour, not of it
        ("the villages near the Turkish border", None),
        ("residents near the Iraqi border", None),
        # a country's own border or capital: its own
        ("villages near Armenia's border with Azerbaijan", "ARM"),
        ("residents near the Sudanese capital", "SDN"),
    ],
)
def test_actors_a_place_by_a_neighbours_border_is_not_the_neighbours(text, country):
    actor = resolve(text)
    assert (actor.country if actor is not None else None) == country, actor
