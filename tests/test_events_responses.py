"""A response to a harm, vowed or done, is aimed at whoever the article said did the harm."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 6, 12)


@pytest.mark.parametrize(
    ("text", "vower", "aimed_at"),
    [
        (
            ("Azerbaijani troops shelled Armenian positions near Sotk on Monday. "
            "Armenia vowed to retaliate."),
            "ARM",
            "AZE",
        ),
        (
            ("A Pakistani air strike hit a village in Afghanistan's Khost province. "
            "The Taliban government vowed revenge."),
            "AFG",
            "PAK",
        ),
    ],
)
def test_events_responses_a_vowed_response_is_aimed_at_the_attacker(nlp, text, vower, aimed_at):
    events = code_doc(nlp(text), published=PUBLISHED)
    vowed = [e for e in events if e.cameo_root == "13" and e.source is not None and e.source.country == vower]
    assert vowed, [(e.cameo, e.source, e.target) for e in events]
    assert vowed[0].target is not None and vowed[0].target.country == aimed_at, vowed[0].target


def test_events_responses_a_vow_with_no_attack_told_has_no_target(nlp):
    events = code_doc(nlp("The rebels vowed to respond."), published=PUBLISHED)
    assert events and events[0].target is None, events


@pytest.mark.parametrize(
    "text",
    [
        "Tehran is ready to respond to any Israeli attack, the foreign ministry said.",
        "Taiwan's defence minister said the armed forces were ready to respond to any provocation.",
        "The militia said it was prepared to retaliate.",
        "The group's leader said its fighters were ready to respond to any Israeli aggression.",
    ],
)
def test_events_responses_ready_to_respond_to_a_harm_is_a_threat_of_force(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert [e for e in events if e.cameo == "138"], [(e.cameo, e.trigger) for e in events]
    assert not [e for e in events if e.cameo[:2] in ("03", "19")], [(e.cameo, e.trigger) for e in events]


def test_events_responses_ready_to_respond_to_demands_is_no_threat(nlp):
    events = code_doc(nlp("The government is ready to respond to the strikers' demands."), published=PUBLISHED)
    assert not [e for e in events if e.cameo_root == "13"], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "doer", "aimed_at"),
    [
        (
            "Ethiopian troops shelled Eritrean border posts. Eritrea said it had carried out retaliatory strikes.",
            "ERI",
            "ETH",
        ),
        (
            "The Burmese army said it launched reprisal attacks after Arakan Army fighters ambushed a convoy.",
            "MMR",
            "MMR",
        ),
    ],
)
def test_events_responses_a_retaliatory_act_is_aimed_at_the_attacker(nlp, text, doer, aimed_at):
    events = code_doc(nlp(text), published=PUBLISHED)
    done = [e for e in events if e.cameo_root == "19" and e.trigger in ("carried out", "launched")]
    assert done and done[0].source is not None and done[0].source.country == doer, done
    assert done[0].target is not None and done[0].target.country == aimed_at, [
        (e.source, e.cameo, e.target) for e in events
    ]
