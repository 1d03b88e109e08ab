"""A named person who only reported a sentence's events teaches the surname a later sentence
uses (DocActors.learn_speaker_names), and a group spaCy tags PERSON is still the group a later
"the group" recalls (Remembered.learn)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "trigger", "role", "country"),
    [
        (
            ("Guyana's President Irfaan Ali said on Friday that Venezuela had moved troops to the "
            "border. Ali called on the United Nations to condemn Caracas."),
            "called",
            "source",
            "GUY",
        ),
        (
            ("Taiwan's President Lai Ching-te said Chinese warships had entered the strait. "
            "Beijing denounced Lai as a separatist."),
            "denounced",
            "target",
            "TWN",
        ),
    ],
)
def test_actors_speaker_teaches_the_surname(nlp, text, trigger, role, country):
    events = code_doc(nlp(text), published=PUBLISHED)
    later = next(e for e in events if e.trigger == trigger)
    actor = later.source if role == "source" else later.target
    assert actor is not None and actor.country == country, (later.source, later.target)


def test_actors_speaker_is_no_antecedent_of_a_later_pronoun(nlp):
    text = (
        "Colombian President Gustavo Petro said rebels had attacked a police station in Cauca. "
        "They killed two officers."
    )
    events = code_doc(nlp(text), published=PUBLISHED)
    killed = next(e for e in events if e.trigger == "killed")
    assert killed.source is None or killed.source.sector != "GOV", killed.source


def test_actors_group_tagged_as_a_person_is_the_group_recalled(nlp):
    text = (
        "Al-Shabaab claimed responsibility for the bombing in Mogadishu. "
        "The group said it had targeted a government building."
    )
    events = code_doc(nlp(text), published=PUBLISHED)
    later = next(e for e in events if e.trigger == "targeted")
    assert later.source is not None and later.source.code == "SOMREB", later.source
