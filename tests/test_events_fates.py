"""A fate a speaker foretells another ("said Israel will pay a heavy price") is the speaker's
threat against it (``events/fates.py``), and an act only feared ("amid fears of an offensive")
is not reported done (``mood.feared``). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 10, 2)


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


def _brief(events):
    return [(e.cameo, e.source and e.source.code, e.target and e.target.code, e.modality)
            for e in events]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Pakistan's army chief said India would pay a heavy price for any adventure.", "PAK", "IND"),
        ("'Tokyo will regret this provocation,' a Chinese defence ministry spokesman said.", "CHN", "JPN"),
        ("The Kremlin said Finland would face consequences for joining the alliance.", "RUS", "FIN"),
    ],
)
def test_events_a_foretold_fate_is_the_speakers_threat(nlp, text, source, target):
    events = _events(nlp, text)
    assert events, text
    main = events[0]
    assert main.cameo[:2] == "13", _brief(events)
    assert main.source is not None and main.source.country == source, _brief(events)
    assert main.target is not None and main.target.country == target, _brief(events)


def test_events_ones_own_price_is_no_threat(nlp):
    events = _events(nlp, "'We will pay a high price for this war,' the Ukrainian president said.")
    assert not [e for e in events if e.cameo[:2] == "13"], _brief(events)


@pytest.mark.parametrize(
    "text",
    [
        "Families left Kherson amid fears of a new Russian assault on the city.",
        "Diplomats warned of the danger of a war between Ethiopia and Eritrea.",
        "Stocks in Taipei fell sharply on invasion fears.",
    ],
)
def test_events_a_feared_act_is_not_done(nlp, text):
    events = _events(nlp, text)
    done = [e for e in events if e.cameo[:2] in ("18", "19", "20")
            and e.modality in ("asserted", "reported") and not e.negated]
    assert not done, _brief(events)


def test_events_an_act_feared_by_no_noun_stays_done(nlp):
    events = _events(nlp, "Russian forces launched a new assault on Kherson on Tuesday.")
    assert events and events[0].cameo[:2] in ("18", "19") and events[0].modality == "asserted"


def test_events_paying_dearly_is_a_fate_foretold(nlp):
    events = _events(nlp, "Iran said on Friday that Israel would pay dearly for the killing.")
    assert events and events[0].cameo[:2] == "13", _brief(events)
    assert events[0].target is not None and events[0].target.country == "ISR"


def test_events_a_cost_foretold_to_no_party_is_no_threat(nlp):
    events = _events(nlp, "Economists said the company would pay a heavy price for the recall.")
    assert not [e for e in events if e.cameo[:2] == "13"], _brief(events)
