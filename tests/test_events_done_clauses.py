"""A past act in an adverbial clause of its own subject happened, whatever the verb it hangs on
orders or intends: "ordered troops to hunt them down after gunmen stormed a studio" reports the
storming as done. A clause in the present ("after the truce takes effect") is not told as done.
Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 1, 10))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The interior minister told police to track down the gang after gunmen raided a bank in the port city.",
            "raided",
        ),
        (
            "The president instructed the army to secure the border after rebels had shelled two villages.",
            "shelled",
        ),
    ],
)
def test_events_a_past_clause_under_an_order_was_done(nlp, text, trigger):
    events = _events(nlp, text)
    act = [e for e in events if e.trigger == trigger]
    assert act and act[0].modality == "asserted", [(e.trigger, e.modality) for e in events]


@pytest.mark.parametrize(
    "text",
    ["The commander ordered his men to attack after the rebels withdraw from the hills."],
)
def test_events_a_present_clause_under_an_order_is_not_told_done(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.trigger == "withdraw" and e.modality == "asserted"], [
        (e.trigger, e.modality) for e in events
    ]
