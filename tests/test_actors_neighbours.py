"""A country a possessive pronoun calls its neighbour is the last country named other than the
owner's: "Eritrea closed its border with Ethiopia, accusing its neighbour of ..." accuses
Ethiopia, not Eritrea. Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 7, 1))


@pytest.mark.parametrize(
    ("text", "neighbour"),
    [
        (
            "Kyrgyzstan said Tajik troops had fired on a border post. Bishkek accused its neighbour of planning an invasion.",
            "TJK",
        ),
        (
            "Djibouti recalled its envoy from Eritrea and accused its northern neighbour of aggression.",
            "ERI",
        ),
    ],
)
def test_actors_its_neighbour_is_the_other_country_named(nlp, text, neighbour):
    events = _events(nlp, text)
    accusations = [e for e in events if e.cameo.startswith("112")]
    assert accusations, [(e.cameo, e.trigger) for e in events]
    got = accusations[-1].target
    assert got is not None and got.country == neighbour, got
