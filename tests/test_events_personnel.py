"""Dismissing an official, a commander or a cabinet is a turn in office, not a rejection (120):
the verb's sense by its object, a named object read with its title. Dismissing a proposal
stays a rejection. Sentences written for these tests (probe16, issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 2, 9))


@pytest.mark.parametrize(
    "text",
    [
        "Sudan's army chief dismissed the governor of Khartoum state on Tuesday.",
        "The president dismissed Interior Minister Ibrahim Kamara after the prison break.",
    ],
)
def test_events_an_official_dismissed_is_no_rejection(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.trigger == "dismissed"], [(e.cameo, e.trigger) for e in events]


def test_events_a_proposal_dismissed_stays_a_rejection(nlp):
    events = _events(nlp, "Moscow dismissed the peace proposal as unrealistic.")
    assert [e for e in events if e.trigger == "dismissed" and e.cameo.startswith("12")], [
        (e.cameo, e.trigger) for e in events
    ]
