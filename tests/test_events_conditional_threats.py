"""A threat on a condition is aimed at whoever the condition asks to act: "threatened tariffs
if Mexico did not stop the flow of migrants" threatens Mexico. Sentences written for these
tests (probe16, issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2025, 3, 12))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Washington threatened to impose new tariffs if Mexico did not stop the flow of migrants.",
            "USA",
            "MEX",
        ),
        (
            "Ankara threatened to block the pipeline unless Baghdad paid its debts.",
            "TUR",
            "IRQ",
        ),
    ],
)
def test_events_a_conditional_threat_aims_at_who_must_act(nlp, text, source, target):
    threats = [e for e in _events(nlp, text) if e.cameo.startswith("13")]
    assert threats, [(e.cameo, e.trigger) for e in _events(nlp, text)]
    assert threats[0].source is not None and threats[0].source.country == source
    assert threats[0].target is not None and threats[0].target.country == target, threats[0].target
