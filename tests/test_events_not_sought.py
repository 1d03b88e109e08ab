"""An act carried by a negated wrapper is not asked or intended either: "Hezbollah is not
seeking a wider war" reports no war sought, the wrapped war is negated with the wrapper.
Sentences written for these tests (probe16, issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 10, 2))


@pytest.mark.parametrize(
    "text",
    [
        "Tehran is not seeking a war with Washington, the Iranian foreign ministry said.",
        "Beijing did not call for sanctions on Pyongyang after the launch.",
    ],
)
def test_events_the_act_of_a_negated_wrapper_is_negated(nlp, text):
    events = _events(nlp, text)
    wrapped = [e for e in events if e.cameo[:2] in ("16", "19") and not e.negated]
    assert not wrapped, [(e.cameo, e.trigger, e.modality, e.negated) for e in events]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Azerbaijan has no intention of attacking Armenia, its foreign minister said.", "AZE"),
        ("Ethiopia has no intention to invade Eritrea, the prime minister told lawmakers.", "ETH"),
    ],
)
def test_events_no_intention_of_an_act_is_its_holders_and_negated(nlp, text, source):
    """ "has no intention of attacking": the attack is the holder's, intended and negated, never
    an attack asserted with no doer."""
    events = _events(nlp, text)
    attacks = [e for e in events if e.cameo.startswith("19")]
    assert attacks and all(e.negated for e in attacks), [(e.cameo, e.trigger, e.negated) for e in events]
    assert attacks[0].source is not None and attacks[0].source.country == source, attacks[0].source


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The junta has no intention of freeing the detained president, a spokesman said.", "12"),
        ("Serbia has no intention of recognising Kosovo's independence.", "12"),
    ],
)
def test_events_no_intention_of_a_cooperative_act_is_a_refusal(nlp, text, root):
    """ "has no intention of freeing him" refuses, as "will not free him" does (12x)."""
    events = _events(nlp, text)
    assert events and events[0].cameo.startswith(root) and not events[0].negated, [
        (e.cameo, e.trigger, e.negated) for e in events
    ]
