"""The act a court or the police hold someone to have done ("sentenced him for killing",
"convicted her of shooting") is the charge, no new event; a state's punishment keeps its reason."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 2, 27)
FORCE = ("18", "19", "20")


@pytest.mark.parametrize(
    "text",
    [
        "A court in Marseille jailed a man for 12 years for stabbing a bus driver.",
        "A jury in Ohio convicted a teenager of shooting two classmates at a party.",
        "Police in Leeds arrested a man on Saturday for attacking a taxi driver with a knife.",
    ],
)
def test_events_charges_the_charge_is_no_event(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert not [e for e in events if e.cameo_root in FORCE], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize("text", ["Iran vowed to punish Israel for attacking its consulate in Damascus."])
def test_events_charges_a_reason_for_punishment_stays(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert [e for e in events if e.cameo_root in FORCE], [(e.cameo, e.trigger) for e in events]
