"""A prisoner or hostage swap is a release of persons (0841) between the two sides."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Russia and Ukraine carried out a prisoner swap on Saturday.", {"RUS", "UKR"}),
        ("Armenia and Azerbaijan agreed an exchange of prisoners.", {"ARM", "AZE"}),
    ],
)
def test_events_exchanges_a_prisoner_swap_is_a_release_between_the_sides(nlp, text, sides):
    events = code_doc(nlp(text), published=PUBLISHED)
    swaps = [e for e in events if e.cameo == "0841"]
    assert swaps, [(e.cameo, e.trigger) for e in events]
    got = {a.country for a in (swaps[0].source, swaps[0].target) if a is not None}
    assert got == sides, (swaps[0].source, swaps[0].target)


@pytest.mark.parametrize(
    "text", ["The two banks agreed a currency swap.", "A debt swap was signed."]
)
def test_events_exchanges_a_swap_of_anything_else_is_no_release(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert not [e for e in events if e.cameo == "0841"]
