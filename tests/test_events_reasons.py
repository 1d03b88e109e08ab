"""A protest or complaint that names no one is aimed at the doer of what its "after" clause
tells (events/reasons.py); one's own people answered give no target."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 8, 20)


@pytest.mark.parametrize(
    ("text", "protester", "aimed_at"),
    [
        ("Estonia protested after a Russian military plane entered its airspace near Vaindloo island.", "EST", "RUS"),
        ("Manila complained after Chinese navy ships blocked a resupply mission to the shoal.", "PHL", "CHN"),
        ("Norway lodged a formal protest after Russian warships sailed into its territorial waters.", "NOR", "RUS"),
    ],
)
def test_events_reasons_a_protest_is_aimed_at_the_doer_of_its_reason(nlp, text, protester, aimed_at):
    events = code_doc(nlp(text), published=PUBLISHED)
    protests = [e for e in events if e.cameo_root == "11" and e.source and e.source.country == protester]
    assert protests, [(e.source, e.cameo, e.target) for e in events]
    assert protests[0].target is not None and protests[0].target.country == aimed_at, protests[0].target


@pytest.mark.parametrize("text", ["Greece protested after its own border guards were accused of pushing back migrants."])
def test_events_reasons_a_protest_over_its_own_people_has_no_other_target(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    protests = [e for e in events if e.cameo_root == "11" and e.source and e.source.country == "GRC"]
    assert all(e.target is None or e.target.country == "GRC" for e in protests), protests
