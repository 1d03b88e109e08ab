"""A named storm ("Cyclone Freddy", "Typhoon Haikui") is a force of nature, not an actor: what it
did gives no conflict event. Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


@pytest.mark.parametrize(
    "text",
    [
        "Cyclone Freddy tore through southern Malawi, killing more than 300 people.",
        "Storm Boris hit eastern Romania on Saturday, flooding villages.",
        "Typhoon Haikui slammed into southern Taiwan with winds of 190 km an hour.",
    ],
)
def test_events_a_named_storm_is_no_actor(nlp, text):
    events = code_doc(nlp(text), published=dt.date(2023, 9, 4))
    conflict = [e for e in events if e.quad_class in (3, 4)]
    assert not conflict, [(e.cameo, e.trigger) for e in conflict]
