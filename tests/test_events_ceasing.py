"""An act said to come to a stop ("the shelling stopped", "a lull in the fighting") is not
reported as going on; an act said to resume or go on is."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)
FORCE = ("18", "19", "20")


def _asserted_force(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    return [
        e
        for e in events
        if e.cameo_root in FORCE and not e.negated and e.modality in ("asserted", "reported")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The bombardment of the port stopped on Thursday evening.",
        "Clashes in the northern districts died down after the curfew.",
        "Residents said the mortar fire ceased around noon.",
        "The deal brought an end to the fighting around the oil fields.",
        "Negotiators secured a pause in the shelling of the old city.",
    ],
)
def test_events_ceasing_an_act_that_stops_is_not_asserted(nlp, text):
    assert not _asserted_force(nlp, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Fighting resumed near the airport on Monday.",
        "The shelling of the old city intensified overnight.",
        "Government forces ended the siege by storming the compound.",
    ],
)
def test_events_ceasing_an_act_that_resumes_or_goes_on_is_asserted(nlp, text):
    assert _asserted_force(nlp, text), text
