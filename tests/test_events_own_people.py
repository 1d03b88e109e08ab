"""A restriction a state imposes on its own people (curfew, state of emergency, martial law,
party bans) targets that people when the sentence names no other target (events/domestic.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        ("Peru's government declared a 60-day state of emergency on Thursday.", "1724", "PER"),
        ("President Ferdinand Marcos declared martial law in 1972.", "1724", "PHL"),
        ("Ecuador imposed a nightly curfew after a wave of prison riots.", "1723", "ECU"),
    ],
)
def test_events_own_people_restriction_targets_the_doers_people(nlp, text, code, country):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = next(e for e in events if e.cameo == code)
    assert main.source is not None and main.source.country == country, main.source
    assert main.target is not None and main.target.country == country, main.target


def test_events_own_people_a_curfew_abroad_keeps_its_place(nlp):
    events = code_doc(nlp("Israel imposed a curfew on the Palestinian town of Huwara."), published=PUBLISHED)
    main = next(e for e in events if e.cameo == "1723")
    assert main.target is not None and main.target.country == "PSE", main.target


def test_events_own_people_named_by_the_act_not_the_doer(nlp):
    # no words name the people: the target's text is the act's, never the doer's mention
    events = code_doc(nlp("Ecuador's president declared a state of emergency."), published=PUBLISHED)
    main = next(e for e in events if e.cameo == "1724")
    assert main.target is not None and main.target.text != main.source.text, main.target
