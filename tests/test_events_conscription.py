"""Conscription, drafts and call-ups raise armed forces as a mobilisation does (154); drafting
a text does not."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Lithuania reintroduced conscription after Russia annexed Crimea.", "LTU"),
        ("Sweden reinstated the military draft for men and women.", "SWE"),
        ("Sudan's army drafted hundreds of students into its ranks in Port Sudan.", "SDN"),
        ("Denmark extended mandatory military service to eleven months.", "DNK"),
    ],
)
def test_events_conscription_raising_forces_is_mobilisation(nlp, text, doer):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert any(e.cameo == "154" and e.source is not None and e.source.country == doer for e in events), [
        (e.source, e.cameo, e.trigger) for e in events
    ]


@pytest.mark.parametrize("text", ["Parliament's legal committee drafted a new law on elections."])
def test_events_conscription_drafting_a_text_is_no_mobilisation(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert not any(e.cameo_root == "15" for e in events), [(e.cameo, e.trigger) for e in events]
