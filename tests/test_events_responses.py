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
