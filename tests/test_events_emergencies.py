"""An emergency of health, drought or climate is no state of emergency (1724): declaring one is
a statement, no coercion of anyone."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 7, 30)


@pytest.mark.parametrize(
    "text",
    [
        "Malawi declared a national health emergency after a cholera outbreak killed 750 people.",
        "Zambia's president declared the drought a national emergency and appealed for food aid.",
        "Somalia's government declared a drought emergency in three regions.",
    ],
)
def test_events_emergencies_of_health_or_drought_are_no_coercion(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert not [e for e in events if e.cameo_root == "17"], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize("text", ["Peru's president declared a state of emergency in Lima after weeks of protests."])
def test_events_emergencies_a_state_of_emergency_stays(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert [e for e in events if e.cameo == "1724"], [(e.cameo, e.trigger) for e in events]
