"""Two coordinated nationality adjectives on one head name the two sides of a symmetric act."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("text", "root", "sides"),
    [
        ("Serbian and Kosovar negotiators met in Brussels on Tuesday.", "04", {"SRB", "XKX"}),
        ("Thai and Cambodian soldiers clashed near an ancient temple.", "19", {"THA", "KHM"}),
        ("The Egyptian and Ethiopian water ministers held talks in Cairo.", "04", {"EGY", "ETH"}),
    ],
)
def test_events_sides_two_adjectives_on_one_head_are_the_two_sides(nlp, text, root, sides):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.cameo_root == root, [(e.cameo, e.trigger) for e in events]
    got = {a.country for a in (main.source, main.target) if a is not None}
    assert got == sides, (main.source, main.target)


@pytest.mark.parametrize(
    ("text", "not_target"),
    [
        # a patient who is someone: the two air forces struck it together
        ("American and British warplanes struck Houthi targets in Yemen.", "GBR"),
        # adjectives that name no country are no second side
        ("Senior and junior Kenyan officials met in Nairobi.", "KEN"),
    ],
)
def test_events_sides_adjectives_acting_together_or_naming_no_country_are_no_counterpart(
    nlp, text, not_target
):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.source is not None
    assert main.target is None or main.target.country != not_target, (main.source, main.target)
