"""An object pronoun is bound only inside its own clause: "protesters rallied, and police used
batons to disperse THEM" are the protesters (the police's clause has a subject of its own, so
the clause before is no part of the pronoun's own), and a bare role the state's police coerce
is the police's compatriots. Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 3, 9))


@pytest.mark.parametrize(
    ("text", "sector", "country"),
    [
        (
            "Hundreds of students gathered outside the university in Colombo, and Sri Lankan police used tear gas to break them up.",
            "EDU",
            "LKA",
        ),
        (
            "Residents blocked a highway near Lima on Monday, and Peruvian police fired rubber bullets to clear them.",
            "CVL",
            "PER",
        ),
    ],
)
def test_actors_an_object_pronoun_names_the_crowd_the_police_coerced(nlp, text, sector, country):
    events = _events(nlp, text)
    coerced = [e for e in events if e.cameo.startswith("17")]
    assert coerced, [(e.cameo, e.trigger) for e in events]
    got = coerced[0].target
    assert got is not None and got.sector == sector and got.country == country, got
