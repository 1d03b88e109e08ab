"""Relief blocked or turned back (191), participation frozen (161), the internet cut (1721),
people barred from an activity (1721) and a ruler removed from power (180): verb rows written
for probe14 (events/data/verb_patterns.tsv)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("Houthi fighters blocked a convoy of fuel trucks bound for Taiz.", "191", "YEM"),
        ("Israeli troops turned back a UN convoy of medical supplies at the Erez crossing.", "191", "ISR"),
        ("Belarus froze its participation in the Conventional Armed Forces in Europe treaty.", "161", "BLR"),
        ("Iran's government cut off the internet in several provinces on Friday.", "1721", "IRN"),
        ("The Taliban barred girls from attending secondary school.", "1721", "AFG"),
        ("Mutinous soldiers removed President Alpha Conde from power on Sunday.", "180", "GIN"),
        ("Turkey closed the Bosphorus corridor to Russian warships.", "191", "TUR"),
        ("Tunisia's president dissolved the government on Sunday.", "1722", "TUN"),
    ],
)
def test_events_restriction_rows_code_the_act(nlp, text, code, source):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events, text
    main = events[0]
    assert main.cameo == code, [(e.cameo, e.trigger) for e in events]
    if source != "GIN":  # a deposed leader's soldiers are of his country only by the leader table
        assert main.source is not None and main.source.country == source, main.source


@pytest.mark.parametrize(
    "text",
    [
        # blocking what is no relief stays what it was
        "Protesters blocked the main road into the capital.",
        # turning back from a place is no blocking
        "The convoy turned back after the road was shelled.",
    ],
)
def test_events_restriction_rows_leave_other_objects(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert not [e for e in events if e.cameo in ("191", "180")], [(e.cameo, e.trigger) for e in events]
