"""People displaced by an act or a happening were expelled by no one: "fighting has displaced
100,000 people" is no mass expulsion (201), while a militia that displaced villagers expelled
them. Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 8, 5))


@pytest.mark.parametrize(
    "text",
    [
        "The shelling of the town has displaced some 20,000 residents, aid agencies said.",
        "The violence that erupted last month has uprooted thousands of families.",
    ],
)
def test_events_people_displaced_by_an_act_were_expelled_by_no_one(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo.startswith("20")], [
        (e.cameo, e.trigger) for e in events
    ]


def test_events_people_displaced_by_an_armed_group_were_expelled(nlp):
    events = _events(nlp, "The gang displaced hundreds of farmers from the valley in March.")
    assert [e for e in events if e.cameo.startswith("201")], [(e.cameo, e.trigger) for e in events]
