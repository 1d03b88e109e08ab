"""A participle clause of a reported act, with no subject of its own, is told by the same
speaker: "troops opened fire on the post, killing four, the Armenian defence ministry said"
reports the killing too, and its victims are the reporter's people. Sentences written for these
tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 6, 2))


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        (
            "Sudanese troops shelled a market near the border, killing nine, South Sudan's government said.",
            "SSD",
        ),
        (
            "Afghan forces fired on a checkpoint overnight, wounding six, Pakistan's interior ministry said.",
            "PAK",
        ),
    ],
)
def test_events_a_participle_clause_is_reported_by_the_same_speaker(nlp, text, victims):
    events = _events(nlp, text)
    toll = [e for e in events if e.trigger in ("killing", "wounding")]
    assert toll, [(e.cameo, e.trigger) for e in events]
    assert toll[0].modality == "reported" and toll[0].attribution, toll[0]
    assert toll[0].target is not None and toll[0].target.country == victims, toll[0].target
