""" "his country", "their nation" is the country of the one the possessive pronoun names, also
when that one is a title with no name ("the Malian foreign minister said his country ...").
Police sent abroad are deployed (153), as "deploy" has them. Sentences written for these tests
(probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 2, 2))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The Burkinabe prime minister said his country would expel any foreign diplomat who insulted it.",
            "BFA",
        ),
        (
            "Kyrgyzstan's president said his country had closed the border to stop the smuggling of weapons.",
            "KGZ",
        ),
    ],
)
def test_actors_his_country_is_the_speakers(nlp, text, country):
    events = _events(nlp, text)
    acts = [e for e in events if e.source is not None and e.source.text == "his country"]
    assert acts, [(e.cameo, e.source) for e in events]
    assert acts[0].source.country == country, acts[0].source


def test_events_police_sent_abroad_are_deployed(nlp):
    events = _events(nlp, "Benin sent 200 police officers to Haiti on Monday.")
    assert events and events[0].cameo == "153", [(e.cameo, e.trigger) for e in events]
