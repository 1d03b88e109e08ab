"""Headlines join two sides with a bare comma ("India, Pakistan agree to ceasefire"): the other
name is the counterpart of a two-sided act (events/sides.comma_side); hosts of talks between two
others host together (grammar.json third_party: 043)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc
from flashpoint.events.sides import comma_side

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Egypt, Sudan agree to coordinate on Nile dam talks", {"EGY", "SDN"}),
        ("Kenya, Somalia agree to reopen border crossing", {"KEN", "SOM"}),
        ("Israel, Lebanon agree to indirect talks", {"ISR", "LBN"}),
        ("Greece, Turkey leaders meet in Athens", {"GRC", "TUR"}),
    ],
)
def test_events_headline_comma_pair_are_the_two_sides(nlp, text, sides):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    got = {a.country for a in (main.source, main.target) if a is not None}
    assert got == sides, (main.cameo, main.source, main.target)


@pytest.mark.parametrize(
    "text",
    [
        "In Cairo, Sudan agreed to resume talks.",
        "Greece, a NATO member, agreed to send frigates.",
        "Kenya's president, Ruto, agreed to send police officers.",
    ],
)
def test_events_headline_comma_no_pair_in_prose(nlp, text):
    doc = nlp(text)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert comma_side(subject) is None, [(t.text, t.dep_, t.head.i) for t in doc]


def test_events_two_hosts_of_talks_between_others_host_together(nlp):
    text = "Qatar and Turkey hosted talks in Doha between the Congolese government and M23 rebels."
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.cameo == "043", [(e.cameo, e.trigger) for e in events]
    assert main.target is not None and main.target.country == "COD", main.target
