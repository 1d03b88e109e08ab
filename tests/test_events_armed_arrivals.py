"""Armed men arriving somewhere are deployed there (154 troops, 153 police), not on a visit
(042), which a leader's arrival stays. Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 10, 1))


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("About 200 Turkish soldiers arrived in Somalia on Sunday.", "154", "TUR"),
        ("A contingent of Chadian troops arrived in Bangui overnight.", "154", "TCD"),
        ("Jamaican police officers arrived in Port-au-Prince on Thursday.", "153", "JAM"),
    ],
)
def test_events_armed_men_arriving_are_deployed(nlp, text, code, source):
    events = _events(nlp, text)
    assert events and events[0].cameo == code, [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == source


def test_events_a_leader_arriving_is_a_visit(nlp):
    events = _events(nlp, "Brazil's president arrived in Luanda on Thursday for a state visit.")
    assert events and events[0].cameo.startswith("04"), [(e.cameo, e.trigger) for e in events]
