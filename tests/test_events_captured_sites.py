"""A military site captured is territory taken (192) and a named non-state army is a rebel group,
never the state's military; a person captured stays an arrest (173). Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.actors import resolve
from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 11, 20))


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents seized the army garrison in Lashio after a week of fighting.",
        "The rebels captured the regional military headquarters on Sunday.",
        "Militiamen captured the airfield and two barracks outside the city.",
    ],
)
def test_events_a_military_site_captured_is_territory_taken(nlp, text):
    events = _events(nlp, text)
    assert events and events[0].cameo == "192", [(e.cameo, e.trigger) for e in events]


def test_events_a_person_captured_near_a_place_is_an_arrest(nlp):
    events = _events(nlp, "Soldiers captured three smugglers near the village on Friday.")
    assert events and events[0].cameo[:2] == "17", [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the Arakan Army", "MMRREB"),
        ("Ta'ang National Liberation Army", "MMRREB"),
        ("the Oromo Liberation Army", "ETHREB"),
        ("the Allied Democratic Forces", "CODREB"),
    ],
)
def test_actors_a_named_non_state_army_is_a_rebel_group(name, code):
    actor = resolve(name)
    assert actor is not None and actor.code == code, actor


def test_actors_a_states_army_stays_its_military():
    actor = resolve("the Burmese army")
    assert actor is not None and actor.code == "MMRMIL", actor


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # arms and fighting positions destroyed: combat
        ("Kurdish fighters destroyed two Turkish tanks near Manbij.", "19"),
        ("The navy said it had destroyed three drones and a radar on the coast.", "19"),
        # property destroyed stays property destroyed
        ("Soldiers destroyed several homes and a school in the village.", "17"),
    ],
)
def test_events_arms_destroyed_are_combat_property_is_not(nlp, text, root):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == root, [(e.cameo, e.trigger) for e in events]


def test_events_a_place_taken_from_a_compatriot_names_the_loser(nlp):
    # "from" hangs on the town, and the loser is of the taker's own country: still the target
    events = _events(nlp, "The Karen National Liberation Army took control of a key town from "
                          "the Myanmar military on Tuesday.")
    assert events and events[0].cameo == "192", [(e.cameo, e.trigger) for e in events]
    assert events[0].target is not None and events[0].target.code == "MMRMIL", events[0].target
