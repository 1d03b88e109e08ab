"""A name the tables do not know is what its appositive says it is: "seized the Nova Cruz, a
Guyanese supply vessel" seizes a Guyanese ship (171), not territory (192) of no one."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 3, 30)


@pytest.mark.parametrize(
    ("text", "code", "owner"),
    [
        ("Venezuelan troops seized the Nova Cruz, a Guyanese supply vessel, near the Essequibo river.", "171", "GUY"),
        ("Houthi fighters seized the Eternity Star, a Liberian-flagged bulk carrier, off the coast of Hodeidah.", None, "LBR"),
    ],
)
def test_events_named_ships_are_what_their_appositive_says(nlp, text, code, owner):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events, events
    if code is not None:
        assert events[0].cameo == code, [(e.cameo, e.target) for e in events]
    assert events[0].target is not None and events[0].target.country == owner, events[0].target
