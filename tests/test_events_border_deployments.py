"""Arms or vehicles sent to a border or a front are a deployment (154), not military aid to the
neighbour (072); a "to" spaCy labels dative is read as the preposition it is (patterns.arg_tokens)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    "text",
    [
        "Colombia sent armoured vehicles to its border with Venezuela.",
        "Azerbaijan sent artillery to the frontier with Armenia on Monday.",
        "Pakistan sent tanks to the border with Afghanistan.",
    ],
)
def test_events_arms_sent_to_a_border_are_deployed(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events[0].cameo == "154", [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Germany sent tanks to Ukraine.",
        "Iran sent drones to Russia last year.",
    ],
)
def test_events_arms_sent_to_a_country_stay_military_aid(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events[0].cameo == "072", [(e.cameo, e.trigger) for e in events]
