"""Verb and noun rows of acts common in wire reports that coded nothing or the wrong act: a party
suspended (1722), networks disrupted (176), soldiers handed over (0841), citizenship stripped
(172), troops put on combat readiness (152, not peacekeeping because peacekeepers are named in
another clause), troops disengaging (087), and "prisoners of war" (no war). Sentences written
for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 11, 20))


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        (
            "Chad's transitional government suspended two opposition parties for six months.",
            "1722",
            "TCD",
        ),
        ("Iranian hackers disrupted the computer systems of an Albanian ministry.", "176", "IRN"),
        ("Ethiopia handed over 40 Eritrean soldiers to the Red Cross on Monday.", "0841", "ETH"),
        ("Bahrain stripped 30 activists of their citizenship last year.", "172", "BHR"),
        (
            "Armenia placed its forces on full combat readiness after Azerbaijani troops clashed with EU monitors.",
            "152",
            "ARM",
        ),
        (
            "Thai and Cambodian troops completed their disengagement along the frontier.",
            "087",
            "THA",
        ),
    ],
)
def test_events_wire_acts_have_their_rows(nlp, text, code, source):
    events = _events(nlp, text)
    hit = [e for e in events if e.cameo.startswith(code)]
    assert hit, [(e.cameo, e.trigger) for e in events]
    assert hit[0].source is not None and hit[0].source.country == source, hit[0].source


def test_events_prisoners_of_war_report_no_war(nlp):
    events = _events(nlp, "Forty prisoners of war arrived home on a bus from the border.")
    assert not [e for e in events if e.cameo[:2] in ("18", "19", "20")], [
        (e.cameo, e.trigger) for e in events
    ]
