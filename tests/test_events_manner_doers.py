"""An act of force or coercion named, with no doer of its own, in an indefinite "in" phrase of a
verb is how the verb's subject acted: "hackers took the sites down in a wave of cyber attacks"
are the attackers; one who died or fled in an attack did not attack. Sentences written for
these tests (probe16, issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 7, 18))


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Iranian hackers took Albanian government websites offline in a series of cyber attacks.", "IRN"),
        ("North Korean hackers emptied a Japanese crypto exchange in a cyber attack.", "PRK"),
    ],
)
def test_events_the_act_in_a_verbs_in_phrase_is_its_subjects(nlp, text, doer):
    cyber = [e for e in _events(nlp, text) if e.cameo == "176"]
    assert cyber, [(e.cameo, e.trigger) for e in _events(nlp, text)]
    assert cyber[0].source is not None and cyber[0].source.country == doer, cyber[0].source


def test_events_who_died_in_an_attack_did_not_attack(nlp):
    events = _events(nlp, "Four Malian soldiers died in an attack on their base near Gao.")
    attacks = [e for e in events if e.trigger == "attack"]
    assert all(e.source is None or e.source.sector != "MIL" for e in attacks), [
        (e.source, e.trigger) for e in attacks
    ]
