"""Weapons the article said someone fired are that side's when they strike later ("Hezbollah
fired rockets ... The rockets hit"); weapons nobody was said to fire stay nobody's."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            (
                "Iran fired a salvo of ballistic missiles at Israel on Tuesday night. "
                "The missiles damaged an air base in the Negev, the army said."
            ),
            "IRN",
        ),
        (
            (
                "The Houthis launched four drones toward a cargo ship on Sunday. "
                "The drones struck the vessel's bridge."
            ),
            "YEM",
        ),
    ],
)
def test_events_fired_weapons_the_weapons_fired_are_the_firers(nlp, text, source):
    events = code_doc(nlp(text), published=PUBLISHED)
    second = [e for e in events if e.evidence.start > text.index(". ") and e.cameo_root in ("17", "18", "19")]
    assert second, [(e.cameo, e.trigger) for e in events]
    assert second[0].source is not None and (second[0].source.code or "").startswith(source), second[0].source


@pytest.mark.parametrize(
    "text",
    [
        # no one was said to fire them: the missiles name no doer
        "Air raid sirens sounded across the city. The missiles struck an apartment block.",
        # "a missile" is no reference back to the rockets fired
        "Militants fired rockets at the base on Monday. A missile later hit a market.",
    ],
)
def test_events_fired_weapons_unfired_or_indefinite_weapons_name_no_doer(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    second = [e for e in events if e.evidence.start > text.index(". ")]
    assert all(e.source is None or not e.source.code for e in second), [(e.cameo, e.source) for e in second]


@pytest.mark.parametrize(
    "text",
    [
        "The navy fired dozens of rounds into the water during the exercise.",
        "Taiwanese marines fired artillery shells into the sea off Penghu during annual drills.",
    ],
)
def test_events_fired_weapons_shells_fired_into_the_sea_show_force(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events and events[0].cameo == "150", [(e.cameo, e.trigger) for e in events]
    assert not [e for e in events if e.cameo[:2] in ("18", "19", "20")], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize("text", ["Government troops fired mortar rounds into the market, killing four."])
def test_events_fired_weapons_rounds_fired_into_a_place_of_people_stay_an_assault(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert [e for e in events if e.cameo[:2] == "19"], [(e.cameo, e.trigger) for e in events]
