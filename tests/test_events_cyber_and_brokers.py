"""Cyberattacks are CAMEO 176, not the 190 of a plain attack; the broker of a ceasefire is no
party to it (coder._owner skips a third party's participle)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Iranian hackers launched a cyberattack on Israel's water utilities.", "IRN"),
        ("Russia carried out a cyber attack on Estonia's banks.", "RUS"),
        ("Chinese state hackers breached the computer systems of Japan's space agency.", "CHN"),
    ],
)
def test_events_cyberattacks_are_176(nlp, text, source):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.cameo == "176", [(e.cameo, e.trigger) for e in events]
    assert main.source is not None and main.source.country == source, main.source


def test_events_a_plain_attack_stays_force(nlp):
    events = code_doc(nlp("Russia carried out an attack on Ukrainian positions."), published=PUBLISHED)
    assert events[0].cameo_root == "19", [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire brokered by Qatar was violated within hours, residents said.",
        "The truce mediated by Turkey was broken on Sunday.",
    ],
)
def test_events_broker_of_a_ceasefire_is_no_target_of_its_violation(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    broken = [e for e in events if e.cameo_root == "19"]
    assert broken, [(e.cameo, e.trigger) for e in events]
    assert broken[0].target is None or broken[0].target.country not in ("QAT", "TUR"), broken[0].target


@pytest.mark.parametrize(
    "text",
    [
        "A wave of cyber attacks took down government websites in Lithuania on Tuesday.",
        "A cyber attack crippled the payment systems of banks in Estonia.",
    ],
)
def test_events_a_cyber_attack_implies_no_doer_of_its_victims_country(nlp, text):
    """probe16: a cyber attack (176) is no act only a state does; the country it hit is never
    its implied doer (``implied_doers``)."""
    events = code_doc(nlp(text), published=PUBLISHED)
    cyber = [e for e in events if e.cameo == "176"]
    assert cyber, [(e.cameo, e.trigger) for e in events]
    assert all(e.source is None or e.source.country not in ("LTU", "EST") for e in cyber), [
        (e.source, e.trigger) for e in cyber
    ]
