"""A vowed response aims at whoever did the harm when the sentence names it ("vowed to avenge
the civilians killed in the Indian strikes" threatens India), and "avenge" answers a harm
whether its object is the wrong or the wronged. A past participle after a noun says what was
done to it, whatever wraps the noun ("called for the release of journalists DETAINED by the
junta": the detention happened). Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2025, 2, 14))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Kenya's president vowed to avenge the police officers killed by al-Shabaab fighters.",
            "KEN",
            "SOM",
        ),
        (
            "Niger's junta swore to avenge the soldiers killed in the Malian drone strike.",
            "NER",
            "MLI",
        ),
    ],
)
def test_events_a_vowed_response_aims_at_the_named_doer_of_the_harm(nlp, text, source, target):
    events = _events(nlp, text)
    threats = [e for e in events if e.cameo.startswith("13")]
    assert threats, [(e.cameo, e.trigger) for e in events]
    assert threats[0].source is not None and threats[0].source.country == source
    assert threats[0].target is not None and threats[0].target.country == target, threats[0].target


def test_events_a_participle_after_a_wrapped_noun_was_done(nlp):
    events = _events(
        nlp,
        "Rights groups urged the release of the activists arrested by Tunisian police in March.",
    )
    arrests = [e for e in events if e.cameo.startswith("173")]
    assert arrests and arrests[0].modality == "asserted", [(e.cameo, e.modality) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The new authorities in Damascus said they would not seek revenge against former soldiers.",
        "The insurgents pledged not to retaliate against police officers who defect.",
    ],
)
def test_events_a_response_not_vowed_is_no_threat_made(nlp, text):
    """probe16: a negated vow ("would not seek revenge") threatens nothing."""
    events = _events(nlp, text)
    made = [e for e in events if e.cameo.startswith("13") and not e.negated]
    assert not made, [(e.cameo, e.trigger, e.negated) for e in events]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            (
                "Pakistani jets bombed militant hideouts in Afghanistan's Khost province. "
                "The Taliban fired mortars across the border in retaliation."
            ),
            "PAK",
        ),
        (
            (
                "Azerbaijani troops shelled Armenian villages overnight. "
                "Armenia's army said it had fired mortars in response."
            ),
            "AZE",
        ),
    ],
)
def test_events_an_act_in_response_aims_at_who_struck(nlp, text, target):
    """probe16: force used "in response" / "in retaliation" with no target of its own is aimed
    at whoever the article said last struck the doer's side (``adjunct_nouns``)."""
    events = _events(nlp, text)
    answer = [e for e in events if e.trigger == "fired"]
    assert answer, [(e.cameo, e.trigger) for e in events]
    assert answer[0].target is not None and answer[0].target.country == target, answer[0].target
