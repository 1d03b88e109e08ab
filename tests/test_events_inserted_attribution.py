"""Attribution inserted inside a sentence ("Russian forces, Ukraine's military said, struck ...")
leaves the fronted subject the doer and the inserted one the speaker (``events/inserted.py``);
armed men pushed out or back are fought (190). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 8, 19))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israeli jets, Lebanon's health ministry said on Monday, struck a village near Tyre.",
         "ISR", "LBN"),
        (("Sudanese troops, the army spokesman told reporters, had pushed the RSF fighters out "
         "of two districts of Omdurman."), "SDN", "SDN"),
    ],
)
def test_events_the_fronted_subject_of_an_inserted_report_is_the_doer(nlp, text, source, target):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] in ("18", "19"), [(e.cameo, e.trigger) for e in events]
    main = events[0]
    assert main.source is not None and main.source.country == source, main.source
    assert main.target is not None and main.target.country == target, main.target


def test_events_an_inserted_speaker_foretelling_a_fate_threatens(nlp):
    events = _events(nlp, "Kyiv, the Russian defence minister said, will regret the incursion.")
    assert events and events[0].cameo[:2] == "13", [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == "RUS"
    assert events[0].target is not None and events[0].target.country == "UKR"


def test_events_one_subject_before_the_saying_stays_the_speaker(nlp):
    # no second subject: the one subject speaks
    events = _events(nlp, "The Iranian foreign ministry, in a statement, said the talks would resume.")
    assert all(e.source is None or e.source.country == "IRN" for e in events), events
