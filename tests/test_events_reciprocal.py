"""A reciprocal object ("each other", "one another", "the other" after "each side") names the
doer's other side, and an exchange of words ("traded accusations") is an act of two sides."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("Kenya and Somalia accused each other of violating the maritime border.", "11", "KEN", "SOM"),
        ("Serbian and Kosovar officials blamed one another for the unrest in Mitrovica.", "11", "SRB", "XKX"),
        ("Egypt and Ethiopia traded accusations over the dam on Friday.", "11", "EGY", "ETH"),
        ("Uzbekistan and Kyrgyzstan exchanged charges over the water dispute.", "11", "UZB", "KGZ"),
    ],
)
def test_events_reciprocal_object_is_the_second_conjunct(nlp, text, root, source, target):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.cameo_root == root, [(e.cameo, e.trigger) for e in events]
    assert main.source is not None and main.source.country == source, main.source
    assert main.target is not None and main.target.country == target, main.target


def test_events_reciprocal_each_side_and_the_other_are_the_pair_named_before(nlp):
    text = (
        "Eritrea and Djibouti held talks in Doha on Monday over their border. "
        "Each side accused the other of moving troops into the disputed area."
    )
    events = code_doc(nlp(text), published=PUBLISHED)
    second = [e for e in events if e.trigger == "accused"]
    assert second, [(e.cameo, e.trigger) for e in events]
    sides = {second[0].source.country, second[0].target.country}
    assert sides == {"ERI", "DJI"}, (second[0].source, second[0].target)


@pytest.mark.parametrize(
    "text",
    [
        # no reciprocal: "the other" after a subject that speaks of no side in turn
        "Kenya accused the other candidates of fraud.",
        # "each other" only names someone when the doer has a second side
        "Kenya said its officials would help each other.",
    ],
)
def test_events_reciprocal_needs_two_sides(nlp, text):
    for e in code_doc(nlp(text), published=PUBLISHED):
        assert e.target is None or e.target.country != "KEN" or e.source is None or e.source.country != "KEN"
