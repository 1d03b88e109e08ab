"""Blame: the one blamed is the target of an accusation (112), whoever says it is its doer;
an act someone is said to be responsible for, stated by a report itself, stays that act."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


def _country(actor):
    return actor.country if actor is not None else None


@pytest.mark.parametrize(
    ("text", "accuser", "blamed"),
    [
        ("London said Tehran was to blame for the drone attack on the tanker.", "GBR", "IRN"),
        ("Seoul said Pyongyang was responsible for the sinking of the warship.", "KOR", "PRK"),
        ("Kyiv said Moscow was behind the missile strike on the power plant.", "UKR", "RUS"),
        ("Russia was behind the bombing of the pipeline, Poland said.", "POL", "RUS"),
        ("Syria was blamed for the chemical attack, France said.", "FRA", "SYR"),
        ("Ankara said Damascus was responsible for the deaths of 30 soldiers.", "TUR", "SYR"),
        (
            "Rights groups said the Burmese army was responsible for killing 40 villagers.",
            None,
            "MMR",
        ),
    ],
)
def test_events_blame_the_blamed_is_the_target_of_the_speakers_accusation(
    nlp, text, accuser, blamed
):
    events = _events(nlp, text)
    blame = [e for e in events if e.cameo == "112"]
    assert blame, [(e.cameo, e.trigger) for e in events]
    assert _country(blame[0].source) == accuser, blame[0].source
    assert _country(blame[0].target) == blamed, blame[0].target
    # the one blamed never becomes the doer of anything in the sentence
    assert all(_country(e.source) != blamed for e in events), [(e.cameo, e.source) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Kabul said Islamabad was not responsible for the attack on the convoy.",
        "Paris said Algeria was not to blame for the riots.",
    ],
)
def test_events_blame_a_denied_blame_is_negated(nlp, text):
    blame = [e for e in _events(nlp, text) if e.cameo == "112"]
    assert blame and blame[0].negated


@pytest.mark.parametrize(
    "text",
    [
        "The interior ministry is responsible for security along the border.",
        "The minister said the agency was responsible for the elections.",
    ],
)
def test_events_blame_responsible_for_no_harm_blames_no_one(nlp, text):
    assert not [e for e in _events(nlp, text) if e.cameo == "112"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            (
                "Myanmar's army is responsible for the killings of hundreds of villagers, "
                "according to a report by a rights group."
            ),
            "MMR",
        ),
    ],
)
def test_events_blame_responsibility_stated_by_a_report_is_the_act(nlp, text, doer):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] in {"18", "19", "20"}, [
        (e.cameo, e.trigger) for e in events
    ]
    assert doer in {_country(events[0].source), _country(events[0].target)}


@pytest.mark.parametrize(
    ("text", "speaker", "blamed", "act"),
    [
        (
            ("Seoul said Pyongyang was responsible for the sinking of the warship and expelled "
            "two diplomats."),
            "KOR",
            "PRK",
            "166",
        ),
        ("Kyiv said Moscow was behind the strike on the dam and recalled its envoy.", "UKR", "RUS", "161"),
        (
            "Islamabad said Kabul was to blame for the bombing and summoned the Afghan envoy.",
            "PAK",
            "AFG",
            "114",
        ),
    ],
)
def test_events_blame_the_act_after_reported_blame_is_the_speakers(
    nlp, text, speaker, blamed, act
):
    """spaCy makes the speaker's next act a conjunct of the blame clause; its doer is the
    speaker, never the one blamed."""
    events = _events(nlp, text)
    after = [e for e in events if e.cameo == act]
    assert after, [(e.cameo, e.trigger) for e in events]
    assert _country(after[0].source) == speaker, after[0].source
    assert all(_country(e.source) != blamed for e in events), [(e.cameo, e.source) for e in events]
