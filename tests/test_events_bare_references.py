"""A bare reference to an event the reader knows ("since the start of the war") reports no
event, even as the only event noun of its sentence; one that says whose or where ("the war in
Sudan") stays. Sentences written for these tests (probe16, issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 5, 2))


@pytest.mark.parametrize(
    "text",
    [
        "Wheat prices have doubled since the start of the war.",
        "Officials have quarrelled for months over the conduct of the war.",
    ],
)
def test_events_a_bare_reference_reports_no_event(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo.startswith("19")], [(e.cameo, e.trigger) for e in events]


def test_events_a_reference_that_says_where_stays(nlp):
    events = _events(nlp, "Wheat prices have doubled since the start of the war in Sudan.")
    assert [e for e in events if e.cameo.startswith("19")], [(e.cameo, e.trigger) for e in events]
