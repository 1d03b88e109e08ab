"""Words that comment on an act are not acts: naming or judging ("called it a mistake"), what
someone is accused of, participles that describe ("armed with knives"), idioms of "meet"."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 5, 15))


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister called the decision a purely technical measure.",
        "She called the new route a corridor of prosperity.",
    ],
)
def test_events_commentary_naming_is_no_appeal(nlp, text):
    assert all(e.cameo_root != "02" for e in _events(nlp, text))


def test_events_commentary_calling_an_act_treasonous_is_criticism(nlp):
    events = _events(nlp, "The president called the attack on the senate treasonous.")
    assert events and events[0].cameo_root == "11"


def test_events_commentary_what_a_crowd_accuses_someone_of_is_no_event(nlp):
    events = _events(
        nlp,
        "Hundreds of farmers marched in Lima on Monday, accusing the minister of failing "
        "to pay subsidies and of blocking imports.",
    )
    roots = [e.cameo_root for e in events]
    assert "14" in roots and "11" in roots
    assert "12" not in roots and not any(e.trigger in ("failing", "blocking") for e in events)


def test_events_commentary_a_describing_participle_is_no_event(nlp):
    events = _events(nlp, "Masked men armed with rifles stormed the village school.")
    assert "armed" not in [e.trigger for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers met no resistance as they advanced.",
        "The government met its deficit target this year.",
    ],
)
def test_events_commentary_meeting_resistance_or_a_target_is_no_meeting(nlp, text):
    assert all(e.cameo_root != "04" for e in _events(nlp, text))


def test_events_commentary_whoever_ordered_a_passive_act_did_it(nlp):
    events = _events(
        nlp, "Dozens of activists were detained on the orders of the provincial governor."
    )
    detained = next(e for e in events if e.trigger == "detained")
    assert detained.source is not None and detained.source.sector == "GOV", detained.source


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Customs officers seized 40 rifles and ammunition at the port.", "171"),
        ("Ecuador took its border dispute with Peru to an international tribunal.", "115"),
    ],
)
def test_events_commentary_seizing_arms_and_going_to_a_tribunal(nlp, text, code):
    assert code in [e.cameo for e in _events(nlp, text)]
