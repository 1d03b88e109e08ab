"""A possessive naming the doer in the reason clause of a verb of reproach is the reproached
object's ("Moscow condemned Kyiv after ITS drones hit a refinery": Ukraine's drones), while
a victim there stays the subject's. Sentences written for these tests (probe16, issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 9, 2))


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Russia condemned Ukraine after its drones hit an oil refinery in Ryazan.", "hit", "UKR"),
        (
            "The Philippines summoned China's envoy after its coast guard rammed a supply boat.",
            "rammed",
            "CHN",
        ),
    ],
)
def test_actors_the_reproached_did_the_act_of_the_reason_clause(nlp, text, trigger, doer):
    events = [e for e in _events(nlp, text) if e.trigger == trigger]
    assert events, [(e.cameo, e.trigger) for e in _events(nlp, text)]
    assert events[0].source is not None and events[0].source.country == doer, events[0].source


def test_actors_a_victim_of_the_reason_clause_stays_the_subjects(nlp):
    text = "Serbia condemned Kosovo after its policemen were beaten in the north."
    events = [e for e in _events(nlp, text) if e.trigger == "beaten"]
    assert events and events[0].target is not None, [(e.cameo, e.trigger) for e in events]
    assert events[0].target.country == "SRB", events[0].target
